import type { Doc, DocMention } from './doc';
import { TITLE_CONCEPTS } from './lexicon/shared';
import { trapReason, type Anaphor, type Speaker } from './speaker';
import type { Attribution } from './types';

/** Languages whose names decline: the nominative tells the subject from the objects. */
const DECLINING = new Set(['uk', 'ru', 'pl']);

/** How far back a pronoun or title may look for its person: this sentence and two before. */
const SENTENCES_BACK = 2;

/**
 * Resolve a pronoun or title to the one person named just before it. Precision first, so it
 * answers only when nothing else could be meant:
 * - the persons named (outside quotations) in this sentence before the anaphor and in up to two
 *   sentences before, stopping at the nearest sentence that names one, must be exactly one;
 * - no one else spoke in between (an attribution to someone else, or a reporting verb whose
 *   speaker we do not know: "Ivan Petrov said … He added …");
 * - gender and title must fit (she ≠ Peskov; "the spokesman" must be described as one).
 */
export function resolveAnaphor(
  doc: Doc,
  anaphor: Anaphor,
  found: readonly Attribution[],
): { speaker: Speaker; reason?: undefined } | { reason: string; speaker?: undefined } {
  const { tokens, sentences, sentenceOf } = doc;
  const here = sentenceOf[anaphor.tok]!;
  // Attributions found in the window (they are in text order by cue; the window is short).
  const windowStart = tokens[sentences[Math.max(0, here - SENTENCES_BACK - 1)]!.first]!.start;
  const recent: Attribution[] = [];
  for (let j = found.length - 1; j >= 0 && found[j]!.cueEnd >= windowStart; j--) recent.push(found[j]!);
  const para = sentences[here]!.para;
  let from = sentences[here]!.first;
  const persons: DocMention[] = [];
  let named = 0;
  // Only persons the pronoun or title can stand for: "she" is not Peskov, "the spokesman" not Putin.
  const fits = (m: DocMention) => {
    const info = m.info!;
    if (anaphor.gender && info.gender && anaphor.gender !== info.gender) return false;
    if (!anaphor.concept) return true;
    const concept = TITLE_CONCEPTS[anaphor.concept];
    return !!concept && !!info.description && concept.test(info.description);
  };
  for (let s = here, back = 0; s >= 0 && back <= SENTENCES_BACK; s--, back++) {
    const sentence = sentences[s]!;
    if (para - sentence.para > 2) break;
    from = sentence.first;
    const end = s === here ? anaphor.tok : sentence.end;
    for (let i = sentence.first; i < end; i++) {
      const k = doc.mentionFrom[i]!;
      if (k < 0 || doc.inQuote[i]! >= 0) continue;
      const m = doc.mentions[k]!;
      // Persons talked about inside a statement are not its speaker's antecedent rivals.
      const talkedAbout = recent.some((a) => a.start <= m.start && m.end <= a.end && a.speaker !== m.entity);
      if (m.info?.type === 'person' && !talkedAbout && !trapReason(doc, m)) {
        named++;
        if (fits(m)) persons.push(m);
      }
    }
    if (persons.length) break;
  }
  if (named && !persons.length) return { reason: 'no person named before fits it' };
  let ids = new Set(persons.map((m) => m.entity));
  if (ids.size > 1) {
    // Subject continuity: "…, Peskov argued. “…,” he noted." — the one who was just reported
    // speaking carries on, if only one of them was.
    const speakers = new Set(recent.filter((a) => a.cueEnd <= anaphor.start).map((a) => a.speaker));
    const speaking = [...ids].filter((id) => speakers.has(id));
    if (speaking.length === 1) {
      ids = new Set(speaking);
      persons.splice(0, persons.length, ...persons.filter((m) => m.entity === speaking[0]));
    }
  }
  if (ids.size > 1 && DECLINING.has(doc.lang)) {
    // "Кулеба зустрівся з Блінкеном. … — додав він": the one named in the nominative, the
    // subject, carries on; those in other cases were objects.
    const subjects = persons.filter((m) => !m.inflected);
    if (subjects.length) {
      ids = new Set(subjects.map((m) => m.entity));
      persons.splice(0, persons.length, ...subjects);
    }
  }
  if (ids.size === 0) return { reason: 'no person named before' };
  if (ids.size > 1) return { reason: `${ids.size} persons named before: ambiguous` };
  const person = persons.at(-1)!;
  // "Путин и Лукашенко провели переговоры. Он заявил …": a name we do not know next to the
  // candidate is a second candidate.
  for (const m of persons) {
    for (const [conj, other] of [
      [m.last + 1, m.last + 2],
      [m.first - 1, m.first - 2],
    ] as const) {
      const t = tokens[other];
      if (
        doc.lex.conjunctions.has(tokens, conj) &&
        t?.kind === 'w' &&
        t.upper &&
        doc.mentionFrom[other]! < 0 &&
        doc.mentionTo[other]! < 0
      )
        return { reason: `"${doc.text.slice(t.start, t.end)}" may be meant as well` };
    }
  }
  const fromChar = tokens[from]!.start;
  const toChar = anaphor.start;
  const between = recent.filter((a) => a.cueStart >= fromChar && a.cueEnd <= toChar);
  if (between.some((a) => a.speaker !== person.entity)) return { reason: 'someone else spoke in between' };
  if (between.some((a) => a.why.speaker.via === 'spokesperson'))
    return { reason: 'the last speaker was a spokesperson, not the person named' };
  if (
    doc.foreignCues.some((c) => c >= from && c < anaphor.tok && tokens[c]!.start > tokens[person.last]!.end)
  )
    return { reason: 'someone we do not know spoke in between' };
  return {
    speaker: {
      entity: person.entity,
      via: anaphor.kind,
      start: anaphor.start,
      end: anaphor.end,
      antecedent: { start: person.start, end: person.end },
    },
  };
}

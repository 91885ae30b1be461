import { isPunct, speakerEndingAt, speakerStartingAt, type Doc, type DocMention } from './doc';
import {
  clauseBoundary,
  fromMention,
  isGivenName,
  type Anaphor,
  type NounPhrase,
  type Speaker,
} from './speaker';

/**
 * Speakers that stand after their verb or frame: "…," said Peskov; «…», — заявил пресс-секретарь
 * Кремля Дмитрий Песков; "according to the agency's director general Rafael Grossi"; and the
 * impersonal "У Кремлі заявили".
 */

/** Whether a speaker mention starts within the next few words, before any punctuation. */
function speakerSoon(doc: Doc, j: number, limit: number): boolean {
  for (let k = j + 1; k < limit && k - j <= 6; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'w' && t.kind !== 'h') return false;
    const m = doc.mentionFrom[k]!;
    if (m >= 0) return doc.mentions[m]!.canSpeak;
    if (doc.lex.verbs.has(doc.tokens, k) || doc.lex.complementizers.has(doc.tokens, k)) return false;
  }
  return false;
}

/**
 * The subject phrase starting at token `i` (after an inverted verb or a frame): titles, names
 * and modifiers up to punctuation. `genitiveOk` for frames ("по словам Пескова").
 */
export function phraseStartingAt(
  doc: Doc,
  i: number,
  limit: number,
  genitiveOk: boolean,
  withinQuote = false,
): NounPhrase {
  const { tokens, lex } = doc;
  const pron = lex.pronouns.at(tokens, i, limit);
  if (pron) {
    const anaphor: Anaphor = {
      kind: 'pronoun',
      gender: pron.value,
      start: tokens[i]!.start,
      end: tokens[pron.end - 1]!.end,
      tok: i,
    };
    return { anaphor, first: i, last: pron.end - 1 };
  }
  let j = i;
  const inside: DocMention[] = [];
  let unknown = false;
  let afterLast = 0;
  while (j < limit && j - i < 12) {
    const t = tokens[j]!;
    if (doc.inQuote[j]! >= 0 && !withinQuote) break;
    const mk = doc.mentionFrom[j]!;
    if (mk >= 0) {
      const m = doc.mentions[mk]!;
      if (m.canSpeak) inside.push(m);
      afterLast = 0;
      j = m.last + 1;
      // A person's name ends the phrase ("Według Pieskowa Władimir Putin nie planuje …").
      if (m.info?.type === 'person' && tokens[j]?.kind !== 'h') break;
      continue;
    }
    if (t.kind === 'h' || t.norm === "'s") {
      j++;
      continue;
    }
    if (t.kind !== 'w') break;
    if (tokens[j + 1]?.norm === "'s" && !t.upper) {
      // "the agency's director general Rafael Grossi"
      j += 2;
      continue;
    }
    if (lex.verbs.has(tokens, j) || lex.complementizers.has(tokens, j) || lex.conjunctions.has(tokens, j))
      break;
    if (lex.relatives.has(tokens, j) || lex.adjuncts.has(tokens, j) || lex.recipients.has(tokens, j)) break;
    const word =
      lex.titles.at(tokens, j, limit) ??
      lex.representatives.at(tokens, j, limit) ??
      lex.representativeLinks.at(tokens, j, limit) ??
      lex.prefixWords.at(tokens, j, limit) ??
      lex.definite.at(tokens, j, limit);
    if (word) {
      j = word.end;
      continue;
    }
    if (!t.upper && doc.lang !== 'en' && !inside.length && speakerSoon(doc, j, limit)) {
      // "сказав міністр закордонних справ Росії Сергій Лавров"
      j++;
      continue;
    }
    if (t.upper) {
      afterLast++;
      if (inside.length && afterLast > 0) unknown = true;
      if (!inside.length && isGivenName(t.norm)) unknown = true;
      j++;
      continue;
    }
    break;
  }
  if (j === i) return { fail: 'no subject after the verb' };
  if (isPunct(doc, j, ',') && !inside.some((m) => m.info?.type === 'person')) {
    // "a déclaré le porte-parole du Kremlin, Dmitri Peskov": the name after the title.
    const named = speakerStartingAt(doc, j + 1);
    const next = tokens[(named?.last ?? 0) + 1];
    if (named?.info?.type === 'person' && (!next || next.kind === 'p' || next.para !== tokens[j]!.para)) {
      inside.push(named);
      j = named.last + 1;
    }
  }
  const persons = new Set(inside.filter((m) => m.info?.type === 'person').map((m) => m.entity));
  if (persons.size > 1) return { fail: 'several speakers' };
  if (unknown) return { fail: 'someone we do not know', foreign: true };
  const chosen = [...inside].reverse().find((m) => m.info?.type === 'person') ?? inside.at(-1);
  if (!chosen) {
    const title = lex.titles.at(tokens, lex.definite.at(tokens, i, limit)?.end ?? i, limit);
    // "— сказал пресс-секретарь президента": a title and its genitive, nobody named.
    let e = title?.end ?? j;
    while (e < j && lex.prefixWords.has(tokens, e, limit)) e = lex.prefixWords.at(tokens, e, limit)!.end;
    if (title && e === j) {
      const anaphor: Anaphor = {
        kind: 'title',
        concept: title.value,
        start: tokens[i]!.start,
        end: tokens[j - 1]!.end,
        tok: i,
      };
      return { anaphor, first: i, last: j - 1 };
    }
    return { fail: 'no speaker we know', foreign: true };
  }
  const np = fromMention(doc, chosen, i, genitiveOk);
  if (!('speaker' in np)) return np;
  if (chosen.info?.type === 'person' && np.speaker.via === 'name') {
    const org = inside.find((m) => m.info?.type === 'org');
    if (org) np.speaker.for = org.entity;
  }
  return { ...np, first: i, last: j - 1 };
}

/**
 * "У Кремлі заявили, що …", "В МИД России сообщили": a plural verb without a subject after "in"
 * and an organisation — the organisation speaks.
 */
export function locativeSubject(doc: Doc, cue: number, floor: number): NounPhrase | undefined {
  const { tokens, lex } = doc;
  let j = cue - 1;
  while (j >= floor && !speakerEndingAt(doc, j)) {
    const adj = lex.adjuncts.endingAt(tokens, j, floor);
    if (!adj) break;
    j = adj.start - 1;
  }
  const m = speakerEndingAt(doc, j);
  if (!m || m.info?.type !== 'org') return undefined;
  const prep = lex.locatives.endingAt(tokens, m.first - 1, floor);
  if (!prep || clauseBoundary(doc, prep.start - 1, floor) !== undefined) return undefined;
  const speaker: Speaker = {
    entity: m.entity,
    via: 'name',
    start: tokens[prep.start]!.start,
    end: tokens[m.last]!.end,
  };
  return { speaker, first: prep.start, last: m.last };
}

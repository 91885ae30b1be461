import type { VerbHit } from './compile';
import { contentAfter, contentBefore, quoteContent, type Content } from './content';
import { resolveAnaphor } from './coref';
import { isFinal, isPunct, type Doc } from './doc';
import type { Finding } from './make';
import type { Quote } from './quotes';
import type { Sentence } from './sentences';
import { clauseBoundary, subjectBefore, type NounPhrase, type Speaker } from './speaker';
import { locativeSubject, phraseStartingAt } from './speaker-after';
import type { Attribution } from './types';

/**
 * The constructions of reported speech, each anchored on a cue (a reporting verb or a frame):
 * where the speaker stands relative to the cue, and where the statement is.
 */

/** Languages that drop the subject pronoun ("«…», — добавил."; "– dodał."). */
const PRO_DROP = new Set(['uk', 'ru', 'pl']);

type Resolved = { speaker: Speaker } | { reason: string };

export function resolve(doc: Doc, np: NounPhrase, found: readonly Attribution[]): Resolved {
  if ('speaker' in np) return { speaker: np.speaker };
  if ('anaphor' in np) {
    const r = resolveAnaphor(doc, np.anaphor, found);
    return r.speaker ? { speaker: r.speaker } : { reason: r.reason! };
  }
  return { reason: np.fail };
}

/** Skip adverbs, recipients and separable particles from token `i`. */
function skipAdjuncts(doc: Doc, i: number, end: number): number {
  const { lex, tokens } = doc;
  for (let guard = 0; guard < 8 && i < end; guard++) {
    const hit = lex.adjuncts.at(tokens, i, end) ?? lex.recipients.at(tokens, i, end);
    if (!hit) break;
    i = hit.end;
  }
  return i;
}

/** Whether the reporting clause ends at token `a`: sentence end, or a split quote / dash follows. */
export function closesClause(
  doc: Doc,
  a: number,
  sentence: Sentence,
): { ends: boolean; split?: number; parenthetical?: boolean; loose?: boolean } {
  if (a >= sentence.end || isFinal(doc, a)) return { ends: true };
  if (isPunct(doc, a, ',') || doc.tokens[a]!.kind === 'd') {
    let b = a + 1;
    while (b < sentence.end && (isPunct(doc, b, ',') || doc.tokens[b]!.kind === 'd')) b++;
    if (doc.opens.has(b)) return { ends: true, split: b };
    if (b >= sentence.end || isFinal(doc, b)) return { ends: true };
    return { ends: false, parenthetical: isPunct(doc, a, ','), loose: isLoose(doc, a, sentence) };
  }
  return { ends: false, loose: isLoose(doc, a, sentence) };
}

/**
 * Whether what follows a reporting clause is only more about the speaker or the occasion ("…,"
 * said Sergei Lavrov, Russia's foreign minister; "…, Grossi told the IAEA board in Vienna"): no
 * verb of saying, no "that", no colon or quotation, and a few words at most.
 */
function isLoose(doc: Doc, a: number, sentence: Sentence): boolean {
  const { tokens, lex } = doc;
  let words = 0;
  for (let i = a; i < sentence.end; i++) {
    const t = tokens[i]!;
    if (t.kind === 'w' && ++words > 10) return false;
    if (
      isPunct(doc, i, ':') ||
      doc.opens.has(i) ||
      lex.verbs.has(tokens, i) ||
      lex.complementizers.has(tokens, i)
    )
      return false;
  }
  return true;
}

/** The whole sentence as the content of a parenthetical report ("The army, he said, advanced."). */
export function sentenceContent(
  doc: Doc,
  sentence: Sentence,
  rFirst: number,
  rLast: number,
): Content | undefined {
  const { tokens } = doc;
  let first = sentence.first;
  while (first < rFirst && tokens[first]!.kind !== 'w') first++;
  let last = sentence.end - 1;
  while (last > rLast && tokens[last]!.kind === 'p') last--;
  if (first >= rFirst - 1 || last <= rLast + 1) return undefined;
  return {
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    kind: 'indirect',
    first,
    last,
    notes: ['the report stands inside the statement'],
  };
}

/** A quotation or sentence continuing a split report after the clause ("…," he said, "…"). */
function splitPart(doc: Doc, b: number): Content | undefined {
  const q = doc.opens.get(b);
  return q ? quoteContent(doc, q) : undefined;
}

/** Content of the sentence before, for "Об этом заявил Песков" / "Про це повідомив Зеленський". */
function previousSentence(doc: Doc, sentence: Sentence): Content | undefined {
  const k = doc.sentenceOf[sentence.first]! - 1;
  const prev = doc.sentences[k];
  if (!prev || sentence.para - prev.para > 1) return undefined;
  let first = prev.first;
  while (first < prev.end && doc.tokens[first]!.kind === 'd') first++;
  const q = doc.opens.get(first);
  if (q && (q.close >= prev.end - 2 || q.unclosed)) return quoteContent(doc, q);
  let last = prev.end - 1;
  while (last > first && doc.tokens[last]!.kind === 'p') last--;
  if (last - first < 2) return undefined;
  const c: Content = {
    start: doc.tokens[first]!.start,
    end: doc.tokens[last]!.end,
    kind: 'indirect',
    first,
    last,
    notes: ['"about this": the statement is the sentence before'],
  };
  for (let i = first; i <= last; i++) if (doc.opens.has(i)) c.kind = 'mixed';
  return c;
}

/** Findings for a reporting verb at token `c0`. */
export function fromVerb(
  doc: Doc,
  sentence: Sentence,
  c0: number,
  hit: { end: number; value: VerbHit },
  found: readonly Attribution[],
): Finding[] {
  const { tokens, lex } = doc;
  const { verb, gender, pronoun } = hit.value;
  const c1 = hit.end;
  const base = { cueFirst: c0, lemma: verb.lemma, stance: verb.stance };
  // A participle or a second verb: the speaker of the clause it continues.
  const joined =
    isPunct(doc, c0 - 1, ',') || lex.conjunctions.endingAt(tokens, c0 - 1, sentence.first) !== undefined;
  let previous: Attribution | undefined;
  for (let j = found.length - 1; j >= 0 && !previous; j--) {
    const a = found[j]!;
    if (a.cueStart < tokens[sentence.first]!.start) break;
    if (a.cueEnd <= tokens[c0]!.start) previous = a;
  }
  const coordinated = (content: Content, cueEnd: number): Finding => ({
    ...base,
    speaker: {
      entity: previous!.speaker,
      via: 'coordination',
      start: previous!.why.speaker.start,
      end: previous!.why.speaker.end,
    },
    content,
    cueEnd: Math.max(c1, cueEnd),
    rule: 'coordination',
  });
  if (verb.participle) {
    if (!joined || !previous) return [];
    const r = contentAfter(doc, c1, sentence, verb);
    return r.content ? [coordinated(r.content, r.cueEnd)] : [];
  }
  if (!pronoun) {
    const sb = subjectBefore(doc, c0, sentence.first);
    if (sb.blocked) return [];
    if (!('fail' in sb)) {
      const who = resolve(doc, sb, found);
      if (!('speaker' in who)) return [];
      return withSubjectBefore(doc, sentence, sb.first, c0, c1, who.speaker, hit.value, found, base);
    }
    const loc = gender === 'p' ? locativeSubject(doc, c0, sentence.first) : undefined;
    if (loc && 'speaker' in loc)
      return withSubjectBefore(doc, sentence, loc.first, c0, c1, loc.speaker, hit.value, found, base);
    if (sb.foreign) doc.foreignCues.push(c0);
    else if (joined && previous && tokens[c0 - 1]!.kind === 'w' && previous.end <= tokens[c0]!.start) {
      // "The Kremlin denied … and accused Kyiv of …"
      const r = contentAfter(doc, c1, sentence, verb);
      if (
        r.content &&
        (verb.takes ||
          r.content.kind !== 'indirect' ||
          lex.complementizers.endingAt(tokens, r.content.first - 1))
      )
        return [coordinated(r.content, r.cueEnd)];
      return [];
    }
  }
  if (doc.lang === 'en' && !verb.inverts) return [];
  // The verb before its subject: "…," said Peskov; «…», — заявил Песков; Am Montag sagte Peskow, dass …
  const s0 = skipAdjuncts(doc, c1, sentence.end);
  let np: NounPhrase;
  if (pronoun)
    np = {
      anaphor: {
        kind: 'pronoun',
        gender: pronoun,
        start: tokens[c0]!.start,
        end: tokens[c1 - 1]!.end,
        tok: c0,
      },
      first: c0,
      last: c1 - 1,
    };
  else np = phraseStartingAt(doc, s0, sentence.end, false);
  if ('fail' in np) {
    // A dropped subject only after direct speech ("«…», — добавил."), never after a plain comma.
    const direct = contentBefore(doc, c0, sentence)?.kind === 'direct';
    const dropped =
      direct &&
      PRO_DROP.has(doc.lang) &&
      (gender === 'm' || gender === 'f') &&
      (s0 >= sentence.end || tokens[s0]!.kind === 'p');
    if (!dropped) {
      if (np.foreign) doc.foreignCues.push(c0);
      return [];
    }
    np = {
      anaphor: {
        kind: 'pronoun',
        gender: gender as 'm' | 'f',
        start: tokens[c0]!.start,
        end: tokens[c1 - 1]!.end,
        tok: c0,
      },
      first: c0,
      last: c1 - 1,
    };
  }
  const who = resolve(doc, np, found);
  if (!('speaker' in who)) return [];
  const after = skipAdjuncts(doc, np.last + 1, sentence.end);
  const close = closesClause(doc, after, sentence);
  const before = contentBefore(doc, c0, sentence);
  const cueEnd = c1;
  if (before && (close.ends || close.loose)) {
    const out: Finding[] = [
      { ...base, speaker: who.speaker, content: before, cueEnd, rule: 'content-verb-speaker' },
    ];
    const part = close.split !== undefined ? splitPart(doc, close.split) : undefined;
    if (part) out.push({ ...base, speaker: who.speaker, content: part, cueEnd, rule: 'split-quote' });
    return out;
  }
  // Sentence-initial: "Об этом заявил Песков." / V2: "Am Montag sagte Peskow, dass …"
  let k = c0 - 1;
  while (k >= sentence.first) {
    const adj = lex.adjuncts.endingAt(tokens, k, sentence.first);
    if (!adj) break;
    k = adj.start - 1;
  }
  const about = k >= sentence.first ? lex.anaphoricContent.endingAt(tokens, k, sentence.first) : undefined;
  if (about && about.start === sentence.first && close.ends) {
    const prev = previousSentence(doc, sentence);
    return prev ? [{ ...base, speaker: who.speaker, content: prev, cueEnd, rule: 'anaphoric-content' }] : [];
  }
  if (k < sentence.first || clauseBoundary(doc, k, sentence.first) === undefined) {
    const r = contentAfter(doc, after, sentence, verb);
    const opened =
      isPunct(doc, after, ',') ||
      isPunct(doc, after, ':') ||
      doc.opens.has(after) ||
      lex.complementizers.has(tokens, after);
    if (r.content && opened)
      return [{ ...base, speaker: who.speaker, content: r.content, cueEnd, rule: 'speaker-verb-content' }];
  }
  return [];
}

function withSubjectBefore(
  doc: Doc,
  sentence: Sentence,
  rFirst: number,
  c0: number,
  c1: number,
  speaker: Speaker,
  hit: VerbHit,
  found: readonly Attribution[],
  base: { cueFirst: number; lemma: string; stance: Finding['stance'] },
): Finding[] {
  const after = skipAdjuncts(doc, c1, sentence.end);
  const close = closesClause(doc, after, sentence);
  let before = contentBefore(doc, rFirst, sentence);
  if (!before && close.ends && rFirst === sentence.first) {
    // "It's a lie!" Peskov said. — the quote ended the sentence before.
    const prev = doc.sentences[doc.sentenceOf[rFirst]! - 1];
    const q = prev && prev.para === sentence.para ? doc.closes.get(prev.end - 1) : undefined;
    before = q ? quoteContent(doc, q) : undefined;
  }
  const backward = (content: Content): Finding[] => {
    const out: Finding[] = [{ ...base, speaker, content, cueEnd: c1, rule: 'content-speaker-verb' }];
    const part = close.split !== undefined ? splitPart(doc, close.split) : undefined;
    if (part) out.push({ ...base, speaker, content: part, cueEnd: c1, rule: 'split-quote' });
    return out;
  };
  if (before && (close.ends || (before.kind === 'direct' && close.loose))) return backward(before);
  if (close.parenthetical && isPunct(doc, rFirst - 1, ',')) {
    const content = sentenceContent(doc, sentence, rFirst, after);
    if (content) return [{ ...base, speaker, content, cueEnd: c1, rule: 'parenthetical' }];
  }
  if (before && close.loose) return backward(before);
  const about = doc.lex.anaphoricContent.endingAt(doc.tokens, rFirst - 1, sentence.first);
  if (close.ends && about?.start === sentence.first) {
    // "Про це глава держави повідомив у зверненні": the statement is the sentence before.
    const prev = previousSentence(doc, sentence);
    return prev ? [{ ...base, speaker, content: prev, cueEnd: c1, rule: 'anaphoric-content' }] : [];
  }
  if (close.ends) return [];
  void found;
  const r = contentAfter(doc, c1, sentence, hit.verb);
  if (!r.content) return [];
  return [
    { ...base, speaker, content: r.content, cueEnd: Math.max(c1, r.cueEnd), rule: 'speaker-verb-content' },
  ];
}

/**
 * «Ми готові до переговорів, — сказав Зеленський, — але не до капітуляції»: a reporting clause
 * between dashes inside the quotation marks (Ukrainian and Russian style) splits the quotation.
 */
export function fromQuoteRemark(
  doc: Doc,
  sentence: Sentence,
  q: Quote,
  found: readonly Attribution[],
): Finding[] {
  const { tokens, lex } = doc;
  const last = q.unclosed ? q.close : q.close - 1;
  for (let k = q.open + 2; k < last; k++) {
    if (
      tokens[k]!.kind !== 'd' ||
      !(isPunct(doc, k - 1, ',') || isPunct(doc, k - 1, '!') || isPunct(doc, k - 1, '?'))
    )
      continue;
    const hit = lex.verbs.at(tokens, k + 1, last + 1);
    if (!hit) continue;
    const np = phraseStartingAt(doc, skipAdjuncts(doc, hit.end, last + 1), last + 1, false, true);
    if ('fail' in np) continue;
    const e = skipAdjuncts(doc, np.last + 1, last + 1);
    if (!(isPunct(doc, e, ',') || isPunct(doc, e, '.')) || tokens[e + 1]?.kind !== 'd') continue;
    const who = resolve(doc, np, found);
    if (!('speaker' in who)) return [];
    const part = (first: number, end: number): Content | undefined => {
      while (end > first && (tokens[end]!.kind === 'p' || tokens[end]!.kind === 'd')) end--;
      if (end <= first) return undefined;
      return {
        start: tokens[first]!.start,
        end: tokens[end]!.end,
        kind: 'direct',
        first,
        last: end,
        notes: [],
      };
    };
    const base = {
      speaker: who.speaker,
      cueFirst: k + 1,
      cueEnd: hit.end,
      lemma: hit.value.verb.lemma,
      stance: hit.value.verb.stance,
    };
    const out: Finding[] = [];
    const one = part(q.open + 1, k - 1);
    const two = part(e + 2, last);
    if (one) out.push({ ...base, content: one, rule: 'split-quote' });
    if (two) out.push({ ...base, content: two, rule: 'split-quote' });
    return out;
  }
  return [];
}

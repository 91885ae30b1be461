import { frameStance, type FrameHit } from './compile';
import { clauseEnd, contentBefore, quoteContent, type Content } from './content';
import { closesClause, resolve, sentenceContent } from './constructions';
import { isPunct, speakerEndingAt, type Doc } from './doc';
import type { Finding } from './make';
import type { Sentence } from './sentences';
import { clauseBoundary, phraseEndingAt, type NounPhrase } from './speaker';
import { phraseStartingAt } from './speaker-after';
import type { Attribution } from './types';

/** Constructions anchored on a frame rather than a verb: "according to X", "по словам X", "X: «…»". */

/** Findings for a frame ("according to @S", "по словам @S", "Laut @S") at token `f0`. */
export function fromFrame(
  doc: Doc,
  sentence: Sentence,
  f0: number,
  hit: { end: number; value: FrameHit },
  found: readonly Attribution[],
): { findings: Finding[]; next: number } {
  const { tokens } = doc;
  const { frame, after } = hit.value;
  const none = { findings: [], next: f0 };
  let np: NounPhrase;
  let npEnd: number;
  if (frame.anaphor) {
    np = {
      anaphor: {
        kind: 'pronoun',
        gender: frame.anaphor,
        start: tokens[f0]!.start,
        end: tokens[hit.end - 1]!.end,
        tok: f0,
      },
      first: f0,
      last: hit.end - 1,
    };
    npEnd = hit.end;
  } else {
    np = phraseStartingAt(doc, hit.end, sentence.end, true);
    if ('fail' in np) return none;
    npEnd = np.last + 1;
    if (after) {
      const closing = after.at(tokens, npEnd, sentence.end);
      if (!closing) return none;
      npEnd = closing.end;
    }
  }
  const who = resolve(doc, np, found);
  if (!('speaker' in who)) return none;
  const base = {
    cueFirst: f0,
    cueEnd: hit.end,
    lemma: frame.pattern.replace(/\s*@S\s*/, ' … ').trim(),
    stance: frameStance(frame),
  };
  const close = closesClause(doc, npEnd, sentence);
  if (close.ends && isPunct(doc, f0 - 1, ',')) {
    const content = contentBefore(doc, f0, sentence);
    return content
      ? { findings: [{ ...base, speaker: who.speaker, content, rule: 'frame-after' }], next: npEnd }
      : none;
  }
  const startOk = f0 === sentence.first || clauseBoundary(doc, f0 - 1, sentence.first) === undefined;
  if (!startOk) return none;
  if (close.parenthetical && isPunct(doc, f0 - 1, ',')) {
    const content = sentenceContent(doc, sentence, f0, npEnd - 1);
    return content
      ? { findings: [{ ...base, speaker: who.speaker, content, rule: 'frame' }], next: npEnd }
      : none;
  }
  let from = npEnd;
  if (isPunct(doc, from, ',') || isPunct(doc, from, ':')) from++;
  const stop = clauseEnd(doc, from, sentence);
  let last = stop - 1;
  while (last > from && tokens[last]!.kind === 'p') last--;
  if (last - from < 1) return none;
  const q = doc.opens.get(from);
  const content: Content | undefined =
    q && q.close >= last
      ? quoteContent(doc, q)
      : {
          start: tokens[from]!.start,
          end: tokens[last]!.end,
          kind: 'indirect',
          first: from,
          last,
          notes: [],
        };
  if (!content) return none;
  if (content.kind === 'indirect')
    for (let i = from; i <= last; i++) if (doc.opens.has(i)) content.kind = 'mixed';
  return { findings: [{ ...base, speaker: who.speaker, content, rule: 'frame' }], next: npEnd };
}

/** "Peskov: «It's a lie»" — a speaker, a colon and a quotation. */
export function fromColon(
  doc: Doc,
  sentence: Sentence,
  k: number,
  found: readonly Attribution[],
): Finding | undefined {
  const q = doc.opens.get(k + 1);
  if (!q || !speakerEndingAt(doc, k - 1)) return undefined;
  const np = phraseEndingAt(doc, k - 1, sentence.first);
  if ('fail' in np || np.first !== sentence.first) return undefined;
  const who = resolve(doc, np, found);
  const content = quoteContent(doc, q);
  if (!('speaker' in who) || !content) return undefined;
  return {
    speaker: who.speaker,
    content,
    cueFirst: k,
    cueEnd: k + 1,
    rule: 'colon',
    lemma: ':',
    stance: 'asserts',
  };
}

/** "Peskow zufolge ist das eine Lüge": the speaker, then the frame word, then the statement. */
export function fromTrailingFrame(
  doc: Doc,
  sentence: Sentence,
  i: number,
  hit: { end: number; value: FrameHit },
  found: readonly Attribution[],
): Finding | undefined {
  const np = phraseEndingAt(doc, i - 1, sentence.first);
  if ('fail' in np) return undefined;
  const who = resolve(doc, np, found);
  if (!('speaker' in who)) return undefined;
  let from = hit.end;
  if (isPunct(doc, from, ',')) from++;
  const stop = clauseEnd(doc, from, sentence);
  let last = stop - 1;
  while (last > from && doc.tokens[last]!.kind === 'p') last--;
  if (last - from < 1) return undefined;
  const content: Content = {
    start: doc.tokens[from]!.start,
    end: doc.tokens[last]!.end,
    kind: 'indirect',
    first: from,
    last,
    notes: [],
  };
  for (let k = from; k <= last; k++) if (doc.opens.has(k)) content.kind = 'mixed';
  const lemma = hit.value.frame.pattern.replace(/\s*@S\s*/, '… ').trim();
  return {
    speaker: who.speaker,
    content,
    cueFirst: i,
    cueEnd: hit.end,
    rule: 'frame',
    lemma,
    stance: frameStance(hit.value.frame),
  };
}

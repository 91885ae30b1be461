import type { Dictionary } from '../dictionary';
import { findMentions } from '../matcher';
import { PAGE_TEXT_MAX, type PageStatement } from '../page-statements';
import { attribute } from './attribute';
import { entityLookup, speakerMentions } from './mentions';

/** Most characters of context kept on each side of a statement. */
const CONTEXT_MAX = 240;

const SENTENCE_END = /[.!?…]["”»’]?\s/g;

/**
 * Positions of the text's block separators (U+2029 or a line break), found once per page: looking
 * them up per statement with indexOf scanned the rest of the page each time (a third of the time
 * on a 50 KB article with 450 statements).
 */
function separators(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2029 || c === 10) at.push(i);
  }
  return at;
}

/** Index of the first element of sorted `xs` that is ≥ `x` (xs.length when none is). */
function firstAtLeast(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the sentence holding [from, to) starts and ends, within its block (U+2029 or a line break). */
function sentenceAround(text: string, seps: readonly number[], from: number, to: number): [number, number] {
  const k = firstAtLeast(seps, from);
  const blockStart = k > 0 ? seps[k - 1]! + 1 : 0;
  let start = blockStart;
  SENTENCE_END.lastIndex = blockStart;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= from; m = SENTENCE_END.exec(text))
    start = m.index + m[0].length;
  const e = firstAtLeast(seps, to);
  let end = e < seps.length ? seps[e]! : text.length;
  // (From just before the content's end: a quote may end its sentence, `lie."`.)
  SENTENCE_END.lastIndex = Math.max(from, to - 2);
  const next = SENTENCE_END.exec(text);
  if (next && next.index + 1 < end) end = next.index + next[0].length - 1;
  return [Math.max(start, from - CONTEXT_MAX), Math.min(end, to + CONTEXT_MAX)];
}

/** Context that spans blocks (a quotation and its signature line below) reads as one line. */
const oneLine = (s: string) => s.replace(/\s*\u2029\s*/g, ' ');

/**
 * Attribute a page's text with the full dictionary: every statement whose speaker is one of our
 * entities, with its sentence and the entities the content mentions.
 */
export function pageStatements(pageText: string, dict: Dictionary): PageStatement[] {
  const text = pageText.slice(0, PAGE_TEXT_MAX);
  const found = findMentions(text, dict);
  const attributions = attribute(text, speakerMentions(text, dict, found), entityLookup(dict));
  const seps = separators(text);
  // Mentions in text order: those inside a statement are found by a binary search.
  const inOrder = [...found].sort((x, y) => x.start - y.start);
  const starts = inOrder.map((m) => m.start);
  return attributions.map((a) => {
    const [start, end] = sentenceAround(text, seps, Math.min(a.start, a.cueStart), Math.max(a.end, a.cueEnd));
    const about = new Set<string>();
    for (let i = firstAtLeast(starts, a.start); i < inOrder.length && inOrder[i]!.start < a.end; i++) {
      const m = inOrder[i]!;
      if (m.end <= a.end && m.entity !== a.speaker) about.add(m.entity);
    }
    return {
      speaker: a.speaker,
      before: oneLine(text.slice(start, a.start)),
      quote: text.slice(a.start, a.end),
      after: oneLine(text.slice(a.end, end)),
      cue: a.cue,
      kind: a.kind,
      stance: a.stance,
      about: [...about],
    };
  });
}

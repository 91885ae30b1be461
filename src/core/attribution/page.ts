import type { Dictionary } from '../dictionary';
import { findMentions } from '../matcher';
import { PAGE_TEXT_MAX, type PageStatement } from '../page-statements';
import { attribute } from './attribute';
import { entityLookup, speakerMentions } from './mentions';

/** Most characters of context kept on each side of a statement. */
const CONTEXT_MAX = 240;

const SENTENCE_END = /[.!?…]["”»’]?\s/g;

/** Where the sentence holding [from, to) starts and ends, within its block (U+2029 or a line break). */
function sentenceAround(text: string, from: number, to: number): [number, number] {
  const blockStart = Math.max(text.lastIndexOf('\u2029', from - 1), text.lastIndexOf('\n', from - 1)) + 1;
  let start = blockStart;
  SENTENCE_END.lastIndex = blockStart;
  for (let m = SENTENCE_END.exec(text); m && m.index + m[0].length <= from; m = SENTENCE_END.exec(text))
    start = m.index + m[0].length;
  const ends = [text.indexOf('\u2029', to), text.indexOf('\n', to)].filter((i) => i >= 0);
  let end = ends.length ? Math.min(...ends) : text.length;
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
  return attributions.map((a) => {
    const [start, end] = sentenceAround(text, Math.min(a.start, a.cueStart), Math.max(a.end, a.cueEnd));
    const about = new Set(
      found
        .filter((m) => m.start >= a.start && m.end <= a.end && m.entity !== a.speaker)
        .map((m) => m.entity),
    );
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

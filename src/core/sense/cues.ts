/**
 * What the words right around a mention say about it: a given name or an initial before a surname,
 * a title before a one-word name (a person, then), a club's name before a city's, an age in
 * apposition ("Bucha, 76,"), a possessive. Pure functions over the page text, never crossing the
 * mention's block.
 */
import { fold, isWordChar, normalizeAlias } from '../normalize';

/** The word before a mention, as far as its block allows. */
export interface WordBefore {
  /** The word as written, and folded. */
  word: string;
  folded: string;
  /** Where it starts. */
  start: number;
  /** A full stop right after it ("Dr.", "J."). */
  dot: boolean;
  /** It starts with a capital letter. */
  capital: boolean;
  /** Opening quotes or brackets stood between it and the mention («Динамо» Київ, Dynamo (Kyiv)). */
  quoted: boolean;
}

const SPACE_LIKE = /[\s\u00a0]/u;
const QUOTES = /["'«»„“”‚‘’()[\]]/u;

/** The word before `start` (skipping spaces and, for team names, quotes and brackets), or null. */
export function wordBefore(text: string, start: number, blockStart: number): WordBefore | null {
  let i = start - 1;
  let quoted = false;
  while (i >= blockStart) {
    const ch = text[i]!;
    if (SPACE_LIKE.test(ch) || ch === '\u00ad') i--;
    else if (QUOTES.test(ch) && fold(ch.charCodeAt(0)) !== 0x27) {
      quoted = true;
      i--;
    } else break;
  }
  if (i < blockStart) return null;
  let dot = false;
  if (text[i] === '.') {
    dot = true;
    i--;
  }
  const end = i + 1;
  // Letters, digits and inner hyphens (Jean-Pierre, г-н).
  while (
    i >= blockStart &&
    (isWordChar(text.charCodeAt(i)) ||
      (text[i] === '-' && i > blockStart && isWordChar(text.charCodeAt(i - 1))))
  )
    i--;
  const begin = i + 1;
  if (begin >= end) return null;
  // Short: a copy, never a view into the page's text (see `detached` in local.ts).
  const word = end - begin < 13 ? text.slice(begin, end) : (' ' + text.slice(begin, end)).slice(1);
  const first = word.charAt(0);
  return {
    word,
    folded: normalizeAlias(word),
    start: begin,
    dot,
    capital: first !== first.toLowerCase() && first === first.toUpperCase(),
    quoted,
  };
}

/**
 * Whether a word before a surname is an initial ("J.", "Дж.", "W."): one or two letters, the
 * first a capital, a full stop after, and not itself the end of an abbreviation such as "U.S.".
 */
export function isInitial(text: string, w: WordBefore): boolean {
  if (!w.dot || !w.capital || w.word.length > 2) return false;
  if (w.word.length === 2 && w.word[1] !== w.word[1]!.toLowerCase()) return false;
  const before = w.start > 0 ? text[w.start - 1]! : ' ';
  return before !== '.' && !isWordChar(before.charCodeAt(0));
}

/** An age in apposition right after a name: "Bucha, 76, said" (a person, not a town). */
export function ageAfter(text: string, end: number, blockEnd: number): boolean {
  return /^,\s?\d{1,3},/u.test(text.slice(end, Math.min(blockEnd, end + 8)));
}

/** A possessive right after a name ("Bucha's", "Bucha’s"). */
export function possessiveAfter(text: string, end: number, blockEnd: number): boolean {
  const next = text.slice(end, Math.min(blockEnd, end + 3));
  return /^['’]s(?![\p{L}])/u.test(next);
}

/** A person's pronoun soon after a name that a saying verb follows ("Bucha said he…"). */
export function pronounAfter(text: string, end: number, blockEnd: number): boolean {
  const next = text.slice(end, Math.min(blockEnd, end + 40));
  return /^\s+(?:said|says|told|recalled|added|wrote)\s+(?:that\s+)?(?:he|she)\b/u.test(next);
}

/** Whether the mention's first letter is lower case (a common noun, not a name). */
export function isLowerCase(text: string, start: number): boolean {
  const ch = text.charAt(start);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

import { fold, IGNORABLE, isWordChar, normalizeAlias } from '../normalize';

/**
 * Tokens for attribution: words, punctuation, quote marks and dashes with their offsets. Words
 * are cut so that entity mentions start and end on token edges: "Kremlin's" is `Kremlin` + `'s`,
 * "Kremlin-backed" is `Kremlin` + `-` + `backed`, French "d'après" is `d'` + `après`, while
 * Ukrainian "п'ять" stays one word.
 */

/**
 * Token kinds: `w` word, `p` punctuation, `q` a quote-mark candidate (whether it opens, closes or
 * is an apostrophe is decided later), `d` a dash between words (—, –, or a hyphen with space
 * around it), `h` a hyphen inside a compound word (пресс-секретарь).
 */
export type Kind = 'w' | 'p' | 'q' | 'd' | 'h';

export interface Token {
  start: number;
  end: number;
  kind: Kind;
  /** Folded text (case, accents, ё, apostrophes and dashes unified). */
  norm: string;
  /** Starts with an upper-case letter. */
  upper: boolean;
  /** White space (or the start of the text) right before. */
  space: boolean;
  /** Paragraph number (a line break or U+2029 starts a new one). */
  para: number;
}

const QUOTE_CHARS = '"“”„«»‚‘’\'‹›';
const IN_WORD_APOSTROPHES = "'’ʼ";
const DASHES = '—–―−';
const HYPHENS = '-‐‑';
/** French elided articles and conjunctions, cut off their word ("d'après", "qu'il"). */
const ELISION = /^(?:l|d|qu|n|s|c|j|m|t|jusqu|lorsqu|puisqu)['’]/i;

const isLatin = (s: string) => /^[\p{Script=Latin}\d'’]+$/u.test(s);

/**
 * Split `text` into tokens. Linear; no allocation beyond the tokens themselves.
 *
 * Paragraphs: U+2029 (the DOM extractor's block separator) always starts one; a line break does
 * too unless `lineBreaks` is false — in text extracted from HTML, line breaks are only the
 * page source's wrapping inside a paragraph.
 */
export function tokenize(text: string, lineBreaks = true): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let para = 0;
  let space = true;
  const push = (start: number, end: number, kind: Kind) => {
    tokens.push({
      start,
      end,
      kind,
      norm:
        kind === 'w'
          ? foldWord(text.slice(start, end))
          : kind === 'd'
            ? '—'
            : end - start === 1
              ? text.charAt(start)
              : text.slice(start, end),
      upper: isUpper(text.charCodeAt(start)),
      space,
      para,
    });
    space = false;
  };
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code === 0x2029 || (lineBreaks && (code === 0x0a || code === 0x0d))) {
      if (tokens.length && tokens[tokens.length - 1]!.para === para) para++;
      space = true;
      i++;
      continue;
    }
    if ((code >= 0x09 && code <= 0x0d) || code === 0x20 || (code > 0x7f && isSpace(code))) {
      space = true;
      i++;
      continue;
    }
    const ch = text.charAt(i);
    if (isWordChar(code)) {
      let j = i + 1;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (isWordChar(c)) j++;
        else if (fold(c) === IGNORABLE && j + 1 < n && isWordChar(text.charCodeAt(j + 1))) j++;
        else if (
          (IN_WORD_APOSTROPHES.includes(text.charAt(j)) ||
            ((c === 0x2e || c === 0x2c) && isDigit(text, j - 1))) &&
          j + 1 < n &&
          isWordChar(text.charCodeAt(j + 1)) &&
          (c !== 0x2e && c !== 0x2c ? true : isDigit(text, j + 1))
        )
          j += 2;
        else break;
      }
      pushWord(i, j);
      i = j;
      continue;
    }
    if (QUOTE_CHARS.includes(ch)) {
      push(i, i + 1, 'q');
      i++;
      continue;
    }
    if (DASHES.includes(ch)) {
      let j = i + 1;
      while (j < n && DASHES.includes(text.charAt(j))) j++;
      push(i, j, 'd');
      i = j;
      continue;
    }
    if (HYPHENS.includes(ch)) {
      const glued =
        i > 0 && i + 1 < n && isWordChar(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(i + 1));
      if (!glued && text.charAt(i + 1) === '-') {
        let j = i + 1;
        while (j < n && text.charAt(j) === '-') j++;
        push(i, j, 'd');
        i = j;
        continue;
      }
      push(i, i + 1, glued ? 'h' : 'd');
      if (glued) tokens[tokens.length - 1]!.norm = '-';
      i++;
      continue;
    }
    if (ch === '.' && text.startsWith('...', i)) {
      push(i, i + 3, 'p');
      tokens[tokens.length - 1]!.norm = '…';
      i += 3;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      push(i, i + 2, 'p');
      i += 2;
      continue;
    }
    push(i, i + 1, 'p');
    i++;
  }
  return tokens;

  function pushWord(start: number, end: number) {
    const raw = text.slice(start, end);
    if ((raw.includes("'") || raw.includes('’')) && isLatin(raw)) {
      const elision = ELISION.exec(raw);
      if (elision && elision[0].length < raw.length) {
        push(start, start + elision[0].length, 'w');
        start += elision[0].length;
      }
      if (/.['’]s$/i.test(text.slice(start, end))) {
        push(start, end - 2, 'w');
        push(end - 2, end, 'w');
        return;
      }
    }
    push(start, end, 'w');
  }
}

const SPACES = new Map<number, boolean>();
function isSpace(code: number): boolean {
  let v = SPACES.get(code);
  if (v === undefined) SPACES.set(code, (v = /\s/.test(String.fromCharCode(code))));
  return v;
}

/** Upper-case first letter: ASCII and Cyrillic without a regex, the rest through toLowerCase. */
function isUpper(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  if (c >= 0x0400 && c <= 0x042f) return true;
  if (c >= 0x0430 && c <= 0x045f) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

/**
 * Fold a word as the matcher does. Most words are plain ASCII or Cyrillic letters that only need
 * lower-casing; the rest (accents, ё, apostrophes, soft hyphens) go through `normalizeAlias`.
 */
function foldWord(raw: string): string {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    const plain =
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      (c >= 0x0410 && c <= 0x044f) ||
      c === 0x0456 ||
      c === 0x0457 ||
      c === 0x0454 ||
      c === 0x0491 ||
      c === 0x0406 ||
      c === 0x0407 ||
      c === 0x0404 ||
      c === 0x0490;
    if (!plain) return normalizeAlias(raw);
  }
  return raw.toLowerCase();
}

function isDigit(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Tokens of a lexicon phrase, folded, as they would appear in text. */
export function phraseTokens(phrase: string): string[] {
  // An elided word on its own ("d'", "qu'") is one token, as it is when cut off in text.
  if (/^\p{L}+['’]$/u.test(phrase)) return [normalizeAlias(phrase)];
  return tokenize(phrase).map((t) => t.norm);
}

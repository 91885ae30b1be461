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

/** Split `text` into tokens. Linear; no allocation beyond the tokens themselves. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let para = 0;
  let space = true;
  const push = (start: number, end: number, kind: Kind) => {
    const raw = text.slice(start, end);
    const first = raw.charAt(0);
    tokens.push({
      start,
      end,
      kind,
      norm: kind === 'w' ? normalizeAlias(raw) : kind === 'd' ? '—' : raw,
      upper: first !== first.toLowerCase(),
      space,
      para,
    });
    space = false;
  };
  let i = 0;
  while (i < n) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    if (ch === '\n' || ch === '\u2029' || ch === '\r') {
      if (tokens.length && tokens[tokens.length - 1]!.para === para) para++;
      space = true;
      i++;
      continue;
    }
    if (/\s/.test(ch)) {
      space = true;
      i++;
      continue;
    }
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
    if (isLatin(raw)) {
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

/**
 * Text normalisation for matching, one UTF-16 code unit at a time so that every position in the
 * folded text maps straight back to the page text (offsets never shift).
 *
 * Rules (each is tested in test/unit/normalize.test.ts):
 * - case: lower-cased (Latin, Cyrillic, Greek…); aliases may still demand their exact case;
 * - Latin diacritics are folded (é→e, ó→o, ż→z, ü→u) because readers treat Kijów and Kijow as one
 *   name; letters that are letters of their own (ł, ø, đ, ß) and all Cyrillic letters except ё
 *   stay distinct, so і/ї/и/й and е/є never merge; ё is folded to е as Russian writers do;
 * - apostrophes ’ ʼ ‘ ` ´ ' are one apostrophe; hyphens and dashes ‐ ‑ ‒ – — ― − are one hyphen;
 * - every kind of white space is a space, and a run of it matches one space in an alias;
 * - soft hyphens, zero-width characters and combining marks (e.g. stress accents in Изю́м) are
 *   ignored inside words;
 * - U+2029 (paragraph separator) is a hard break: the DOM extractor puts it between blocks, and no
 *   match ever crosses it.
 */

/** Folded value of a code unit that is skipped inside a match (soft hyphen, ZWSP, accents). */
export const IGNORABLE = 0;
/** Folded value of a hard break: a match never crosses it. */
export const BREAK = 0x2029;
/** Folded value of white space. */
export const SPACE = 0x20;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;

const APOSTROPHES = '\u2019\u02bc\u2018`\u00b4\u2032\u02b9';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d';
const IGNORABLES = '\u00ad\u200b\u200c\u200d\u2060\ufeff';

const SPECIAL = new Map<number, number>();
for (const ch of APOSTROPHES) SPECIAL.set(ch.charCodeAt(0), APOSTROPHE);
for (const ch of DASHES) SPECIAL.set(ch.charCodeAt(0), HYPHEN);
for (const ch of IGNORABLES) SPECIAL.set(ch.charCodeAt(0), IGNORABLE);
SPECIAL.set(BREAK, BREAK);

/**
 * Lazily filled tables over the BMP, where 0 means "not computed yet" (a folded code unit is
 * stored plus one; a word flag as 1 = no, 2 = yes). Why lazy: computing all 64 Ki entries takes
 * tens of ms, too much for a content script on every page; a page uses a few hundred. Why 0: new
 * typed arrays are zeroed for free, while filling these with another marker cost ~3 ms of the
 * content script's evaluation on every page.
 */
const FOLD = new Int32Array(0x10000);
const FOLD_KEEP_CASE = new Int32Array(0x10000);
const WORD = new Int8Array(0x10000);

function compute(c: number): void {
  let folded = c;
  let keepCase = c;
  const special = SPECIAL.get(c);
  if (special !== undefined) {
    folded = keepCase = special;
  } else if (c >= 0x0300 && c <= 0x036f) {
    folded = keepCase = IGNORABLE;
  } else if (c === 0x0451 || c === 0x0401) {
    // Russian ё is commonly written е.
    folded = 0x0435;
    keepCase = c === 0x0401 ? 0x0415 : 0x0435;
  } else if (c >= 0xd800 && c <= 0xdfff) {
    // Surrogate halves: left as they are.
  } else {
    const ch = String.fromCharCode(c);
    if (/\s/u.test(ch)) {
      folded = keepCase = SPACE;
    } else {
      const nfd = (c >= 0x00c0 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff) ? ch.normalize('NFD') : '';
      if (nfd.length > 1 && /^[A-Za-z]\p{M}+$/u.test(nfd)) keepCase = nfd.charCodeAt(0);
      const lower = String.fromCharCode(keepCase).toLowerCase();
      folded = lower.length === 1 ? lower.charCodeAt(0) : keepCase;
    }
  }
  FOLD[c] = folded + 1;
  FOLD_KEEP_CASE[c] = keepCase + 1;
}

/** Fold one code unit (see the module rules). */
export function fold(code: number): number {
  const f = FOLD[code]!;
  if (f) return f - 1;
  compute(code);
  return FOLD[code]! - 1;
}

/** Fold one code unit but keep its letter case. */
export function foldKeepCase(code: number): number {
  const f = FOLD_KEEP_CASE[code]!;
  if (f) return f - 1;
  compute(code);
  return FOLD_KEEP_CASE[code]! - 1;
}

/**
 * Normalise an alias the way page text is folded: ignorables dropped, white-space runs collapsed
 * to one space, trimmed. `keepCase` keeps letter case (for exact-case aliases).
 */
export function normalizeAlias(text: string, keepCase = false): string {
  const map = keepCase ? foldKeepCase : fold;
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = map(text.charCodeAt(i));
    if (c === IGNORABLE) continue;
    if (c === SPACE || c === BREAK) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += String.fromCharCode(c);
  }
  return out;
}

/** Bit of {@link charInfo} set for word characters. */
export const WORD_BIT = 0x10000;
/** Bit set in every computed {@link charInfo} value, so that 0 in its table means "not computed". */
export const KNOWN_BIT = 0x20000;
/**
 * The lazily filled table behind {@link charInfo} (0: not computed yet). Exported so the
 * matcher's hot loop can read it inline (`CHAR_INFO[c]`, falling back to `charInfo(c)` when
 * 0): a function call per character is what cold, not-yet-optimised code pays most for.
 */
export const CHAR_INFO = new Int32Array(0x10000);
const INFO = CHAR_INFO;

/**
 * Folded code unit (low 16 bits), {@link WORD_BIT} and {@link KNOWN_BIT} in one lookup: the
 * matcher's hot loop reads this once per character instead of calling {@link fold} and
 * {@link isWordChar}.
 */
export function charInfo(code: number): number {
  let info = INFO[code]!;
  if (!info) {
    info = fold(code) | (isWordChar(code) ? WORD_BIT : 0) | KNOWN_BIT;
    INFO[code] = info;
  }
  return info;
}

/**
 * Whether a code unit is part of a word: a letter, digit, combining mark or `_`. Not: soft hyphens
 * and other ignorables, apostrophes (even the modifier-letter ones, ʼ and ʹ), and surrogate halves
 * (emoji such as 🇺🇦 next to a name must not glue to it; astral-plane letters are rare in news).
 */
export function isWordChar(code: number): boolean {
  let w = WORD[code]!;
  if (!w) {
    const ch = String.fromCharCode(code);
    w =
      code >= 0xd800 && code <= 0xdfff
        ? 1
        : SPECIAL.get(code) === APOSTROPHE || IGNORABLES.includes(ch)
          ? 1
          : /[\p{L}\p{N}\p{M}_]/u.test(ch)
            ? 2
            : 1;
    WORD[code] = w;
  }
  return w === 2;
}

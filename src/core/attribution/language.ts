import { normalizeAlias } from '../normalize';
import { LEXICONS } from './compile';
import type { Token } from './tokens';
import { ATTRIBUTION_LANGUAGES, type AttributionLanguage } from './types';

/** Each language's frequent short words, folded as tokens are (so a token's `norm` is looked up as is). */
const STOPWORDS = new Map<AttributionLanguage, Set<string>>(
  ATTRIBUTION_LANGUAGES.map((l) => [l, new Set(LEXICONS[l].stopwords.map((w) => normalizeAlias(w)))]),
);

/** Letters that only one of the languages we know uses, in both cases. */
const SIGNATURE = new Map<number, AttributionLanguage>();
for (const [letters, lang] of [
  ['іїєґ', 'uk'],
  ['ыэъё', 'ru'],
  ['łąęśźżń', 'pl'],
  ['äöüß', 'de'],
  ['éèêàçùœâî', 'fr'],
] as const)
  for (const ch of letters + letters.toUpperCase()) SIGNATURE.set(ch.charCodeAt(0), lang);

const isCyrillic = (c: number) => c >= 0x0400 && c <= 0x04ff;
const isLatin = (c: number) =>
  (c >= 0x41 && c <= 0x5a) ||
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);

/**
 * The language of a text, from its script, letters only one language uses, and frequent short
 * words. Only the first 4,000 tokens (some 2,500 words) are read: an article does not change
 * language halfway, and reading 20,000 took a tenth of the time to attribute a 50 KB page. Reads
 * character codes and the tokens' folded forms: no string is made per word.
 */
export function detectLanguage(text: string, tokens: readonly Token[]): AttributionLanguage {
  const scores = new Map<AttributionLanguage, number>(ATTRIBUTION_LANGUAGES.map((l) => [l, 0]));
  let cyrillic = 0;
  let latin = 0;
  let ukLetters = 0;
  const seen = new Set<AttributionLanguage>();
  const limit = Math.min(tokens.length, 4_000);
  for (let i = 0; i < limit; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'w') continue;
    let script = 0;
    seen.clear();
    for (let j = t.start; j < t.end; j++) {
      const c = text.charCodeAt(j);
      if (script === 0) script = isCyrillic(c) ? 1 : isLatin(c) ? 2 : 0;
      if (c < 0x80) continue;
      const lang = SIGNATURE.get(c);
      if (lang) seen.add(lang);
    }
    if (script === 1) cyrillic++;
    else if (script === 2) latin++;
    for (const lang of seen) {
      scores.set(lang, scores.get(lang)! + 0.5);
      if (lang === 'uk') ukLetters++;
    }
    for (const [lang, words] of STOPWORDS) if (words.has(t.norm)) scores.set(lang, scores.get(lang)! + 1);
  }
  if (cyrillic > latin) {
    // Ukrainian text is full of і, ї, є; Cyrillic without any of them is Russian.
    if (ukLetters === 0) return 'ru';
    return scores.get('uk')! >= scores.get('ru')! ? 'uk' : 'ru';
  }
  const candidates: AttributionLanguage[] = ['en', 'de', 'fr', 'pl'];
  return candidates.reduce((best, l) => (scores.get(l)! > scores.get(best)! ? l : best));
}

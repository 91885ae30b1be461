/**
 * The page's language, from `<html lang>` when the page says it, else from its text: function
 * words for Latin-script languages, and the letters that only one Cyrillic alphabet uses (ы э for
 * Russian, і ї є ґ for Ukrainian, ђ ј љ њ ћ џ for Serbian, and a Bulgarian ъ inside words).
 *
 * Why it matters: a lower-case "изюм" on a Russian page is raisins; on a Bulgarian page the
 * Bulgarian form of a name wins over a Russian one spelt the same; a Polish case form
 * ("Macronie") on a French page is a derived word ("la Macronie"), not the name.
 *
 * The function words are data (the dictionary's lexicon, `lexicon-data.ts`). Votes are counted per block (the blocks that have candidate mentions) on its first
 * {@link SAMPLE} characters, so the page's language is the same whatever order its blocks are read in.
 */

/** Languages told apart (Serbian and Croatian are one: "sh"). */
export const LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'cs',
  'sk',
  'sh',
  'ro',
  'hu',
  'fi',
  'tr',
  'ru',
  'uk',
  'bg',
] as const;

/**
 * One vote, in whole units so that sums are exact whatever order blocks are added and removed in
 * (a word shared by up to six languages gives each an equal whole share).
 */
const UNIT = 60;

/** Characters of a block that are read for its vote. */
const SAMPLE = 400;

const CYRILLIC_MARKS: [RegExp, (typeof LANGUAGES)[number]][] = [
  [/[ыэё]/gu, 'ru'],
  [/[іїєґ]/gu, 'uk'],
  [/[ђјљњћџ]/gu, 'sh'],
  [/[бвгджзклмнпрстфхцчшщ]ъ|ъ[бвгджзклмнпрстфхцчшщ]/gu, 'bg'],
];

/**
 * Add the votes of `text[from..to)` (one block) to `votes` (indexed like {@link LANGUAGES});
 * `functionWords` maps a lower-case word to the languages it votes for (the dictionary's lexicon).
 */
export function voteLanguage(
  text: string,
  from: number,
  to: number,
  votes: Float32Array,
  functionWords: ReadonlyMap<string, number[]>,
): void {
  const sample = text.slice(from, Math.min(to, from + SAMPLE)).toLowerCase();
  if (/[\u0400-\u04ff]/u.test(sample))
    for (const [re, lang] of CYRILLIC_MARKS) {
      const n = sample.match(re)?.length ?? 0;
      if (n) votes[LANGUAGES.indexOf(lang)]! += n * 2 * UNIT;
    }
  for (const word of sample.match(/[\p{L}]+/gu) ?? []) {
    const langs = functionWords.get(word);
    if (langs) for (const l of langs) votes[l]! += Math.round(UNIT / langs.length);
  }
}

/** The language the votes point to clearly enough, or '' (unknown). */
export function languageOf(votes: Float32Array | Float64Array): string {
  let best = -1;
  let second = 0;
  for (let i = 0; i < votes.length; i++) {
    if (best < 0 || votes[i]! > votes[best]!) {
      if (best >= 0) second = Math.max(second, votes[best]!);
      best = i;
    } else second = Math.max(second, votes[i]!);
  }
  return best >= 0 && votes[best]! >= 2 * UNIT && votes[best]! >= second * 1.5 ? LANGUAGES[best]! : '';
}

/** A language code as the rules compare it: primary subtag, Serbian/Croatian/Bosnian as "sh". */
export function langFamily(code: string | undefined): string {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return ['hr', 'sr', 'bs', 'sh', 'cnr'].includes(primary) ? 'sh' : primary;
}

/** Languages that do not inflect names with case endings (a case form there is a foreign form). */
export const UNINFLECTED = new Set(['en', 'fr', 'es', 'it', 'pt', 'nl']);

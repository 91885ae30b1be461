/**
 * The sense rules' word lists (given names, titles, team words, articles, function words), read
 * from the dictionary they travel with (`SenseLexicon`; the default lists are in
 * `lexicon-data.ts`) and folded once per dictionary, so lookups compare folded text the way the
 * matcher does (Vassíli = vassili, Ё = Е).
 */
import type { Dictionary } from '../dictionary';
import { normalizeAlias } from '../normalize';
import { LANGUAGES } from './language';

/** A dictionary's word lists, folded for lookups. */
export interface Lexicon {
  given: Set<string>;
  givenStems: string[];
  titles: Set<string>;
  female: Set<string>;
  male: Set<string>;
  teams: Set<string>;
  teamStems: string[];
  articles: Set<string>;
  /** Reasons by key, with {0}, {1}… for what fills them in; language names by code. */
  reasons: Record<string, string>;
  languages: Record<string, string>;
  /** Function word → indexes (into {@link LANGUAGES}) of the languages that use it. */
  functionWords: Map<string, number[]>;
}

const cache = new WeakMap<Dictionary, Lexicon>();

function words(list = ''): string[] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => normalizeAlias(w));
}

/** Letters the matcher keeps apart but that names are spelt with or without (Ludmiła, Ludmila). */
const PLAIN: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', ı: 'i' };
const plain = (word: string) => word.replace(/[łøđßı]/gu, (c) => PLAIN[c]!);

/** Strip a final vowel or soft sign so inflected given names (Василия, Людмилы) meet their stem. */
export function nameStem(word: string): string {
  const w = plain(word);
  return w.length > 3 ? w.replace(/[аяйьоеиыіїєaeiouy]$/u, '') : w;
}

/** The folded word lists of `dict` (empty ones for a dictionary without a lexicon). */
export function lexiconOf(dict: Dictionary): Lexicon {
  let lx = cache.get(dict);
  if (lx) return lx;
  const source = dict.lexicon;
  const given = new Set(words(source?.given));
  const functionWords = new Map<string, number[]>();
  for (const [lang, list] of Object.entries(source?.functionWords ?? {})) {
    const index = (LANGUAGES as readonly string[]).indexOf(lang);
    if (index >= 0)
      for (const w of list.split(/\s+/).filter(Boolean))
        functionWords.set(w, [...(functionWords.get(w) ?? []), index]);
  }
  lx = {
    given,
    givenStems: [...given].filter((g) => /[а-яіїєґ]/u.test(g) || g.length > 4).map(nameStem),
    titles: new Set(words(source?.titles)),
    female: new Set(words(source?.female)),
    male: new Set(words(source?.male)),
    teams: new Set(words(source?.teams)),
    teamStems: words(source?.teamStems),
    articles: new Set(words(source?.articles)),
    functionWords,
    reasons: source?.reasons ?? {},
    languages: source?.languages ?? {},
  };
  cache.set(dict, lx);
  return lx;
}

/**
 * Whether a folded word is a given name of the lexicon, in its dictionary form or an inflected one
 * (stem plus at most three letters: Василия, Lyudmily).
 */
export function isGivenName(lx: Lexicon, word: string): boolean {
  const { given, givenStems } = lx;
  const folded = plain(word);
  if (given.has(folded)) return true;
  return givenStems.some((s) => s.length >= 4 && folded.startsWith(s) && folded.length - s.length <= 3);
}

/** Whether `folded` is one of `names` (a person's given names), allowing inflected forms. */
export function isOneOf(word: string, names: readonly string[]): boolean {
  const folded = plain(word);
  const stem = nameStem(folded);
  return names.some((n) => {
    if (plain(n) === folded) return true;
    const own = nameStem(n);
    // Case endings on either side: Дмитра/Дмитро, Antonym/Antony, Dmitrija/Dmitrij.
    return own.length >= 3 && (own === stem || (folded.startsWith(own) && folded.length - own.length <= 3));
  });
}

export const isTitle = (lx: Lexicon, folded: string) => lx.titles.has(folded);
export const isFemaleTitle = (lx: Lexicon, folded: string) => lx.female.has(folded);
export const isMaleTitle = (lx: Lexicon, folded: string) => lx.male.has(folded);
/** A club's word, Dynamo in any case (Dynamom Kyjev, Dinamu Kijev, «Динамо»). */
export const isTeamWord = (lx: Lexicon, folded: string) =>
  lx.teams.has(folded) || lx.teamStems.some((s) => folded.startsWith(s));
export const isArticle = (lx: Lexicon, folded: string) => lx.articles.has(folded);

/** A suppression's reason in English, from the lexicon's template `key` ({0}, {1}… filled in). */
export const reason = (lx: Lexicon, key: string, ...args: string[]): string =>
  (lx.reasons[key] ?? key).replace(/\{(\d)\}/gu, (_, i: string) => args[Number(i)] ?? '');

/** A language's English name by its code (the code itself when the lexicon has none). */
export const languageName = (lx: Lexicon, code: string): string => lx.languages[code] ?? code;

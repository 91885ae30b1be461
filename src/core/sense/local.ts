/**
 * The rules that judge one mention by its own words and the page's language (no other mention
 * needed): which of the patterns that match a span applies on this page, and whether its
 * neighbours say it is someone or something else. See `page-sense.ts` for the page-level rules.
 */
import {
  AMBIGUOUS,
  BLOCKER,
  CAPITALISED_SUPPORTS,
  KIND_INFLECTED,
  KIND_ONE_WORD,
  type DictEntity,
  type Dictionary,
} from '../dictionary';
import { cautious, isCapitalisedMidSentence } from '../matcher';
import {
  ageAfter,
  isInitial,
  isLowerCase,
  possessiveAfter,
  pronounAfter,
  wordBefore,
  type WordBefore,
} from './cues';
import { normalizeAlias } from '../normalize';
import { langFamily, UNINFLECTED } from './language';
import {
  isArticle,
  isFemaleTitle,
  isGivenName,
  isMaleTitle,
  isOneOf,
  isTeamWord,
  isTitle,
  languageName,
  lexiconOf,
  reason,
} from './lexicon';

/** Which rule suppressed a mention. */
export type SenseRule =
  | 'blocker'
  | 'other-person'
  | 'person-not-place'
  | 'team-name'
  | 'derived-word'
  | 'common-noun'
  | 'namesake-on-page'
  | 'unsupported';

/** A suppressed mention's rule and a one-line reason a maintainer can check. */
export interface Suppression {
  rule: SenseRule;
  why: string;
}

/** What the text around a candidate says, read once when it is fed (pattern-independent). */
export interface Facts {
  text: string;
  prev: WordBefore | null;
  initial: boolean;
  age: boolean;
  weakPerson: boolean;
  lower: boolean;
  /** Capitalised and not the first word of a sentence (what `capitalisedSupports` asks). */
  capitalMid: boolean;
}

/** Read the {@link Facts} of the span `start..end` inside the block `blockStart..blockEnd`. */
/**
 * A copy of a slice that does not keep the text it came from: engines share a long slice's
 * characters with the whole string, and the page keeps its candidates' facts (a 5 MB page's text
 * would stay in memory and lengthen every full garbage collection).
 */
export const detached = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

export function readFacts(
  text: string,
  start: number,
  end: number,
  blockStart: number,
  blockEnd: number,
): Facts {
  const prev = wordBefore(text, start, blockStart);
  return {
    text: detached(text.slice(start, end)),
    prev,
    initial: prev ? isInitial(text, prev) : false,
    age: ageAfter(text, end, blockEnd),
    weakPerson: possessiveAfter(text, end, blockEnd) || pronounAfter(text, end, blockEnd),
    lower: isLowerCase(text, start),
    capitalMid: isCapitalisedMidSentence(text, start),
  };
}

/** The local verdict: the pattern that applies, why it is suppressed, whom it names instead. */
export interface LocalVerdict {
  pattern: number;
  suppressed: Suppression | null;
  /** Alias groups the span shows to belong, on this page, to someone or something else. */
  claims: number[];
  /** Who that is, as the page writes it, and whether a person. */
  referent: string;
  person: boolean;
  /**
   * The words before it name our entity beyond doubt ("M. Macron" for Emmanuel Macron): a
   * namesake elsewhere on the page does not take it.
   */
  confirmed: boolean;
  /** A lower-case common noun in the page's language: the page uses the word, not the name. */
  commonNoun: boolean;
}

/** A man's name by its English given name (for "Mme Macron": a woman, so not him). */
const looksMale = (e: DictEntity) =>
  /^[A-Za-z]+[^aeAE\s]\s/u.test(e.name.en) && !/^(Michelle|Joe)\s/u.test(e.name.en);

const patternLang = (dict: Dictionary, p: number) => langFamily(dict.langs[dict.patternLang[p]!]);

/**
 * Judge one candidate by itself. `patterns` are the passing patterns of the span; `lang` the
 * page's language ('' unknown).
 */
export function judgeLocally(dict: Dictionary, patterns: number[], facts: Facts, lang: string): LocalVerdict {
  const { patternFlags, patternEntity, patternKind, patternGroup } = dict;
  const lx = lexiconOf(dict);
  const named = (code: string) => languageName(lx, code);
  const blockers = patterns.filter((p) => patternFlags[p]! & BLOCKER);
  if (blockers.length) {
    const p = blockers[0]!;
    const claims = blockers.flatMap((b) => dict.blockerGroups[b] ?? []);
    const entity = dict.entities[patternEntity[p]!]!;
    const words = normalizeAlias(facts.text).split(' ');
    return {
      pattern: p,
      suppressed: { rule: 'blocker', why: reason(lx, 'blocker', facts.text, entity.name.en) },
      claims,
      referent: facts.text,
      // "Paul Bucha", "Sgt. Bucha": the namesake is a person.
      person: words.length > 1 && (isGivenName(lx, words[0]!) || isTitle(lx, words[0]!.replace(/\.$/u, ''))),
      confirmed: false,
      commonNoun: false,
    };
  }
  // Ties between patterns: the page's language wins (a Bulgarian form on a Bulgarian page), then
  // an unambiguous pattern.
  let ps = cautious(dict, patterns);
  if (lang) {
    const same = patterns.filter((p) => patternLang(dict, p) === lang);
    if (same.length) ps = same;
  }
  const pattern = ps.find((p) => !(patternFlags[p]! & AMBIGUOUS)) ?? ps[0]!;
  const flags = patternFlags[pattern]!;
  const kind = patternKind[pattern]!;
  const entity = dict.entities[patternEntity[pattern]!]!;
  const own = patternLang(dict, pattern);
  const verdict = (rule: SenseRule, why: string, claims: number[] = [], person = false): LocalVerdict => ({
    pattern,
    suppressed: { rule, why },
    claims,
    referent: facts.prev ? `${facts.prev.word}${facts.prev.dot ? '.' : ''} ${facts.text}` : facts.text,
    person,
    confirmed: false,
    commonNoun: false,
  });
  const keep: LocalVerdict = {
    pattern,
    suppressed: null,
    claims: [],
    referent: '',
    person: false,
    confirmed: false,
    commonNoun: false,
  };

  if (flags & AMBIGUOUS && flags & CAPITALISED_SUPPORTS && facts.lower && lang && lang === own)
    return {
      ...verdict('common-noun', reason(lx, 'lower', named(lang))),
      commonNoun: true,
    };
  if (kind & KIND_INFLECTED && !UNINFLECTED.has(own)) {
    if (lang && UNINFLECTED.has(lang) && own !== lang)
      return verdict('derived-word', reason(lx, 'foreign', named(own), named(lang)));
    if (facts.prev && isArticle(lx, facts.prev.folded))
      return verdict('derived-word', reason(lx, 'article', facts.prev.word));
  }
  const prev = facts.prev;
  if (!(kind & KIND_ONE_WORD) || !prev) {
    return facts.age && entity.type !== 'person' && kind & KIND_ONE_WORD
      ? verdict('person-not-place', reason(lx, 'age', entity.name.en), [patternGroup[pattern]!], true)
      : keep;
  }
  const group = [patternGroup[pattern]!];
  if (entity.type === 'person') {
    const given = entity.given ?? [];
    if (!given.length) return keep;
    if (facts.initial && !given.some((g) => g.charAt(0) === prev.folded.charAt(0)) && prev.folded !== 'm')
      return verdict('other-person', reason(lx, 'initial', prev.word, entity.name.en), group, true);
    if (
      prev.capital &&
      !prev.dot &&
      !isTitle(lx, prev.folded) &&
      isGivenName(lx, prev.folded) &&
      !isOneOf(prev.folded, given)
    )
      return verdict('other-person', reason(lx, 'given', prev.word, entity.name.en), group, true);
    if (isFemaleTitle(lx, prev.folded) && looksMale(entity))
      return verdict('other-person', reason(lx, 'woman', prev.word, entity.name.en));
    if (isMaleTitle(lx, prev.folded) && looksMale(entity)) return { ...keep, confirmed: true };
    return keep;
  }
  if (
    !prev.quoted &&
    isTitle(lx, prev.folded) &&
    (prev.dot || prev.capital || /^(pan|pani|\p{Script=Cyrillic}+)$/u.test(prev.folded))
  )
    return verdict('person-not-place', reason(lx, 'title', prev.word, entity.name.en), group, true);
  if (!prev.quoted && (facts.initial || (prev.capital && !prev.dot && isGivenName(lx, prev.folded))))
    return verdict(
      'person-not-place',
      reason(lx, 'name', prev.word + (prev.dot ? '.' : ''), entity.name.en),
      group,
      true,
    );
  if (facts.age) return verdict('person-not-place', reason(lx, 'age', entity.name.en), group, true);
  if (entity.type === 'place' && isTeamWord(lx, prev.folded))
    return verdict('team-name', reason(lx, 'club', prev.word, entity.name.en));
  return keep;
}

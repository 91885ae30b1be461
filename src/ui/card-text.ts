/**
 * The card's sentences, built from data and the locale files: the "why" line, the summary line and
 * the article's age. Plural forms and language names come from `Intl`, so Ukrainian and Russian
 * read as naturally as English without a message per number.
 */
import type { CardData } from '../core/card-data';
import type { Translate } from './i18n';
import { verdictKey } from './design';

const CATEGORY = { one: 0, two: 3, zero: 3, few: 1, many: 2, other: 3 } as const;

/** The locale the card's strings are in (for `Intl`). */
export const localeOf = (t: Translate) => {
  const tag = t('cardLocale');
  return /^[a-z]{2,3}$/.test(tag) ? tag : 'en';
};

/** "38 claims": a number with its noun, from a `one|few|many|other` message. */
export function counted(t: Translate, key: string, n: number): string {
  const forms = t(key).split('|');
  const form = forms[CATEGORY[new Intl.PluralRules(localeOf(t)).select(n)]] ?? forms.at(-1)!;
  return `${n.toLocaleString(localeOf(t))} ${form}`;
}

/** A language's name in the card's language ("English", "англійська", "английский"). */
function languageName(locale: string, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Why the mention was highlighted, in the card's language (null: nothing to say). */
export function whyLine(t: Translate, why: CardData['why']): string | null {
  if (!why) return null;
  const locale = localeOf(t);
  const lang = languageName(locale, why.lang);
  const parts = [
    why.rule === 'form'
      ? t('cardWhyForm', [lang, why.form, why.alias])
      : t('cardWhyAlias', [lang, why.alias]),
  ];
  if (why.caseRule === 'exact-case') parts.push(t('cardWhyExact'));
  else if (why.caseRule === 'folded') parts.push(t('cardWhyFolded'));
  if (why.ambiguous !== undefined) {
    parts.push(t('cardWhyAmbiguous', why.ambiguous));
    const s = why.support;
    if (s?.kind === 'capitalised') parts.push(t('cardWhySupportCapitalised'));
    else if (s) {
      const name = why.supportName ?? s.entity;
      parts.push(t(s.kind === 'same-entity' ? 'cardWhySupportSame' : 'cardWhySupportRelated', name));
    }
  }
  return t('cardWhy', parts.join('; '));
}

/** The localised name of a normalised verdict. */
export const verdictName = (t: Translate, normalized: string) => t(verdictKey(normalized));

/** "38 claims · 9 disputes · 1 fact-check: False". */
export function summaryLine(t: Translate, summary: CardData['summary']): string {
  // A speaker highlighted only because this page quotes them.
  if (!summary.claims) return t('cardNoClaims');
  const parts = [counted(t, 'cardCountClaims', summary.claims)];
  if (summary.disputes) parts.push(counted(t, 'cardCountDisputes', summary.disputes));
  if (summary.factChecks) {
    const verdicts = summary.verdicts
      .map((v) => (v.count > 1 ? `${verdictName(t, v.verdict)} (${v.count})` : verdictName(t, v.verdict)))
      .join(', ');
    parts.push(`${counted(t, 'cardCountFactChecks', summary.factChecks)}: ${verdicts}`);
  }
  return parts.join(' · ');
}

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** A date as the reader's language writes it ("5 Apr 2022", "5 квіт. 2022 р."). */
export function formatDate(t: Translate, iso: string): string {
  const ms = day(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(localeOf(t), { dateStyle: 'medium', timeZone: 'UTC' }).format(ms);
}

/** The time between two dates in the largest fitting units ("4 years, 8 months", "12 days"). */
export function span(t: Translate, from: string, to: string): string {
  const locale = localeOf(t);
  const [a, b] = [from, to].sort() as [string, string];
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  let months = (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
  const unit = (n: number, u: string) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  if (months < 1) return unit(Math.round((day(b) - day(a)) / 86_400_000), 'day');
  const years = Math.floor(months / 12);
  months -= years * 12;
  if (!years) return unit(months, 'month');
  return months ? `${unit(years, 'year')} ${unit(months, 'month')}` : unit(years, 'year');
}

/** How old the article is against the data's "as of" date (null when the article has no date). */
export function articleLine(t: Translate, published: string | undefined, dataAsOf: string): string | null {
  if (!published) return null;
  const key = published <= dataAsOf ? 'cardArticleBefore' : 'cardArticleAfter';
  return t(key, [formatDate(t, published), span(t, published, dataAsOf), formatDate(t, dataAsOf)]);
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { buildPageList } from '../../src/core/card-data';
import { toPageContext } from '../../src/core/card-rank';
import type { Claim } from '../../src/core/claims';
import { compileDataset } from '../../src/core/dataset';
import { compileDictionary } from '../../src/core/dictionary';
import type { EntitySource } from '../../src/core/entities';
import { formatMessage, type LocaleTable } from '../../src/core/messages-format';
import type { MentionWhy } from '../../src/core/mention-why';
import { PageContextReader } from '../../src/dom/page-context';
import { articleLine, span, summaryLine, whyLine } from '../../src/ui/card-text';
import type { Translate } from '../../src/ui/i18n';

const table = (lang: string): LocaleTable =>
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, `../../assets/public/_locales/${lang}/messages.json`), 'utf8'),
  );
const translator =
  (lang: string): Translate =>
  (key, subs) =>
    formatMessage(table(lang), key, subs) ?? key;
const [en, uk, ru] = ['en', 'uk', 'ru'].map(translator) as [Translate, Translate, Translate];

const why = (over: Partial<MentionWhy & { supportName: string }> = {}) => ({
  alias: 'Izyum',
  form: 'Izyum',
  lang: 'en',
  rule: 'alias' as const,
  caseRule: 'as-written' as const,
  ...over,
});

describe('whyLine: the explanation in the reader’s language', () => {
  it.each<[string, Translate, ReturnType<typeof why>, string]>([
    ['English alias', en, why(), 'Highlighted because: English alias “Izyum”'],
    ['Ukrainian, same data', uk, why(), 'Підсвічено, бо: назва «Izyum» (мова: англійська)'],
    ['Russian, same data', ru, why(), 'Подсвечено, потому что: название «Izyum» (язык: английский)'],
    [
      'a form of a Ukrainian alias, folded case',
      uk,
      why({ alias: 'Ізюм', form: 'Ізюмі', lang: 'uk', rule: 'form', caseRule: 'folded' }),
      'Підсвічено, бо: форма «Ізюмі» назви «Ізюм» (мова: українська); без урахування регістру, діакритики та варіантів пунктуації',
    ],
    [
      'exact case (an acronym)',
      en,
      why({ alias: 'IAEA', form: 'IAEA', caseRule: 'exact-case' }),
      'Highlighted because: English alias “IAEA”; exact case',
    ],
    [
      'ambiguous, supported by a related entity (the English reason only in English)',
      en,
      why({
        alias: 'Изюм',
        form: 'Изюме',
        lang: 'ru',
        rule: 'form',
        ambiguous: 'raisins',
        support: { kind: 'related-entity', entity: 'kharkiv-oblast' },
        supportName: 'Kharkiv Oblast',
      }),
      'Highlighted because: Russian form “Изюме” of the alias “Изюм”; ambiguous (raisins); supported by a mention of Kharkiv Oblast on the page',
    ],
    [
      'the same in Ukrainian: no English left in it',
      uk,
      why({
        alias: 'Изюм',
        form: 'Изюме',
        lang: 'ru',
        rule: 'form',
        ambiguous: 'raisins',
        support: { kind: 'related-entity', entity: 'kharkiv-oblast' },
        supportName: 'Харківська область',
      }),
      'Підсвічено, бо: форма «Изюме» назви «Изюм» (мова: російська); неоднозначне слово; підтверджено згадкою на сторінці: Харківська область',
    ],
    [
      'capitalised mid-sentence, in Russian',
      ru,
      why({
        alias: 'Изюм',
        form: 'Изюм',
        lang: 'ru',
        ambiguous: 'raisins',
        support: { kind: 'capitalised' },
      }),
      'Подсвечено, потому что: название «Изюм» (язык: русский); неоднозначное слово; подтверждено заглавной буквой не в начале предложения',
    ],
  ])('%s', (_what, t, data, expected) => expect(whyLine(t, data)).toBe(expected));

  it('says nothing without an explanation', () => expect(whyLine(en, null)).toBeNull());
});

describe('summaryLine', () => {
  it.each<[Translate, Parameters<typeof summaryLine>[1], string]>([
    [
      en,
      { claims: 38, disputes: 9, factChecks: 1, verdicts: [{ verdict: 'false', count: 1 }] },
      '38 claims · 9 disputes · 1 fact-check: False',
    ],
    [en, { claims: 1, disputes: 0, factChecks: 0, verdicts: [] }, '1 claim'],
    [
      en,
      {
        claims: 5,
        disputes: 1,
        factChecks: 3,
        verdicts: [
          { verdict: 'false', count: 2 },
          { verdict: 'partly true/misleading', count: 1 },
        ],
      },
      '5 claims · 1 dispute · 3 fact-checks: False (2), Partly true or misleading',
    ],
    [
      uk,
      { claims: 22, disputes: 5, factChecks: 1, verdicts: [{ verdict: 'false', count: 1 }] },
      '22 заяви · 5 суперечок · 1 перевірка фактів: Неправда',
    ],
    [ru, { claims: 21, disputes: 2, factChecks: 0, verdicts: [] }, '21 заявление · 2 спора'],
  ])('%#', (t, summary, expected) => expect(summaryLine(t, summary)).toBe(expected));
});

describe('the article’s age against the data', () => {
  it.each([
    ['2022-04-05', '2026-12-02', '4 years 7 months'],
    ['2026-11-20', '2026-12-02', '12 days'],
    ['2026-09-02', '2026-12-02', '3 months'],
    ['2022-12-02', '2026-12-02', '4 years'],
  ])('%s → %s: %s', (a, b, expected) => expect(span(en, a, b)).toBe(expected));

  it('says before or after, in the reader’s language', () => {
    expect(articleLine(en, '2022-04-05', '2026-12-02')).toBe(
      'Article of Apr 5, 2022, 4 years 7 months before the data (as of Dec 2, 2026)',
    );
    expect(articleLine(en, '2027-01-02', '2026-12-02')).toMatch(
      /^Article of Jan 2, 2027, 1 month after the data/,
    );
    expect(articleLine(uk, '2022-04-05', '2026-12-02')).toMatch(
      /^Стаття від .*, за 4 роки 7 місяців до дати даних/,
    );
    expect(articleLine(en, undefined, '2026-12-02')).toBeNull();
  });
});

const ENTITY = (id: string, type: EntitySource['type'] = 'place'): EntitySource => ({
  id,
  type,
  name: { en: id, uk: id, ru: id },
  description: { en: 'd', uk: 'd', ru: 'd' },
  aliases: [{ text: id, lang: 'en' }],
});
const claim = (id: string, over: Partial<Claim>): Claim => ({
  id,
  speaker: 'z',
  about: [{ entity: 'a', role: 'subject' }],
  kind: 'paraphrase',
  text: `text ${id}`,
  lang: 'en',
  date: '2022-01-01',
  stance: 'asserts',
  source: { outlet: 'O', url: `https://example.org/${id}` },
  ...over,
});

describe('buildPageList: the popup’s order and top lines', () => {
  const entities = compileDictionary(['a', 'b', 'c', 'x', 'y'].map((id) => ENTITY(id))).entities;
  const ds = compileDataset(
    { id: 't', title: 'T', version: '1.0.0', dataAsOf: '2026-12-02', licence: 'CC0', addedBy: 't' },
    [
      claim('a1', { speaker: 'y', stance: 'accuses' }),
      claim('a2', { speaker: 'x', stance: 'denies', respondsTo: 'a1', date: '2022-01-02' }),
      claim('b1', {
        about: [{ entity: 'b', role: 'subject' }],
        reviews: [{ publisher: 'P', url: 'https://p.example/1', rating: 'Wrong', normalized: 'false' }],
      }),
      claim('c1', {
        about: [
          { entity: 'c', role: 'subject' },
          { entity: 'a', role: 'location' },
        ],
      }),
      claim('c2', {
        about: [
          { entity: 'c', role: 'subject' },
          { entity: 'a', role: 'location' },
        ],
        date: '2022-02-01',
      }),
    ],
  );

  it('orders by mentions plus the claims that tie an entity to others on the page', () => {
    // Weight = mentions + items tying the entity to another one on the page; then claims in all.
    // a: 1 + 3 (x answers a1; c1, c2 are also about c) = 4, 4 claims; b: 4 + 0 = 4, 1 claim;
    // c: 1 + 2 (c1, c2 also about a) = 3, 2 claims; x: 2 + 1 (its reply is about a) = 3, 1 claim.
    const page = toPageContext({
      entities: [
        { id: 'a', mentions: 1 },
        { id: 'b', mentions: 4 },
        { id: 'c', mentions: 1 },
        { id: 'x', mentions: 2 },
      ],
    });
    expect(buildPageList(ds, entities, ['x', 'c', 'b', 'a'], 'en', page).map((r) => r.id)).toEqual([
      'a',
      'b',
      'c',
      'x',
    ]);
  });

  it('gives each row its top verdict, else its top dispute', () => {
    const rows = buildPageList(ds, entities, ['a', 'b', 'c'], 'en');
    const top = Object.fromEntries(rows.map((r) => [r.id, r.top]));
    expect(top.b).toMatchObject({ verdict: { rating: 'Wrong', normalized: 'false' }, text: 'text b1' });
    expect(top.a).toMatchObject({
      speaker: 'y',
      stance: 'accuses',
      reply: { speaker: 'x', stance: 'denies' },
    });
    expect(top.c).toBeUndefined();
  });
});

describe('PageContextReader', () => {
  it('counts mentions by entity, most first, reads the date and language once per address', () => {
    const { document } = parseHTML(
      '<html lang="uk-UA"><head><meta property="article:published_time" content="2022-04-05"></head><body></body></html>',
    );
    Object.defineProperty(document, 'location', { value: { href: 'https://news.example/a' } });
    const reader = new PageContextReader(document as unknown as Document);
    // Mentions per entity, as the highlighter's index keeps them.
    const counts = (...ids: string[]) => {
      const c = new Map<string, number>();
      for (const id of ids) c.set(id, (c.get(id) ?? 0) + 1);
      return c;
    };
    reader.note(counts('izium', 'bucha', 'izium'));
    expect(reader.read()).toEqual({
      entities: [
        { id: 'izium', mentions: 2 },
        { id: 'bucha', mentions: 1 },
      ],
      published: '2022-04-05',
      lang: 'uk',
    });
    const version = reader.version;
    reader.note(counts('izium', 'bucha', 'izium', 'bucha'));
    expect(reader.version).toBe(version); // more mentions of the same entities: same context
    reader.note(counts('izium', 'kyiv'));
    expect(reader.version).toBeGreaterThan(version); // another set of entities: cards are stale
  });
});

import { describe, expect, it } from 'vitest';
import { rankCard, summarize, toPageContext, type PageContext } from '../../src/core/card-rank';
import type { Claim } from '../../src/core/claims';
import { compileDataset } from '../../src/core/dataset';

const META = {
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  dataAsOf: '2026-12-02',
  licence: 'CC0',
  addedBy: 'tests',
};

/** A claim about Izium (the card's entity) unless `about` says otherwise. */
function claim(id: string, over: Partial<Claim> = {}): Claim {
  return {
    id,
    speaker: 'someone',
    about: [{ entity: 'izium', role: 'subject' }],
    kind: 'paraphrase',
    text: `Text of ${id}`,
    lang: 'en',
    date: '2022-09-16',
    stance: 'asserts',
    source: { outlet: 'Outlet', url: `https://example.org/${id}` },
    ...over,
  };
}
const review = {
  publisher: 'Checker',
  url: 'https://check.example/1',
  rating: 'False',
  normalized: 'false' as const,
};
const page = (entities: Record<string, number>, published?: string): PageContext =>
  toPageContext({
    entities: Object.entries(entities).map(([id, mentions]) => ({ id, mentions })),
    published,
  });
const roots = (claims: Claim[], context?: PageContext) =>
  rankCard(compileDataset(META, claims), 'izium', context).map((i) => i.claim.id);

describe('rankCard: each rule, and what breaks its ties', () => {
  it.each<[string, Claim[], PageContext | undefined, string[]]>([
    [
      '(1) a fact-checked claim before a claim by a speaker on the page',
      [claim('on-page', { speaker: 'peskov', date: '2022-09-20' }), claim('checked', { reviews: [review] })],
      page({ izium: 3, peskov: 1 }),
      ['checked', 'on-page'],
    ],
    [
      '(2) a speaker on the page before a dispute',
      [
        claim('accusation', { speaker: 'a', stance: 'accuses', date: '2022-09-20' }),
        claim('denial', { speaker: 'b', stance: 'denies', respondsTo: 'accusation', date: '2022-09-21' }),
        claim('on-page', { speaker: 'peskov', date: '2022-09-01' }),
      ],
      page({ izium: 3, peskov: 1 }),
      ['on-page', 'accusation'],
    ],
    [
      '(2) also about another entity on the page, before a dispute',
      [
        claim('accusation', { speaker: 'a', stance: 'accuses', date: '2022-09-20' }),
        claim('denial', { speaker: 'b', stance: 'denies', respondsTo: 'accusation', date: '2022-09-21' }),
        claim('about-bucha', {
          about: [
            { entity: 'izium', role: 'subject' },
            { entity: 'bucha', role: 'location' },
          ],
          date: '2022-09-01',
        }),
      ],
      page({ izium: 3, bucha: 1 }),
      ['about-bucha', 'accusation'],
    ],
    [
      '(2) a speaker on the page before a claim only about another entity on the page',
      [
        claim('about-bucha', {
          about: [
            { entity: 'izium', role: 'subject' },
            { entity: 'bucha', role: 'subject' },
          ],
          date: '2022-09-20',
        }),
        claim('on-page', { speaker: 'peskov', date: '2022-09-01' }),
      ],
      page({ izium: 3, bucha: 5, peskov: 1 }),
      ['on-page', 'about-bucha'],
    ],
    [
      '(2) more speakers on the page first (the article’s own exchange before another)',
      [
        claim('ukraine', { speaker: 'ukraine', stance: 'asserts', date: '2022-09-19' }),
        claim('kremlin', { speaker: 'kremlin', stance: 'denies', respondsTo: 'ukraine', date: '2022-09-19' }),
        claim('zelensky', { speaker: 'zelensky', stance: 'accuses', date: '2022-09-16' }),
        claim('peskov', {
          speaker: 'peskov',
          speaksFor: 'kremlin',
          stance: 'denies',
          respondsTo: 'zelensky',
          date: '2022-09-19',
        }),
      ],
      page({ izium: 3, ukraine: 9, kremlin: 3, zelensky: 2, peskov: 1 }),
      ['zelensky', 'ukraine'],
    ],
    [
      '(2) the organisation a spokesperson spoke for counts as a speaker on the page',
      [
        claim('other', { speaker: 'x', date: '2022-09-20' }),
        claim('for-kremlin', { speaker: 'peskov', speaksFor: 'kremlin', date: '2022-09-01' }),
      ],
      page({ izium: 1, kremlin: 2 }),
      ['for-kremlin', 'other'],
    ],
    [
      '(2) the card’s own entity on the page does not count',
      [
        claim('by-izium', { speaker: 'izium', date: '2022-09-01' }),
        claim('newer', { speaker: 'x', date: '2022-09-20' }),
      ],
      page({ izium: 5 }),
      ['newer', 'by-izium'],
    ],
    [
      '(3) a dispute before the rest',
      [
        claim('newest', { date: '2022-10-01' }),
        claim('accusation', { speaker: 'a', stance: 'accuses', date: '2022-09-01' }),
        claim('denial', { speaker: 'b', stance: 'denies', respondsTo: 'accusation', date: '2022-09-02' }),
      ],
      undefined,
      ['accusation', 'newest'],
    ],
    [
      '(4) the rest newest first when the article has no date',
      [
        claim('old', { date: '2022-01-01' }),
        claim('new', { date: '2023-01-01' }),
        claim('mid', { date: '2022-06-01' }),
      ],
      page({ izium: 1 }),
      ['new', 'mid', 'old'],
    ],
    [
      'ties: closest to the article’s date first; claims after it last',
      [
        claim('far-before', { date: '2022-01-01' }),
        claim('near-before', { date: '2022-04-01' }),
        claim('near-after', { date: '2022-04-08' }),
        claim('far-after', { date: '2023-01-01' }),
      ],
      page({ izium: 1 }, '2022-04-05'),
      ['near-before', 'far-before', 'near-after', 'far-after'],
    ],
    [
      'ties within rule 1: a fact-check by a speaker on the page first',
      [
        claim('checked-elsewhere', { speaker: 'tv', reviews: [review], date: '2022-04-04' }),
        claim('checked-on-page', { speaker: 'mod', reviews: [review], date: '2022-04-03' }),
      ],
      page({ izium: 1, mod: 1 }, '2022-04-04'),
      ['checked-on-page', 'checked-elsewhere'],
    ],
    [
      'a claim made after the article goes below the others, even when fact-checked',
      [
        claim('later-checked', { reviews: [review], date: '2022-09-01' }),
        claim('before', { date: '2022-03-01' }),
      ],
      page({ izium: 1 }, '2022-04-05'),
      ['before', 'later-checked'],
    ],
    [
      'equal in every rule and date: by id, so the order is stable',
      [claim('b'), claim('a'), claim('c')],
      undefined,
      ['a', 'b', 'c'],
    ],
  ])('%s', (_what, claims, context, expected) => {
    expect(roots(claims, context).slice(0, expected.length)).toEqual(expected);
  });
});

describe('rankCard: items', () => {
  it('a claim answered by several is one item with its replies, oldest first; nothing twice', () => {
    const items = rankCard(
      compileDataset(META, [
        claim('blinken', { speaker: 'blinken', stance: 'accuses', date: '2022-04-05' }),
        claim('zakharova', { speaker: 'z', stance: 'denies', respondsTo: 'blinken', date: '2022-04-06' }),
        claim('lavrov', { speaker: 'l', stance: 'denies', respondsTo: 'blinken', date: '2022-09-22' }),
        claim('counter', { speaker: 'u', stance: 'asserts', respondsTo: 'lavrov', date: '2022-09-23' }),
        claim('alone', { date: '2022-05-01' }),
      ]),
      'izium',
    );
    expect(items.map((i) => [i.claim.id, i.replies.map((r) => r.id)])).toEqual([
      ['blinken', ['zakharova', 'lavrov', 'counter']],
      ['alone', []],
    ]);
  });

  it('the same exchange recorded twice is one item, the record with a verdict in front', () => {
    const items = rankCard(
      compileDataset(META, [
        claim('z1', { speaker: 'zelensky', stance: 'accuses' }),
        claim('p1', { speaker: 'peskov', stance: 'denies', respondsTo: 'z1', date: '2022-09-19' }),
        claim('z2', { speaker: 'zelensky', stance: 'accuses', reviews: [review] }),
        claim('p2', { speaker: 'peskov', stance: 'denies', respondsTo: 'z2', date: '2022-09-19' }),
      ]),
      'izium',
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.claim.id).toBe('z2');
    expect(items[0]!.replies.map((r) => r.id)).toEqual(['p2']);
    expect(items[0]!.alsoReported.map((c) => c.id).sort()).toEqual(['p1', 'z1']);
  });

  it('two lone claims of one speaker on one day stay two items', () => {
    const items = rankCard(compileDataset(META, [claim('one'), claim('two')]), 'izium');
    expect(items).toHaveLength(2);
  });

  it.each<[string, Claim[], PageContext | undefined, unknown[]]>([
    ['fact-checked', [claim('c', { reviews: [review] })], undefined, [{ kind: 'fact-checked' }]],
    [
      'speaker on the page, the claim’s own speaker named first',
      [claim('c', { speaker: 'peskov', speaksFor: 'kremlin' })],
      page({ izium: 1, peskov: 1, kremlin: 4 }),
      [{ kind: 'speaker-on-page', entity: 'peskov' }],
    ],
    [
      'speaker on the page: the organisation spoken for, when the speaker is not there',
      [claim('c', { speaker: 'peskov', speaksFor: 'kremlin' })],
      page({ izium: 1, kremlin: 4 }),
      [{ kind: 'speaker-on-page', entity: 'kremlin' }],
    ],
    [
      'about another entity on the page',
      [
        claim('c', {
          about: [
            { entity: 'izium', role: 'subject' },
            { entity: 'bucha', role: 'subject' },
          ],
        }),
      ],
      page({ izium: 1, bucha: 2 }),
      [{ kind: 'about-on-page', entity: 'bucha' }],
    ],
    [
      'a dispute',
      [
        claim('c', { stance: 'accuses' }),
        claim('d', { speaker: 'b', stance: 'denies', respondsTo: 'c', date: '2022-09-17' }),
      ],
      undefined,
      [{ kind: 'dispute' }],
    ],
    ['the rest, no article date', [claim('c')], undefined, [{ kind: 'newest' }]],
    ['the rest, with an article date', [claim('c')], page({}, '2022-09-01'), [{ kind: 'near-article' }]],
  ])('says why: %s', (_what, claims, context, reasons) => {
    expect(rankCard(compileDataset(META, claims), 'izium', context)[0]!.reasons).toEqual(reasons);
  });

  it('marks items after the article date as later, and only those', () => {
    const items = rankCard(
      compileDataset(META, [
        claim('same-day', { date: '2022-04-05' }),
        claim('after', { date: '2022-09-02' }),
      ]),
      'izium',
      page({}, '2022-04-05'),
    );
    expect(items.map((i) => [i.claim.id, i.later])).toEqual([
      ['same-day', false],
      ['after', true],
    ]);
  });
});

describe('summarize', () => {
  it('counts claims, disputes and fact-checks with their verdicts', () => {
    const ds = compileDataset(META, [
      claim('a', { stance: 'accuses', reviews: [review] }),
      claim('b', { speaker: 'b', stance: 'denies', respondsTo: 'a', date: '2022-09-17' }),
      claim('c', { speaker: 'c', stance: 'denies', respondsTo: 'a', date: '2022-09-18' }),
      claim('d', { reviews: [{ ...review, normalized: 'mostly true', rating: 'Mostly true' }] }),
      claim('e', { reviews: [review] }),
      claim('not-izium', { about: [{ entity: 'bucha', role: 'subject' }] }),
    ]);
    expect(summarize(ds, 'izium')).toEqual({
      claims: 5,
      disputes: 2,
      factChecks: 3,
      verdicts: [
        { verdict: 'false', count: 2 },
        { verdict: 'mostly true', count: 1 },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/claims';
import { CORE_ENTITY_IDS } from '../../src/core/core-entities';
import {
  claimsAbout,
  compileDataset,
  contradictions,
  groupBySpeaker,
  highlightableEntities,
  timeline,
  validateClaims,
  type DatasetMeta,
} from '../../src/core/dataset';
import { datasetStats, quarterOf } from '../../src/core/dataset-stats';
import { formatSourceError } from '../../src/core/entities';
import { readDataset } from '../../src/node/dataset-files';

const META: DatasetMeta = {
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  dataAsOf: '2024-12-31',
  licence: 'CC BY 4.0',
  addedBy: 'tests',
};
const ENTITIES = new Set([
  'izium',
  'bucha',
  'volodymyr-zelensky',
  'dmitry-peskov',
  'kremlin',
  'kharkiv-oblast',
]);

const claim = (over: Record<string, unknown> & { id: string }): Claim =>
  ({
    speaker: 'volodymyr-zelensky',
    about: [{ entity: 'izium', role: 'subject' }],
    kind: 'paraphrase',
    text: 'Investigators found signs of torture at the burial site.',
    lang: 'en',
    date: '2022-09-16',
    stance: 'accuses',
    source: { outlet: 'Example News', url: 'https://example.org/a', published: '2022-09-17' },
    ...over,
  }) as Claim;

const CLAIMS: Claim[] = [
  claim({ id: 'izium-zelensky-2022-09-16' }),
  claim({
    id: 'izium-peskov-2022-09-19',
    speaker: 'dmitry-peskov',
    about: [
      { entity: 'izium', role: 'subject' },
      { entity: 'bucha', role: 'subject' },
    ],
    kind: 'quote',
    text: "It's a lie.",
    date: '2022-09-19',
    stance: 'denies',
    respondsTo: 'izium-zelensky-2022-09-16',
  }),
  claim({ id: 'izium-zelensky-2023-01-10', date: '2023-01-10', stance: 'asserts' }),
  claim({
    id: 'bucha-kremlin-2022-04-04',
    speaker: 'kremlin',
    about: [{ entity: 'bucha', role: 'subject' }],
    date: '2022-04-04',
    stance: 'denies',
  }),
];

describe('validateClaims', () => {
  it('accepts valid claims', () => {
    const { claims, errors } = validateClaims({ 'a.json': { claims: CLAIMS } }, ENTITIES, META.dataAsOf);
    expect(errors).toEqual([]);
    expect(claims).toHaveLength(4);
  });

  it.each([
    [
      'a javascript: URL',
      { source: { outlet: 'X', url: 'javascript:alert(1)' } },
      'source.url: not an http(s) URL',
    ],
    [
      'a data: URL',
      { source: { outlet: 'X', url: 'data:text/html,<b>x</b>' } },
      'source.url: not an http(s) URL',
    ],
    ['an impossible date', { date: '2022-02-30' }, 'date: not a real date'],
    ['an unknown stance', { stance: 'lies' }, 'stance: not a stance'],
    ['an unknown speaker', { speaker: 'nobody' }, 'speaker: unknown entity "nobody"'],
    [
      'an unknown entity',
      { about: [{ entity: 'atlantis', role: 'subject' }] },
      'about.0.entity: unknown entity "atlantis"',
    ],
    ['no entity at all', { about: [] }, 'about: a claim is about at least one entity'],
    ['a long quote', { kind: 'quote', text: 'word '.repeat(80) }, 'a quote is at most 60 words'],
    [
      'a claim newer than the data',
      { date: '2025-01-01' },
      "date: after the dataset's dataAsOf (2024-12-31)",
    ],
    ['an unknown answer', { respondsTo: 'ghost' }, 'respondsTo: unknown claim "ghost"'],
    ['an extra field', { extra: 1 }, 'extra'],
  ])('locates %s', (_what, change, message) => {
    const { errors } = validateClaims(
      { 'assets/data/claims/izium.json': { claims: [claim({ id: 'izium-x-2022-09-19', ...change })] } },
      ENTITIES,
      META.dataAsOf,
    );
    expect(errors.map(formatSourceError).join('\n')).toContain(
      `assets/data/claims/izium.json: claim izium-x-2022-09-19: `,
    );
    expect(errors.map(formatSourceError).join('\n')).toContain(message);
  });

  it('refuses duplicate ids across files and files of the wrong shape', () => {
    const { errors } = validateClaims(
      { 'a.json': { claims: [CLAIMS[0]] }, 'b.json': { claims: [CLAIMS[0]] }, 'c.json': [] },
      ENTITIES,
    );
    expect(errors.map(formatSourceError)).toEqual([
      'b.json: claim izium-zelensky-2022-09-16: id: duplicate id (also in a.json)',
      'c.json: (file): expected an object with a "claims" array and nothing else',
    ]);
  });
});

describe('queries', () => {
  const dataset = compileDataset(META, CLAIMS);

  it('lists claims about an entity newest first, grouped by speaker', () => {
    expect(claimsAbout(dataset, 'izium').map((c) => c.id)).toEqual([
      'izium-zelensky-2023-01-10',
      'izium-peskov-2022-09-19',
      'izium-zelensky-2022-09-16',
    ]);
    expect(groupBySpeaker(claimsAbout(dataset, 'izium')).map((g) => [g.speaker, g.claims.length])).toEqual([
      ['volodymyr-zelensky', 2],
      ['dmitry-peskov', 1],
    ]);
  });

  it('pairs a denial with the claim it answers on a shared subject', () => {
    const pairs = contradictions(dataset);
    expect(pairs.map((p) => [p.claim.id, p.answer.id, p.subjects])).toEqual([
      ['izium-zelensky-2022-09-16', 'izium-peskov-2022-09-19', ['izium']],
    ]);
    expect(contradictions(dataset, 'izium')).toHaveLength(1);
    expect(contradictions(dataset, 'bucha')).toHaveLength(0);
  });

  it('does not pair claims that agree or share no subject', () => {
    const agree = compileDataset(META, [
      CLAIMS[0]!,
      claim({ id: 'izium-x-2022-09-20', respondsTo: 'izium-zelensky-2022-09-16', stance: 'confirms' }),
      claim({
        id: 'bucha-x-2022-09-21',
        respondsTo: 'izium-zelensky-2022-09-16',
        stance: 'denies',
        about: [{ entity: 'bucha', role: 'subject' }],
      }),
    ]);
    expect(contradictions(agree)).toEqual([]);
  });

  it('highlights exactly the entities with a claim (as speaker or about), in their given order', () => {
    const entities = ['kharkiv-oblast', 'kremlin', 'izium', 'dmitry-peskov', 'bucha'].map((id) => ({ id }));
    // kharkiv-oblast is in no claim; kremlin only speaks; dmitry-peskov speaks about izium and bucha.
    expect(highlightableEntities(entities, dataset).map((e) => e.id)).toEqual([
      'kremlin',
      'izium',
      'dmitry-peskov',
      'bucha',
    ]);
    expect(highlightableEntities(entities, compileDataset(META, []))).toEqual([]);
  });

  it('builds a monthly timeline', () => {
    expect(timeline(claimsAbout(dataset, 'izium')).map((b) => [b.month, b.claims.length])).toEqual([
      ['2022-09', 2],
      ['2023-01', 1],
    ]);
  });
});

describe('the bundled dataset', () => {
  const { dataset, entities } = readDataset();
  const stats = datasetStats(
    dataset,
    entities.map((e) => e.id),
    [...CORE_ENTITY_IDS],
  );

  // Floors, not targets: the bundled data may grow, never shrink by accident.
  it.each([
    ['claims', 700],
    ['claims_since_2025', 350],
    ['claims_with_review', 80],
    ['entities_with_claims', 150],
    ['entities_with_3_claims', 60],
    ['entities_with_5_claims', 40],
    ['contradiction_pairs', 100],
  ] as const)('has at least the floor of %s (%i)', (key, floor) => {
    expect(stats[key]).toBeGreaterThanOrEqual(floor);
  });

  it('sources every claim and gives every core entity claims', () => {
    expect(stats.claims_with_source_url).toBe(stats.claims);
    expect(stats.core_entities_without_claims).toEqual([]);
  });

  it('covers every quarter from 2022 Q1 to the newest statement', () => {
    // Earlier statements (2014–2021 background: MH17, the 2022 build-up) may exist; the war's
    // quarters must all be there.
    const quarters = Object.entries(stats.claims_by_quarter).filter(([q]) => q >= '2022-Q1');
    expect(quarters[0]![0]).toBe('2022-Q1');
    expect(quarters.at(-1)![0]).toBe(quarterOf(stats.newest_statement));
    for (const [quarter, n] of quarters) expect(n, quarter).toBeGreaterThan(0);
  });

  it('is never newer than its "data as of" date', () => {
    expect(stats.newest_statement <= stats.data_as_of).toBe(true);
  });

  it('gives every entity with claims a name in each UI language', () => {
    for (const e of entities)
      for (const lang of ['en', 'uk', 'ru'] as const) expect(e.name[lang], e.id).not.toBe('');
  });

  it("has the seed article's Peskov quote exactly once, attributed to him", () => {
    const peskov = dataset.claims.filter((c) => c.text.includes('same scenario as in Bucha'));
    expect(peskov).toHaveLength(1);
    expect(peskov[0]).toMatchObject({ speaker: 'dmitry-peskov', kind: 'quote', stance: 'denies' });
  });
});

describe('datasetStats', () => {
  const claim = (id: string, date: string, extra: Partial<Claim> = {}): Claim => ({
    id,
    speaker: 'dmitry-peskov',
    about: [{ entity: 'izium', role: 'subject' }],
    kind: 'paraphrase',
    text: 'Something was said.',
    lang: 'en',
    date,
    stance: 'asserts',
    source: { outlet: 'Example', url: 'https://example.com/a' },
    ...extra,
  });
  const review = {
    publisher: 'P',
    url: 'https://example.com/r',
    rating: 'False',
    normalized: 'false' as const,
  };
  const ds = compileDataset(META, [
    claim('a', '2022-02-24'),
    claim('b', '2022-12-31', { reviews: [review] }),
    claim('c', '2025-01-01', { speaker: 'maria-zakharova', speaksFor: 'russian-foreign-ministry' }),
  ]);
  const s = datasetStats(
    ds,
    ['dmitry-peskov', 'izium', 'maria-zakharova', 'russian-foreign-ministry', 'kyiv'],
    [],
  );

  it.each([
    ['claims_since_2025', 1],
    ['claims_with_review', 1],
    ['newest_statement', '2025-01-01'],
    ['entities_with_claims', 4],
  ] as const)('%s is %s', (key, value) => expect(s[key]).toBe(value));

  it('counts a spokesperson’s statement for the organisation too', () => {
    expect(s.claims_by_entity).toEqual({
      'dmitry-peskov': 2,
      izium: 3,
      'maria-zakharova': 1,
      'russian-foreign-ministry': 1,
    });
  });

  it('lists every quarter between the first and the newest, empty ones as 0', () => {
    expect(Object.keys(s.claims_by_quarter)).toHaveLength(13);
    expect(s.claims_by_quarter['2022-Q1']).toBe(1);
    expect(s.claims_by_quarter['2023-Q2']).toBe(0);
    expect(s.claims_by_quarter['2025-Q1']).toBe(1);
  });

  it.each([
    ['2022-01-01', '2022-Q1'],
    ['2022-03-31', '2022-Q1'],
    ['2022-04-01', '2022-Q2'],
    ['2026-12-02', '2026-Q4'],
  ])('puts %s in %s', (day, q) => expect(quarterOf(day)).toBe(q));
});

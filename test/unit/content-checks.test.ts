/**
 * The content script's hand-written checks (settings, tab messages, replies) against the schemas
 * they stand in for: the same inputs — valid ones from the real dataset, mutated ones and random
 * ones — must get the same answer (accepted or not) and, when accepted, the same value.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { buildCardData, type CardData } from '../../src/core/card-data';
import { highlightableEntities } from '../../src/core/dataset';
import { compileDictionary } from '../../src/core/dictionary';
import { protocol, schemaCheck, tabProtocol } from '../../src/core/messages';
import { parseSettings } from '../../src/core/settings';
import { SettingsSchema } from '../../src/core/settings-schema';
import { CONTENT_REPLIES, TAB_REQUESTS } from '../../src/core/tab-messages';
import { readDataset } from '../../src/node/dataset-files';

const RUNS = { numRuns: 400, seed: 20261203 };

/** Same acceptance and, when accepted, the same value (both checks are given the same input). */
function expectSame(hand: (raw: unknown) => { ok: boolean }, schema: v.GenericSchema, raw: unknown) {
  const mine = hand(raw);
  const reference = schemaCheck(schema)(raw);
  expect(mine.ok, JSON.stringify(raw)?.slice(0, 300)).toBe(reference.ok);
  if (mine.ok && reference.ok) expect(mine).toEqual(reference);
}

/** Every path in a JSON value (object keys and array indices). */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (!value || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...prefix, k])),
  ];
}

/** A copy of `value` with the thing at `path` deleted, replaced, or given an extra key. */
function mutate(value: unknown, path: (string | number)[], how: 'delete' | 'replace' | 'extra', by: unknown) {
  const copy = structuredClone(value);
  if (path.length === 0) return how === 'replace' ? by : copy;
  const parent = path.slice(0, -1).reduce((o: any, k) => o[k], copy) as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if (how === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else if (how === 'replace') parent[key] = by;
  else if (parent[key] && typeof parent[key] === 'object' && !Array.isArray(parent[key]))
    (parent[key] as Record<string, unknown>).extra = by;
  return copy;
}

/** Values a mutation puts in place: wrong types, edge numbers, hostile strings and URLs. */
const odd = fc.oneof(
  fc.anything(),
  fc.constantFrom(
    null,
    undefined,
    Number.NaN,
    Infinity,
    -1,
    1.5,
    '',
    'javascript:alert(1)',
    'data:text/html,x',
    'https://',
    'http://example.org/a',
    'x'.repeat(301),
    'next',
    'quote',
    'same-entity',
    'capitalised',
    'fact-checked',
    [],
    {},
  ),
);

describe('parseSettings equals the settings schema', () => {
  const field = (valid: fc.Arbitrary<unknown>) => fc.oneof(valid, odd);
  const settingsLike = fc.record(
    {
      enabled: field(fc.boolean()),
      hoverDelayMs: field(fc.integer({ min: -10, max: 2010 })),
      types: field(
        fc.array(fc.constantFrom('person', 'place', 'facility', 'org', 'alien'), { maxLength: 6 }),
      ),
      highlightStyle: field(fc.constantFrom('underline', 'tint', 'none', 'blink')),
      uiLang: field(fc.constantFrom('auto', 'en', 'uk', 'ru', 'de')),
      theme: field(fc.constantFrom('system', 'light', 'dark', 'sepia')),
      disabledSites: field(
        fc.array(fc.oneof(fc.domain(), fc.string({ minLength: 250, maxLength: 256 })), { maxLength: 4 }),
      ),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  );

  it('on settings-like objects and on anything at all', () => {
    fc.assert(
      fc.property(fc.oneof(settingsLike, fc.anything()), (raw) => {
        const input = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
        expect(parseSettings(raw)).toEqual(v.parse(SettingsSchema, input));
      }),
      RUNS,
    );
  });

  it('at the edges: hover delays, type lists, site names and site lists at and over their limits', () => {
    const same = (raw: Record<string, unknown>) =>
      expect(parseSettings(raw)).toEqual(v.parse(SettingsSchema, raw));
    for (const hoverDelayMs of [-1, 0, 1, 1999, 2000, 2001, 1.5, Number.NaN, Infinity, '300', null])
      same({ hoverDelayMs });
    for (const types of [[], ['org', 'person', 'org'], ['place', 'alien'], 'person', [null]]) same({ types });
    for (const length of [252, 253, 254]) same({ disabledSites: ['a'.repeat(length)] });
    for (const n of [499, 500, 501]) {
      const sites = Array.from({ length: n }, (_, i) => `s${i}.io`);
      expect(parseSettings({ disabledSites: sites })).toEqual(
        v.parse(SettingsSchema, { disabledSites: sites }),
      );
    }
  });
});

describe('the content script checks tab messages as the tab protocol does', () => {
  const valid = {
    navigate: fc.record({ direction: fc.constantFrom('next', 'previous') }),
    reveal: fc.record({ entityId: fc.string({ maxLength: 110 }) }),
    pageInfo: fc.record({ settled: fc.boolean() }, { requiredKeys: [] }),
  };
  for (const name of Object.keys(tabProtocol) as (keyof typeof tabProtocol)[]) {
    it(name, () => {
      fc.assert(
        fc.property(
          fc.oneof(valid[name], fc.anything()),
          fc.nat(),
          fc.constantFrom('delete', 'replace', 'extra'),
          odd,
          (raw, pick, how, by) => {
            const all = paths(raw);
            const m = mutate(raw, all[pick % all.length]!, how as 'delete', by);
            expectSame(TAB_REQUESTS[name], tabProtocol[name].request, raw);
            expectSame(TAB_REQUESTS[name], tabProtocol[name].request, m);
          },
        ),
        RUNS,
      );
    });
  }
});

describe('the content script checks replies as the protocol does', () => {
  const { dataset, entities } = readDataset();
  const dict = compileDictionary(highlightableEntities(entities, dataset));
  const ids = dict.entities.map((e) => e.id);
  const why = (i: number) =>
    [
      null,
      { alias: 'Izyum', form: 'Izyum', lang: 'en', rule: 'alias', caseRule: 'folded' },
      {
        alias: 'Bucha',
        form: 'Buchi',
        lang: 'uk',
        rule: 'form',
        caseRule: 'as-written',
        ambiguous: 'also a surname',
        support: { kind: 'related-entity', entity: 'kyiv' },
        supportName: 'Kyiv',
      },
      {
        alias: 'IAEA',
        form: 'IAEA',
        lang: 'en',
        rule: 'alias',
        caseRule: 'exact-case',
        support: { kind: 'capitalised' },
      },
    ][i % 4];
  const cards: CardData[] = ids.flatMap((id, i) => {
    const page = {
      entities: new Map(ids.slice(i, i + 5).map((e) => [e, 2])),
      ...(i % 2 ? { published: '2022-09-20' } : {}),
    };
    const card = buildCardData(dataset, dict.entities, id, (['en', 'uk', 'ru'] as const)[i % 3]!, {
      page,
      maxItems: 6,
    });
    if (!card) return [];
    const w = why(i);
    return [
      {
        ...card,
        why: w as CardData['why'],
        ...(i % 5 === 0
          ? {
              inArticle: [
                {
                  speaker: 'S',
                  speakerId: 's',
                  before: 'a',
                  quote: 'b',
                  after: 'c',
                  cue: 'said',
                  kind: 'direct',
                  stance: 'denies',
                },
              ],
            }
          : {}),
      },
    ];
  });

  it('accepts every real card as the schema does, and gives back the same card', () => {
    expect(cards.length).toBeGreaterThan(100);
    for (const card of cards) {
      expect(CONTENT_REPLIES.entityCard(card)).toEqual({ ok: true, value: card });
      expectSame(CONTENT_REPLIES.entityCard, protocol.entityCard.response, card);
    }
    expectSame(CONTENT_REPLIES.entityCard, protocol.entityCard.response, null);
  });

  it('refuses a mutated card exactly when the schema does', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.nat(),
        fc.constantFrom('delete', 'replace', 'extra'),
        odd,
        (c, pick, how, by) => {
          const card = cards[c % cards.length]!;
          const all = paths(card);
          expectSame(
            CONTENT_REPLIES.entityCard,
            protocol.entityCard.response,
            mutate(card, all[pick % all.length]!, how as 'delete', by),
          );
        },
      ),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it('refuses a link that is not http(s), wherever it is', () => {
    const slots: [string, (c: CardData) => { url: string } | undefined][] = [
      ['claim', (c) => c.items[0]?.claim],
      ['reply', (c) => c.items.find((i) => i.replies.length)?.replies[0]],
      ['verdict', (c) => c.items.find((i) => i.claim.verdict)?.claim.verdict],
      ['further source', (c) => c.items.find((i) => i.alsoReported.length)?.alsoReported[0]],
    ];
    for (const [slot, find] of slots) {
      const card = cards.find((c) => find(c));
      expect(card, slot).toBeDefined();
      for (const url of ['javascript:alert(1)', 'data:text/html,x', 'https://', 'ftp://example.org/']) {
        const bad = structuredClone(card!);
        find(bad)!.url = url;
        expect(CONTENT_REPLIES.entityCard(bad).ok, `${slot}: ${url}`).toBe(false);
        expectSame(CONTENT_REPLIES.entityCard, protocol.entityCard.response, bad);
      }
    }
  });

  const otherValid = {
    hello: fc.record({ version: fc.string() }),
    ensureContentData: fc.constant(null),
    openBrowse: fc.constant(null),
    pageFound: fc.constant(null),
    // `speakers`: the small dictionary of claim-less speakers, passed on for the session to check.
    pageStatements: fc.record(
      { statements: fc.integer({ min: -2, max: 1000 }), speakers: fc.anything() },
      { requiredKeys: ['statements'] },
    ),
  };
  for (const name of Object.keys(otherValid) as (keyof typeof otherValid)[]) {
    it(name, () => {
      fc.assert(
        fc.property(fc.oneof(otherValid[name] as fc.Arbitrary<unknown>, fc.anything()), odd, (raw, by) => {
          expectSame(CONTENT_REPLIES[name], protocol[name].response, raw);
          expectSame(CONTENT_REPLIES[name], protocol[name].response, mutate(raw, [], 'replace', by));
        }),
        RUNS,
      );
    });
  }
});

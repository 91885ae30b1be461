import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/node/dataset-files';
import { buildCardData, CardDataSchema } from '../../src/core/card-data';
import type { Claim } from '../../src/core/claims';
import {
  claimsInvolving,
  compileDataset,
  contradictions,
  highlightableEntities,
} from '../../src/core/dataset';
import { compileDictionary } from '../../src/core/dictionary';
import type { AliasSource, EntitySource } from '../../src/core/entities';
import { MAX_HITS, searchLibrary } from '../../src/core/search';

const { dataset: B, entities: E } = readDataset();
const META = {
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  dataAsOf: '2025-01-01',
  licence: 'CC0',
  addedBy: 'tests',
};

function entity(
  id: string,
  name: string | { en: string; uk: string; ru: string },
  aliases: AliasSource[] = [],
  type: EntitySource['type'] = 'place',
): EntitySource {
  const names = typeof name === 'string' ? { en: name, uk: name, ru: name } : name;
  return {
    id,
    type,
    name: names,
    description: { en: 'Test', uk: 'Тест', ru: 'Тест' },
    aliases: aliases.length ? aliases : [{ text: names.en, lang: 'en' }],
  };
}

let seq = 0;
function claim(about: string, over: Partial<Claim> = {}): Claim {
  seq++;
  return {
    id: `claim-${seq}`,
    speaker: 'test-speaker',
    about: [{ entity: about, role: 'subject' }],
    kind: 'paraphrase',
    text: `Statement number ${seq}`,
    lang: 'en',
    date: '2024-01-01',
    stance: 'asserts',
    source: { outlet: 'Test Wire', url: `https://news.example/${seq}` },
    ...over,
  };
}

/** `n` claims about `id`. */
const claimsAbout = (id: string, n: number, over: Partial<Claim> = {}) =>
  Array.from({ length: n }, () => claim(id, over));

const ids = (r: { entities: { id: string }[] }) => r.entities.map((e) => e.id);
const search = (q: string, lang: 'en' | 'uk' | 'ru' = 'en') => searchLibrary(B, E, q, lang);

describe('searchLibrary: entities in any spelling', () => {
  it.each([
    'izium',
    'Izium',
    'IZIUM',
    'Izyum',
    'IZYUM',
    'Isjum',
    'Izioum',
    'ізюм',
    'ІЗЮМ',
    'изюм',
    'Изюм',
    'ИЗЮМ',
    // Inflected alias forms.
    'Изюме',
    'Изюмом',
    'Ізюмі',
    'Ізюму',
    'Izjumissa',
    'Iziumie',
    // Diacritics, stress accents and stray white space folded.
    'Ízíúm',
    'Изю\u0301м',
    '  izium\t',
  ])('%j finds izium first', (q) => {
    expect(ids(search(q))[0]).toBe('izium');
  });

  it('finds a prefix of a name', () => {
    expect(ids(search('Izi'))).toContain('izium');
    expect(ids(search('Ізю'))).toContain('izium');
  });

  it('finds entities by alias, folding diacritics and apostrophes', () => {
    expect(ids(search('Butscha'))).toEqual(['bucha']);
    expect(ids(search('Charków'))).toContain('kharkiv');
    expect(ids(search('charkow'))).toContain('kharkiv');
    expect(ids(search('JÁRKOV'))).toContain('kharkiv');
    for (const q of ["Куп'янськ", 'Куп’янськ', 'купʼянськ', 'КУП`ЯНСЬК'])
      expect(ids(search(q)), q).toContain('kupiansk');
    // Cyrillic letters that are distinct are not merged (и is not і).
    expect(ids(search('Изюмi'))).not.toContain('izium');
    expect(ids(search('Пєсков'))).toEqual(['dmitry-peskov']);
    expect(ids(search('ПЕСКОВ'))).toEqual(['dmitry-peskov']);
  });

  it('gives id, name in the UI language, type and claim count', () => {
    const izium = { id: 'izium', type: 'place', claims: B.byEntity['izium']!.length };
    expect(search('izium', 'en').entities[0]).toEqual({ ...izium, name: 'Izium' });
    expect(search('izium', 'uk').entities[0]).toEqual({ ...izium, name: 'Ізюм' });
    expect(search('izium', 'ru').entities[0]).toEqual({ ...izium, name: 'Изюм' });
    expect(izium.claims).toBeGreaterThan(0);
  });

  it('finds nothing for a query no name contains', () => {
    const r = search('qqxqq');
    expect(r).toEqual({ entities: [], claims: [], moreEntities: 0, moreClaims: 0 });
  });
});

describe('searchLibrary: ranking', () => {
  const entities = [
    entity('alpha-town', { en: 'Alpha Town', uk: 'Ялта', ru: 'Ялта' }),
    entity('midtown', { en: 'Midtown', uk: 'Альфа', ru: 'Альфа' }),
    entity('townsend', 'Townsend'),
    entity('town-hall', 'Town Hall'),
    entity('town-crier', 'Town Crier'),
    entity('nowhere', 'Nowhere'),
    entity('village', 'Village', [{ text: 'Old Town Village', lang: 'en' }]),
    entity('test-speaker', 'Test Speaker', [], 'person'),
  ];
  const ds = compileDataset(META, [
    ...claimsAbout('alpha-town', 5),
    ...claimsAbout('midtown', 5),
    ...claimsAbout('townsend', 1),
    ...claimsAbout('town-hall', 3),
    ...claimsAbout('nowhere', 9),
    ...claimsAbout('village', 7),
    // town-crier: no claims.
  ]);

  it('puts names starting with the query first, then by claim count, then by name', () => {
    const r = searchLibrary(ds, entities, 'town', 'en');
    // Prefix: Town Hall (3), Townsend (1); substring: Village (7, by alias), Alpha Town (5), Midtown (5).
    expect(ids(r)).toEqual(['town-hall', 'townsend', 'village', 'alpha-town', 'midtown']);
    expect(r.entities.map((e) => e.claims)).toEqual([3, 1, 7, 5, 5]);
  });

  it('breaks ties by the name in the UI language', () => {
    expect(ids(searchLibrary(ds, entities, 'town', 'uk')).slice(2)).toEqual([
      'village',
      'midtown', // Альфа
      'alpha-town', // Ялта
    ]);
  });

  it('an alias prefix counts as a prefix', () => {
    // "old" starts the alias "Old Town Village".
    expect(ids(searchLibrary(ds, entities, 'old', 'en'))).toEqual(['village']);
  });

  it('never lists an entity without claims, even on an exact match', () => {
    expect(ids(searchLibrary(ds, entities, 'Town Crier', 'en'))).toEqual([]);
    expect(ids(searchLibrary(ds, entities, 'town', 'en'))).not.toContain('town-crier');
  });

  it('on the bundled data: prefix matches before substring matches, each by claim count', () => {
    const r = search('kharkiv');
    expect(ids(r).slice(0, 2)).toEqual(['kharkiv-oblast', 'kharkiv']);
    const counts = r.entities.map((e) => e.claims);
    expect(counts[0]).toBeGreaterThan(counts[1]!);
  });
});

describe('searchLibrary: empty query', () => {
  it('lists only entities with claims, most claims first, and no claims', () => {
    const extra = [...E, entity('no-claims-here', 'No Claims Here')];
    for (const q of ['', '   ']) {
      const r = searchLibrary(B, extra, q, 'en');
      expect(r.claims).toEqual([]);
      expect(r.moreClaims).toBe(0);
      expect(ids(r)).not.toContain('no-claims-here');
      const counts = r.entities.map((e) => e.claims);
      expect(counts.every((n) => n > 0)).toBe(true);
      expect([...counts].sort((a, b) => b - a)).toEqual(counts);
      // The most claimed entity of the bundled data comes first.
      const top = Math.max(...E.map((e) => B.byEntity[e.id]?.length ?? 0));
      expect(counts[0]).toBe(top);
      const withClaims = highlightableEntities(E, B).length;
      expect(r.entities.length + r.moreEntities).toBe(withClaims);
    }
  });
});

describe('searchLibrary: claims', () => {
  it('finds claims by text, folded', () => {
    const target = B.claims.find((c) => /Politico Europe/.test(c.source.outlet))!;
    expect(target).toBeDefined();
    const word = target.text.split(/\s+/).find((w) => /^[A-Za-z]{9,}$/.test(w))!;
    const r = search(word.toUpperCase());
    expect(r.claims.map((h) => h.claim)).toContain(target);
    const expected = B.claims.filter(
      (c) =>
        c.text.toLowerCase().includes(word.toLowerCase()) ||
        c.source.outlet.toLowerCase().includes(word.toLowerCase()),
    );
    expect(r.claims.length).toBeGreaterThanOrEqual(expected.length);
    for (const c of expected) expect(r.claims.map((h) => h.claim)).toContain(c);
  });

  it('finds claims by outlet', () => {
    const r = search('politico europe');
    expect(r.claims.length).toBeGreaterThan(0);
    for (const h of r.claims) expect(h.claim.source.outlet.toLowerCase()).toContain('politico');
  });

  it('finds claims by the speaker name in any language, and names the speaker in the UI language', () => {
    const peskov = B.claims.filter((c) => c.speaker === 'dmitry-peskov');
    expect(peskov.length).toBeGreaterThan(2);
    for (const [q, lang, name] of [
      ['Peskov', 'en', 'Dmitry Peskov'],
      ['Пєсков', 'uk', 'Дмитро Пєсков'],
      ['ДМИТРИЙ ПЕСКОВ', 'ru', 'Дмитрий Песков'],
    ] as const) {
      const result = search(q, lang);
      const found = result.claims.filter((h) => h.claim.speaker === 'dmitry-peskov');
      // Hits are capped; those shown are his newest, in dataset order, and the rest are counted.
      const shownOrCounted = result.claims.length + result.moreClaims;
      expect(shownOrCounted).toBeGreaterThanOrEqual(peskov.length);
      expect(found.length).toBeGreaterThan(0);
      expect(found.map((h) => h.claim)).toEqual(peskov.filter((c) => found.some((h) => h.claim === c)));
      for (const h of found) expect(h.speaker).toBe(name);
    }
  });

  it('lists claim hits newest first (dataset order)', () => {
    const hits = search('Peskov').claims;
    const positions = hits.map((h) => B.claims.indexOf(h.claim));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const dates = hits.map((h) => h.claim.date);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('folds claim text (diacritics, apostrophes, dashes, case) and gives the id of an unknown speaker', () => {
    const ds = compileDataset(META, [
      claim('kyiv', {
        text: 'Reported from Kijów — by the correspondent’s notes',
        speaker: 'mystery-source',
      }),
      claim('kyiv', { text: 'Unrelated' }),
    ]);
    const ents = [entity('kyiv', 'Kyiv')];
    for (const q of ['KIJOW', "correspondent's", 'kijów - by', 'Kijow — BY']) {
      const r = searchLibrary(ds, ents, q, 'en');
      expect(
        r.claims.map((h) => h.claim.text),
        q,
      ).toEqual(['Reported from Kijów — by the correspondent’s notes']);
      expect(r.claims[0]!.speaker).toBe('mystery-source');
    }
  });

  it('the same dataset can be searched again with other queries', () => {
    const first = search('Peskov').claims.length;
    expect(search('qqxqq').claims).toEqual([]);
    expect(search('Peskov').claims).toHaveLength(first);
    expect(search('zaporizhzhia').claims.length).toBeGreaterThan(0);
  });
});

describe('searchLibrary: at most MAX_HITS of each kind', () => {
  const make = (n: number) => {
    const entities = Array.from({ length: n }, (_, i) => entity(`zebra-${i}`, `Zebra ${i}`));
    const claims = entities.map((e, i) =>
      claim(e.id, {
        speaker: e.id,
        text: `The zebra herd number ${i}`,
        date: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
      }),
    );
    return { entities, ds: compileDataset(META, claims) };
  };

  it('caps entities and claims and counts the rest', () => {
    const { entities, ds } = make(MAX_HITS + 13);
    const r = searchLibrary(ds, entities, 'zebra', 'en');
    expect(r.entities).toHaveLength(MAX_HITS);
    expect(r.claims).toHaveLength(MAX_HITS);
    expect(r.moreEntities).toBe(13);
    expect(r.moreClaims).toBe(13);
    // The claims kept are the newest.
    const kept = r.claims.map((h) => h.claim);
    expect(kept).toEqual(ds.claims.slice(0, MAX_HITS));
    const empty = searchLibrary(ds, entities, '', 'en');
    expect(empty.entities).toHaveLength(MAX_HITS);
    expect(empty.moreEntities).toBe(13);
  });

  it('exactly MAX_HITS matches: all shown, none more', () => {
    const { entities, ds } = make(MAX_HITS);
    const r = searchLibrary(ds, entities, 'zebra', 'en');
    expect(r.entities).toHaveLength(MAX_HITS);
    expect(r.claims).toHaveLength(MAX_HITS);
    expect(r.moreEntities).toBe(0);
    expect(r.moreClaims).toBe(0);
  });

  it('MAX_HITS is 50', () => {
    expect(MAX_HITS).toBe(50);
  });
});

describe('buildCardData: maxItems', () => {
  const dict = compileDictionary(E);
  const all = claimsInvolving(B, 'bucha');
  const pairs = contradictions(B, 'bucha');

  it('the bundled data has enough for the test', () => {
    expect(pairs.length).toBeGreaterThan(3);
    expect(all.length).toBeGreaterThan(2 * pairs.length + 3);
  });

  it('without a limit, every claim is shown, once (a disputed claim with all its replies)', () => {
    const card = buildCardData(B, dict.entities, 'bucha', 'en')!;
    expect(v.safeParse(CardDataSchema, card).success).toBe(true);
    expect(card.summary.claims).toBe(all.length);
    expect(card.summary.disputes).toBe(pairs.length);
    expect(card.items).toHaveLength(card.itemsTotal);
    const shown = card.items.flatMap((i) => [i.claim.id, ...i.replies.map((r) => r.id)]);
    expect(new Set(shown).size).toBe(shown.length);
    // Every claim about Bucha is in an item (or folded into one as a further source of it).
    const folded = card.items.reduce((n, i) => n + (i.alsoReported.length > 0 ? 1 : 0), 0);
    for (const c of all) if (!shown.includes(c.id)) expect(folded).toBeGreaterThan(0);
    for (const p of pairs) expect(shown).toContain(p.answer.id);
    expect(card.timeline.reduce((n, b) => n + b.count, 0)).toBe(all.length);
  });

  it.each([0, 1, 2, 5])('with maxItems = %i: never more than the limit, and the full totals', (max) => {
    const card = buildCardData(B, dict.entities, 'bucha', 'uk', { maxItems: max })!;
    const full = buildCardData(B, dict.entities, 'bucha', 'uk')!;
    expect(v.safeParse(CardDataSchema, card).success).toBe(true);
    expect(card.items).toEqual(full.items.slice(0, max));
    expect(card.itemsTotal).toBe(full.items.length);
    expect(card.summary).toEqual(full.summary);
    expect(card.entity.name).toBe('Буча');
  });

  it('a limit above the number of items changes nothing', () => {
    expect(buildCardData(B, dict.entities, 'izium', 'en', { maxItems: 10_000 })).toEqual(
      buildCardData(B, dict.entities, 'izium', 'en'),
    );
  });

  it('an unknown entity has no card', () => {
    expect(buildCardData(B, dict.entities, 'no-such-entity', 'en', { maxItems: 3 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/claims';
import { buildCardData } from '../../src/core/card-data';
import { compileDataset, type DatasetMeta } from '../../src/core/dataset';
import { mergeLibrary, type StoredDataset } from '../../src/core/library';
import {
  cardSlice,
  claimEntityIds,
  countByEntity,
  looksLikeClaim,
  missingAnswerTargets,
} from '../../src/core/library-index';
import { readDataset } from '../../src/node/dataset-files';

const META: DatasetMeta = {
  id: 'test',
  title: 'Test',
  version: '1.0.0',
  dataAsOf: '2025-01-01',
  licence: 'CC BY 4.0',
  addedBy: 'tests',
};

let n = 0;
const claim = (speaker: string, about: string[], extra: Partial<Claim> = {}): Claim => ({
  id: `c${++n}`,
  speaker,
  about: about.map((entity) => ({ entity, role: 'subject' as const })),
  kind: 'paraphrase',
  text: `Statement ${n}.`,
  lang: 'en',
  date: `2024-0${(n % 9) + 1}-1${n % 10}`,
  stance: 'asserts',
  source: { outlet: 'Example', url: `https://example.com/${n}` },
  ...extra,
});

const stored = (id: string, claims: Claim[], importedAt: string, enabled = true): StoredDataset => ({
  id,
  title: id,
  format: 'ours',
  fileName: `${id}.json`,
  importedAt,
  enabled,
  claims,
  entities: [],
});

const entity = (id: string) => ({
  id,
  type: 'person' as const,
  name: { en: id, uk: id, ru: id },
  description: { en: '', uk: '', ru: '' },
  aliases: [{ text: id, lang: 'en' }],
  context: [],
});

describe('the library index', () => {
  it('indexes a claim under its speaker, its subjects and whom it was spoken for', () => {
    const c = claim('dmitry-peskov', ['izium', 'bucha'], { speaksFor: 'kremlin' });
    expect(claimEntityIds(c).sort()).toEqual(['bucha', 'dmitry-peskov', 'izium', 'kremlin']);
    expect(countByEntity([c, claim('dmitry-peskov', ['izium'])])).toEqual({
      'dmitry-peskov': 2,
      izium: 2,
      bucha: 1,
      kremlin: 1,
    });
  });

  // The background builds a card from the entity's slice instead of the merged library: the
  // card must be the same, whichever entity and however imports overlap and answer each other.
  const accusation = claim('volodymyr-zelensky', ['izium'], { stance: 'accuses' });
  const bundled = compileDataset(META, [accusation, claim('dmitry-peskov', ['bucha'])]);
  const denial = claim('dmitry-peskov', ['izium'], { stance: 'denies', respondsTo: accusation.id });
  const importedAssertion = claim('ukraine', ['kupiansk', 'izium'], { date: '2025-06-01' });
  const importedDenial = claim('russia', ['kupiansk'], {
    stance: 'denies',
    respondsTo: importedAssertion.id,
  });
  const duplicate = { ...claim('russia', ['izium']), id: accusation.id };
  const a = stored('a', [denial, importedAssertion, duplicate], '2025-01-01T00:00:00.000Z');
  const b = stored('b', [importedDenial, claim('kremlin', ['izium'])], '2025-02-01T00:00:00.000Z');
  const off = stored('off', [claim('kremlin', ['izium', 'kupiansk'])], '2025-03-01T00:00:00.000Z', false);
  const imports = [a, b, off];
  const ids = [
    'izium',
    'kupiansk',
    'bucha',
    'dmitry-peskov',
    'russia',
    'ukraine',
    'kremlin',
    'volodymyr-zelensky',
  ];
  const entities = ids.map(entity);
  const merged = mergeLibrary(bundled, entities, imports).dataset;

  it.each(ids)('builds the same card for %s from its slice as from the whole library', (id) => {
    const enabled = imports.filter((d) => d.enabled);
    const involving = enabled.flatMap((d) => d.claims.filter((c) => claimEntityIds(c).includes(id)));
    const missing = missingAnswerTargets(involving, bundled, id);
    const all = [...bundled.claims, ...enabled.flatMap((d) => d.claims)];
    const answered = new Map(
      missing.map((m) => [m, all.find((c) => c.id === m)!] as const).filter(([, c]) => c),
    );
    const slice = cardSlice(bundled, id, involving, answered, merged.dataAsOf);
    expect(buildCardData(slice, entities, id, 'en')).toEqual(buildCardData(merged, entities, id, 'en'));
  });

  it('keeps the bundled claim when an import repeats its id', () => {
    const slice = cardSlice(bundled, 'izium', a.claims, new Map(), META.dataAsOf);
    expect(slice.claims.find((c) => c.id === accusation.id)?.speaker).toBe('volodymyr-zelensky');
  });

  // Stored claims were validated when written; a card trusts them after this cheap check only.
  it('takes every valid claim for a claim, and a damaged record for none', () => {
    for (const c of readDataset().dataset.claims) expect(looksLikeClaim(c)).toBe(true);
    const good = claim('russia', ['izium'], { reviews: [] });
    expect(looksLikeClaim(good)).toBe(true);
    const damaged: unknown[] = [
      null,
      'claim',
      { ...good, id: 7 },
      { ...good, about: [] },
      { ...good, about: 'izium' },
      { ...good, source: null },
      { ...good, source: { outlet: 'Example' } },
      { ...good, date: undefined },
      { ...good, respondsTo: 3 },
      { ...good, reviews: {} },
    ];
    for (const d of damaged) expect(looksLikeClaim(d)).toBe(false);
  });
});

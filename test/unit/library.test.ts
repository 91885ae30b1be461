import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readDataset, readVerdictLabels } from '../../src/node/dataset-files';
import { ClaimSchema, type Claim } from '../../src/core/claims';
import { highlightableEntities, type Dataset } from '../../src/core/dataset';
import { compileDictionary } from '../../src/core/dictionary';
import type { EntitySource } from '../../src/core/entities';
import type { ImportContext, ImportResult } from '../../src/core/import/collect';
import { exportOurs } from '../../src/core/import/ours';
import { MAX_JSON_DEPTH } from '../../src/core/import/safe-input';
import { detectFormat, IMPORT_FORMATS, runImport } from '../../src/core/import/registry';
import {
  mergeLibrary,
  StoredDatasetSchema,
  toStoredDataset,
  type StoredDataset,
} from '../../src/core/library';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures/import', name), 'utf8');
const bundled = readDataset();
const context: ImportContext = {
  dictionary: compileDictionary(bundled.entities),
  knownEntityIds: new Set(bundled.entities.map((e) => e.id)),
  verdictLabels: readVerdictLabels(),
};
const NOW = new Date('2025-03-04T05:06:07.000Z');

/** A schema-valid claim (Peskov on Izium unless overridden). */
function claim(id: string, over: Partial<Claim> = {}): Claim {
  return {
    id,
    speaker: 'dmitry-peskov',
    about: [{ entity: 'izium', role: 'subject' }],
    kind: 'paraphrase',
    text: `Statement ${id}`,
    lang: 'en',
    date: '2023-05-06',
    stance: 'asserts',
    source: { outlet: 'Example News', url: `https://news.example/${id}` },
    ...over,
  };
}

/** A schema-valid entity named `name` in every language. */
function entity(id: string, name: string, type: EntitySource['type'] = 'person'): EntitySource {
  return {
    id,
    type,
    name: { en: name, uk: name, ru: name },
    description: { en: 'Test entity', uk: 'Тест', ru: 'Тест' },
    aliases: [{ text: name, lang: 'en' }],
  };
}

/** An import result holding `claims` (and optionally entities and meta). */
function result(
  claims: Claim[],
  extra: Partial<ImportResult> & { meta?: Record<string, string> } = {},
): ImportResult & { meta?: Record<string, string> } {
  return {
    format: 'test',
    total: claims.length,
    claims,
    entities: [],
    errors: [],
    warnings: [],
    ...extra,
  };
}

function store(
  r: ImportResult & { meta?: Record<string, string> },
  options: Partial<Parameters<typeof toStoredDataset>[1]> = {},
) {
  return toStoredDataset(r, {
    format: 'ours',
    fileName: 'claims.json',
    takenClaimIds: new Set(),
    takenDatasetIds: new Set(),
    now: NOW,
    ...options,
  });
}

/** An imported dataset as stored. */
function stored(id: string, over: Partial<StoredDataset> = {}): StoredDataset {
  return {
    id,
    title: id,
    format: 'ours',
    fileName: `${id}.json`,
    importedAt: '2025-01-01T00:00:00.000Z',
    enabled: true,
    claims: [],
    entities: [],
    ...over,
  };
}

/** The byEntity index a dataset must have: every claim under its speaker and each `about` entity. */
function expectedIndex(ds: Dataset): Record<string, number[]> {
  const index: Record<string, number[]> = {};
  ds.claims.forEach((c, i) => {
    const ids = new Set([c.speaker, ...c.about.map((a) => a.entity)]);
    if (c.speaksFor !== undefined) ids.add(c.speaksFor);
    for (const id of ids) (index[id] ??= []).push(i);
  });
  return index;
}

describe('detectFormat', () => {
  const { claims: _c, byEntity: _b, ...meta } = bundled.dataset;
  const ours = exportOurs(meta, [], [claim('ours-1')]);

  it('detects every fixture', () => {
    expect(detectFormat('claimreview-single.jsonld', fixture('claimreview-single.jsonld'))).toBe(
      'claimreview',
    );
    expect(detectFormat('claimreview-graph.jsonld', fixture('claimreview-graph.jsonld'))).toBe('claimreview');
    expect(detectFormat('claims.csv', fixture('claims.csv'))).toBe('csv');
    expect(detectFormat('factcheck-api.json', fixture('factcheck-api.json'))).toBe('factcheck-api');
    expect(detectFormat('export.json', ours)).toBe('ours');
  });

  it('takes a .csv name as CSV whatever the content (any case of the extension)', () => {
    expect(detectFormat('claims.csv', ours)).toBe('csv');
    expect(detectFormat('CLAIMS.CSV', fixture('factcheck-api.json'))).toBe('csv');
    expect(detectFormat('Claims.Csv', '{"claims": []}')).toBe('csv');
    // Only the extension counts, not "csv" elsewhere in the name.
    expect(detectFormat('csv-export.json', ours)).toBe('ours');
    expect(detectFormat('claims.csv.json', '[]')).toBe('claimreview');
  });

  it('takes content that does not start like JSON as CSV', () => {
    expect(detectFormat('claims.txt', 'speaker,text,date,source_url\n')).toBe('csv');
    expect(detectFormat('data', 'text,"with {braces}"\n')).toBe('csv');
    expect(detectFormat('data.json', '')).toBe('csv');
    expect(detectFormat('data.json', '   \n')).toBe('csv');
  });

  it('looks past a BOM and leading white space', () => {
    expect(detectFormat('claims.txt', `\uFEFF${fixture('claimreview-single.jsonld')}`)).toBe('claimreview');
    expect(detectFormat('export.json', `\uFEFF${ours}`)).toBe('ours');
    expect(detectFormat('export.json', `\uFEFF \n\t${ours}`)).toBe('ours');
    expect(detectFormat('api.json', `\uFEFF${fixture('factcheck-api.json')}`)).toBe('factcheck-api');
    expect(detectFormat('api.json', `\n\n  ${fixture('factcheck-api.json')}`)).toBe('factcheck-api');
    expect(detectFormat('list.json', '\uFEFF[{"@type": "ClaimReview"}]')).toBe('claimreview');
    // A BOM before CSV text is still CSV.
    expect(detectFormat('claims.txt', '\uFEFFspeaker,text\n')).toBe('csv');
  });

  it('recognises our format tag (any version, any spacing), ahead of other hints', () => {
    expect(detectFormat('a.json', '{"format":"who-said-what/1","claims":[]}')).toBe('ours');
    expect(detectFormat('a.json', '{ "format" :  "who-said-what/2" }')).toBe('ours');
    // Our format may contain "claims" first and "claimReview" text; the tag wins.
    expect(detectFormat('a.json', '{"claims":[{"claimReview":[]}],"format":"who-said-what/1"}')).toBe('ours');
    // Not our tag.
    expect(detectFormat('a.json', '{"format":"who-said-what/x"}')).toBe('claimreview');
    expect(detectFormat('a.json', '{"format":"who-said-what"}')).toBe('claimreview');
    expect(detectFormat('a.json', '{"formats":"who-said-what/1"}')).toBe('claimreview');
  });

  it('takes a "claims" array with "claimReview" items as the Fact Check Tools API', () => {
    expect(detectFormat('a.json', '{"claims":[{"text":"x","claimReview":[]}]}')).toBe('factcheck-api');
    expect(detectFormat('a.json', '{\n  "claims" : [\n {"claimReview" : []}]}')).toBe('factcheck-api');
  });

  it('takes other JSON as ClaimReview', () => {
    // "claims" without any claimReview: not an API response.
    expect(detectFormat('a.json', '{"claims":[{"text":"x"}]}')).toBe('claimreview');
    // "claimReview" without a leading "claims" array.
    expect(detectFormat('a.json', '{"@type":"Claim","claimReview":[]}')).toBe('claimreview');
    expect(detectFormat('a.json', '[{"claims":[{"claimReview":[]}]}]')).toBe('claimreview');
    expect(detectFormat('a.jsonld', '{"@context":"https://schema.org","@graph":[]}')).toBe('claimreview');
    // Broken JSON is still routed to a JSON importer (which reports it), not to CSV.
    expect(detectFormat('a.json', '{"@type": "ClaimRev')).toBe('claimreview');
  });
});

describe('runImport', () => {
  it('runs the importer of each format', () => {
    const cases: [ImportFormat, string, number][] = [
      ['claimreview', 'claimreview-single.jsonld', 1],
      ['claimreview', 'claimreview-graph.jsonld', 2],
      ['csv', 'claims.csv', 2],
      ['factcheck-api', 'factcheck-api.json', 2],
    ];
    for (const [format, file, claims] of cases) {
      const r = runImport(format, fixture(file), context);
      expect(r.claims, file).toHaveLength(claims);
      expect(
        r.errors.every((e) => e.location !== 'file'),
        file,
      ).toBe(true);
    }
  });

  it('returns the meta of our format', () => {
    const meta = {
      id: 'mine',
      title: 'My claims',
      version: '1.2.3',
      dataAsOf: '2024-02-03',
      licence: 'CC0',
      addedBy: 'me',
    };
    const r = runImport('ours', exportOurs(meta, [], [claim('mine-1')]), context);
    expect(r.errors).toEqual([]);
    expect(r.meta).toEqual(meta);
    expect(r.claims.map((c) => c.id)).toEqual(['mine-1']);
  });

  const jsonFormats = ['ours', 'claimreview', 'factcheck-api'] as const;

  it.each(jsonFormats)('%s: truncated JSON is one error located at "file", not a throw', (format) => {
    const full =
      format === 'ours'
        ? exportOurs(
            { id: 'x', title: 'X', version: '1.0.0', dataAsOf: '2024-01-01', licence: 'CC0', addedBy: 'me' },
            [],
            [claim('x-1')],
          )
        : fixture(format === 'claimreview' ? 'claimreview-graph.jsonld' : 'factcheck-api.json');
    const r = runImport(format, full.slice(0, Math.floor(full.length / 2)), context);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.location).toBe('file');
    expect(r.errors[0]!.message).toMatch(/^not valid JSON .*is the file complete\?$/);
    expect(r).toMatchObject({ format, total: 0, claims: [], entities: [], warnings: [] });
  });

  it.each(jsonFormats)('%s: too deep nesting is one error located at "file"', (format) => {
    const depth = MAX_JSON_DEPTH + 5;
    const text = `{"claims":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = runImport(format, text, context);
    expect(r.errors).toEqual([
      { location: 'file', message: `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep` },
    ]);
    expect(r.claims).toEqual([]);
  });

  it.each(jsonFormats)('%s: text that is not JSON at all is a "file" error', (format) => {
    const r = runImport(format, 'speaker,text\nPeskov,hello', context);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      location: 'file',
      message: expect.stringMatching(/^not valid JSON/),
    });
  });

  it.each(IMPORT_FORMATS)('%s: an unexpected exception becomes a "file" error too', (format) => {
    const broken: ImportContext = {
      ...context,
      knownEntityIds: {
        [Symbol.iterator]() {
          throw new Error('boom');
        },
        has: () => {
          throw new Error('boom');
        },
      } as unknown as ReadonlySet<string>,
    };
    const text =
      format === 'ours'
        ? exportOurs(
            { id: 'x', title: 'X', version: '1.0.0', dataAsOf: '2024-01-01', licence: 'CC0', addedBy: 'me' },
            [],
            [claim('x-1')],
          )
        : format === 'csv'
          ? fixture('claims.csv')
          : fixture(format === 'claimreview' ? 'claimreview-graph.jsonld' : 'factcheck-api.json');
    let r: ReturnType<typeof runImport> | undefined;
    expect(() => (r = runImport(format, text, broken))).not.toThrow();
    expect(r!.errors).toEqual([{ location: 'file', message: 'could not read the file: Error: boom' }]);
    expect(r!.format).toBe(format);
    expect(r!.claims).toEqual([]);
  });

  it('never throws, and whatever it keeps is schema-valid (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...IMPORT_FORMATS),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.constantFrom(
            fixture('factcheck-api.json'),
            fixture('claimreview-graph.jsonld'),
            fixture('claims.csv'),
          ),
        ),
        fc.nat(),
        (format, text, cut) => {
          const input = text.slice(0, text.length ? cut % (text.length + 1) : 0);
          const r = runImport(format, input, context);
          for (const c of r.claims) expect(v.safeParse(ClaimSchema, c).success).toBe(true);
          for (const e of r.errors) {
            expect(typeof e.location).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

type ImportFormat = (typeof IMPORT_FORMATS)[number];

describe('toStoredDataset', () => {
  it('drops claims whose id is taken, with one warning counting them', () => {
    const r = result([claim('a'), claim('b'), claim('c'), claim('d')]);
    const { dataset, warnings } = store(r, { takenClaimIds: new Set(['b', 'd', 'zzz']) });
    expect(dataset.claims.map((c) => c.id)).toEqual(['a', 'c']);
    expect(warnings).toEqual(['2 claim(s) already in the library were skipped']);
  });

  it('gives no warning when nothing is dropped', () => {
    const { dataset, warnings } = store(result([claim('a')]), { takenClaimIds: new Set(['other']) });
    expect(dataset.claims).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('keeps a respondsTo link to a kept claim or a claim already in the library, drops others', () => {
    const r = result([
      claim('kept'),
      claim('to-kept', { respondsTo: 'kept', stance: 'denies' }),
      claim('dup'), // taken: dropped, but the library has a claim with this id
      claim('to-dup', { respondsTo: 'dup' }),
      claim('to-library', { respondsTo: 'library-claim' }),
      claim('to-unknown', { respondsTo: 'nowhere' }),
    ]);
    const { dataset } = store(r, { takenClaimIds: new Set(['dup', 'library-claim']) });
    const byId = new Map(dataset.claims.map((c) => [c.id, c]));
    expect([...byId.keys()]).toEqual(['kept', 'to-kept', 'to-dup', 'to-library', 'to-unknown']);
    expect(byId.get('to-kept')!.respondsTo).toBe('kept');
    expect(byId.get('to-dup')!.respondsTo).toBe('dup');
    expect(byId.get('to-library')!.respondsTo).toBe('library-claim');
    // The answer to an unknown claim keeps everything but the link (no `respondsTo` key at all).
    const orphan = byId.get('to-unknown')!;
    expect('respondsTo' in orphan).toBe(false);
    expect(orphan).toEqual(claim('to-unknown'));
    // The import result itself is not changed.
    expect(r.claims[5]!.respondsTo).toBe('nowhere');
    expect(v.safeParse(StoredDatasetSchema, dataset).success).toBe(true);
  });

  it.each([
    ['My Claims (2024).json', 'my-claims-2024'],
    ['Fact Check — Ukraine.JSONLD', 'fact-check-ukraine'],
    ['  --weird__name--.csv', 'weird-name'],
    ['archive.tar.gz', 'archive-tar'],
    ['no-extension', 'no-extension'],
    ['Ізюм.json', 'imported'],
    ['.json', 'imported'],
    ['', 'imported'],
    [`${'x'.repeat(100)}.json`, 'x'.repeat(60)],
  ])('derives the dataset id from the file name: %j → %s', (fileName, id) => {
    const { dataset } = store(result([claim('a')]), { fileName });
    expect(dataset.id).toBe(id);
    expect(v.safeParse(StoredDatasetSchema, dataset).success).toBe(true);
  });

  it('makes the id unique against taken dataset ids', () => {
    const taken = new Set(['claims', 'claims-2', 'claims-4']);
    expect(store(result([]), { fileName: 'Claims.json', takenDatasetIds: taken }).dataset.id).toBe(
      'claims-3',
    );
    expect(store(result([]), { fileName: 'Claims.json', takenDatasetIds: new Set() }).dataset.id).toBe(
      'claims',
    );
    expect(
      store(result([]), { fileName: 'Ізюм.csv', takenDatasetIds: new Set(['imported']) }).dataset.id,
    ).toBe('imported-2');
  });

  it('never uses the id "bundled"', () => {
    expect(store(result([]), { fileName: 'bundled.json' }).dataset.id).toBe('bundled-2');
    expect(store(result([]), { fileName: 'BUNDLED.csv' }).dataset.id).toBe('bundled-2');
    expect(
      store(result([]), { fileName: 'Bundled.json', takenDatasetIds: new Set(['bundled-2']) }).dataset.id,
    ).toBe('bundled-3');
  });

  it('carries title, version, dataAsOf and licence from the meta', () => {
    const meta = { title: 'OSINT set', version: '2.0.1', dataAsOf: '2024-06-30', licence: 'CC BY 4.0' };
    const entities = [entity('jane-example', 'Jane Example')];
    const { dataset } = store(result([claim('a', { speaker: 'jane-example' })], { meta, entities }), {
      format: 'claimreview',
      fileName: 'osint.jsonld',
    });
    expect(dataset).toEqual({
      id: 'osint',
      title: 'OSINT set',
      format: 'claimreview',
      fileName: 'osint.jsonld',
      importedAt: '2025-03-04T05:06:07.000Z',
      enabled: true,
      version: '2.0.1',
      dataAsOf: '2024-06-30',
      licence: 'CC BY 4.0',
      claims: [claim('a', { speaker: 'jane-example' })],
      entities,
    });
    expect(v.safeParse(StoredDatasetSchema, dataset).success).toBe(true);
  });

  it('without meta: the file name is the title and no optional field is set', () => {
    const { dataset } = store(result([claim('a')]), { fileName: 'Peskov quotes.csv', format: 'csv' });
    expect(dataset.title).toBe('Peskov quotes.csv');
    expect(dataset.format).toBe('csv');
    for (const key of ['version', 'dataAsOf', 'licence']) expect(key in dataset).toBe(false);
    // Empty meta values are not stored either; an empty title falls back to the id.
    const empty = store(result([], { meta: { title: '', version: '', dataAsOf: '', licence: '' } }), {
      fileName: '',
    }).dataset;
    expect(empty.title).toBe('imported');
    for (const key of ['version', 'dataAsOf', 'licence']) expect(key in empty).toBe(false);
    expect(v.safeParse(StoredDatasetSchema, empty).success).toBe(true);
  });

  it('cuts over-long titles and file names to what the schema allows', () => {
    const fileName = `${'n'.repeat(300)}.json`;
    const { dataset } = store(result([claim('a')], { meta: { title: 't'.repeat(500) } }), { fileName });
    expect(dataset.title).toHaveLength(200);
    expect(dataset.fileName).toHaveLength(260);
    expect(v.safeParse(StoredDatasetSchema, dataset).success).toBe(true);
  });

  it.each([
    ['claimreview', 'claimreview-single.jsonld'],
    ['claimreview', 'claimreview-graph.jsonld'],
    ['csv', 'claims.csv'],
    ['factcheck-api', 'factcheck-api.json'],
  ] as const)('a real %s import (%s) gives a valid stored dataset', (format, file) => {
    const r = runImport(format, fixture(file), context);
    const { dataset } = store(r, {
      format,
      fileName: file,
      takenClaimIds: new Set(bundled.dataset.claims.map((c) => c.id)),
      takenDatasetIds: new Set(['bundled']),
    });
    const checked = v.safeParse(StoredDatasetSchema, dataset);
    expect(checked.success, JSON.stringify(!checked.success && checked.issues[0])).toBe(true);
    expect(dataset.claims).toEqual(r.claims);
    expect(dataset.entities).toEqual(r.entities);
  });

  it('an import of our own export of bundled claims is all duplicates', () => {
    const { claims: _c, byEntity: _b, ...meta } = bundled.dataset;
    const text = exportOurs(meta, [], bundled.dataset.claims.slice(0, 10));
    const r = runImport('ours', text, context);
    expect(r.claims).toHaveLength(10);
    const { dataset, warnings } = store(r, {
      fileName: 'export.json',
      takenClaimIds: new Set(bundled.dataset.claims.map((c) => c.id)),
    });
    expect(dataset.claims).toEqual([]);
    expect(warnings).toEqual(['10 claim(s) already in the library were skipped']);
    expect(dataset).toMatchObject({
      title: meta.title,
      version: meta.version,
      dataAsOf: meta.dataAsOf,
      licence: meta.licence,
    });
  });
});

describe('mergeLibrary', () => {
  const B = bundled.dataset;
  const bundledIds = B.claims.map((c) => c.id);

  it('with nothing imported is the bundled dataset', () => {
    const lib = mergeLibrary(B, bundled.entities, []);
    expect(lib.dataset.claims.map((c) => c.id)).toEqual(bundledIds);
    expect(lib.dataset.byEntity).toEqual(B.byEntity);
    expect(lib.dataset).toMatchObject({
      id: B.id,
      title: B.title,
      version: B.version,
      dataAsOf: B.dataAsOf,
      licence: B.licence,
      addedBy: B.addedBy,
    });
    expect(lib.entities).toEqual(bundled.entities);
    // Every bundled entity with claims is highlightable; one without (a speaker highlighted only on
    // a page that quotes them) is known, not highlightable.
    const withClaims = bundled.entities.filter((e) => (B.byEntity[e.id]?.length ?? 0) > 0);
    expect(lib.highlightable.map((e) => e.id)).toEqual(withClaims.map((e) => e.id));
    for (const e of bundled.entities.filter((x) => !withClaims.includes(x))) {
      expect(lib.entities).toContain(e);
      expect(lib.highlightable).not.toContain(e);
    }
  });

  it('adds the claims and entities of enabled datasets, indexed by entity', () => {
    const jane = entity('jane-example', 'Jane Example');
    const d = stored('mine', {
      claims: [
        claim('mine-1', { speaker: 'jane-example', about: [{ entity: 'bucha', role: 'subject' }] }),
        claim('mine-2', { date: '2030-01-01' }),
      ],
      entities: [jane],
    });
    const lib = mergeLibrary(B, bundled.entities, [d]);
    expect(lib.dataset.claims).toHaveLength(B.claims.length + 2);
    expect(lib.dataset.claims[0]!.id).toBe('mine-2'); // newest first
    expect(lib.entities.at(-1)).toBe(jane);
    expect(lib.highlightable.map((e) => e.id)).toContain('jane-example');
    expect({ ...lib.dataset.byEntity }).toEqual(expectedIndex(lib.dataset));
    const janeClaims = lib.dataset.byEntity['jane-example']!.map((i) => lib.dataset.claims[i]!.id);
    expect(janeClaims).toEqual(['mine-1']);
    expect(lib.dataset.byEntity['bucha']).toHaveLength((B.byEntity['bucha'] ?? []).length + 1);
    expect(lib.dataset.byEntity['izium']).toHaveLength((B.byEntity['izium'] ?? []).length + 1);
    // The inputs are not changed.
    expect(B.claims.map((c) => c.id)).toEqual(bundledIds);
  });

  it('keeps the bundled claim when an import reuses its id', () => {
    const taken = B.claims[5]!;
    const d = stored('mine', { claims: [{ ...taken, text: 'Imported impostor text' }, claim('mine-1')] });
    const lib = mergeLibrary(B, bundled.entities, [d]);
    expect(lib.dataset.claims).toHaveLength(B.claims.length + 1);
    const found = lib.dataset.claims.filter((c) => c.id === taken.id);
    expect(found).toEqual([taken]);
  });

  it('between imports, the earlier import wins a claim id, whatever the list order', () => {
    const early = stored('early', {
      importedAt: '2024-01-01T00:00:00.000Z',
      claims: [claim('shared', { text: 'From the early import' })],
    });
    const late = stored('late', {
      importedAt: '2024-06-01T00:00:00.000Z',
      claims: [claim('shared', { text: 'From the late import' }), claim('late-only')],
    });
    for (const order of [
      [early, late],
      [late, early],
    ]) {
      const lib = mergeLibrary(B, bundled.entities, order);
      const shared = lib.dataset.claims.filter((c) => c.id === 'shared');
      expect(shared.map((c) => c.text)).toEqual(['From the early import']);
      expect(lib.dataset.claims).toHaveLength(B.claims.length + 2);
    }
  });

  it('a disabled dataset adds no claims, but its entities stay known (not highlightable)', () => {
    const ghost = entity('ghost-speaker', 'Ghost Speaker');
    const off = stored('off', {
      enabled: false,
      claims: [claim('off-1', { speaker: 'ghost-speaker' }), claim('off-2')],
      entities: [ghost],
      dataAsOf: '2099-01-01',
    });
    const lib = mergeLibrary(B, bundled.entities, [off]);
    expect(lib.dataset.claims.map((c) => c.id)).toEqual(bundledIds);
    expect(lib.entities.map((e) => e.id)).toContain('ghost-speaker');
    expect(lib.highlightable.map((e) => e.id)).not.toContain('ghost-speaker');
    expect(lib.dataset.byEntity['ghost-speaker']).toBeUndefined();
    // A disabled dataset's date does not count.
    expect(lib.dataset.dataAsOf).toBe(B.dataAsOf);
  });

  it("an enabled dataset's claims make a disabled dataset's entity highlightable", () => {
    const ghost = entity('ghost-speaker', 'Ghost Speaker');
    const off = stored('off', { enabled: false, entities: [ghost] });
    const on = stored('on', { claims: [claim('on-1', { speaker: 'ghost-speaker' })] });
    const lib = mergeLibrary(B, bundled.entities, [off, on]);
    expect(lib.highlightable.map((e) => e.id)).toContain('ghost-speaker');
    expect(lib.dataset.byEntity['ghost-speaker']!.map((i) => lib.dataset.claims[i]!.id)).toEqual(['on-1']);
  });

  it('an entity without any claim is known but not highlightable', () => {
    const lonely = entity('lonely-place', 'Lonely Place', 'place');
    const lib = mergeLibrary(B, bundled.entities, [stored('mine', { entities: [lonely] })]);
    expect(lib.entities).toContain(lonely);
    expect(lib.highlightable).not.toContain(lonely);
    expect(lib.highlightable).toHaveLength(
      bundled.entities.filter((e) => (B.byEntity[e.id]?.length ?? 0) > 0).length,
    );
    // highlightable is exactly the known entities with at least one claim.
    expect(lib.highlightable).toEqual(highlightableEntities(lib.entities, lib.dataset));
  });

  it('an imported entity never replaces a known one with the same id', () => {
    const fake = { ...entity('izium', 'Not Izium', 'place') };
    const first = entity('jane-example', 'Jane Example');
    const second = entity('jane-example', 'Jane Other');
    const lib = mergeLibrary(B, bundled.entities, [
      stored('a', { entities: [fake, first] }),
      stored('b', { entities: [second], importedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    expect(lib.entities.filter((e) => e.id === 'izium')).toEqual([
      bundled.entities.find((e) => e.id === 'izium'),
    ]);
    expect(lib.entities.filter((e) => e.id === 'jane-example')).toEqual([first]);
    expect(lib.entities).toHaveLength(bundled.entities.length + 1);
  });

  it('"data as of" is the newest valid date of the bundled and enabled datasets', () => {
    const at = (dataAsOf: string | undefined, importedAt = '2025-01-01T00:00:00.000Z') =>
      stored(`d-${dataAsOf ?? 'none'}`, { importedAt, ...(dataAsOf ? { dataAsOf } : {}) });
    const newer = '2027-02-03';
    expect(B.dataAsOf < newer).toBe(true);
    expect(mergeLibrary(B, bundled.entities, [at(newer)]).dataset.dataAsOf).toBe(newer);
    // Older dates and missing ones never lower it.
    expect(mergeLibrary(B, bundled.entities, [at('2020-01-01'), at(undefined)]).dataset.dataAsOf).toBe(
      B.dataAsOf,
    );
    // The newest wins regardless of import order.
    expect(
      mergeLibrary(B, bundled.entities, [
        at('2028-12-31', '2024-01-01T00:00:00.000Z'),
        at(newer, '2025-01-01T00:00:00.000Z'),
      ]).dataset.dataAsOf,
    ).toBe('2028-12-31');
    // Dates not in YYYY-MM-DD form are ignored (they would sort after any real date).
    for (const bad of ['soon', '9999', '2099-1-1', '2099-01-01T00:00:00Z', 'Z'])
      expect(mergeLibrary(B, bundled.entities, [at(bad)]).dataset.dataAsOf, bad).toBe(B.dataAsOf);
  });

  it('merges many datasets consistently (fuzzed)', () => {
    const entityIds = ['izium', 'bucha', 'dmitry-peskov', 'kharkiv', 'jane-example'];
    const arbClaim = fc.record({
      id: fc.constantFrom('c1', 'c2', 'c3', 'c4', 'c5', 'c6', B.claims[0]!.id),
      speaker: fc.constantFrom(...entityIds),
      about: fc.constantFrom(...entityIds),
      date: fc.constantFrom('2022-01-01', '2023-06-15', '2030-12-31'),
    });
    const arbDataset = fc.record({
      enabled: fc.boolean(),
      importedAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'),
      claims: fc.array(arbClaim, { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(arbDataset, { maxLength: 4 }), (specs) => {
        const imported = specs.map((s, i) =>
          stored(`d${i}`, {
            enabled: s.enabled,
            importedAt: s.importedAt,
            entities: [entity('jane-example', 'Jane Example')],
            claims: s.claims.map((c) =>
              claim(c.id, {
                speaker: c.speaker,
                about: [{ entity: c.about, role: 'subject' }],
                date: c.date,
                text: `${c.id} ${c.speaker}`,
              }),
            ),
          }),
        );
        const lib = mergeLibrary(B, bundled.entities, imported);
        const ids = lib.dataset.claims.map((c) => c.id);
        expect(new Set(ids).size).toBe(ids.length);
        const expectedIds = new Set([
          ...bundledIds,
          ...imported.filter((d) => d.enabled).flatMap((d) => d.claims.map((c) => c.id)),
        ]);
        expect(new Set(ids)).toEqual(expectedIds);
        // The bundled claim always wins its id.
        expect(lib.dataset.claims.find((c) => c.id === B.claims[0]!.id)).toBe(B.claims[0]);
        expect({ ...lib.dataset.byEntity }).toEqual(expectedIndex(lib.dataset));
        const dates = lib.dataset.claims.map((c) => c.date);
        expect([...dates].sort().reverse()).toEqual(dates);
      }),
      { numRuns: 60 },
    );
  });
});

describe('review fixes', () => {
  it('finds a Fact Check Tools API response whose claims are not the first key', () => {
    expect(detectFormat('a.json', '{"nextPageToken":"CAo","claims":[{"text":"x","claimReview":[]}]}')).toBe(
      'factcheck-api',
    );
  });
});

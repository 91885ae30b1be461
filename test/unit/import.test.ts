import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readVerdictLabels } from '../../src/node/dataset-files';
import { readEntitySources } from '../../src/node/entity-files';
import { ClaimSchema } from '../../src/core/claims';
import { compileDictionary } from '../../src/core/dictionary';
import { EntitySchema } from '../../src/core/entities';
import { exportClaimReview } from '../../src/core/export';
import { importClaimReview } from '../../src/core/import/claimreview';
import { summarize, type ImportContext, type ImportResult } from '../../src/core/import/collect';
import { importCsv } from '../../src/core/import/csv';
import { importFactCheckApi } from '../../src/core/import/factcheck-api';
import { exportOurs, importOurs } from '../../src/core/import/ours';
import { decodeBytes, ImportInputError, MAX_IMPORT_BYTES, parseJson } from '../../src/core/import/safe-input';
import { normalizeVerdict } from '../../src/core/verdicts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/import', name));
const { entities } = readEntitySources();
const context: ImportContext = {
  dictionary: compileDictionary(entities),
  knownEntityIds: new Set(entities.map((e) => e.id)),
  verdictLabels: readVerdictLabels(),
};
const text = (name: string) => decodeBytes(fixture(name)).text;

/** Every imported claim and entity is schema-valid and refers only to known or new entities. */
function expectSound(result: ImportResult) {
  const ids = new Set([...context.knownEntityIds, ...result.entities.map((e) => e.id)]);
  for (const claim of result.claims) {
    expect(v.safeParse(ClaimSchema, claim).success).toBe(true);
    for (const id of [claim.speaker, ...claim.about.map((a) => a.entity)]) expect(ids).toContain(id);
  }
  for (const entity of result.entities) expect(v.safeParse(EntitySchema, entity).success).toBe(true);
}

describe('normalizeVerdict', () => {
  it.each([
    ['Pants on Fire!', 'false'],
    ['False', 'false'],
    ['Misleading', 'partly true/misleading'],
    ['Half True', 'partly true/misleading'],
    ['Unproven', 'complicated/hard to categorise'],
    ['Mostly True', 'mostly true'],
    ['Fałsz', 'false'],
    ['Prawda', 'true'],
    ['something new', 'other'],
  ])('%s → %s', (label, verdict) => expect(normalizeVerdict(label, context.verdictLabels)).toBe(verdict));
});

describe('ClaimReview import', () => {
  it('imports a @graph, skipping non-review nodes, with ratings normalised', () => {
    const result = importClaimReview(text('claimreview-graph.jsonld'), context);
    expectSound(result);
    expect(result.total).toBe(2);
    expect(result.errors).toEqual([]);
    const [bucha, izium] = result.claims;
    expect(bucha).toMatchObject({
      speaker: 'russian-defence-ministry',
      about: [{ entity: 'bucha', role: 'subject' }],
      date: '2022-04-03',
      stance: 'asserts',
      source: { outlet: 'Example News', url: 'https://news.example/2022/04/03/mod-statement' },
      reviews: [{ publisher: 'Example Fact Check', rating: 'Pants on Fire!', normalized: 'false' }],
    });
    // An unknown claimant becomes a new speaker; the date comes from the first appearance.
    expect(izium).toMatchObject({
      speaker: 'jane-example',
      date: '2022-09-18',
      about: [{ entity: 'izium' }],
    });
    expect(result.entities.map((e) => e.id)).toEqual(['jane-example']);
    expect(summarize(result)).toBe('2 of 2 record(s) imported, 1 new speaker(s)');
  });

  it('imports a single ClaimReview object', () => {
    const result = importClaimReview(text('claimreview-single.jsonld'), context);
    expectSound(result);
    expect(result.claims[0]).toMatchObject({
      speaker: 'maria-zakharova',
      date: '2022-08-18',
      reviews: [{ normalized: 'complicated/hard to categorise' }],
    });
    expect(result.claims[0]!.about.map((a) => a.entity)).toContain('zaporizhzhia-npp');
  });

  it('round-trips our export', () => {
    const claims = importClaimReview(text('claimreview-graph.jsonld'), context).claims;
    const names = new Map(entities.map((e) => [e.id, e.name.en]));
    const again = importClaimReview(
      exportClaimReview(claims, (id) => names.get(id) ?? id),
      {
        ...context,
        knownEntityIds: new Set([...context.knownEntityIds, 'jane-example']),
      },
    );
    expect(again.errors).toEqual([]);
    expect(
      again.claims.map((c) => [c.speaker, c.text, c.date, c.source.url, c.reviews?.[0]?.rating]),
    ).toEqual(claims.map((c) => [c.speaker, c.text, c.date, c.source.url, c.reviews?.[0]?.rating]));
  });
});

describe('Fact Check Tools API import', () => {
  it('imports claims with their reviews and locates what it skips', () => {
    const result = importFactCheckApi(text('factcheck-api.json'), context);
    expectSound(result);
    expect(result.total).toBe(4);
    expect(result.claims.map((c) => [c.speaker, c.lang, c.date, c.reviews?.[0]?.normalized])).toEqual([
      ['viral-social-media-posts', 'en', '2022-04-05', 'false'],
      ['volodymyr-zelensky', 'uk', '2022-09-14', 'true'],
    ]);
    expect(result.errors).toEqual([
      { location: 'claims[2]', message: 'claimant: missing (who made the claim?)' },
      {
        location: 'claims[3]',
        message: 'the claim mentions no known person, place or organisation, so no page could show it',
      },
    ]);
  });

  it('leaves no new speaker behind when all its claims are rejected', () => {
    const claim = (text: string) => ({
      text,
      claimant: 'A Blogger Nobody Knows',
      claimDate: '2022-04-05T00:00:00Z',
      claimReview: [{ url: 'https://factcheck.example/x', textualRating: 'False' }],
    });
    const rejected = importFactCheckApi(JSON.stringify({ claims: [claim('Nothing known here')] }), context);
    expect(rejected.claims).toEqual([]);
    expect(rejected.errors.length).toBe(1);
    expect(rejected.entities).toEqual([]);
    // The same speaker with one kept claim is created once, and kept.
    const kept = importFactCheckApi(
      JSON.stringify({ claims: [claim('Nothing known here'), claim('Shelling near Izium')] }),
      context,
    );
    expect(kept.claims.length).toBe(1);
    expect(kept.entities.map((e) => e.name.en)).toEqual(['A Blogger Nobody Knows']);
  });

  it('refuses a document of another shape', () => {
    expect(importFactCheckApi('{"items": []}', context).errors[0]!.message).toMatch(
      /expected an object with a "claims" array/,
    );
  });
});

describe('CSV import', () => {
  it('imports a CRLF file with a BOM, quoted fields and per-row errors', () => {
    const result = importCsv(text('claims.csv'), context);
    expectSound(result);
    expect(result.total).toBe(5);
    expect(result.claims.map((c) => [c.speaker, c.stance, c.about.map((a) => a.entity).join(';')])).toEqual([
      ['dmitry-peskov', 'denies', 'izium;bucha'],
      ['jane-example', 'asserts', 'kremlin;kharkiv'],
    ]);
    expect(result.claims[0]!.text).toBe(
      'Peskov called the reports from Izium "a lie", comparing them to Bucha.',
    );
    expect(result.claims[1]!.reviews?.[0]).toMatchObject({
      rating: 'Unproven',
      normalized: 'complicated/hard to categorise',
    });
    expect(result.errors.map((e) => `${e.location}: ${e.message}`)).toEqual([
      'row 3: source.url: not an http(s) URL',
      'row 4: stance: "lies" is not one of asserts, accuses, denies, confirms, warns, calls-for',
      'row 5: required column(s) empty: speaker',
    ]);
  });

  it('refuses a header it does not know, naming the expected columns', () => {
    const result = importCsv('who,what\nx,y\n', context);
    expect(result.errors[0]!.message).toMatch(
      /^missing column\(s\): speaker, text, date, source_url; unknown column\(s\): who, what \(expected: speaker,text,/,
    );
  });

  it('reads a Latin-1 file with a warning instead of garbling silently', () => {
    const latin1 = Buffer.from(
      'speaker,text,date,source_url\r\nJos\xe9 Example,Caf\xe9 talk about Kyiv,2022-05-01,https://news.example/z\r\n',
      'latin1',
    );
    const decoded = decodeBytes(latin1);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.warning).toMatch(/not valid UTF-8/);
    const result = importCsv(decoded.text, context);
    expect(result.claims[0]!.text).toBe('Café talk about Kyiv');
    expect(result.entities[0]!.name.en).toBe('José Example');
  });
});

describe('our own format', () => {
  it('round-trips export and import', () => {
    const { claims, entities: added } = importClaimReview(text('claimreview-graph.jsonld'), context);
    const meta = {
      id: 'x',
      title: 'X',
      version: '1.0.0',
      dataAsOf: '2022-12-31',
      licence: 'CC BY 4.0',
      addedBy: 'test',
    };
    const back = importOurs(exportOurs(meta, added, claims), context);
    expect(back.errors).toEqual([]);
    expect(back.meta).toEqual(meta);
    expect(back.claims).toEqual(claims);
    expect(back.entities).toEqual(added);
  });
});

describe('hostile input', () => {
  it('keeps HTML and script in text as plain text (never interpreted here or later)', () => {
    const doc = JSON.stringify({
      '@type': 'ClaimReview',
      url: 'https://factcheck.example/x',
      claimReviewed: '<img src=x onerror=alert(1)> The Kremlin <script>alert(2)</script> said so',
      reviewRating: { alternateName: 'False' },
      itemReviewed: { author: { name: 'Dmitry Peskov' }, datePublished: '2022-05-05' },
    });
    const result = importClaimReview(doc, context);
    expect(result.claims[0]!.text).toBe(
      '<img src=x onerror=alert(1)> The Kremlin <script>alert(2)</script> said so',
    );
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    'file:///etc/passwd',
    '//evil.example/x',
  ])('rejects the source URL %s', (url) => {
    const doc = JSON.stringify({
      '@type': 'ClaimReview',
      url,
      claimReviewed: 'The Kremlin said so',
      reviewRating: { alternateName: 'False' },
      itemReviewed: { author: { name: 'Dmitry Peskov' }, datePublished: '2022-05-05' },
    });
    const result = importClaimReview(doc, context);
    expect(result.claims).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/not an http\(s\) URL/);
  });

  it('drops __proto__/constructor keys and pollutes nothing', () => {
    const doc =
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"claims":[{"__proto__":{"polluted":true},"text":"The Kremlin spoke","claimant":"Dmitry Peskov","claimDate":"2022-05-05","claimReview":[{"url":"https://f.example/1","textualRating":"False","__proto__":{"x":1}}]}]}';
    const result = importFactCheckApi(doc, context);
    expect(result.claims).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.hasOwn(parseJson('{"__proto__":{"a":1},"b":2}') as object, '__proto__')).toBe(false);
  });

  it('refuses 50-level nesting, truncated files and oversized files with clear messages', () => {
    expect(() => parseJson('['.repeat(50) + ']'.repeat(50))).toThrow(
      new ImportInputError('the JSON is nested more than 32 levels deep'),
    );
    expect(() => parseJson(text('claimreview-graph.jsonld').slice(0, 300))).toThrow(
      /not valid JSON .*is the file complete\?/,
    );
    expect(() => decodeBytes(new Uint8Array(MAX_IMPORT_BYTES + 1))).toThrow(
      /the file is 32\.0 MB; the limit is 32 MB/,
    );
    expect(() => decodeBytes(new Uint8Array([0x7b, 0, 0x7d]))).toThrow(/binary/);
  });

  it('reads UTF-16 files with a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"claims":[]}', 'utf16le')]);
    expect(decodeBytes(utf16)).toMatchObject({ text: '{"claims":[]}', encoding: 'utf-16le' });
  });
});

describe('property: importers never throw unexpectedly and only output valid data', () => {
  const importers = [importClaimReview, importFactCheckApi, importCsv, importOurs];
  const run = (input: string) => {
    for (const importer of importers) {
      let result: ImportResult;
      try {
        result = importer(input, context);
      } catch (error) {
        // Only whole-file problems are thrown, and only as ImportInputError with a message.
        expect(error).toBeInstanceOf(ImportInputError);
        continue;
      }
      expectSound(result);
      expect(result.claims.length).toBeLessThanOrEqual(result.total);
    }
    expect(Object.prototype).not.toHaveProperty('polluted');
  };

  it('on random JSON documents', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), run), { numRuns: 300 });
  });

  it('on mutated real fixtures', () => {
    const seeds = [
      'claimreview-graph.jsonld',
      'claimreview-single.jsonld',
      'factcheck-api.json',
      'claims.csv',
    ].map(text);
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 12 })), { maxLength: 6 }),
        (seed, edits) => {
          let s = seed;
          for (const [at, del, insert] of edits) {
            const i = at % (s.length + 1);
            s = s.slice(0, i) + insert + s.slice(i + del);
          }
          run(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on JSON with dangerous keys anywhere', () => {
    const key = fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'claims',
      'text',
      'claimant',
      '@graph',
      '@type',
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (doc) => run(JSON.stringify(doc))),
      { numRuns: 300 },
    );
  });
});

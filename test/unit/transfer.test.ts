import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDataset, importedMeta } from '../../src/core/export';
import { prepareImport, type ImportTarget } from '../../src/core/import/prepare';
import { ImportInputError } from '../../src/core/import/safe-input';
import { readDataset, readVerdictLabels } from '../../src/node/dataset-files';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/import', name));
const bundled = readDataset();
const target = (over: Partial<ImportTarget> = {}): ImportTarget => ({
  entities: bundled.entities,
  verdictLabels: readVerdictLabels(),
  takenClaimIds: new Set(),
  takenDatasetIds: new Set(),
  now: new Date('2026-12-01T10:00:00Z'),
  lang: 'uk',
  ...over,
});

describe('prepareImport', () => {
  it('detects the format, imports, and previews what would be stored, names in the UI language', () => {
    const p = prepareImport(fixture('claims.csv'), 'claims.csv', 'auto', target());
    expect(p.format).toBe('csv');
    expect(p.dataset).not.toBeNull();
    expect(p.preview).toMatchObject({
      fileName: 'claims.csv',
      format: 'csv',
      total: p.result.total,
      claims: p.dataset!.claims.length,
      entities: p.dataset!.entities.length,
    });
    expect(p.dataset!).toMatchObject({ id: 'claims', format: 'csv', importedAt: '2026-12-01T10:00:00.000Z' });
    // Peskov's claim is previewed with his Ukrainian name.
    const peskov = bundled.entities.find((e) => e.id === 'dmitry-peskov')!;
    expect(p.preview.examples.map((e) => e.speaker)).toContain(peskov.name.uk);
    expect(p.preview.examples.length).toBe(Math.min(3, p.dataset!.claims.length));
  });

  it('keeps a chosen format, and skips claims and dataset ids already taken', () => {
    const first = prepareImport(fixture('claims.csv'), 'claims.csv', 'csv', target());
    const again = prepareImport(
      fixture('claims.csv'),
      'claims.csv',
      'csv',
      target({
        takenClaimIds: new Set(first.dataset!.claims.map((c) => c.id)),
        takenDatasetIds: new Set(['claims']),
      }),
    );
    expect(again.dataset).toBeNull();
    expect(again.preview.claims).toBe(0);
    expect(again.preview.warnings).toContain(
      `${first.dataset!.claims.length} claim(s) already in the library were skipped`,
    );
    const renamed = prepareImport(
      fixture('claims.csv'),
      'claims.csv',
      'csv',
      target({ takenDatasetIds: new Set(['claims']) }),
    );
    expect(renamed.dataset!.id).toBe('claims-2');
  });

  it('reports a whole-file problem as a located error, and refuses bytes that are not text', () => {
    const cut = prepareImport(
      new TextEncoder().encode('{"@type": "ClaimRev'),
      'cut.jsonld',
      'auto',
      target(),
    );
    expect(cut.format).toBe('claimreview');
    expect(cut.dataset).toBeNull();
    expect(cut.preview.errors).toEqual([
      { location: 'file', message: expect.stringMatching(/not valid JSON/) },
    ]);
    expect(() => prepareImport(new Uint8Array([0x7b, 0, 0x7d]), 'bin.json', 'auto', target())).toThrow(
      ImportInputError,
    );
  });

  it('warns when the file was not UTF-8', () => {
    const latin1 = prepareImport(fixture('e2e/latin1.csv'), 'latin1.csv', 'auto', target());
    expect(latin1.preview.warnings[0]).toMatch(/Windows-1252/);
  });
});

describe('exportDataset', () => {
  const names = new Map(bundled.entities.map((e) => [e.id, e.name.en]));
  const nameOf = (id: string) => names.get(id) ?? id;

  it('exports the bundled dataset in our format with the entities its claims name, and it imports back whole', () => {
    const file = exportDataset({ bundled: bundled.dataset, entities: bundled.entities }, 'ours', nameOf);
    expect(file).toMatchObject({
      fileName: `${bundled.dataset.id}.wsw.json`,
      mimeType: 'application/json',
      claims: bundled.dataset.claims.length,
    });
    const parsed = JSON.parse(file.text);
    expect(parsed.meta.id).toBe(bundled.dataset.id);
    const named = new Set(
      bundled.dataset.claims.flatMap((c) => [c.speaker, ...c.about.map((a) => a.entity)]),
    );
    expect(new Set(parsed.entities.map((e: { id: string }) => e.id))).toEqual(named);
    const back = prepareImport(new TextEncoder().encode(file.text), file.fileName, 'auto', target());
    expect(back.format).toBe('ours');
    expect(back.preview.claims).toBe(bundled.dataset.claims.length);
    expect(back.preview.errors).toEqual([]);
  });

  it('exports an imported dataset with its metadata, or what is known of it', () => {
    const { dataset } = prepareImport(fixture('claims.csv'), 'claims.csv', 'csv', target());
    const meta = importedMeta({ ...dataset!, version: 'v2' });
    expect(meta).toMatchObject({ id: 'claims', version: '1.0.0', addedBy: 'imported from claims.csv' });
    expect(meta.dataAsOf).toBe(
      dataset!.claims
        .map((c) => c.date)
        .sort()
        .at(-1),
    );
    expect(importedMeta({ ...dataset!, version: '2.1.0', dataAsOf: '2025-01-01' })).toMatchObject({
      version: '2.1.0',
      dataAsOf: '2025-01-01',
    });
    const file = exportDataset({ imported: dataset! }, 'claimreview', nameOf);
    expect(file).toMatchObject({ fileName: 'claims.claimreview.json', mimeType: 'application/ld+json' });
    expect(JSON.parse(file.text)['@graph'].length).toBeGreaterThanOrEqual(dataset!.claims.length);
  });
});

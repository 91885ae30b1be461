/**
 * The library: the bundled dataset plus the datasets a user imported, merged into what cards,
 * the popup and the matcher use. Pure (no storage): the options page and the background store
 * and load; this module decides what a stored dataset is and how datasets combine.
 */
import * as v from 'valibot';
import { ClaimSchema, type Claim } from './claims';
import { compileDataset, highlightableEntities, type Dataset } from './dataset';
import { EntitySchema, type EntitySource } from './entities';
import { IMPORT_FORMATS, type ImportFormat, type ImportOutcome } from './import/registry';

/** A dataset the user imported, as stored (IndexedDB). */
export const StoredDatasetSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,80}$/)),
  title: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  format: v.picklist(IMPORT_FORMATS),
  fileName: v.pipe(v.string(), v.maxLength(260)),
  importedAt: v.pipe(v.string(), v.isoTimestamp()),
  enabled: v.boolean(),
  version: v.optional(v.string()),
  dataAsOf: v.optional(v.string()),
  licence: v.optional(v.string()),
  claims: v.array(ClaimSchema),
  entities: v.array(EntitySchema),
});
export type StoredDataset = v.InferOutput<typeof StoredDatasetSchema>;

/** What the list of datasets shows (a stored dataset without its records). */
export interface DatasetSummary {
  id: string;
  title: string;
  format: ImportFormat | 'bundled';
  fileName: string;
  importedAt: string;
  enabled: boolean;
  version?: string;
  dataAsOf?: string;
  licence?: string;
  claims: number;
  entities: number;
}

/** The summary of a stored dataset. */
export function summarizeDataset(d: StoredDataset): DatasetSummary {
  const { claims, entities, ...rest } = d;
  return { ...rest, claims: claims.length, entities: entities.length };
}

/**
 * Turn an import result into a dataset to store: claims whose id is already in the library are
 * dropped with a warning (ids are the link between a claim and its answers), and a claim answering
 * a dropped or unknown claim keeps its text but loses the link.
 */
export function toStoredDataset(
  result: ImportOutcome,
  options: {
    format: ImportFormat;
    fileName: string;
    takenClaimIds: ReadonlySet<string>;
    takenDatasetIds: ReadonlySet<string>;
    now: Date;
  },
): { dataset: StoredDataset; warnings: string[] } {
  const warnings: string[] = [];
  const claims: Claim[] = [];
  const kept = new Set<string>();
  let duplicates = 0;
  for (const c of result.claims) {
    if (options.takenClaimIds.has(c.id)) duplicates++;
    else {
      claims.push(c);
      kept.add(c.id);
    }
  }
  if (duplicates) warnings.push(`${duplicates} claim(s) already in the library were skipped`);
  const linked = claims.map((c) => {
    if (c.respondsTo === undefined || kept.has(c.respondsTo) || options.takenClaimIds.has(c.respondsTo))
      return c;
    const { respondsTo: _dropped, ...rest } = c;
    return rest;
  });
  const base =
    options.fileName
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'imported';
  let id = base;
  for (let n = 2; options.takenDatasetIds.has(id) || id === 'bundled'; n++) id = `${base}-${n}`;
  const meta = result.meta ?? {};
  const dataset: StoredDataset = {
    id,
    title: (meta.title ?? options.fileName).slice(0, 200) || id,
    format: options.format,
    fileName: options.fileName.slice(0, 260),
    importedAt: options.now.toISOString(),
    enabled: true,
    ...(meta.version ? { version: meta.version } : {}),
    ...(meta.dataAsOf ? { dataAsOf: meta.dataAsOf } : {}),
    ...(meta.licence ? { licence: meta.licence } : {}),
    claims: linked,
    entities: result.entities,
  };
  return { dataset, warnings };
}

/** Whether a YYYY-MM-DD string names a day that exists (not 2030-02-31). */
function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The newest "data as of" among the bundled date and the enabled imports' real dates. */
export function newestDataAsOf(bundled: string, enabled: readonly { dataAsOf?: string }[]): string {
  let newest = bundled;
  for (const d of enabled)
    if (d.dataAsOf && isRealDay(d.dataAsOf) && d.dataAsOf > newest) newest = d.dataAsOf;
  return newest;
}

/** The merged view the extension works with. */
export interface Library {
  dataset: Dataset;
  /** Every entity a claim can name: bundled plus those imported datasets added. */
  entities: EntitySource[];
  /** Entities with at least one claim (the only ones highlighted). */
  highlightable: EntitySource[];
}

/**
 * Merge the bundled dataset with the enabled imported ones. The "data as of" date is the newest
 * of them; a claim id seen twice keeps its first occurrence (bundled first, then by import date).
 */
export function mergeLibrary(
  bundled: Dataset,
  bundledEntities: EntitySource[],
  imported: StoredDataset[],
): Library {
  const enabled = imported.filter((d) => d.enabled).sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  const seen = new Set(bundled.claims.map((c) => c.id));
  const claims = [...bundled.claims];
  const entities = [...bundledEntities];
  const entityIds = new Set(entities.map((e) => e.id));
  let dataAsOf = bundled.dataAsOf;
  for (const d of imported) {
    // Entities of disabled datasets stay known (another dataset may name them) but get no claims.
    for (const e of d.entities)
      if (!entityIds.has(e.id)) {
        entities.push(e);
        entityIds.add(e.id);
      }
  }
  for (const d of enabled) {
    for (const c of d.claims)
      if (!seen.has(c.id)) {
        seen.add(c.id);
        claims.push(c);
      }
  }
  dataAsOf = newestDataAsOf(dataAsOf, enabled);
  const { claims: _c, byEntity: _b, ...meta } = bundled;
  const dataset = compileDataset({ ...meta, dataAsOf }, claims);
  const highlightable = highlightableEntities(entities, dataset);
  return { dataset, entities, highlightable };
}

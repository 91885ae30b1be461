/**
 * Read the bundled dataset sources from disk, validated against the entity dictionary. Shared by
 * the CLI and the build, so both report the same errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import type { Claim } from '../core/claims';
import { compileDataset, DatasetMetaSchema, validateClaims, type Dataset } from '../core/dataset';
import { formatSourceError, type EntitySource } from '../core/entities';
import { PROJECT_ROOT, readEntitySources } from './entity-files';

/** Where the dataset sources live. */
export const DATA_DIR = join(PROJECT_ROOT, 'assets/data');

/** Thrown when the dataset is invalid; the message lists every error, one per line. */
export class DatasetSourceError extends Error {}

/** A file's name for messages: relative inside the project, as given outside it. */
const displayName = (file: string) => {
  const rel = relative(PROJECT_ROOT, file);
  return rel.startsWith('..') ? file : rel;
};

function readJson(file: string, errors: string[]): unknown {
  const name = displayName(file);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    errors.push(`${name}: not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Load entities, dataset meta and claim files (default: every `assets/data/claims/*.json`; or the
 * given files) and validate them together. Throws {@link DatasetSourceError} on any error.
 */
export function readDataset(claimFiles?: string[]): {
  dataset: Dataset;
  entities: EntitySource[];
  claims: Claim[];
  /** Claim file (as displayed) → number of claims in it: coverage per topic file. */
  claimsPerFile: Record<string, number>;
} {
  const { entities } = readEntitySources();
  const errors: string[] = [];
  const metaRaw = readJson(join(DATA_DIR, 'dataset.json'), errors);
  const meta = v.safeParse(DatasetMetaSchema, metaRaw);
  if (metaRaw !== undefined && !meta.success) {
    for (const issue of meta.issues) {
      errors.push(
        `assets/data/dataset.json: ${issue.path?.map((p) => String(p.key)).join('.') ?? '(file)'}: ${issue.message}`,
      );
    }
  }
  const files =
    claimFiles ??
    readdirSync(join(DATA_DIR, 'claims'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => join(DATA_DIR, 'claims', f));
  const parsed: Record<string, unknown> = {};
  for (const file of files) {
    const json = readJson(file, errors);
    if (json !== undefined) parsed[displayName(file)] = json;
  }
  const ids = new Set(entities.map((e) => e.id));
  const { claims, errors: invalid } = validateClaims(
    parsed,
    ids,
    meta.success ? meta.output.dataAsOf : undefined,
  );
  errors.push(...invalid.map(formatSourceError));
  if (errors.length || !meta.success) {
    throw new DatasetSourceError(`${errors.length} error(s) in the dataset:\n  ${errors.join('\n  ')}`);
  }
  const claimsPerFile: Record<string, number> = {};
  for (const [name, json] of Object.entries(parsed))
    claimsPerFile[name] = (json as { claims: unknown[] }).claims.length;
  return { dataset: compileDataset(meta.output, claims), entities, claims, claimsPerFile };
}

/** The rating label → verdict table (derived from verdict-labels, MIT). */
export function readVerdictLabels(): Record<string, string> {
  const file = join(DATA_DIR, 'verdict-labels/labels.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { labels: Record<string, string> }).labels;
}

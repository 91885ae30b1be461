/**
 * Read the entity sources (`assets/entities/*.json`) from disk, validated. Shared by the CLI and the
 * build (build/), so maintainers and the bundle see the same dictionary and the same errors.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { formatSourceError, validateEntityFiles, type EntitySource } from '../core/entities';

/** Project root (this file is src/node/entity-files.ts). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** Where the entity sources live. */
export const ENTITIES_DIR = join(PROJECT_ROOT, 'assets/entities');

/** Thrown when entity sources are invalid; its message lists every error, one per line. */
export class EntitySourceError extends Error {}

/**
 * Load and validate every `*.json` file in `dir` (default: assets/entities, or $WSW_ENTITIES_DIR to
 * try a draft set); throws {@link EntitySourceError} on any error.
 */
export function readEntitySources(dir = process.env.WSW_ENTITIES_DIR ?? ENTITIES_DIR): {
  entities: EntitySource[];
  files: string[];
} {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
  const parsed: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const file of files) {
    const name = relative(PROJECT_ROOT, file);
    try {
      parsed[name] = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      errors.push(`${name}: not valid JSON: ${(error as Error).message}`);
    }
  }
  const { entities, errors: invalid } = validateEntityFiles(parsed);
  errors.push(...invalid.map(formatSourceError));
  if (errors.length)
    throw new EntitySourceError(`${errors.length} error(s) in entity sources:\n  ${errors.join('\n  ')}`);
  return { entities, files };
}

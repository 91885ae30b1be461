import * as v from 'valibot';
import type { Claim } from '../claims';
import { DatasetMetaSchema, validateClaims, type DatasetMeta } from '../dataset';
import { EntitySchema, type EntitySource } from '../entities';
import type { ImportContext, ImportResult } from './collect';
import { own, parseJson } from './safe-input';

/** Tag of our own export format. */
export const OUR_FORMAT = 'who-said-what/1';

/** Our dataset as a file: meta, the entities it adds, and its claims. */
export interface DatasetFile {
  format: typeof OUR_FORMAT;
  meta: DatasetMeta;
  entities: EntitySource[];
  claims: Claim[];
}

/** Serialise a dataset in our format (the inverse of {@link importOurs}). */
export function exportOurs(meta: DatasetMeta, entities: EntitySource[], claims: Claim[]): string {
  const file: DatasetFile = { format: OUR_FORMAT, meta, entities, claims };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Import a file in our format: every entity and claim validated, errors located by index. */
export function importOurs(text: string, context: ImportContext): ImportResult & { meta?: DatasetMeta } {
  const result: ImportResult & { meta?: DatasetMeta } = {
    format: 'Who Said What JSON',
    total: 0,
    claims: [],
    entities: [],
    errors: [],
    warnings: [],
  };
  const root = parseJson(text);
  if (own(root, 'format') !== OUR_FORMAT) {
    result.errors.push({
      location: 'document',
      message: `not a Who Said What dataset (expected "format": "${OUR_FORMAT}")`,
    });
    return result;
  }
  const meta = v.safeParse(DatasetMetaSchema, own(root, 'meta'));
  if (meta.success) result.meta = meta.output;
  else
    result.errors.push({
      location: 'meta',
      message: `${meta.issues[0].path?.map((p) => String(p.key)).join('.') ?? ''}: ${meta.issues[0].message}`,
    });
  const ids = new Set(context.knownEntityIds);
  const entities = own(root, 'entities');
  (Array.isArray(entities) ? entities : []).forEach((raw, i) => {
    const checked = v.safeParse(EntitySchema, raw);
    if (!checked.success) {
      const issue = checked.issues[0];
      result.errors.push({
        location: `entities[${i}]`,
        message: `${issue.path?.map((p) => String(p.key)).join('.') ?? ''}: ${issue.message}`,
      });
    } else if (ids.has(checked.output.id)) {
      result.warnings.push(
        `entities[${i}]: "${checked.output.id}" already exists; the existing entity is kept`,
      );
    } else {
      ids.add(checked.output.id);
      result.entities.push(checked.output);
    }
  });
  const claims = own(root, 'claims');
  const list = Array.isArray(claims) ? claims : [];
  result.total = list.length;
  const { claims: valid, errors } = validateClaims({ claims: { claims: list } }, ids);
  result.claims = valid.filter((c) => !errors.some((e) => e.record === c.id));
  for (const e of errors)
    result.errors.push({ location: `claim ${e.record ?? '?'}`, message: `${e.path}: ${e.message}` });
  return result;
}

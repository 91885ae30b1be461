import * as v from 'valibot';
import { ClaimSchema, STANCES, type Claim, type Stance } from './claims';
import type { SourceError } from './entities';

/**
 * The dataset: claims plus what a reader needs to trust them (version, "data as of", licence).
 * Sources are human-edited JSON files (`assets/data/claims/*.json`, meta in
 * `assets/data/dataset.json`); the build validates them against the entity dictionary and
 * compiles the runtime form below, with claims indexed by entity.
 */

export const ClaimFileSchema = v.strictObject({ claims: v.array(v.unknown()) });

export const DatasetMetaSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not a slug')),
  title: v.pipe(v.string(), v.minLength(1)),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'not a semantic version')),
  dataAsOf: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date')),
  licence: v.pipe(v.string(), v.minLength(1)),
  addedBy: v.pipe(v.string(), v.minLength(1)),
});
export type DatasetMeta = v.InferOutput<typeof DatasetMetaSchema>;

/** The runtime dataset: meta, claims, and claim indexes by entity id (speaker or about). */
export interface Dataset extends DatasetMeta {
  claims: Claim[];
  byEntity: Record<string, number[]>;
}

/**
 * Validate claim files (name → parsed JSON) against the schema and across records: unique ids,
 * known entities (speaker and about), existing `respondsTo` targets, no claim newer than the
 * dataset's "data as of" date. Every error names file, record and field.
 */
export function validateClaims(
  files: Record<string, unknown>,
  entityIds: ReadonlySet<string>,
  dataAsOf?: string,
): { claims: Claim[]; errors: SourceError[] } {
  const claims: Claim[] = [];
  const errors: SourceError[] = [];
  const where = new Map<string, string>();
  for (const [file, raw] of Object.entries(files)) {
    const top = v.safeParse(ClaimFileSchema, raw);
    if (!top.success) {
      errors.push({
        file,
        path: '(file)',
        message: 'expected an object with a "claims" array and nothing else',
      });
      continue;
    }
    top.output.claims.forEach((item, i) => {
      const id = (item as { id?: unknown } | null)?.id;
      const record = typeof id === 'string' ? id : `#${i}`;
      const result = v.safeParse(ClaimSchema, item);
      if (!result.success) {
        for (const issue of result.issues) {
          const path = issue.path?.map((p) => String(p.key)).join('.') || '(claim)';
          errors.push({ file, kind: 'claim', record, path, message: issue.message });
        }
        return;
      }
      const claim = result.output;
      if (where.has(claim.id)) {
        errors.push({
          file,
          kind: 'claim',
          record,
          path: 'id',
          message: `duplicate id (also in ${where.get(claim.id)})`,
        });
        return;
      }
      where.set(claim.id, file);
      if (!entityIds.has(claim.speaker))
        errors.push({
          file,
          kind: 'claim',
          record,
          path: 'speaker',
          message: `unknown entity "${claim.speaker}"`,
        });
      if (claim.speaksFor !== undefined && !entityIds.has(claim.speaksFor))
        errors.push({
          file,
          kind: 'claim',
          record,
          path: 'speaksFor',
          message: `unknown entity "${claim.speaksFor}"`,
        });
      claim.about.forEach((a, k) => {
        if (!entityIds.has(a.entity))
          errors.push({
            file,
            kind: 'claim',
            record,
            path: `about.${k}.entity`,
            message: `unknown entity "${a.entity}"`,
          });
      });
      if (dataAsOf && claim.date > dataAsOf) {
        errors.push({
          file,
          kind: 'claim',
          record,
          path: 'date',
          message: `after the dataset's dataAsOf (${dataAsOf})`,
        });
      }
      claims.push(claim);
    });
  }
  for (const claim of claims) {
    if (claim.respondsTo === undefined) continue;
    const file = where.get(claim.id)!;
    if (claim.respondsTo === claim.id)
      errors.push({
        file,
        kind: 'claim',
        record: claim.id,
        path: 'respondsTo',
        message: 'a claim cannot respond to itself',
      });
    else if (!where.has(claim.respondsTo))
      errors.push({
        file,
        kind: 'claim',
        record: claim.id,
        path: 'respondsTo',
        message: `unknown claim "${claim.respondsTo}"`,
      });
  }
  return { claims, errors };
}

/** Build the runtime dataset: claims sorted newest first, indexed by every entity they involve. */
export function compileDataset(meta: DatasetMeta, claims: Claim[]): Dataset {
  const sorted = [...claims].sort((a, b) =>
    a.date === b.date ? a.id.localeCompare(b.id) : a.date < b.date ? 1 : -1,
  );
  const byEntity: Record<string, number[]> = Object.create(null);
  sorted.forEach((claim, i) => {
    const ids = new Set([claim.speaker, ...claim.about.map((a) => a.entity)]);
    if (claim.speaksFor !== undefined) ids.add(claim.speaksFor);
    for (const id of ids) (byEntity[id] ??= []).push(i);
  });
  return { ...meta, claims: sorted, byEntity };
}

/**
 * The entities the extension highlights: those with at least one claim in `dataset`. Why one
 * rule in one place: a highlight promises a card with something to show, and the build, the
 * library merge, the benchmarks and the tests must all agree on which entities that is.
 */
export function highlightableEntities<E extends { id: string }>(
  entities: readonly E[],
  dataset: Pick<Dataset, 'byEntity'>,
): E[] {
  return entities.filter((e) => (dataset.byEntity[e.id]?.length ?? 0) > 0);
}

/** Claims that involve an entity (as speaker or about it), newest first. */
export function claimsInvolving(dataset: Dataset, entityId: string): Claim[] {
  return (dataset.byEntity[entityId] ?? []).map((i) => dataset.claims[i]!);
}

/** Claims about an entity (it is in `about`, not only the speaker), newest first. */
export function claimsAbout(dataset: Dataset, entityId: string): Claim[] {
  return claimsInvolving(dataset, entityId).filter((c) => c.about.some((a) => a.entity === entityId));
}

/** Claims grouped by speaker; groups ordered by their newest claim, claims newest first. */
export function groupBySpeaker(claims: Claim[]): { speaker: string; claims: Claim[] }[] {
  const groups = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = groups.get(claim.speaker);
    if (list) list.push(claim);
    else groups.set(claim.speaker, [claim]);
  }
  return [...groups].map(([speaker, list]) => ({ speaker, claims: list }));
}

const AFFIRMING: ReadonlySet<Stance> = new Set(['asserts', 'accuses', 'confirms', 'warns']);

/** A claim and the claim that contradicts it, on a shared subject. */
export interface Contradiction {
  claim: Claim;
  answer: Claim;
  subjects: string[];
}

/**
 * Contradiction pairs: a claim that answers another (`respondsTo`) with the opposite stance — one
 * asserts, accuses, confirms or warns, the other denies — and shares a subject entity with it.
 * Restricted to pairs about `entityId` when given. Newest answer first.
 */
export function contradictions(dataset: Dataset, entityId?: string): Contradiction[] {
  const byId = new Map(dataset.claims.map((c) => [c.id, c]));
  const pool = entityId === undefined ? dataset.claims : claimsInvolving(dataset, entityId);
  const out: Contradiction[] = [];
  for (const answer of pool) {
    if (!answer.respondsTo) continue;
    const claim = byId.get(answer.respondsTo);
    if (!claim) continue;
    const opposite =
      (answer.stance === 'denies' && AFFIRMING.has(claim.stance)) ||
      (claim.stance === 'denies' && AFFIRMING.has(answer.stance));
    if (!opposite) continue;
    const subjectsOf = (c: Claim) =>
      new Set(c.about.filter((a) => a.role === 'subject').map((a) => a.entity));
    const theirs = subjectsOf(claim);
    const shared = [...subjectsOf(answer)].filter((s) => theirs.has(s));
    if (shared.length === 0) continue;
    if (
      entityId !== undefined &&
      !shared.includes(entityId) &&
      claim.speaker !== entityId &&
      answer.speaker !== entityId
    )
      continue;
    out.push({ claim, answer, subjects: shared });
  }
  return out;
}

/** Claims about an entity over time: one bucket per month (YYYY-MM), oldest first. */
export function timeline(claims: Claim[]): { month: string; claims: Claim[] }[] {
  const months = new Map<string, Claim[]>();
  for (const claim of [...claims].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const month = claim.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(claim);
    else months.set(month, [claim]);
  }
  return [...months].map(([month, list]) => ({ month, claims: list }));
}

export { STANCES };

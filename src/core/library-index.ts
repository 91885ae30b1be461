/**
 * How imported claims are indexed by entity, so that a card needs only its entity's claims and
 * never the whole library: with a 100,000-claim fact-check feed imported, reading and validating
 * every claim for one hover would cost seconds and hundreds of megabytes in the background.
 * Pure: the platform store writes what these functions compute, at import time.
 */
import type { Claim } from './claims';
import { compileDataset, type Dataset, type DatasetMeta } from './dataset';

/**
 * The version of the claim schema a stored claim record was validated against. Records are
 * validated once, when they are written (an import), and stored in their validated form; a card
 * then trusts a record of this version after a cheap shape check ({@link looksLikeClaim}) instead
 * of validating each of an entity's ~1,300 claims again on every hover (29–41 ms at 100,000
 * imported claims). Bump it whenever `ClaimSchema` changes, so older records are validated again.
 */
export const CLAIM_RECORD_SCHEMA = 1;

/**
 * A cheap check that a record validated at write time still has a claim's shape (the fields a card
 * reads, with their types): enough to reject a damaged or foreign record without the full schema.
 */
export function looksLikeClaim(value: unknown): value is Claim {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const source = c.source as Record<string, unknown> | null | undefined;
  return (
    typeof c.id === 'string' &&
    typeof c.speaker === 'string' &&
    Array.isArray(c.about) &&
    c.about.length > 0 &&
    typeof c.kind === 'string' &&
    typeof c.text === 'string' &&
    typeof c.lang === 'string' &&
    typeof c.date === 'string' &&
    typeof c.stance === 'string' &&
    typeof source === 'object' &&
    source !== null &&
    typeof source.url === 'string' &&
    typeof source.outlet === 'string' &&
    (c.respondsTo === undefined || typeof c.respondsTo === 'string') &&
    (c.speaksFor === undefined || typeof c.speaksFor === 'string') &&
    (c.reviews === undefined || Array.isArray(c.reviews))
  );
}

/** Every entity a claim involves: its speaker, what it is about, whom it was spoken for. */
export function claimEntityIds(claim: Claim): string[] {
  const ids = new Set([claim.speaker, ...claim.about.map((a) => a.entity)]);
  if (claim.speaksFor !== undefined) ids.add(claim.speaksFor);
  return [...ids];
}

/** Entity id → number of claims involving it (what the popup and the dictionary need). */
export function countByEntity(claims: readonly Claim[]): Record<string, number> {
  const counts: Record<string, number> = Object.create(null);
  for (const c of claims) for (const id of claimEntityIds(c)) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

/**
 * The part of the library one card needs: the entity's claims from the bundled dataset and from
 * the enabled imports (in the library's precedence: bundled first, then imports oldest first; a
 * claim id seen twice keeps its first occurrence), plus the claims they answer, so contradiction
 * pairs whose other half does not involve the entity still pair up.
 */
export function cardSlice(
  bundled: Dataset,
  entityId: string,
  /** Imported claims involving the entity, in import order. */
  imported: readonly Claim[],
  /** Imported or bundled claims the above answer, by id (may be empty). */
  answered: ReadonlyMap<string, Claim>,
  dataAsOf: string,
): Dataset {
  const seen = new Set<string>();
  const claims: Claim[] = [];
  const add = (c: Claim) => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    claims.push(c);
  };
  for (const i of bundled.byEntity[entityId] ?? []) add(bundled.claims[i]!);
  // An imported claim whose id the bundled data also uses loses to it, even where the bundled one
  // does not involve this entity (imports never repeat each other's ids: see toStoredDataset).
  const bundledIds = idsOf(bundled);
  for (const c of imported) if (!bundledIds.has(c.id)) add(c);
  for (const c of [...claims]) {
    const target = c.respondsTo === undefined ? undefined : answered.get(c.respondsTo);
    if (target) add(target);
  }
  const { claims: _c, byEntity: _b, ...meta } = bundled;
  return compileDataset({ ...(meta as DatasetMeta), dataAsOf }, claims);
}

const bundledIdSets = new WeakMap<Dataset, ReadonlySet<string>>();
function idsOf(dataset: Dataset): ReadonlySet<string> {
  let ids = bundledIdSets.get(dataset);
  if (!ids) bundledIdSets.set(dataset, (ids = new Set(dataset.claims.map((c) => c.id))));
  return ids;
}

/** Ids of claims that `claims` answer and that are not among them (to fetch for {@link cardSlice}). */
export function missingAnswerTargets(claims: readonly Claim[], bundled: Dataset, entityId: string): string[] {
  const have = new Set(claims.map((c) => c.id));
  for (const i of bundled.byEntity[entityId] ?? []) have.add(bundled.claims[i]!.id);
  const out = new Set<string>();
  for (const c of claims) if (c.respondsTo !== undefined && !have.has(c.respondsTo)) out.add(c.respondsTo);
  for (const i of bundled.byEntity[entityId] ?? []) {
    const r = bundled.claims[i]!.respondsTo;
    if (r !== undefined && !have.has(r)) out.add(r);
  }
  return [...out];
}

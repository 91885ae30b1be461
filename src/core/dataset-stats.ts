import { contradictions, type Dataset } from './dataset';

/**
 * Figures a maintainer checks (`wsw stats`), and that a unit test pins floors for so the bundled
 * data can never shrink by accident. Kept apart from the dataset queries: these describe coverage,
 * the queries serve cards.
 */
export interface DatasetStats {
  entities: number;
  claims: number;
  claims_with_source_url: number;
  entities_with_claims: number;
  entities_with_3_claims: number;
  contradiction_pairs: number;
  core_entities_without_claims: string[];
  data_as_of: string;
  /** Claims whose statement date is 1 January 2025 or later: how current the data is. */
  claims_since_2025: number;
  /** Claims with at least one fact-check review. */
  claims_with_review: number;
  entities_with_5_claims: number;
  /** The newest statement date (YYYY-MM-DD), or "" for an empty dataset. */
  newest_statement: string;
  /** Entity id → claims it speaks in, is about or is spoken for (ids sorted). */
  claims_by_entity: Record<string, number>;
  /** "2022-Q1" → claims made in that quarter, oldest first, every quarter up to the newest. */
  claims_by_quarter: Record<string, number>;
}

/** The calendar quarter of a YYYY-MM-DD date, as "2022-Q3". */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Every quarter from the first to the last (inclusive), so empty quarters show as 0. */
function quarterRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, q] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  const end = [Number(last.slice(0, 4)), Number(last.slice(6))] as const;
  while (y < end[0] || (y === end[0] && q <= end[1])) {
    out.push(`${y}-Q${q}`);
    if (++q > 4) [y, q] = [y + 1, 1];
  }
  return out;
}

/**
 * Compute {@link DatasetStats}; an entity "has" a claim when it speaks it, the claim is about it, or
 * a spokesperson made it on its behalf (`speaksFor`).
 */
export function datasetStats(dataset: Dataset, entityIds: string[], coreIds: string[]): DatasetStats {
  const count = (id: string) => dataset.byEntity[id]?.length ?? 0;
  const dates = dataset.claims.map((c) => c.date).sort();
  const byQuarter: Record<string, number> = {};
  if (dates.length)
    for (const q of quarterRange(quarterOf(dates[0]!), quarterOf(dates[dates.length - 1]!))) byQuarter[q] = 0;
  for (const d of dates) byQuarter[quarterOf(d)]! += 1;
  const byEntity: Record<string, number> = {};
  for (const id of [...entityIds].sort()) if (count(id) > 0) byEntity[id] = count(id);
  return {
    entities: entityIds.length,
    claims: dataset.claims.length,
    claims_with_source_url: dataset.claims.filter((c) => /^https?:\/\//.test(c.source.url)).length,
    entities_with_claims: entityIds.filter((id) => count(id) > 0).length,
    entities_with_3_claims: entityIds.filter((id) => count(id) >= 3).length,
    contradiction_pairs: contradictions(dataset).length,
    core_entities_without_claims: coreIds.filter((id) => count(id) === 0),
    data_as_of: dataset.dataAsOf,
    claims_since_2025: dates.filter((d) => d >= '2025-01-01').length,
    claims_with_review: dataset.claims.filter((c) => (c.reviews?.length ?? 0) > 0).length,
    entities_with_5_claims: entityIds.filter((id) => count(id) >= 5).length,
    newest_statement: dates[dates.length - 1] ?? '',
    claims_by_entity: byEntity,
    claims_by_quarter: byQuarter,
  };
}

/**
 * Export: a dataset as a file, in our format or as schema.org ClaimReview JSON-LD, with the same
 * metadata and file name whether the options page or the CLI exports it.
 */
import type { Claim } from './claims';
import type { Dataset, DatasetMeta } from './dataset';
import type { EntitySource } from './entities';
import { exportOurs } from './import/ours';
import type { StoredDataset } from './library';

/**
 * Export claims as schema.org JSON-LD: each fact-checked claim as one ClaimReview per review (the
 * format fact-checkers and search engines exchange), claims without a review as plain `Claim`
 * nodes, all in one `@graph`. `nameOf` gives an entity's display name.
 */
export function exportClaimReview(claims: Claim[], nameOf: (entityId: string) => string): string {
  const graph: unknown[] = [];
  for (const claim of claims) {
    const item = {
      '@type': 'Claim',
      author: { '@type': 'Person', name: nameOf(claim.speaker), identifier: claim.speaker },
      datePublished: claim.date,
      inLanguage: claim.lang,
      appearance: [
        {
          '@type': 'CreativeWork',
          url: claim.source.url,
          publisher: { '@type': 'Organization', name: claim.source.outlet },
          ...(claim.source.published ? { datePublished: claim.source.published } : {}),
        },
      ],
      about: claim.about.map((a) => ({ '@type': 'Thing', name: nameOf(a.entity), identifier: a.entity })),
      text: claim.text,
      identifier: claim.id,
    };
    if (!claim.reviews?.length) {
      graph.push(item);
      continue;
    }
    for (const review of claim.reviews) {
      graph.push({
        '@type': 'ClaimReview',
        url: review.url,
        claimReviewed: claim.text,
        ...(review.date ? { datePublished: review.date } : {}),
        inLanguage: claim.lang,
        author: { '@type': 'Organization', name: review.publisher },
        reviewRating: { '@type': 'Rating', alternateName: review.rating },
        itemReviewed: item,
      });
    }
  }
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2) + '\n';
}

/** The formats a dataset can be exported in. */
export const EXPORT_FORMATS = ['ours', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What can be exported: the bundled dataset (with its entities) or an imported one. */
export type ExportSource =
  { bundled: Dataset; entities: readonly EntitySource[] } | { imported: StoredDataset };

/** A file to save. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  text: string;
  claims: number;
}

/**
 * The metadata an imported dataset is exported with: its own where it had them (a version only
 * if it is semantic), else what is known of it (newest claim, import day, its file).
 */
export function importedMeta(d: StoredDataset): DatasetMeta {
  return {
    id: d.id,
    title: d.title,
    version: d.version && /^\d+\.\d+\.\d+$/.test(d.version) ? d.version : '1.0.0',
    dataAsOf:
      d.dataAsOf ??
      d.claims
        .map((c) => c.date)
        .sort()
        .at(-1) ??
      d.importedAt.slice(0, 10),
    licence: d.licence ?? 'as stated by the original publisher',
    addedBy: `imported from ${d.fileName}`,
  };
}

/**
 * Export a dataset. Ours carries the dataset's metadata and the entities its claims need (the
 * bundled entities its claims name, or all an import added); ClaimReview names entities with
 * `nameOf` (English names, as the format's consumers expect one name).
 */
export function exportDataset(
  source: ExportSource,
  format: ExportFormat,
  nameOf: (entityId: string) => string,
): ExportFile {
  let meta: DatasetMeta;
  let claims: Claim[];
  let entities: EntitySource[];
  if ('bundled' in source) {
    const { claims: all, byEntity: _index, ...rest } = source.bundled;
    const used = new Set(all.flatMap((c) => [c.speaker, ...c.about.map((a) => a.entity)]));
    meta = rest;
    claims = all;
    entities = source.entities.filter((e) => used.has(e.id));
  } else {
    meta = importedMeta(source.imported);
    claims = source.imported.claims;
    entities = source.imported.entities;
  }
  return format === 'ours'
    ? {
        fileName: `${meta.id}.wsw.json`,
        mimeType: 'application/json',
        text: exportOurs(meta, entities, claims),
        claims: claims.length,
      }
    : {
        fileName: `${meta.id}.claimreview.json`,
        mimeType: 'application/ld+json',
        text: exportClaimReview(claims, nameOf),
        claims: claims.length,
      };
}

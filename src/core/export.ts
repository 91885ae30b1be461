import type { Claim } from './claims';

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

import { normalizeVerdict } from '../verdicts';
import { hostOf } from './claimreview';
import { ImportCollector, type ImportContext, type ImportResult } from './collect';
import { day, list, own, parseJson, str } from './safe-input';

/**
 * Import a Google Fact Check Tools API response (`claims:search`): `claims[]` with `text`,
 * `claimant`, `claimDate` and `claimReview[]` (publisher, url, reviewDate, textualRating,
 * languageCode). The API gives no link to where the claim first appeared, so the source is the
 * first review (the fact-check that reports the claim).
 */
export function importFactCheckApi(text: string, context: ImportContext): ImportResult {
  const c = new ImportCollector(context, 'Google Fact Check Tools API JSON');
  const root = parseJson(text);
  const claims = own(root, 'claims');
  if (!Array.isArray(claims)) {
    c.error('document', 'expected an object with a "claims" array (a Fact Check Tools API response)');
    return c.result;
  }
  claims.forEach((item, i) => {
    const location = `claims[${i}]`;
    c.result.total++;
    try {
      const claimText = str(own(item, 'text'), 2000);
      if (!claimText) return c.error(location, 'text: missing');
      const claimant = str(own(item, 'claimant'), 300);
      if (!claimant) return c.error(location, 'claimant: missing (who made the claim?)');
      const reviews = list(own(item, 'claimReview'));
      const first = reviews[0];
      const lang =
        str(own(first, 'languageCode'), 35)
          ?.toLowerCase()
          .match(/^[a-z]{2,3}/)?.[0] ?? 'en';
      const date = day(own(item, 'claimDate')) ?? day(own(first, 'reviewDate'));
      if (!date) return c.error(location, 'claimDate: missing (and no review date to use)');
      if (!day(own(item, 'claimDate')))
        c.result.warnings.push(`${location}: no claimDate; the review date was used`);
      const sourceUrl = str(own(first, 'url'), 2048);
      if (!sourceUrl) return c.error(location, 'claimReview[0].url: missing (no source to cite)');
      const speaker = c.speaker(claimant, 'person', lang);
      const about = c.entitiesIn(claimText).filter((id) => id !== speaker);
      const publisherOf = (r: unknown) =>
        str(own(own(r, 'publisher'), 'name'), 200) ??
        str(own(own(r, 'publisher'), 'site'), 200) ??
        hostOf(str(own(r, 'url')));
      c.addReviewed(location, {
        speakerName: claimant,
        speaker,
        about,
        text: claimText,
        lang,
        date,
        source: {
          outlet: publisherOf(first) ?? 'unknown',
          url: sourceUrl,
          ...(day(own(first, 'reviewDate')) ? { published: day(own(first, 'reviewDate')) } : {}),
        },
        reviews: reviews
          .map((r) => {
            const rating = str(own(r, 'textualRating'), 200);
            const url = str(own(r, 'url'), 2048);
            if (!rating || !url) return null;
            return {
              publisher: publisherOf(r) ?? 'unknown',
              url,
              ...(day(own(r, 'reviewDate')) ? { date: day(own(r, 'reviewDate')) } : {}),
              rating,
              normalized: normalizeVerdict(rating, c.verdictLabels),
            };
          })
          .filter((r) => r !== null),
      });
    } catch (error) {
      c.error(location, error instanceof Error ? error.message : String(error));
    }
  });
  return c.finish();
}

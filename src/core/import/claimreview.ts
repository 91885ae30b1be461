import { normalizeVerdict } from '../verdicts';
import { ImportCollector, type ImportContext, type ImportResult } from './collect';
import { day, list, own, parseJson, str } from './safe-input';

/** Host name of a URL, for an outlet when the data names none. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const m = /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url);
  return m?.[1]?.toLowerCase();
}

const typesOf = (node: unknown) => list(own(node, '@type')).filter((t): t is string => typeof t === 'string');
const nameOf = (node: unknown) => str(own(node, 'name'), 300) ?? str(node, 300);
const langOf = (value: unknown) =>
  str(value, 35)
    ?.toLowerCase()
    .match(/^[a-z]{2,3}/)?.[0];

/**
 * Import schema.org ClaimReview JSON-LD: a single object, an array, or a `@graph`; bare `Claim`
 * nodes (our export of unreviewed claims) are claims without a review. Each
 * ClaimReview becomes a claim by the reviewed claim's author (stance "asserts"), dated by the claim
 * (falling back to its first appearance, then the review), sourced to where it appeared (falling
 * back to the review), with the review's rating kept as written and normalised.
 */
export function importClaimReview(text: string, context: ImportContext): ImportResult {
  const c = new ImportCollector(context, 'ClaimReview JSON-LD');
  const root = parseJson(text);
  const graph = own(root, '@graph');
  const inGraph = Array.isArray(graph);
  const nodes = inGraph ? graph : list(root);
  nodes.forEach((node, i) => {
    const location = inGraph ? `@graph[${i}]` : Array.isArray(root) ? `item ${i + 1}` : 'document';
    const types = typesOf(node);
    // A bare schema.org Claim (as we export unreviewed claims) is a claim without a review.
    const bareClaim = !types.includes('ClaimReview') && types.includes('Claim');
    if (!types.includes('ClaimReview') && !bareClaim) {
      // Other nodes of a graph (WebPage, Organization…) are context, not records.
      if (!inGraph) {
        c.result.total++;
        c.error(location, `not a ClaimReview (@type: ${types.join(', ') || 'none'})`);
      }
      return;
    }
    c.result.total++;
    try {
      const claimText = bareClaim ? str(own(node, 'text'), 2000) : str(own(node, 'claimReviewed'), 2000);
      if (!claimText) return c.error(location, bareClaim ? 'text: missing' : 'claimReviewed: missing');
      const item = bareClaim ? node : own(node, 'itemReviewed');
      const author = own(item, 'author');
      const speakerName = nameOf(list(author)[0]);
      if (!speakerName) return c.error(location, 'itemReviewed.author: missing (who made the claim?)');
      const firstAppearance = own(item, 'firstAppearance');
      const appearance = list(own(item, 'appearance'))[0];
      const lang = langOf(own(node, 'inLanguage')) ?? langOf(own(item, 'inLanguage')) ?? 'en';
      const reviewDate = bareClaim ? undefined : day(own(node, 'datePublished'));
      let date =
        day(own(item, 'datePublished')) ??
        day(own(firstAppearance, 'datePublished')) ??
        day(own(appearance, 'datePublished'));
      if (!date && reviewDate) {
        date = reviewDate;
        c.result.warnings.push(
          `${location}: the claim has no date; the review's date (${reviewDate}) was used`,
        );
      }
      if (!date) return c.error(location, 'itemReviewed.datePublished: missing (and no other date to use)');
      const reviewUrl = bareClaim ? undefined : str(own(node, 'url'), 2048);
      const appearanceUrl =
        str(own(firstAppearance, 'url'), 2048) ??
        str(firstAppearance, 2048) ??
        str(own(appearance, 'url'), 2048);
      const sourceUrl = appearanceUrl ?? reviewUrl;
      const reviewer = nameOf(list(own(node, 'author'))[0]) ?? hostOf(reviewUrl) ?? 'unknown publisher';
      const rating = own(node, 'reviewRating');
      const ratingText = str(own(rating, 'alternateName'), 200) ?? str(own(rating, 'name'), 200);
      const speakerType = typesOf(list(author)[0]).includes('Organization') ? 'org' : 'person';
      const authorId = str(own(list(author)[0], 'identifier'), 100);
      const speaker =
        authorId && context.knownEntityIds.has(authorId)
          ? authorId
          : c.speaker(speakerName, speakerType, lang);
      // Entities the data itself names (our own export does) come first; the matcher adds the rest.
      const named = list(own(item, 'about'))
        .map((a) => str(own(a, 'identifier'), 100))
        .filter((id): id is string => id !== undefined && context.knownEntityIds.has(id));
      const about = [...new Set([...named, ...c.entitiesIn(claimText)])].filter(
        (id) => id !== speaker || named.includes(id),
      );
      c.addReviewed(location, {
        speakerName,
        speaker,
        about,
        text: claimText,
        lang,
        date,
        source: {
          outlet:
            nameOf(own(appearance, 'publisher')) ??
            nameOf(own(firstAppearance, 'publisher')) ??
            hostOf(sourceUrl) ??
            reviewer,
          url: sourceUrl,
          ...(appearanceUrl ? {} : reviewDate ? { published: reviewDate } : {}),
        },
        reviews:
          ratingText && reviewUrl
            ? [
                {
                  publisher: reviewer,
                  url: reviewUrl,
                  ...(reviewDate ? { date: reviewDate } : {}),
                  rating: ratingText,
                  normalized: normalizeVerdict(ratingText, c.verdictLabels),
                },
              ]
            : [],
      });
    } catch (error) {
      c.error(location, error instanceof Error ? error.message : String(error));
    }
  });
  return c.finish();
}

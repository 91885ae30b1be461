import * as v from 'valibot';

/**
 * What one page says its speakers said, computed once per page away from the page's main thread
 * (the content script only sends its text), and kept per tab so a card can open with "In this
 * article" next to the dataset's record. Light on purpose (the content script imports the message
 * schemas): the computing side is `attribution/page.ts`, which only the background loads.
 */

/** Most page text attributed (a longer page is cut: the card needs the article, not the comments). */
export const PAGE_TEXT_MAX = 200_000;

/** One statement found on the page, as kept for its tab. */
export interface PageStatement {
  speaker: string;
  /** The sentence around the statement, cut in three: before the content, the content, after. */
  before: string;
  quote: string;
  after: string;
  cue: string;
  kind: 'direct' | 'indirect' | 'mixed';
  stance: string;
  /** Entities mentioned inside the content (what the statement is about). */
  about: string[];
}

/** One "In this article" item as the card shows it (the speaker's name in the card's language). */
export const ArticleItemSchema = v.object({
  speaker: v.string(),
  speakerId: v.string(),
  before: v.string(),
  quote: v.string(),
  after: v.string(),
  cue: v.string(),
  kind: v.picklist(['direct', 'indirect', 'mixed']),
  stance: v.string(),
});
export type ArticleItem = v.InferOutput<typeof ArticleItemSchema>;

/**
 * The "In this article" items of one entity's card: for a person or an organisation what the page
 * says they said; for anything else (a place) what the page's speakers said about it.
 */
export function articleItems(
  statements: readonly PageStatement[],
  entityId: string,
  type: string,
  nameOf: (id: string) => string,
): ArticleItem[] {
  const speaks = type === 'person' || type === 'org';
  // A page that repeats a paragraph (syndication, a summary box) shows its statement once.
  const seen = new Set<string>();
  return statements
    .filter((s) => (speaks ? s.speaker === entityId : s.about.includes(entityId)))
    .filter((s) => !seen.has(`${s.speaker}\u0000${s.quote}`) && !!seen.add(`${s.speaker}\u0000${s.quote}`))
    .map(({ speaker, before, quote, after, cue, kind, stance }) => ({
      speaker: nameOf(speaker),
      speakerId: speaker,
      before,
      quote,
      after,
      cue,
      kind,
      stance,
    }));
}

import * as v from 'valibot';
import { HttpUrl, type Claim } from './claims';
import { claimsInvolving, timeline, type Dataset } from './dataset';
import type { DictEntity } from './dictionary';
import { NO_PAGE, rankCard, summarize, type PageContext, type RankReason } from './card-rank';
import { MentionWhySchema, type MentionWhy } from './mention-why';
import { ArticleItemSchema, articleItems, type PageStatement } from './page-statements';

/** One claim as the card shows it: names resolved, only what is displayed. */
export const ClaimViewSchema = v.object({
  id: v.string(),
  speaker: v.string(),
  speakerId: v.string(),
  /** The speaker's role when the statement was made ("Kremlin spokesman"), as the data has it. */
  speakerRole: v.optional(v.string()),
  /** On an organisation's card, a spokesperson's statement: the organisation's name ("for the Kremlin"). */
  speaksFor: v.optional(v.string()),
  kind: v.picklist(['quote', 'paraphrase']),
  text: v.string(),
  date: v.string(),
  stance: v.string(),
  outlet: v.string(),
  url: HttpUrl,
  verdict: v.optional(
    v.object({ publisher: v.string(), rating: v.string(), normalized: v.string(), url: HttpUrl }),
  ),
  /** Made after the article's date. */
  later: v.boolean(),
});
export type ClaimView = v.InferOutput<typeof ClaimViewSchema>;

/** Why an item is ranked where it is, with the entity's name in the card's language. */
export const ReasonViewSchema = v.object({
  kind: v.picklist(['fact-checked', 'speaker-on-page', 'about-on-page', 'dispute', 'near-article', 'newest']),
  name: v.optional(v.string()),
});
export type ReasonView = v.InferOutput<typeof ReasonViewSchema>;

/** One item of the card: a claim, the claims disputing it, further sources, and why it is here. */
export const CardItemSchema = v.object({
  claim: ClaimViewSchema,
  replies: v.array(ClaimViewSchema),
  alsoReported: v.array(v.object({ outlet: v.string(), url: HttpUrl })),
  reasons: v.array(ReasonViewSchema),
  later: v.boolean(),
});
export type CardItem = v.InferOutput<typeof CardItemSchema>;

/** Everything the hover card shows for one entity. */
export const CardDataSchema = v.object({
  /** Why the mention was highlighted, as data (the card words it), with the supporting entity's name. */
  why: v.nullable(v.object({ ...MentionWhySchema.entries, supportName: v.optional(v.string()) })),
  entity: v.object({ id: v.string(), type: v.string(), name: v.string(), description: v.string() }),
  summary: v.object({
    claims: v.number(),
    disputes: v.number(),
    factChecks: v.number(),
    verdicts: v.array(v.object({ verdict: v.string(), count: v.number() })),
  }),
  /** What this page says the entity said (a place: what the page's speakers said about it). */
  inArticle: v.optional(v.array(ArticleItemSchema)),
  /** Ranked items, best first (at most the sender's limit); `itemsTotal` counts them all. */
  items: v.array(CardItemSchema),
  itemsTotal: v.number(),
  /** The article's publication date, when the page states it. */
  published: v.optional(v.string()),
  timeline: v.array(v.object({ month: v.string(), count: v.number() })),
  dataAsOf: v.string(),
});
export type CardData = v.InferOutput<typeof CardDataSchema>;

/** UI languages an entity has names in. */
export type UiLang = 'en' | 'uk' | 'ru';

/**
 * Build the card for an entity on a page: its claims ranked for that page ({@link rankCard}), each
 * item with its replies and the reason for its place, the summary line's numbers, and a monthly
 * timeline. `maxItems` bounds what is sent to a hover card; the browse view has everything.
 */
export function buildCardData(
  dataset: Dataset,
  entities: DictEntity[],
  entityId: string,
  lang: UiLang,
  options: {
    why?: MentionWhy | null;
    page?: PageContext;
    maxItems?: number;
    /** The statements found on the page the card opens on. */
    statements?: readonly PageStatement[];
  } = {},
): CardData | null {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const entity = byId.get(entityId);
  if (!entity) return null;
  const page = options.page ?? NO_PAGE;
  const nameOf = (id: string) => byId.get(id)?.name[lang] ?? id;
  const view = (c: Claim): ClaimView => {
    const review = c.reviews?.[0];
    return {
      id: c.id,
      speaker: nameOf(c.speaker),
      speakerId: c.speaker,
      ...(c.speakerRole ? { speakerRole: c.speakerRole } : {}),
      ...(c.speaksFor === entityId && c.speaker !== entityId ? { speaksFor: nameOf(entityId) } : {}),
      kind: c.kind,
      text: c.text,
      date: c.date,
      stance: c.stance,
      outlet: c.source.outlet,
      url: c.source.url,
      ...(review
        ? {
            verdict: {
              publisher: review.publisher,
              rating: review.rating,
              normalized: review.normalized,
              url: review.url,
            },
          }
        : {}),
      later: page.published !== undefined && c.date > page.published,
    };
  };
  const reason = (r: RankReason): ReasonView =>
    'entity' in r ? { kind: r.kind, name: nameOf(r.entity) } : { kind: r.kind };
  const ranked = rankCard(dataset, entityId, page);
  const why = options.why ?? null;
  const inArticle = articleItems(options.statements ?? [], entityId, entity.type, nameOf);
  const supportEntity = why?.support && 'entity' in why.support ? why.support.entity : undefined;
  return {
    why: why && { ...why, ...(supportEntity ? { supportName: nameOf(supportEntity) } : {}) },
    entity: {
      id: entity.id,
      type: entity.type,
      name: entity.name[lang],
      description: entity.description[lang],
    },
    summary: summarize(dataset, entityId),
    ...(inArticle.length ? { inArticle } : {}),
    items: ranked.slice(0, options.maxItems ?? Infinity).map((item) => ({
      claim: view(item.claim),
      replies: item.replies.map(view),
      alsoReported: [...new Map(item.alsoReported.map((c) => [c.source.url, c.source.outlet]))]
        .filter(([url]) => url !== item.claim.source.url)
        .map(([url, outlet]) => ({ outlet, url })),
      reasons: item.reasons.map(reason),
      later: item.later,
    })),
    itemsTotal: ranked.length,
    ...(page.published ? { published: page.published } : {}),
    timeline: timeline(claimsInvolving(dataset, entityId)).map((b) => ({
      month: b.month,
      count: b.claims.length,
    })),
    dataAsOf: dataset.dataAsOf,
  };
}

/** The popup's one line for an entity: its top fact-check verdict, or its top dispute. */
export const TopLineSchema = v.object({
  speaker: v.string(),
  stance: v.string(),
  text: v.string(),
  verdict: v.optional(v.object({ publisher: v.string(), rating: v.string(), normalized: v.string() })),
  /** The first reply of a dispute: who answered, and how. */
  reply: v.optional(v.object({ speaker: v.string(), stance: v.string() })),
});
export type TopLine = v.InferOutput<typeof TopLineSchema>;

/** One row of the popup's page list. */
export interface PageEntity {
  id: string;
  name: string;
  type: string;
  claims: number;
  top?: TopLine;
}

/**
 * The page's entities for the popup, ordered by how much the page and the data say about them: the
 * mentions on the page plus the claims that tie the entity to others on the page (a speaker or a
 * subject there); then by claims in all, then by name. Each row carries the first verdict or
 * dispute of its card, ranked for this page.
 */
export function buildPageList(
  dataset: Dataset,
  entities: DictEntity[],
  ids: readonly string[],
  lang: UiLang,
  page: PageContext = NO_PAGE,
): PageEntity[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const nameOf = (id: string) => byId.get(id)?.name[lang] ?? id;
  const rows = ids.flatMap((id) => {
    const e = byId.get(id);
    if (!e) return [];
    const ranked = rankCard(dataset, id, page);
    const related = ranked.filter((i) =>
      i.reasons.some((r) => r.kind === 'speaker-on-page' || r.kind === 'about-on-page'),
    ).length;
    // The first fact-checked claim in the card's order, else the first dispute.
    const checked = ranked.flatMap((i) => [i.claim, ...i.replies]).find((c) => c.reviews?.length);
    const dispute = ranked.find((i) => i.replies.length);
    let top: TopLine | undefined;
    const review = checked?.reviews?.[0];
    if (checked && review) {
      top = {
        speaker: nameOf(checked.speaker),
        stance: checked.stance,
        text: checked.text,
        verdict: { publisher: review.publisher, rating: review.rating, normalized: review.normalized },
      };
    } else if (dispute) {
      top = {
        speaker: nameOf(dispute.claim.speaker),
        stance: dispute.claim.stance,
        text: dispute.claim.text,
        reply: { speaker: nameOf(dispute.replies[0]!.speaker), stance: dispute.replies[0]!.stance },
      };
    }
    const claims = claimsInvolving(dataset, id).length;
    const row: PageEntity = { id, name: e.name[lang], type: e.type, claims, ...(top ? { top } : {}) };
    return [{ row, weight: (page.entities.get(id) ?? 0) + related }];
  });
  rows.sort(
    (a, b) => b.weight - a.weight || b.row.claims - a.row.claims || a.row.name.localeCompare(b.row.name),
  );
  return rows.map((r) => r.row);
}

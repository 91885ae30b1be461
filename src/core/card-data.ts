import * as v from 'valibot';
import { HttpUrl, type Claim } from './claims';
import { claimsInvolving, contradictions, groupBySpeaker, timeline, type Dataset } from './dataset';
import type { DictEntity } from './dictionary';

/** One claim as the card shows it: names resolved, only what is displayed. */
export const ClaimViewSchema = v.object({
  id: v.string(),
  speaker: v.string(),
  speakerId: v.string(),
  kind: v.picklist(['quote', 'paraphrase']),
  text: v.string(),
  date: v.string(),
  stance: v.string(),
  outlet: v.string(),
  url: HttpUrl,
  verdict: v.optional(
    v.object({ publisher: v.string(), rating: v.string(), normalized: v.string(), url: HttpUrl }),
  ),
});
export type ClaimView = v.InferOutput<typeof ClaimViewSchema>;

/** Everything the hover card shows for one entity. */
export const CardDataSchema = v.object({
  /** Why the mention was highlighted (alias and rule), from the full dictionary. */
  why: v.string(),
  entity: v.object({ id: v.string(), type: v.string(), name: v.string(), description: v.string() }),
  contradictions: v.array(v.object({ claim: ClaimViewSchema, answer: ClaimViewSchema })),
  groups: v.array(v.object({ speakerId: v.string(), speaker: v.string(), claims: v.array(ClaimViewSchema) })),
  timeline: v.array(v.object({ month: v.string(), count: v.number() })),
  total: v.number(),
  dataAsOf: v.string(),
});
export type CardData = v.InferOutput<typeof CardDataSchema>;

/** UI languages an entity has names in. */
export type UiLang = 'en' | 'uk' | 'ru';

/**
 * Build the card for an entity: contradiction pairs first (each claim and the answer that denies
 * it), then every other claim involving the entity grouped by speaker, newest first, and a monthly
 * timeline. Claims shown in a pair are not repeated below it.
 */
export function buildCardData(
  dataset: Dataset,
  entities: DictEntity[],
  entityId: string,
  lang: UiLang,
  why = '',
  /** Most claims sent (pairs and others each); the card links to the browse view for the rest. */
  maxClaims = Infinity,
): CardData | null {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const entity = byId.get(entityId);
  if (!entity) return null;
  const nameOf = (id: string) => byId.get(id)?.name[lang] ?? id;
  const view = (c: Claim): ClaimView => {
    const review = c.reviews?.[0];
    return {
      id: c.id,
      speaker: nameOf(c.speaker),
      speakerId: c.speaker,
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
    };
  };
  const all = claimsInvolving(dataset, entityId);
  const pairs = contradictions(dataset, entityId).slice(0, maxClaims);
  const inPairs = new Set(pairs.flatMap((p) => [p.claim.id, p.answer.id]));
  return {
    why,
    entity: {
      id: entity.id,
      type: entity.type,
      name: entity.name[lang],
      description: entity.description[lang],
    },
    contradictions: pairs.map((p) => ({ claim: view(p.claim), answer: view(p.answer) })),
    groups: groupBySpeaker(all.filter((c) => !inPairs.has(c.id)).slice(0, maxClaims)).map((g) => ({
      speakerId: g.speaker,
      speaker: nameOf(g.speaker),
      claims: g.claims.map(view),
    })),
    timeline: timeline(all).map((b) => ({ month: b.month, count: b.claims.length })),
    total: all.length,
    dataAsOf: dataset.dataAsOf,
  };
}

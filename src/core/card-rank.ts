import type { Claim } from './claims';
import { claimsInvolving, contradictions, type Dataset } from './dataset';

/**
 * The order of a card's claims for the reader of one page. A card that shows the dataset in date
 * order answers nobody; this one answers the article being read:
 *
 * 1. claims with a fact-check verdict;
 * 2. claims whose speaker (or the organisation a spokesperson spoke for) is on this page — more
 *    such speakers first — or that are also about another entity on this page;
 * 3. disputes (one asserts or accuses, another denies);
 * 4. the rest.
 *
 * Each rule is a key of a lexicographic sort, so a lower rule also breaks ties within a higher one
 * (a fact-check by a speaker on the page comes before one by a speaker who is not). Remaining ties:
 * closeness to the article's date when the page states one, else newest first. Claims made after
 * the article's date go after all others ("after this article"), in the same order among
 * themselves.
 *
 * A claim is shown once: a claim and every claim that disputes it (and, down the thread, every
 * claim disputing those) form one item with its replies; and two items that record the same
 * exchange (same speakers, stances and days — the same statements reported by two outlets) are
 * one, the other's sources listed with it.
 */

/** What the content script knows about the page a card opens on. */
export interface PageContext {
  /** Entities found on the page, with their mention counts. */
  entities: ReadonlyMap<string, number>;
  /** The article's publication date (YYYY-MM-DD) when the page states it. */
  published?: string;
  /** The page's language (ISO 639-1) when it says. */
  lang?: string;
}

/** Why an item is where it is (the card says it in one short line). */
export type RankReason =
  | { kind: 'fact-checked' }
  | { kind: 'speaker-on-page'; entity: string }
  | { kind: 'about-on-page'; entity: string }
  | { kind: 'dispute' }
  | { kind: 'near-article' }
  | { kind: 'newest' };

/** One item of a card: a claim, the claims that dispute it, and why it is ranked where it is. */
export interface RankedItem {
  claim: Claim;
  /** Claims disputing it (and the replies to those), oldest first. */
  replies: Claim[];
  /** Other records of the same exchange (shown as further sources, not as text again). */
  alsoReported: Claim[];
  reasons: RankReason[];
  /** Made after the article's date (the item goes below the "after this article" divider). */
  later: boolean;
}

/** The page context from its message form (a list of entities with counts). */
export function toPageContext(message: {
  entities: readonly { id: string; mentions: number }[];
  published?: string | undefined;
  lang?: string | undefined;
}): PageContext {
  return {
    entities: new Map(message.entities.map((e) => [e.id, e.mentions])),
    ...(message.published ? { published: message.published } : {}),
    ...(message.lang ? { lang: message.lang } : {}),
  };
}

/** An empty page context (the browse view, the CLI): rules 1, 3 and 4 only. */
export const NO_PAGE: PageContext = { entities: new Map() };

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);

/** Items (threads of disputing claims) from the claims involving an entity. */
function threads(dataset: Dataset, entityId: string): { claims: Claim[] }[] {
  const pool = claimsInvolving(dataset, entityId);
  const parent = new Map<string, Claim>();
  for (const pair of contradictions(dataset, entityId)) parent.set(pair.answer.id, pair.claim);
  const rootOf = (c: Claim): Claim => {
    const seen = new Set<string>();
    let at = c;
    while (parent.has(at.id) && !seen.has(at.id)) {
      seen.add(at.id);
      at = parent.get(at.id)!;
    }
    return at;
  };
  const byRoot = new Map<string, Claim[]>();
  const add = (root: Claim, c: Claim) => {
    const list = byRoot.get(root.id);
    if (!list) byRoot.set(root.id, [root, ...(c === root ? [] : [c])]);
    else if (!list.includes(c)) list.push(c);
  };
  for (const c of pool) add(rootOf(c), c);
  return [...byRoot.values()].map((claims) => ({
    claims: [
      claims[0]!,
      ...claims.slice(1).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id)),
    ],
  }));
}

/** Same exchange: same speakers, stances and days, in the same order (never a lone claim). */
function signature(claims: Claim[]): string | null {
  if (claims.length < 2) return null;
  return claims.map((c) => `${c.speaker}|${c.stance}|${c.date}`).join('\n');
}

/**
 * Rank the claims involving `entityId` for a page (see the module comment for the rules). Pure and
 * deterministic: the same data and context always give the same order.
 */
export function rankCard(dataset: Dataset, entityId: string, page: PageContext = NO_PAGE): RankedItem[] {
  // Threads, with records of the same exchange folded into the first (a verdict in front).
  const items: RankedItem[] = [];
  const bySignature = new Map<string, RankedItem>();
  for (const { claims } of threads(dataset, entityId)) {
    const [claim, ...replies] = claims as [Claim, ...Claim[]];
    const sig = signature(claims);
    const twin = sig === null ? undefined : bySignature.get(sig);
    if (!twin) {
      const item: RankedItem = { claim, replies, alsoReported: [], reasons: [], later: false };
      items.push(item);
      if (sig !== null) bySignature.set(sig, item);
    } else if (!twin.claim.reviews?.length && claims.some((c) => c.reviews?.length)) {
      twin.alsoReported.push(twin.claim, ...twin.replies);
      twin.claim = claim;
      twin.replies = replies;
    } else twin.alsoReported.push(...claims);
  }

  const count = (id: string | undefined) =>
    id === undefined || id === entityId ? 0 : (page.entities.get(id) ?? 0);
  const published = page.published ? dayNumber(page.published) : undefined;
  const strongest = (m: Map<string, number>) =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const scored = items.map((item) => {
    const own = [item.claim, ...item.replies];
    const all = [...own, ...item.alsoReported];
    // Entities of the page that speak here (the speaker, or the organisation spoken for)…
    const speakers = new Map<string, number>();
    for (const c of own)
      for (const id of [c.speaker, c.speaksFor]) if (count(id) > 0) speakers.set(id!, count(id));
    // …and those the claims are also about.
    const about = new Map<string, number>();
    for (const c of all)
      for (const { entity } of c.about)
        if (count(entity) > 0 && !speakers.has(entity)) about.set(entity, count(entity));
    const factChecked = all.some((c) => (c.reviews?.length ?? 0) > 0);
    const dispute = item.replies.length > 0;
    const date = dayNumber(item.claim.date);
    item.later = published !== undefined && date > published;
    if (factChecked) item.reasons.push({ kind: 'fact-checked' });
    // Named: the first on the page of the item's speakers, in reading order (the claim's first).
    if (speakers.size) item.reasons.push({ kind: 'speaker-on-page', entity: speakers.keys().next().value! });
    else if (about.size) item.reasons.push({ kind: 'about-on-page', entity: strongest(about) });
    if (dispute) item.reasons.push({ kind: 'dispute' });
    if (item.reasons.length === 0)
      item.reasons.push({ kind: published !== undefined ? 'near-article' : 'newest' });
    const weight = [...speakers.values(), ...about.values()].reduce((a, b) => a + b, 0);
    // Every key sorts ascending; an earlier key decides before a later one.
    const key = [
      item.later ? 1 : 0,
      factChecked ? 0 : 1,
      -speakers.size,
      -about.size,
      dispute ? 0 : 1,
      published !== undefined ? Math.abs(date - published) : 0,
      -date,
      -weight,
      page.lang !== undefined && own.some((c) => c.lang === page.lang) ? 0 : 1,
    ];
    return { item, key };
  });
  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return a.item.claim.id.localeCompare(b.item.claim.id);
  });
  return scored.map((s) => s.item);
}

/** One line about an entity's claims: how many, how many disputed, which fact-check verdicts. */
export interface CardSummary {
  claims: number;
  disputes: number;
  factChecks: number;
  /** Normalised verdicts of the fact-checks, most frequent first. */
  verdicts: { verdict: string; count: number }[];
}

/** The summary line's numbers for an entity. */
export function summarize(dataset: Dataset, entityId: string): CardSummary {
  const all = claimsInvolving(dataset, entityId);
  const counts = new Map<string, number>();
  let factChecks = 0;
  for (const c of all) {
    const verdict = c.reviews?.[0]?.normalized;
    if (verdict === undefined) continue;
    factChecks++;
    counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  }
  return {
    claims: all.length,
    disputes: contradictions(dataset, entityId).length,
    factChecks,
    verdicts: [...counts]
      .map(([verdict, count]) => ({ verdict, count }))
      .sort((a, b) => b.count - a.count || a.verdict.localeCompare(b.verdict)),
  };
}

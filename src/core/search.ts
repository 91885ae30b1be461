/**
 * Search across the library for the options page's browse view: entities by any name or alias
 * form (any script, folded like the matcher folds), claims by text, speaker or outlet.
 */
import type { Claim } from './claims';
import type { Dataset } from './dataset';
import { aliasForms, type EntitySource } from './entities';
import { normalizeAlias } from './normalize';

/** An entity found by a search. */
export interface EntityHit {
  id: string;
  name: string;
  type: EntitySource['type'];
  claims: number;
}

/** A claim found by a search. */
export interface ClaimHit {
  claim: Claim;
  speaker: string;
}

/** Folded search text of every claim, computed once per dataset (a big import has 100k claims). */
const foldedClaims = new WeakMap<Dataset, string[]>();

/** Most hits of each kind (the list says when there are more). */
export const MAX_HITS = 50;

/**
 * Find entities and claims for `query` (case, diacritics and apostrophe/dash variants folded). An
 * empty query lists the entities with the most claims. Results are ranked: names starting with
 * the query first, then names containing it, each by claim count.
 */
export function searchLibrary(
  dataset: Dataset,
  entities: EntitySource[],
  query: string,
  lang: 'en' | 'uk' | 'ru',
): { entities: EntityHit[]; claims: ClaimHit[]; moreEntities: number; moreClaims: number } {
  const q = normalizeAlias(query.trim());
  const byId = new Map(entities.map((e) => [e.id, e]));
  const claimCount = (id: string) => dataset.byEntity[id]?.length ?? 0;
  const ranked: { e: EntitySource; rank: number }[] = [];
  for (const e of entities) {
    if (claimCount(e.id) === 0) continue;
    if (!q) {
      ranked.push({ e, rank: 2 });
      continue;
    }
    const forms = [e.name.en, e.name.uk, e.name.ru, ...e.aliases.flatMap(aliasForms)].map((f) =>
      normalizeAlias(f),
    );
    const rank = forms.some((f) => f.startsWith(q)) ? 0 : forms.some((f) => f.includes(q)) ? 1 : -1;
    if (rank >= 0) ranked.push({ e, rank });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      claimCount(b.e.id) - claimCount(a.e.id) ||
      a.e.name[lang].localeCompare(b.e.name[lang]),
  );
  const entityHits = ranked.map(({ e }) => ({
    id: e.id,
    name: e.name[lang],
    type: e.type,
    claims: claimCount(e.id),
  }));
  const nameOf = (id: string) => byId.get(id)?.name[lang] ?? id;
  const claimHits: ClaimHit[] = [];
  if (q) {
    let folded = foldedClaims.get(dataset);
    if (!folded) {
      folded = dataset.claims.map((c) =>
        normalizeAlias(
          `${c.text} ${[...new Set([byId.get(c.speaker)?.name.en, byId.get(c.speaker)?.name.uk, byId.get(c.speaker)?.name.ru])].join(' ')} ${c.source.outlet}`,
        ),
      );
      foldedClaims.set(dataset, folded);
    }
    folded.forEach((text, i) => {
      if (!text.includes(q)) return;
      const claim = dataset.claims[i]!;
      claimHits.push({ claim, speaker: nameOf(claim.speaker) });
    });
  }
  return {
    entities: entityHits.slice(0, MAX_HITS),
    claims: claimHits.slice(0, MAX_HITS),
    moreEntities: Math.max(0, entityHits.length - MAX_HITS),
    moreClaims: Math.max(0, claimHits.length - MAX_HITS),
  };
}

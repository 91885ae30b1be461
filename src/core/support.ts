/**
 * Support for ambiguous aliases on a page that is read piece by piece (time-sliced chunks, blocks
 * that changed). An ambiguous alias ("Khan", "изюм", "ICC") counts only with support from the
 * whole page — an unambiguous mention of the same or a related entity anywhere, in any order — so
 * what the page has shown so far, and the candidates still waiting, must outlive each piece.
 * This class owns that state; the page side only hands it text and placed candidates.
 */
import type { Dictionary } from './dictionary';
import { findMentions, releaseSupported, type Mention } from './matcher';

/** What one piece of text yields: mentions to show now, candidates that wait for support. */
export interface PieceMatches {
  found: Mention[];
  /** Ambiguous candidates without support yet (offsets into the piece's text). */
  unsupported: Mention[];
}

/**
 * The page-wide support state. `T` is whatever the caller keeps per candidate (on a page: the
 * mention placed as a range), so held candidates can be released or dropped in the caller's terms.
 */
export class SupportTracker<T extends { mention: Mention }> {
  /**
   * Entities with an unambiguous mention on the page so far. Kept as the page changes (text that
   * goes away does not take its support with it): a bound, not exact, until {@link reset}.
   */
  readonly #firm = new Set<number>();
  /** Ambiguous candidates waiting for support from elsewhere on the page. */
  #held: T[] = [];

  constructor(private readonly dict: Dictionary) {}

  /** Match one piece of the page, judging ambiguous aliases on everything read so far. */
  match(text: string): PieceMatches {
    const unsupported: Mention[] = [];
    const found = findMentions(text, this.dict, { firm: this.#firm, held: unsupported });
    return { found, unsupported };
  }

  /** Keep candidates (the `unsupported` of {@link match}, as the caller placed them) until supported. */
  hold(candidates: readonly T[]): void {
    this.#held.push(...candidates);
  }

  /** Held candidates that the page now supports, with their support set; they are held no more. */
  release(): T[] {
    return releaseSupported(this.dict, this.#firm, this.#held);
  }

  /** Stop holding the candidates `gone` picks (their text left the page or is read again). */
  drop(gone: (candidate: T) => boolean): void {
    this.#held = this.#held.filter((c) => !gone(c));
  }

  /** Candidates held now (to show what waits; not for changing). */
  get waiting(): readonly T[] {
    return this.#held;
  }

  /** Forget everything: a new page starts, and nothing of the previous one supports it. */
  reset(): void {
    this.#firm.clear();
    this.#held = [];
  }
}

/**
 * The one-sense-per-page rule (`core/sense`) on a page the highlighter reads in pieces: time
 * slices, the viewport first, changed blocks again. Every candidate of a piece is placed as a
 * range, kept or not, because a later piece can turn an earlier verdict: "Paul Bucha" further down
 * takes the bare "Bucha" above it, support found later releases an ambiguous alias. The page is
 * judged again as a whole only in {@link PageCandidates.settle}, which the highlighter runs in
 * short slices of its own (a whole-page judgement in one task took ~100 ms on a 5 MB page).
 */
import type { Dictionary } from '../core/dictionary';
import { PageSense, type Judged } from '../core/sense';
import type { ExtractedText } from './extract';
import { placeMentions, type PlacedMention, type RangeFactory } from './highlight';

/** What a piece of work changed: mentions to show, and shown ones to take away. */
export interface Turned {
  show: PlacedMention[];
  hide: PlacedMention[];
}

export class PageCandidates {
  #sense!: PageSense;
  /** Every placed candidate, by the sense chunk it was fed in and its offset there. */
  readonly #chunks = new Map<number, Map<number, PlacedMention>>();

  readonly #dict: Dictionary;
  readonly #lang: () => string | undefined;
  readonly #makeRange: RangeFactory;

  /** `lang` reads the page's declared language (`<html lang>`) when a page starts. */
  constructor(dict: Dictionary, lang: () => string | undefined, makeRange: RangeFactory) {
    this.#dict = dict;
    this.#lang = lang;
    this.#makeRange = makeRange;
    this.reset();
  }

  /** Forget the page: a new one starts, and nothing said on the previous one counts. */
  reset(): void {
    this.#sense = new PageSense(this.#dict, { lang: this.#lang() || undefined, defer: true });
    this.#chunks.clear();
  }

  /** Whether the page waits to be judged again as a whole ({@link settle}). */
  get pending(): boolean {
    return this.#sense.pending;
  }

  /** Judge one extracted piece against the page so far: its kept mentions, and older ones turned. */
  feed(piece: ExtractedText): Turned {
    const update = this.#sense.feed(piece.text);
    const placed = new Map<number, PlacedMention>();
    this.#chunks.set(update.chunk, placed);
    const show: PlacedMention[] = [];
    for (const j of update.judged) {
      const [p] = placeMentions(piece, [j.mention], this.#makeRange);
      if (!p) continue;
      placed.set(j.mention.start, p);
      if (j.kept) show.push(p);
    }
    const turned = this.#turn(update.changed);
    turned.show.push(...show);
    return turned;
  }

  /** Judge the whole page again, until done or until `shouldYield`; what that turned. */
  settle(shouldYield: () => boolean): Turned {
    return this.#turn(this.#sense.settle(shouldYield).changed);
  }

  /**
   * Stop considering the candidates `gone` picks (their text left the page, or is about to be
   * read again); the page is judged again at the next {@link settle}.
   */
  drop(gone: (p: PlacedMention) => boolean): void {
    for (const [chunk, placed] of this.#chunks) {
      for (const [start, p] of placed) {
        if (!gone(p)) continue;
        placed.delete(start);
        this.#sense.forget(chunk, start, start + 1);
      }
      if (!placed.size) this.#chunks.delete(chunk);
    }
  }

  #turn(changed: Judged[]): Turned {
    const turned: Turned = { show: [], hide: [] };
    for (const j of changed) {
      const p = this.#chunks.get(j.chunk)?.get(j.mention.start);
      if (!p) continue;
      // Hidden under what it was shown as (its entity's highlight), shown as what it is now.
      if (j.kept) {
        p.mention = j.mention;
        turned.show.push(p);
      } else turned.hide.push(p);
    }
    return turned;
  }
}

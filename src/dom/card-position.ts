/**
 * Where the card goes next to its mention: below it, start-aligned, unless it does not fit there
 * and fits (or fits better) above; shifted sideways to stay within the viewport; and as high as the
 * side it is on allows. Pure arithmetic on rectangles, so it is unit tested without a browser. Why
 * not a positioning library: the card needs one placement and three rules, and the content script
 * runs on every page (the library was ~16 KB of it).
 */

/** A box in viewport coordinates (as `getBoundingClientRect` gives it). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where to put the card, and how high it may be there. */
export interface CardPosition {
  x: number;
  y: number;
  side: 'below' | 'above';
  /** Room on that side, never under {@link CARD_POSITION.minHeight} (the card scrolls inside it). */
  maxHeight: number;
}

/** Spacing rules: the gap to the mention, the margin kept to the viewport's edges, the least height. */
export const CARD_POSITION = { gap: 6, padding: 8, minHeight: 160 } as const;

/**
 * Place a card of natural size `card` (as laid out without a height limit of ours) next to
 * `anchor` in a viewport of `viewport` size. Below is preferred; above is taken when the card does
 * not fit below but fits above, or when it fits neither side and there is more room above.
 */
export function placeCard(
  anchor: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
): CardPosition {
  const { gap, padding, minHeight } = CARD_POSITION;
  const below = viewport.height - padding - (anchor.bottom + gap);
  const above = anchor.top - gap - padding;
  const side = card.height <= below || (card.height > above && below >= above) ? 'below' : 'above';
  const maxHeight = Math.max(minHeight, side === 'below' ? below : above);
  const height = Math.min(card.height, maxHeight);
  const y = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;
  // Start-aligned, shifted back inside the viewport; a card wider than the room keeps its left edge.
  const x = Math.max(padding, Math.min(anchor.left, viewport.width - padding - card.width));
  return { x, y, side, maxHeight };
}

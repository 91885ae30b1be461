/**
 * Mentions placed in the page for the CSS Custom Highlight API: `StaticRange`s over the page's
 * text nodes, registered one highlight per entity type (src/dom/highlight-registry.ts) and styled
 * by `::highlight(wsw-<type>)` rules. No text node is ever split, wrapped or changed. Static
 * ranges (not live `Range`s) because the browser must update every live range on each later DOM
 * change, which made 2,000 insertions ~40× slower in tests.
 */
import type { EntityType } from '../core/entities';
import type { Mention } from '../core/matcher';
import { locate, type ExtractedText } from './text-map';

/** How mentions look: the user's choice in the options page. */
export type HighlightStyle = 'underline' | 'tint' | 'none';

/**
 * Name of the highlight for an entity type and style (used in `::highlight()` rules): one name per
 * style, so switching style re-registers highlights instead of touching the page.
 */
export const highlightName = (type: EntityType, style: HighlightStyle = 'underline') =>
  style === 'underline' ? `wsw-${type}` : `wsw-${type}-${style}`;

/** A mention placed in the DOM. */
export interface PlacedMention {
  mention: Mention;
  range: StaticRange;
  /** Every text node the mention covers (for hit-testing a pointer on any part of it). */
  nodes: Text[];
}

/** Makes a static range (the browser's `StaticRange` by default; a plain object in tests). */
export type RangeFactory = (init: StaticRangeInit) => StaticRange;

const staticRange: RangeFactory = (init) => new StaticRange(init);

/** Turn mentions found in `extracted.text` into static ranges over the page's text nodes. */
export function placeMentions(
  extracted: ExtractedText,
  mentions: Mention[],
  makeRange: RangeFactory = staticRange,
): PlacedMention[] {
  const placed: PlacedMention[] = [];
  for (const mention of mentions) {
    const located = locate(extracted, mention.start, mention.end);
    if (!located) continue;
    const { start, end, nodes } = located;
    const range = makeRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    });
    placed.push({ mention, range, nodes });
  }
  return placed;
}

/** The text a range covers (what the reader sees highlighted). */
export function rangeText(r: StaticRange): string {
  const live = r.startContainer.ownerDocument!.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

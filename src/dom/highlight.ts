/**
 * Highlights through the CSS Custom Highlight API: `StaticRange`s registered in `CSS.highlights`,
 * one highlight per entity type, styled by `::highlight(wsw-<type>)` rules. No text node is ever
 * split, wrapped or changed. Static ranges (not live `Range`s) because the browser must update
 * every live range on each later DOM change, which made 2,000 insertions ~40× slower in tests.
 */
import type { Dictionary } from '../core/dictionary';
import type { EntityType } from '../core/entities';
import type { Mention } from '../core/matcher';
import { nodeIndexAt, positionAt, type ExtractedText } from './extract';

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
    const start = positionAt(extracted, mention.start, 'start');
    const end = positionAt(extracted, mention.end, 'end');
    if (!start || !end) continue;
    const nodes = extracted.nodes.slice(
      nodeIndexAt(extracted, mention.start, 'start'),
      nodeIndexAt(extracted, mention.end, 'end') + 1,
    );
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

/**
 * Register placed mentions as highlights, replacing what we registered before. Returns the names
 * used, so they can be removed again ({@link clearHighlights}).
 */
export function registerHighlights(
  dict: Dictionary,
  placed: PlacedMention[],
  registry = CSS.highlights,
): string[] {
  const byType = new Map<EntityType, StaticRange[]>();
  const typeOf = new Map(dict.entities.map((e) => [e.id, e.type]));
  for (const { mention, range } of placed) {
    const type = typeOf.get(mention.entity);
    if (!type) continue;
    let list = byType.get(type);
    if (!list) byType.set(type, (list = []));
    list.push(range);
  }
  const names: string[] = [];
  for (const [type, ranges] of byType) {
    const name = highlightName(type);
    registry.set(name, new Highlight(...ranges));
    names.push(name);
  }
  return names;
}

/** Remove our highlights. */
export function clearHighlights(names: Iterable<string>, registry = CSS.highlights): void {
  for (const name of names) registry.delete(name);
}

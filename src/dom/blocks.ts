/**
 * Which elements are blocks: the one definition shared by text extraction (a block ends a run of
 * text, so no match crosses it), the highlighter (a changed block is re-read whole) and the paint
 * window (mentions are followed by the block they start in). Re-reading a block must give exactly
 * the text the whole page's extraction gave for it, so the three must never disagree.
 */

/** Tag names (lower case) of the elements that end a run of text. */
const BLOCK_NAMES: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'menu',
  'optgroup',
  'label',
]);

/** Whether an element's tag name (`localName`) is a block's. */
export function isBlockName(name: string): boolean {
  return BLOCK_NAMES.has(name);
}

/** A selector matching every block element (for `closest` and `matches`). */
export const BLOCK_SELECTOR = [...BLOCK_NAMES].join(',');

/** The nearest block at or above `el` in its own tree (shadow boundaries are not crossed). */
export function closestBlock(el: Element): Element | null {
  return el.closest(BLOCK_SELECTOR);
}

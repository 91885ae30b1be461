/**
 * Visible text of a DOM subtree as one string plus a map back to its text nodes, so matches found
 * in the string become DOM ranges. Used by the content script and, through linkedom, by the CLI:
 * both see exactly the same text. Decisions are made on markup only (tag names and attributes,
 * never computed style), which is what keeps the two identical and the walk cheap on big pages.
 *
 * - Skipped subtrees: script, style, noscript, template, textarea, input, select, code, pre, kbd,
 *   samp, iframe, object, svg `<style>`, editable regions (`contenteditable` other than "false"),
 *   hidden elements (`hidden`, `aria-hidden="true"`, inline `display:none`/`visibility:hidden`),
 *   and our own UI (elements whose tag name or id starts with `wsw-`).
 * - Block elements end a run: a U+2029 separator (a hard break for the matcher) is put between
 *   blocks; `<br>` becomes a space. Inline elements are transparent, so `Vo<b>lodymyr</b>` is one
 *   word.
 * - Open shadow roots are walked as blocks of their own.
 */

/** The hard break between blocks (the matcher never matches across it). */
export const BLOCK_BREAK = '\u2029';

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'MATH',
  'BUTTON',
  'HEAD',
  'TITLE',
]);

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'LEGEND',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'MENU',
  'OPTGROUP',
  'LABEL',
]);

/** Text of a subtree and where each text node sits in it. */
export interface ExtractedText {
  text: string;
  /** Text nodes in document order. */
  nodes: Text[];
  /** `starts[i]`: offset of `nodes[i]`'s first character in `text`. */
  starts: number[];
}

const ELEMENT = 1;
const TEXT = 3;
const FRAGMENT = 11;

/** Whether an element's subtree is left out of the text (see module doc). */
export function isSkipped(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP.has(tag)) return true;
  if (tag.startsWith('WSW-') || el.id.startsWith('wsw-')) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/**
 * Extract the visible text under `root` (an element, document or shadow root).
 * Iterative walk: deep pages cannot overflow the stack.
 */
export function extractText(root: Node): ExtractedText {
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let pendingBreak = false;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const blockBoundary = () => {
    if (length > 0) pendingBreak = true;
  };

  const visit = (start: Node) => {
    let node: Node | null = start.firstChild;
    while (node) {
      let descend = false;
      if (node.nodeType === TEXT) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (pendingBreak) {
            push(BLOCK_BREAK);
            pendingBreak = false;
          }
          nodes.push(node as Text);
          starts.push(length);
          push(data);
        }
      } else if (node.nodeType === ELEMENT) {
        const el = node as Element;
        if (!isSkipped(el)) {
          const tag = el.tagName.toUpperCase();
          if (tag === 'BR') push(' ');
          else {
            if (BLOCKS.has(tag)) blockBoundary();
            const shadow = (el as Element & { shadowRoot: ShadowRoot | null }).shadowRoot;
            if (shadow) {
              blockBoundary();
              visit(shadow);
              blockBoundary();
            }
            descend = el.firstChild !== null;
          }
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Next node in document order within `start`, closing blocks on the way up.
      while (node && node !== start) {
        if (node.nodeType === ELEMENT && BLOCKS.has((node as Element).tagName.toUpperCase())) blockBoundary();
        if (node.nextSibling) {
          node = node.nextSibling;
          break;
        }
        node = node.parentNode;
        if (node === start) node = null;
      }
    }
  };

  if (root.nodeType === TEXT) {
    nodes.push(root as Text);
    starts.push(0);
    push((root as Text).data);
  } else if (root.nodeType === ELEMENT || root.nodeType === FRAGMENT || root.nodeType === 9) {
    if (root.nodeType === ELEMENT && isSkipped(root as Element)) return { text: '', nodes, starts };
    visit(root);
  }
  return { text: parts.join(''), nodes, starts };
}

/**
 * Map a text offset back to a DOM position. An offset on a block break maps to the end of the
 * previous text node. `end` positions prefer the end of the earlier node at a node boundary.
 */
export function positionAt(
  extracted: ExtractedText,
  offset: number,
  bias: 'start' | 'end' = 'start',
): { node: Text; offset: number } | null {
  const { nodes, starts } = extracted;
  if (nodes.length === 0) return null;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! < offset || (bias === 'start' && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo]!;
  return { node, offset: Math.min(Math.max(offset - starts[lo]!, 0), node.data.length) };
}

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
 * - A plain block (no element inside but simple inline ones, none skipped, no shadow root) is read
 *   with one `textContent` call and recorded whole: its text nodes are walked only if a match in it
 *   must become a range (src/dom/text-map.ts). The text is the same either way.
 * - Open shadow roots are walked as blocks of their own (before the host's light children), the
 *   root's own shadow root included; closed ones cannot be seen. Each one found is reported
 *   ({@link ExtractOptions.onShadowRoot}) so a caller can observe it: a MutationObserver on the
 *   document does not see into shadow trees.
 */
import { isBlockName } from './blocks';
import { composedContains, composedParent, elementOf } from './composed-tree';
import type { ExtractedText } from './text-map';

/** The hard break between blocks (the matcher never matches across it). */
export const BLOCK_BREAK = '\u2029';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'math',
  'button',
  'head',
  'title',
]);

/** Attribute-based reasons to skip an element, as one selector (one native call per element). */
const SKIP_BY_ATTRIBUTE = [
  '[hidden]',
  '[aria-hidden="true" i]',
  '[contenteditable]:not([contenteditable="false" i])',
  '[id^="wsw-"]',
  '[style*="display:none" i]',
  '[style*="display: none" i]',
  '[style*="visibility:hidden" i]',
  '[style*="visibility: hidden" i]',
].join(',');

/**
 * Inline elements a plain block may hold: never skipped, never a block or `<br>`, and (but for
 * `span`) unable to host a shadow root, so a block holding only these reads the same through
 * `textContent` as through the walk.
 */
const PLAIN_INLINE =
  'a,abbr,b,bdi,bdo,cite,data,del,dfn,em,font,i,img,ins,mark,q,s,small,span,strong,sub,sup,time,u,var,wbr';

/** Any element that keeps a block from being plain (one native call per block). */
const NOT_PLAIN = `:not(${PLAIN_INLINE}),${SKIP_BY_ATTRIBUTE}`;

export type { ExtractedText } from './text-map';

const ELEMENT = 1;
const TEXT = 3;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;

/** Whether an element's subtree is left out of the text (see module doc). */
export function isSkipped(el: Element): boolean {
  const name = el.localName;
  if (SKIP.has(name)) return true;
  if (name.charCodeAt(0) === 0x77 /* w */ && name.startsWith('wsw-')) return true;
  return el.hasAttributes() && el.matches(SKIP_BY_ATTRIBUTE);
}

/**
 * Whether a block (itself neither skipped nor a shadow host) can be read whole with `textContent`:
 * nothing in it is skipped, breaks a run, or renders a shadow tree instead of its children.
 */
function isPlainBlock(el: Element): boolean {
  if (el.firstElementChild === null) return true;
  if (el.querySelector(NOT_PLAIN) !== null) return false;
  // A span may host a shadow root, which no selector can see. Not `getElementsByTagName`: the
  // live collection it returns stays cached on each block it is asked of.
  if (el.querySelector('span') === null) return true;
  const spans = el.querySelectorAll('span');
  for (let i = 0; i < spans.length; i++) if (openShadowRoot(spans[i]!)) return false;
  return true;
}

/** Whether a node is in a subtree the extractor skips (editors, code, our UI…), across shadow roots. */
export function isInsideSkipped(node: Node): boolean {
  for (let e: Element | null = elementOf(node); e; e = composedParent(e)) {
    if (isSkipped(e)) return true;
  }
  return false;
}

/** Options of {@link TextExtractor} and {@link extractText}. */
export interface ExtractOptions {
  /**
   * Block elements whose subtree was read already (e.g. the part of the page in the viewport, read
   * first): left out, with a block break in their place. Only block elements belong here, so the
   * text around them is cut exactly where it would be anyway and no match is lost or doubled.
   */
  skip?: ReadonlySet<Node>;
  /** Called with every open shadow root met, before its text is read (nested ones included). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * Extract the visible text under `root` (an element, document or shadow root), in one go.
 * See {@link TextExtractor} for the time-sliced form.
 */
export function extractText(root: Node, options?: ExtractOptions): ExtractedText {
  return new TextExtractor(root, options).next();
}

/** A chunk of extracted text; `done` once the whole subtree has been read. */
export interface ExtractedChunk extends ExtractedText {
  done: boolean;
}

/**
 * Resumable extraction, for time slicing on big pages: each {@link next} call returns the text of
 * a run of whole blocks, stopping at the first block boundary after `shouldYield(length read)`
 * says so. Chunks end at block boundaries, so no match can be cut in two.
 *
 * One native TreeWalker pass (no recursion, so deep pages cannot overflow the stack); a stack of
 * open ancestors tells when a block ends. Plain blocks are read whole and the walk skips over
 * them, so on an article's paragraphs it visits the blocks, not each of their text nodes.
 */
export class TextExtractor {
  private readonly walker: TreeWalker | null;
  private readonly open: Node[];
  private readonly openBlock: boolean[] = [true];
  private node: Node | null;
  private pendingBreak = false;
  private single: Text | null = null;
  /** The root's own open shadow root, read at the start of the first chunk. */
  private rootShadow: ShadowRoot | null = null;
  private readonly skip: ReadonlySet<Node> | undefined;
  private readonly onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  constructor(
    private readonly root: Node,
    private readonly options: ExtractOptions = {},
  ) {
    this.open = [root];
    this.skip = options.skip?.size ? options.skip : undefined;
    this.onShadowRoot = options.onShadowRoot;
    if (root.nodeType === TEXT) {
      this.single = root as Text;
      this.walker = null;
      this.node = null;
      return;
    }
    const skipped = root.nodeType === ELEMENT && isSkipped(root as Element);
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = skipped ? null : doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
    this.node = this.walker ? this.walker.nextNode() : null;
    if (!skipped && root.nodeType === ELEMENT) this.rootShadow = openShadowRoot(root as Element);
  }

  /**
   * Set when the page removed the node the next chunk would have started from (between two
   * slices): the rest of the subtree can no longer be walked, and the caller must rescan it.
   */
  lost = false;

  /** Whether everything has been read. */
  get done(): boolean {
    return this.node === null && this.single === null && this.rootShadow === null;
  }

  /** The next chunk (everything left, unless `shouldYield` asks to stop at a block boundary). */
  next(shouldYield?: (length: number) => boolean): ExtractedChunk {
    const nodes: (Text | Element)[] = [];
    const starts: number[] = [];
    let text = '';
    if (this.single) {
      const single = this.single;
      this.single = null;
      return { text: single.data, nodes: [single], starts: [0], done: true };
    }
    const { walker, open, openBlock, skip } = this;
    let node = this.node;
    if (node && !(node.isConnected && composedContains(this.root, node))) {
      this.node = null;
      this.rootShadow = null;
      this.lost = true;
      return { text, nodes, starts, done: true };
    }
    let pendingBreak = this.pendingBreak;
    /** Append the text of an open shadow root as a block of its own. */
    const appendShadow = (shadow: ShadowRoot) => {
      this.onShadowRoot?.(shadow);
      const inner = extractText(shadow, this.options);
      if (inner.text.length === 0) return;
      if (text.length > 0) text += BLOCK_BREAK;
      const offset = text.length;
      for (let i = 0; i < inner.nodes.length; i++) {
        nodes.push(inner.nodes[i]!);
        starts.push(inner.starts[i]! + offset);
      }
      text += inner.text;
      pendingBreak = true;
    };
    if (this.rootShadow) {
      const shadow = this.rootShadow;
      this.rootShadow = null;
      appendShadow(shadow);
    }
    while (node) {
      const parent = node.parentNode;
      while (open.length > 1 && open[open.length - 1] !== parent) {
        open.pop();
        if (openBlock.pop() && text.length > 0) pendingBreak = true;
      }
      if (node.nodeType === TEXT) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (pendingBreak) {
            // A block boundary: the place to stop when time is up.
            // Asked at every block boundary: in a content script's isolated world, DOM access
            // is 2–3× slower than in the page, and checking every 8 blocks overshot an 8 ms
            // budget up to 48 ms (scripts/bench/extract-worlds.ts).
            if (shouldYield?.(text.length)) break;
            text += BLOCK_BREAK;
            pendingBreak = false;
          }
          nodes.push(node as Text);
          starts.push(text.length);
          text += data;
        }
        node = walker!.nextNode();
        continue;
      }
      const el = node as Element;
      if (isSkipped(el)) {
        node = skipSubtree(walker!, el);
        continue;
      }
      if (skip !== undefined && skip.has(el)) {
        // Read already (a block): cut the text here as the block itself would.
        if (text.length > 0) pendingBreak = true;
        node = skipSubtree(walker!, el);
        continue;
      }
      const name = el.localName;
      if (isBlockName(name) && openShadowRoot(el) === null && isPlainBlock(el)) {
        // A plain block: its text in one native call, its text nodes mapped only when needed.
        if (text.length > 0) pendingBreak = true;
        const data = el.textContent ?? '';
        if (data.length > 0) {
          if (pendingBreak) {
            if (shouldYield?.(text.length)) break;
            text += BLOCK_BREAK;
          }
          nodes.push(el);
          starts.push(text.length);
          text += data;
          pendingBreak = true;
        }
        node = skipSubtree(walker!, el);
        continue;
      }
      if (name === 'br') {
        text += ' ';
      } else {
        const block = isBlockName(name);
        if (block && text.length > 0) pendingBreak = true;
        // Open shadow roots render instead of (or around) the light children: walk them as a block.
        const shadow = openShadowRoot(el);
        if (shadow) appendShadow(shadow);
        open.push(el);
        openBlock.push(block);
      }
      node = walker!.nextNode();
    }
    this.node = node;
    // A new chunk starts on a fresh block: no break needed at its start.
    this.pendingBreak = false;
    return { text, nodes, starts, done: node === null };
  }
}

/** An element's open shadow root, if it has one (closed ones are null to us, as to the page). */
function openShadowRoot(el: Element): ShadowRoot | null {
  return (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot ?? null;
}

/** The first node after `el`'s subtree (the walker is positioned on `el`). */
function skipSubtree(walker: TreeWalker, el: Element): Node | null {
  if (typeof walker.nextSibling === 'function') {
    // Real DOM: the next sibling, or the next sibling of the nearest ancestor that has one.
    let next = walker.nextSibling();
    while (!next && walker.parentNode()) next = walker.nextSibling();
    return next;
  }
  // Minimal DOM implementations (linkedom) only walk forward.
  let next = walker.nextNode();
  while (next && el.contains(next)) next = walker.nextNode();
  return next;
}

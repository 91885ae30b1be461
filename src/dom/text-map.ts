/**
 * The way back from offsets in extracted text to the page's text nodes. Extraction reads a plain
 * block (no skipped part, no nested block, no `<br>`, no shadow root: src/dom/extract.ts) with one
 * `textContent` call and records the block element, not its text nodes: walking every text node
 * of a big page from a content script costs several times more than the text itself, and stalls
 * the page while the browser tends the wrappers of hundreds of thousands of nodes. The text nodes
 * of a block are walked here, only when a match in it must become a range.
 */

/** Text of a subtree and where each part of it sits in the page. */
export interface ExtractedText {
  text: string;
  /**
   * In document order: text nodes, and plain blocks standing for all the text nodes under them
   * (their `textContent`, read whole). Map offsets with {@link locate}, which reads a block's text
   * nodes only when asked.
   */
  nodes: (Text | Element)[];
  /** `starts[i]`: offset of `nodes[i]`'s first character in `text`. */
  starts: number[];
}

/** A position in a text node. */
export interface TextPosition {
  node: Text;
  offset: number;
}

/** Where a span of extracted text lies in the page. */
export interface Located {
  start: TextPosition;
  end: TextPosition;
  /** Every text node the span covers, in document order. */
  nodes: Text[];
}

const TEXT = 3;
const SHOW_TEXT = 0x4;

/** Index of the entry holding `offset`: at a boundary, `start` takes the later entry, `end` the earlier. */
function indexAt(starts: readonly number[], offset: number, bias: 'start' | 'end'): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! < offset || (bias === 'start' && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Append the text nodes of one entry, with their offsets: a text node itself, or the non-empty
 * text nodes of the plain block it stands for (the ones its `textContent` joined).
 */
function readEntry(piece: Text | Element, start: number, nodes: Text[], starts: number[]): void {
  if (piece.nodeType === TEXT) {
    nodes.push(piece as Text);
    starts.push(start);
    return;
  }
  const walker = piece.ownerDocument.createTreeWalker(piece, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const length = (n as Text).data.length;
    if (length === 0) continue;
    nodes.push(n as Text);
    starts.push(start);
    start += length;
  }
}

/**
 * Map the text from `start` to `end` back to the page: a start position, an end position (an
 * offset on a block break maps to the end of the text node before it; at a node boundary, the end
 * prefers the earlier node) and the text nodes between. Null if the page no longer has that text.
 */
export function locate(extracted: ExtractedText, start: number, end: number): Located | null {
  const { nodes: entries, starts: entryStarts } = extracted;
  if (entries.length === 0) return null;
  const a = indexAt(entryStarts, start, 'start');
  const b = indexAt(entryStarts, end, 'end');
  const nodes: Text[] = [];
  const starts: number[] = [];
  for (let i = Math.min(a, b); i <= Math.max(a, b); i++)
    readEntry(entries[i]!, entryStarts[i]!, nodes, starts);
  if (nodes.length === 0) return null;
  const i = indexAt(starts, start, 'start');
  const j = indexAt(starts, end, 'end');
  const at = (k: number, offset: number): TextPosition => ({
    node: nodes[k]!,
    offset: Math.min(Math.max(offset - starts[k]!, 0), nodes[k]!.data.length),
  });
  return { start: at(i, start), end: at(j, end), nodes: nodes.slice(Math.min(i, j), Math.max(i, j) + 1) };
}

/** One offset mapped back to the page (see {@link locate}). */
export function positionAt(
  extracted: ExtractedText,
  offset: number,
  bias: 'start' | 'end' = 'start',
): TextPosition | null {
  const located = locate(extracted, offset, offset);
  return located && located[bias];
}

/**
 * Every mention placed on the page, and which ones cover a text node: what hover and keyboard
 * use, whether a mention is painted yet or not (big pages paint only near the viewport).
 */
import type { PlacedMention } from './highlight';

export class MentionIndex {
  readonly #placed = new Set<PlacedMention>();
  readonly #byNode = new Map<Text, PlacedMention[]>();

  /** How many mentions are placed. */
  get size(): number {
    return this.#placed.size;
  }

  /** The mentions placed now, in no particular order (a copy: safe to change the index meanwhile). */
  all(): PlacedMention[] {
    return [...this.#placed];
  }

  add(p: PlacedMention): void {
    this.#placed.add(p);
    for (const text of p.nodes) {
      const entries = this.#byNode.get(text);
      if (entries) entries.push(p);
      else this.#byNode.set(text, [p]);
    }
  }

  remove(p: PlacedMention): void {
    this.#placed.delete(p);
    for (const text of p.nodes) {
      const entries = this.#byNode.get(text);
      if (!entries) continue;
      const rest = entries.filter((e) => e !== p);
      if (rest.length) this.#byNode.set(text, rest);
      else this.#byNode.delete(text);
    }
  }

  clear(): void {
    this.#placed.clear();
    this.#byNode.clear();
  }

  /** The mention covering a text position, if any (ends included: a pointer on the edge counts). */
  at(node: Node, offset: number): PlacedMention | undefined {
    const list = node.nodeType === 3 ? this.#byNode.get(node as Text) : undefined;
    if (!list) return undefined;
    return list.find(({ range }) => {
      const afterStart = range.startContainer !== node || offset >= range.startOffset;
      const beforeEnd = range.endContainer !== node || offset <= range.endOffset;
      return afterStart && beforeEnd;
    });
  }
}

/**
 * Every mention placed on the page, and which ones cover a text node: what hover and keyboard
 * use, whether a mention is painted yet or not (big pages paint only near the viewport).
 */
import type { PlacedMention } from './highlight';

export class MentionIndex {
  /** Each placed mention with the entity it was counted under. */
  readonly #placed = new Map<PlacedMention, string>();
  readonly #byNode = new Map<Text, PlacedMention[]>();
  readonly #counts = new Map<string, number>();

  /** How many mentions are placed. */
  get size(): number {
    return this.#placed.size;
  }

  /** The mentions placed now, in no particular order (a copy: safe to change the index meanwhile). */
  all(): PlacedMention[] {
    return [...this.#placed.keys()];
  }

  /**
   * Mentions per entity, kept as mentions come and go (live: read it, don't keep it). Why: on a
   * 5 MB page counting 12,000 mentions at once was ~20 ms of one task.
   */
  get counts(): ReadonlyMap<string, number> {
    return this.#counts;
  }

  #count(entity: string, by: number): void {
    const n = (this.#counts.get(entity) ?? 0) + by;
    if (n > 0) this.#counts.set(entity, n);
    else this.#counts.delete(entity);
  }

  add(p: PlacedMention): void {
    const was = this.#placed.get(p);
    this.#placed.set(p, p.mention.entity);
    if (was !== undefined) {
      // Added again, perhaps as another entity: counted once, under the entity it has now.
      this.#count(was, -1);
      this.#count(p.mention.entity, 1);
      return;
    }
    this.#count(p.mention.entity, 1);
    for (const text of p.nodes) {
      const entries = this.#byNode.get(text);
      if (entries) entries.push(p);
      else this.#byNode.set(text, [p]);
    }
  }

  remove(p: PlacedMention): void {
    const was = this.#placed.get(p);
    if (was !== undefined) this.#count(was, -1);
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
    this.#counts.clear();
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

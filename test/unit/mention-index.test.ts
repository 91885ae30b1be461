/** The mention index with plain objects for text nodes and ranges. */
import { describe, expect, it } from 'vitest';
import type { PlacedMention } from '../../src/dom/highlight';
import { MentionIndex } from '../../src/dom/mention-index';

const text = (data: string) => ({ nodeType: 3, data }) as unknown as Text;

/** A mention from `start` in `a` to `end` in `b` (all the text nodes it covers in `nodes`). */
function placed(entity: string, a: Text, start: number, b: Text, end: number, nodes: Text[]): PlacedMention {
  const range = { startContainer: a, startOffset: start, endContainer: b, endOffset: end, collapsed: false };
  return { mention: { entity, start: 0, end: 0, pattern: 0, support: undefined }, range, nodes };
}

describe('MentionIndex', () => {
  // "In Vo|lodymyr Zelensky| and Kyiv": the name crosses two text nodes, Kyiv is in the second.
  const first = text('In Vo');
  const second = text('lodymyr Zelensky and Kyiv');
  const name = placed('zelensky', first, 3, second, 16, [first, second]);
  const kyiv = placed('kyiv', second, 21, second, 25, [second]);

  it('finds the mention at a text position, on any node it covers, edges included', () => {
    const index = new MentionIndex();
    index.add(name);
    index.add(kyiv);
    expect(index.size).toBe(2);
    expect(index.at(first, 2)).toBeUndefined();
    expect(index.at(first, 3)).toBe(name);
    expect(index.at(second, 0)).toBe(name);
    expect(index.at(second, 16)).toBe(name);
    expect(index.at(second, 18)).toBeUndefined();
    expect(index.at(second, 25)).toBe(kyiv);
    expect(index.at({ nodeType: 1 } as Node, 0)).toBeUndefined();
  });

  it('forgets removed mentions, and everything on clear', () => {
    const index = new MentionIndex();
    index.add(name);
    index.add(kyiv);
    index.remove(name);
    expect(index.at(first, 4)).toBeUndefined();
    expect(index.at(second, 3)).toBeUndefined();
    expect(index.at(second, 22)).toBe(kyiv);
    expect(index.all()).toEqual([kyiv]);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.at(second, 22)).toBeUndefined();
  });

  it('hands out a copy, so mentions can be removed while going through them', () => {
    const index = new MentionIndex();
    index.add(name);
    index.add(kyiv);
    for (const p of index.all()) index.remove(p);
    expect(index.size).toBe(0);
  });

  it('counts mentions per entity as they come and go, once per mention', () => {
    const index = new MentionIndex();
    const other = placed('kyiv', first, 0, first, 2, [first]);
    index.add(name);
    index.add(kyiv);
    index.add(other);
    index.add(kyiv); // added again: still one
    expect([...index.counts]).toEqual([
      ['zelensky', 1],
      ['kyiv', 2],
    ]);
    expect(index.at(second, 22)).toBe(kyiv);
    index.remove(kyiv);
    index.remove(kyiv); // removed again: nothing more
    expect([...index.counts]).toEqual([
      ['zelensky', 1],
      ['kyiv', 1],
    ]);
    index.remove(other);
    expect(index.counts.has('kyiv')).toBe(false);
    index.clear();
    expect(index.counts.size).toBe(0);
  });
});

/** Going through the page's mentions in document order, and what counts as an editor. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PlacedMention } from '../../src/dom/highlight';
import { inDocumentOrder, isEditable, MentionCursor } from '../../src/dom/keyboard';

const { document } = parseHTML(
  '<!doctype html><html><body><p id="a">Kyiv and Bucha</p><p id="b">Izium</p><div contenteditable="true"><span id="e">x</span></div><input id="i"></body></html>',
);
/**
 * A mention placed at `offset` in paragraph `id` (ranges start at the paragraphs: linkedom orders
 * a text node wrongly against what follows its parent).
 */
function placed(entity: string, id: string, offset: number): PlacedMention {
  const node = document.getElementById(id)!;
  const range = { startContainer: node, startOffset: offset, endContainer: node, endOffset: offset + 1 };
  const mention = { entity, start: 0, end: 0, pattern: 0, support: undefined };
  return { mention, range: { ...range, collapsed: false }, nodes: [node.firstChild as Text] };
}

const kyiv = placed('kyiv', 'a', 0);
const bucha = placed('bucha', 'a', 1);
const izium = placed('izium', 'b', 0);

describe('MentionCursor', () => {
  it('steps through mentions in document order, wrapping around both ways', () => {
    const cursor = new MentionCursor(() => [izium, bucha, kyiv]);
    expect([cursor.step('next'), cursor.step('next'), cursor.step('next'), cursor.step('next')]).toEqual([
      kyiv,
      bucha,
      izium,
      kyiv,
    ]);
    expect(cursor.step('previous')).toBe(izium);
    expect(new MentionCursor(() => [bucha, kyiv]).step('previous')).toBe(bucha);
    expect(new MentionCursor(() => []).step('next')).toBeNull();
  });

  it('goes to the first mention of an entity, and steps on from there', () => {
    const cursor = new MentionCursor(() => [izium, bucha, kyiv]);
    expect(cursor.first('bucha')).toBe(bucha);
    expect(cursor.step('next')).toBe(izium);
    expect(cursor.first('kremlin')).toBeNull();
    expect(cursor.step('next')).toBe(kyiv);
  });

  it('orders mentions in one text node by offset', () => {
    expect(inDocumentOrder([bucha, kyiv])).toEqual([kyiv, bucha]);
  });
});

describe('isEditable', () => {
  it('is true inside inputs and editable regions only', () => {
    expect(isEditable(document.getElementById('i')!)).toBe(true);
    expect(isEditable(document.getElementById('e')!)).toBe(true);
    expect(isEditable(document.getElementById('a')!)).toBe(false);
  });
});

/** Containment, ancestors and document order through open shadow roots (under linkedom). */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  compareDocumentOrder,
  composedContains,
  composedParent,
  elementOf,
  precedes,
} from '../../src/dom/composed-tree';

/**
 * A page: `<p id=a>` `<x-outer>` (shadow: `<p id=s1>` `<x-inner>` (shadow: `<p id=s2>`) `<p id=s3>`)
 * with a light child `<p id=light>`, then `<p id=b>`.
 */
function page() {
  const { document } = parseHTML(
    '<!doctype html><html><body><p id="a">a</p><x-outer><p id="light">l</p></x-outer><p id="b">b</p></body></html>',
  );
  const outer = document.querySelector('x-outer')!;
  const shadow = outer.attachShadow({ mode: 'open' });
  const s1 = document.createElement('p');
  const inner = document.createElement('x-inner');
  const s3 = document.createElement('p');
  shadow.append(s1, inner, s3);
  const innerShadow = inner.attachShadow({ mode: 'open' });
  const s2 = document.createElement('p');
  innerShadow.append(s2);
  const byId = (id: string) => document.getElementById(id)!;
  return {
    document,
    outer,
    shadow,
    inner,
    innerShadow,
    s1,
    s2,
    s3,
    a: byId('a'),
    b: byId('b'),
    light: byId('light'),
  };
}

describe('composed tree', () => {
  it('contains through shadow roots, where Node.contains does not', () => {
    const { document, outer, s2, b } = page();
    expect(document.body.contains(s2)).toBe(false);
    expect(composedContains(document.body, s2)).toBe(true);
    expect(composedContains(outer, s2)).toBe(true);
    expect(composedContains(b, s2)).toBe(false);
  });

  it('finds the element of a change and the composed parent', () => {
    const { shadow, outer, inner, innerShadow, s1, s2 } = page();
    expect(elementOf(shadow)).toBe(outer);
    expect(elementOf(s1)).toBe(s1);
    const text = s2.ownerDocument.createTextNode('t');
    innerShadow.append(text);
    expect(elementOf(text)).toBe(inner);
    expect(composedParent(s1)).toBe(outer);
    expect(composedParent(s2)).toBe(inner);
  });

  it('orders nodes as the page reads: shadow content in its host place, nested roots too', () => {
    const { a, outer, s1, s2, s3, light, b } = page();
    // (linkedom misorders a light child against what follows its parent, so `light` and `b` are
    // not compared with each other here.)
    expect([s3, light, s1, a, s2, outer].sort(compareDocumentOrder)).toEqual([a, outer, s1, s2, s3, light]);
    expect([b, s2, s1, a].sort(compareDocumentOrder)).toEqual([a, s1, s2, b]);
    expect(precedes(s2, s3)).toBe(true);
    expect(precedes(s3, s2)).toBe(false);
    expect(precedes(s2, s2)).toBe(false);
    expect(compareDocumentOrder(light, light)).toBe(0);
  });
});

/**
 * The one block definition: whatever element it calls a block, reading that element alone gives
 * exactly a whole run of the page's text (what the highlighter relies on when it re-reads a
 * changed block, and the paint window when it follows mentions by block).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BLOCK_SELECTOR, closestBlock, isBlockName } from '../../src/dom/blocks';
import { BLOCK_BREAK as B, extractText } from '../../src/dom/extract';

const PAGE = `
  <header><h1>Kyiv</h1><hgroup><p>Bucha</p></hgroup></header>
  <main><article><section><p>In <b>Izium</b> and <label>Irpin</label> today</p>
  <blockquote>Kremlin <i>said</i></blockquote>
  <table><caption>Kharkiv</caption><thead><tr><th>Kyiv</th></tr></thead>
    <tbody><tr><td>Bucha</td><td>Izium</td></tr></tbody><tfoot><tr><td>end</td></tr></tfoot></table>
  <dl><dt>Kyiv</dt><dd>capital</dd></dl><ul><li>one</li></ul><ol><li>two</li></ol><menu><li>m</li></menu>
  <details><summary>More</summary>inside</details>
  <form><fieldset><legend>Legend</legend><div>field</div></fieldset></form>
  <figure><figcaption>Caption</figcaption></figure><address>Address</address><hr>
  <aside>Aside</aside><nav>Nav</nav><dialog open>Dialog</dialog></section></article></main>
  <footer>Footer <span>inline</span> text</footer>`;

describe('blocks', () => {
  it('every element called a block is read as a whole run of the page text', () => {
    const { document } = parseHTML(`<!doctype html><html><body>${PAGE}</body></html>`);
    const page = `${B}${extractText(document.body).text}${B}`;
    const blocks = [...document.body.querySelectorAll(BLOCK_SELECTOR)];
    expect(blocks.length).toBeGreaterThan(40);
    for (const el of blocks) {
      const own = extractText(el).text;
      if (!own) continue;
      expect(page, el.localName).toContain(`${B}${own}${B}`);
    }
  });

  it('an inline element is not a block, and the nearest block is found from inside it', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>In <b>Izium</b></p></body></html>');
    const b = document.querySelector('b')!;
    expect(isBlockName('b')).toBe(false);
    expect(isBlockName('p')).toBe(true);
    expect(closestBlock(b)).toBe(document.querySelector('p'));
    // Inline text is not cut: the paragraph is one run.
    expect(extractText(document.body).text).toBe('In Izium');
  });
});

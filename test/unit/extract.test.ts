import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, extractText } from '../../src/dom/extract';
import { locate, positionAt } from '../../src/dom/text-map';

const B = BLOCK_BREAK;
/** A fragment parsed from markup in `doc` (the lint rules keep innerHTML out of our code). */
const fragment = (doc: Document, html: string): DocumentFragment =>
  doc.createRange().createContextualFragment(html);
const body = (html: string) =>
  parseHTML(`<!doctype html><html><head><title>Izium</title></head><body>${html}</body></html>`).document
    .body;

describe('extractText', () => {
  it.each([
    ['inline elements are transparent', '<p>Vo<b>lodymyr</b> <i>Zel</i>ensky</p>', 'Volodymyr Zelensky'],
    ['blocks end a run', '<p>Kharkiv</p><p>region</p>', `Kharkiv${B}region`],
    ['nested blocks', '<div><p>a</p><div>b<p>c</p>d</div></div>', `a${B}b${B}c${B}d`],
    ['list items', '<ul><li>Kyiv</li><li>Bucha</li></ul>', `Kyiv${B}Bucha`],
    ['br is a space', 'Kyiv<br>Bucha', 'Kyiv Bucha'],
    [
      'skipped: script, style, noscript, template, code, pre, inputs',
      '<p>a<script>Izium</script><style>.x{}</style><noscript>Izium</noscript><template>Izium</template><code>Izium</code>b</p><pre>Izium</pre><textarea>Izium</textarea><input value="Izium"><select><option>Izium</option></select>',
      'ab',
    ],
    [
      'skipped: editable regions',
      '<p>a</p><div contenteditable="true"><p>Izium</p></div><div contenteditable>Izium</div><p contenteditable="false">b</p>',
      `a${B}b`,
    ],
    [
      'skipped: hidden elements',
      '<p>a<span hidden>Izium</span><span style="display: none">Izium</span><span aria-hidden="true">Izium</span>b</p>',
      'ab',
    ],
    [
      'skipped: our own UI',
      '<p>a</p><wsw-card>Izium</wsw-card><div id="wsw-root">Izium</div><p>b</p>',
      `a${B}b`,
    ],
    ['JSON-LD decoys', '<script type="application/ld+json">{"name":"Izium"}</script><p>x</p>', 'x'],
  ])('%s', (_what, html, text) => expect(extractText(body(html)).text).toBe(text));

  it('leaves out the head (title is not visible text)', () => {
    const { document } = parseHTML('<html><head><title>Izium</title></head><body><p>Kyiv</p></body></html>');
    expect(extractText(document).text).toBe('Kyiv');
  });

  it('maps offsets back to text nodes', () => {
    const root = body('<p>The <b>Krem</b>lin said</p><p>Izium</p>');
    const extracted = extractText(root);
    expect(extracted.text).toBe(`The Kremlin said${B}Izium`);
    const start = positionAt(extracted, 4, 'start')!;
    const end = positionAt(extracted, 11, 'end')!;
    expect([start.node.data, start.offset]).toEqual(['Krem', 0]);
    expect([end.node.data, end.offset]).toEqual(['lin said', 3]);
    const izium = extracted.text.indexOf('Izium');
    expect([
      positionAt(extracted, izium, 'start')!.node.data,
      positionAt(extracted, izium + 5, 'end')!.offset,
    ]).toEqual(['Izium', 5]);
  });

  // A plain block is read whole (one textContent call) and mapped to its text nodes on demand;
  // anything else is walked node by node. Either way every character maps back to itself.
  it.each([
    ['plain: text only', '<p>In Izium</p>', ['p']],
    [
      'plain: simple inline elements',
      '<p>The <b>Krem</b>lin <a href="#">said</a> <span>it</span></p>',
      ['p'],
    ],
    ['plain: empty text nodes and comments', '<p>Iz<!-- x --><b></b>ium</p>', ['p']],
    ['walked: a br', '<p>Kyiv<br>Bucha</p>', ['#text', '#text']],
    ['walked: a skipped part', '<p>Kyiv <code>x</code>Bucha</p>', ['#text', '#text']],
    ['walked: hidden by attribute', '<p>Kyiv <span hidden>x</span>Bucha</p>', ['#text', '#text']],
    ['walked: a custom element', '<p>Kyiv <x-tag>and</x-tag> Bucha</p>', ['#text', '#text', '#text']],
    ['walked: a nested block', '<div>Kyiv<p>Bucha</p></div>', ['#text', 'p']],
  ])('%s', (_what, html, kinds) => {
    const extracted = extractText(body(html));
    expect(extracted.nodes.map((n) => n.nodeName.toLowerCase())).toEqual(kinds);
    const { text } = extracted;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === B || text[i] === ' ') continue; // breaks, and the space a <br> stands for
      const at = positionAt(extracted, i, 'start')!;
      expect(at.node.data[at.offset], `offset ${i}`).toBe(text[i]);
      expect(locate(extracted, i, i + 1)!.nodes).toEqual([at.node]);
    }
  });

  it('lists every text node a span covers, across inline elements of a plain block', () => {
    const extracted = extractText(body('<p>The <b>Krem</b>lin said</p>'));
    expect(locate(extracted, 4, 11)!.nodes.map((t) => t.data)).toEqual(['Krem', 'lin said']);
    expect(locate(extracted, 0, 4)!.nodes.map((t) => t.data)).toEqual(['The ']);
  });

  it('handles very deep trees without recursion limits', () => {
    const depth = 20000;
    const html = '<span>'.repeat(depth) + 'Kyiv' + '</span>'.repeat(depth);
    expect(extractText(body(html)).text).toBe('Kyiv');
  });
});

describe('TextExtractor (time-sliced)', async () => {
  const { TextExtractor } = await import('../../src/dom/extract');
  it('returns whole blocks per chunk and the same text overall', () => {
    const html = Array.from({ length: 200 }, (_, i) => `<p>Para ${i} about <b>Ky</b>iv</p>`).join('');
    const root = body(`<div>${html}</div>`);
    const whole = extractText(root).text;
    const extractor = new TextExtractor(root);
    let calls = 0;
    const chunks: string[] = [];
    for (;;) {
      // Ask to yield at every opportunity.
      const chunk = extractor.next(() => ++calls > 0);
      chunks.push(chunk.text);
      if (chunk.done) break;
    }
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join(B)).toBe(whole);
    for (const chunk of chunks) expect(chunk.startsWith(B) || chunk.endsWith(B)).toBe(false);
    expect(chunks.every((c) => !/Ky$/.test(c))).toBe(true);
  });
});

describe('open shadow roots', async () => {
  const { TextExtractor } = await import('../../src/dom/extract');
  /** A body with `<x-card>` hosts whose open shadow roots hold the given markup. */
  const withShadows = (html: string, shadows: string[]) => {
    const root = body(html);
    const hosts = [...root.querySelectorAll('x-card')];
    hosts.forEach((host, i) =>
      host.attachShadow({ mode: 'open' }).append(fragment(host.ownerDocument, shadows[i]!)),
    );
    return { root, hosts };
  };

  it('reads shadow text as a block of its own, before the light children, nested roots too', () => {
    const { root, hosts } = withShadows('<p>Kyiv <x-card>light</x-card> said</p>', [
      '<p>In Izium</p><span>and <x-card></x-card></span>',
    ]);
    const inner = hosts[0]!.shadowRoot!.querySelector('x-card')!;
    inner.attachShadow({ mode: 'open' }).append('Bucha');
    const seen: ShadowRoot[] = [];
    const { text, nodes } = extractText(root, { onShadowRoot: (s) => seen.push(s) });
    expect(text).toBe(`Kyiv ${B}In Izium${B}and ${B}Bucha${B}light said`);
    expect(seen).toEqual([hosts[0]!.shadowRoot, inner.shadowRoot]);
    // Offsets map back into the shadow tree's own text nodes.
    const at = positionAt({ text, nodes, starts: extractText(root).starts }, text.indexOf('Izium'));
    expect(at!.node.data).toBe('In Izium');
  });

  it('walks a block whose span hosts a shadow root (its shadow text, not its light text alone)', () => {
    const root = body('<p>Kyiv <span>light</span> said</p>');
    root.querySelector('span')!.attachShadow({ mode: 'open' }).append('Bucha');
    const extracted = extractText(root);
    expect(extracted.text).toBe(`Kyiv ${B}Bucha${B}light said`);
    expect(extracted.nodes.every((n) => n.nodeType === 3)).toBe(true);
  });

  it("reads the root's own shadow root (a host re-read after a change inside it)", () => {
    const { hosts } = withShadows('<x-card><b>light</b></x-card>', ['<p>Izium</p>']);
    expect(extractText(hosts[0]!).text).toBe(`Izium${B}light`);
    expect(extractText(hosts[0]!.shadowRoot!).text).toBe('Izium');
  });

  it('skips editable regions and our UI inside shadow trees, and hosts inside editors', () => {
    const { root } = withShadows('<p>a</p><x-card></x-card><div contenteditable><x-card></x-card></div>', [
      '<p>Kyiv</p><div contenteditable="true">Izium</div><wsw-card>Izium</wsw-card>',
      '<p>Izium</p>',
    ]);
    expect(extractText(root).text).toBe(`a${B}Kyiv`);
  });

  it('time-sliced: the same text in chunks', () => {
    const { root } = withShadows(
      Array.from({ length: 50 }, (_, i) => `<p>${i} <x-card></x-card></p>`).join(''),
      Array.from({ length: 50 }, (_, i) => `<p>Kyiv ${i}</p>`),
    );
    const extractor = new TextExtractor(root);
    const chunks: string[] = [];
    for (;;) {
      const chunk = extractor.next(() => true);
      chunks.push(chunk.text);
      if (chunk.done) break;
    }
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.join(B)).toBe(extractText(root).text);
  });
});

describe('TextExtractor: blocks read already (skip)', async () => {
  const { TextExtractor } = await import('../../src/dom/extract');
  it('leaves them out with a break in their place, whether at the start, middle or end', () => {
    const root = body('<div><p id="a">Kyiv</p>x<p id="b">Izium <b>c</b></p>y<p id="c">Bucha</p></div>');
    const skip = new Set(['a', 'b', 'c'].map((id) => root.querySelector(`#${id}`)!));
    const whole = extractText(root).text;
    expect(whole).toBe(`Kyiv${B}x${B}Izium c${B}y${B}Bucha`);
    expect(extractText(root, { skip }).text).toBe(`x${B}y`);
    expect(extractText(root, { skip: new Set([root.querySelector('#b')!]) }).text).toBe(
      `Kyiv${B}x${B}y${B}Bucha`,
    );
    // Text on either side never joins across a skipped block.
    const inline = body('<p>Vo<span>x</span></p><div>lo<p id="s">a</p>dymyr</div>');
    expect(extractText(inline, { skip: new Set([inline.querySelector('#s')!]) }).text).toBe(
      `Vox${B}lo${B}dymyr`,
    );
    // Chunked, the result is the same.
    const extractor = new TextExtractor(root, { skip });
    const chunks: string[] = [];
    for (;;) {
      const chunk = extractor.next(() => true);
      if (chunk.text) chunks.push(chunk.text);
      if (chunk.done) break;
    }
    expect(chunks.join(B)).toBe(`x${B}y`);
  });
});

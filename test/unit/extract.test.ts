import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK, extractText, positionAt } from '../../src/dom/extract';

const B = BLOCK_BREAK;
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

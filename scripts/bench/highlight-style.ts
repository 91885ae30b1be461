/**
 * `npx tsx scripts/bench/highlight-style.ts [--size l] [--frames 120]`: what one changing highlight
 * costs Chromium's rendering, per highlight style, on a generated benchmark page without the
 * extension. The page gets the extension's own `highlights.css`; then, in every animation frame
 * for `frames` frames, one range is added to or removed from a highlight of a given name (the
 * underline style `wsw-place`, the tint style `wsw-place-tint`), or — the control — a page
 * element's colour is toggled. Prints frames over 50 ms, the longest frame and the traced
 * PrePaint and Paint totals.
 *
 * Why: the paint window changes the registered highlights as the reader scrolls a big page, and
 * this measured that a highlight drawing a text decoration re-runs PrePaint over the whole page at
 * each change (~30 ms a frame on the 5 MB page) while a background colour costs ~1 ms, as a plain
 * style change of the page does. So windowed pages paint underlines as a tint.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { readDataset } from '../../src/node/dataset-files';
import { compileDictionary } from '../../src/core/dictionary';
import { highlightableEntities } from '../../src/core/dataset';
import { CHROMIUM_FLAGS, EXECUTABLES } from '../browsers';
import { serveStatic } from '../serve';
import { generatePage, mentionFormsOf } from './generate';

const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
const { values: args } = parseArgs({
  options: { size: { type: 'string', default: 'l' }, frames: { type: 'string', default: '120' } },
});
const bytes = SIZES[args.size as keyof typeof SIZES] ?? SIZES.l;
const frames = Number(args.frames);

/** In the page: set up one variant, returning the per-frame change. */
const VARIANTS: Record<string, string> = {
  'control (page colour)': `(() => { const b = document.querySelector('p b'); let on = false;
    return () => { on = !on; b.style.color = on ? 'red' : ''; }; })()`,
  'underline (wsw-place)': highlightToggle('wsw-place'),
  'tint (wsw-place-tint)': highlightToggle('wsw-place-tint'),
};

function highlightToggle(name: string): string {
  return `(() => { const h = new Highlight(); CSS.highlights.set(${JSON.stringify(name)}, h);
    const t = document.querySelector('p').firstChild;
    const r = new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 3 });
    let on = false; return () => { on = !on; if (on) h.add(r); else h.delete(r); }; })()`;
}

/** In the page: apply the change in each of `n` frames; the gaps between frames. */
const RUN = `(change, n) => new Promise((done) => {
  const gaps = []; let last = 0, i = 0;
  const tick = (t) => { if (last) gaps.push(t - last); last = t;
    if (i++ === n) return done(gaps); change(); requestAnimationFrame(tick); };
  requestAnimationFrame(tick); })`;

const { dataset, entities } = readDataset();
const dict = compileDictionary(highlightableEntities(entities, dataset));
const { forms, forbiddenWords } = mentionFormsOf(dict);
const page = generatePage(bytes, forms, forbiddenWords, 7 + bytes);
const css = await readFile(resolve(import.meta.dirname, '../../src/content/highlights.css'), 'utf8');
const work = await mkdtemp(join(tmpdir(), 'wsw-highlight-style-'));
await writeFile(join(work, 'page.html'), page.html.replace('</head>', `<style>${css}</style></head>`));
const server = await serveStatic(work);
const browser = await puppeteer.launch({
  executablePath: EXECUTABLES.chromium,
  headless: true,
  args: CHROMIUM_FLAGS,
});
try {
  console.log(`${(page.textLength / 1e6).toFixed(1)} MB of text; one change in each of ${frames} frames`);
  for (const [label, setup] of Object.entries(VARIANTS)) {
    const tab = await browser.newPage();
    await tab.goto(`${server.origin}/page.html`, { waitUntil: 'load' });
    await tab.evaluate(`window.__change = ${setup}`);
    await new Promise((r) => setTimeout(r, 1500));
    await tab.tracing.start({ categories: ['devtools.timeline', 'blink'] });
    const gaps = (await tab.evaluate(`(${RUN})(window.__change, ${frames})`)) as number[];
    const trace = JSON.parse(Buffer.from((await tab.tracing.stop())!).toString('utf8')) as {
      traceEvents: { name: string; ph: string; dur?: number }[];
    };
    const total = (name: string) =>
      Math.round(
        trace.traceEvents.reduce((s, e) => s + (e.ph === 'X' && e.name === name ? (e.dur ?? 0) : 0), 0) /
          1000,
      );
    console.log(
      `  ${label}: frames over 50 ms ${gaps.filter((g) => g > 50).length}, longest ` +
        `${Math.round(Math.max(...gaps))} ms; PrePaint ${total('PrePaint')} ms, Paint ${total('Paint')} ms in all`,
    );
    await tab.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}

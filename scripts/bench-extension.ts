/**
 * `npm run bench:extension [-- --json] [--rounds N]`: the built extension in real headless Chromium
 * on the benchmark's generated pages (real dictionary only, as shipped): time from the page's load
 * event to all highlights registered, and the longest main-thread task while that happens (long
 * tasks of the content script are the page's long tasks). Checks that time slicing keeps every
 * task short even on a 5 MB page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset } from '../src/cli/dataset-files';
import { compileDictionary } from '../src/core/dictionary';
import { generatePage, mentionFormsOf } from './bench/generate';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, EXECUTABLES, launchWithExtension } from './browsers';
import { serveStatic } from './serve';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
const { values: args } = parseArgs({
  options: { json: { type: 'boolean', default: false }, rounds: { type: 'string', default: '3' } },
});
const rounds = Math.max(1, Number(args.rounds));

// The shipped dictionary (entities with claims) and forms the generator may use.
const { dataset, entities } = readDataset();
const dict = compileDictionary(entities.filter((e) => dataset.byEntity[e.id]?.length));
const { forms, forbiddenWords: forbidden } = mentionFormsOf(dict);

const OBSERVE_LONG_TASKS = `
  window.__wswLongest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__wswLongest = Math.max(window.__wswLongest, e.duration);
  }).observe({ type: 'longtask', buffered: true });`;

/** Resolves when `expected` highlights are registered: ms since the load event, longest task. */
const WAIT_FOR_HIGHLIGHTS = `(expected) => new Promise((resolve, reject) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const start = (nav && nav.loadEventEnd) || performance.now();
  const until = performance.now() + 60000;
  const tick = () => {
    let n = 0;
    for (const h of CSS.highlights.values()) n += h.size;
    if (n >= expected) {
      const ms = performance.now() - start;
      setTimeout(() => resolve({ ms, longest: window.__wswLongest }), 200);
    } else if (performance.now() > until) reject(new Error('only ' + n + ' of ' + expected + ' highlights'));
    else requestAnimationFrame(tick);
  };
  tick();
})`;

const work = await mkdtemp(join(tmpdir(), 'wsw-bench-ext-'));
const server = await serveStatic(work);
const ext = await launchWithExtension('chromium', resolve(ROOT, 'dist/chrome'));
// The same pages without the extension: the page's own longest task, for comparison.
const plain = await puppeteer.launch({
  executablePath: EXECUTABLES.chromium,
  headless: true,
  args: CHROMIUM_FLAGS,
});
const out: Record<
  string,
  { mentions: number; to_highlights_ms: number; longest_task_ms: number; page_alone_longest_task_ms: number }
> = {};
try {
  for (const [size, bytes] of Object.entries(SIZES)) {
    const page = generatePage(bytes, forms, forbidden, 7 + bytes);
    await writeFile(join(work, `${size}.html`), page.html);
    const times: number[] = [];
    const longest: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const tab = await ext.browser.newPage();
      // Observe long tasks from the very start of the document. (In-page code is given as text:
      // tsx would otherwise wrap named functions in a helper the page does not have.)
      await tab.evaluateOnNewDocument(OBSERVE_LONG_TASKS);
      await tab.goto(`${server.origin}/${size}.html`, { waitUntil: 'load', timeout: 120_000 });
      const result = (await tab.evaluate(`(${WAIT_FOR_HIGHLIGHTS})(${page.truth.length})`)) as {
        ms: number;
        longest: number;
      };
      times.push(result.ms);
      longest.push(result.longest);
      await tab.close();
    }
    const alone: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const tab = await plain.newPage();
      await tab.evaluateOnNewDocument(OBSERVE_LONG_TASKS);
      await tab.goto(`${server.origin}/${size}.html`, { waitUntil: 'load', timeout: 120_000 });
      await new Promise((done) => setTimeout(done, 1500));
      alone.push((await tab.evaluate('window.__wswLongest')) as number);
      await tab.close();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    out[size] = {
      mentions: page.truth.length,
      to_highlights_ms: median(times),
      longest_task_ms: Math.max(...longest),
      page_alone_longest_task_ms: Math.max(...alone),
    };
    if (!args.json) {
      console.log(
        `${size}: ${page.truth.length} mentions highlighted ${median(times).toFixed(0)} ms after load (median of ${rounds}); longest task ${Math.max(...longest).toFixed(0)} ms (the page alone: ${Math.max(...alone).toFixed(0)} ms)`,
      );
    }
  }
  if (args.json) console.log(JSON.stringify({ sizes: out }));
} finally {
  await ext.close();
  await plain.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}

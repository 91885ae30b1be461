/**
 * `npx tsx scripts/bench/scroll.ts [--sizes m,l] [--rounds 2] [--step 400] [--frames 120]
 * [--dist DIR] [--trace]`: how smoothly a generated benchmark page scrolls once the extension has
 * read it, against the same page without the extension, in the same run (headless Chromium).
 *
 * After every mention is placed (asked from the content script, as bench:extension does) and two
 * quiet seconds, the page scrolls `step` px in each of `frames` animation frames and records the
 * gap between consecutive frames; a gap over 50 ms is a janky frame. Why a separate bench: on big
 * pages only the mentions near the viewport are registered as highlights, so scrolling makes the
 * extension work (and Chromium repaint) — a cost the load benchmark never sees.
 * `--trace` also records a Chromium trace of the scroll and sums, per phase, the main thread's
 * rendering work (PrePaint holds the rebuilding of highlight markers; IntersectionObserver work is
 * `IntersectionObserverController::computeIntersections`).
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Page } from 'puppeteer-core';
import { readDataset } from '../../src/node/dataset-files';
import { compileDictionary } from '../../src/core/dictionary';
import { highlightableEntities } from '../../src/core/dataset';
import { CHROMIUM_FLAGS, EXECUTABLES, launchWithExtension } from '../browsers';
import { serveStatic } from '../serve';
import { generatePage, mentionFormsOf } from './generate';

const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
type Size = keyof typeof SIZES;
const ROOT = resolve(import.meta.dirname, '../..');

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'm,l' },
    rounds: { type: 'string', default: '2' },
    step: { type: 'string', default: '400' },
    frames: { type: 'string', default: '120' },
    dist: { type: 'string', default: resolve(ROOT, 'dist/chrome') },
    trace: { type: 'boolean', default: false },
  },
});
const sizes = args.sizes.split(',').filter((s): s is Size => s in SIZES);
const rounds = Math.max(1, Number(args.rounds));
const step = Number(args.step);
const frames = Number(args.frames);

const { dataset, entities } = readDataset();
const dict = compileDictionary(highlightableEntities(entities, dataset));
const { forms, forbiddenWords } = mentionFormsOf(dict);

const work = await mkdtemp(join(tmpdir(), 'wsw-bench-scroll-'));
const DIST = join(work, 'extension');
await cp(resolve(args.dist), DIST, { recursive: true });
const server = await serveStatic(work);

/** In the service worker: resolve once the page reports `expected` mentions placed. */
const WAIT_FOR_PLACED = `(expected) => (async () => {
  const until = Date.now() + 120000;
  for (;;) {
    for (const tab of await chrome.tabs.query({})) {
      try {
        const reply = await chrome.tabs.sendMessage(tab.id, { tag: 'wsw/1', name: 'pageInfo', payload: {} });
        const info = reply.value;
        if (info.entities.reduce((sum, e) => sum + e.mentions, 0) >= expected) return true;
      } catch {}
    }
    if (Date.now() > until) throw new Error('mentions not placed in time');
    await new Promise((r) => setTimeout(r, 100));
  }
})()`;

/** In the page: scroll `step` px per frame for `frames` frames; the gaps between frames. */
const SCROLL = `(step, frames) => new Promise((resolve) => {
  const gaps = [];
  let last = 0, n = 0;
  const tick = (t) => {
    if (last) gaps.push(t - last);
    last = t;
    if (n++ === frames) {
      let ranges = 0;
      for (const h of CSS.highlights.values()) ranges += h.size;
      return resolve({ gaps, ranges, y: scrollY });
    }
    scrollBy(0, step);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

interface Run {
  over50: number;
  longest: number;
  median: number;
  ranges: number;
  phases?: Record<string, number>;
}

async function scroll(page: Page, traced: boolean): Promise<Run> {
  if (traced) await page.tracing.start({ categories: ['devtools.timeline', 'blink', 'v8'] });
  const r = (await page.evaluate(`(${SCROLL})(${step}, ${frames})`)) as {
    gaps: number[];
    ranges: number;
  };
  const sorted = [...r.gaps].sort((a, b) => a - b);
  const run: Run = {
    over50: r.gaps.filter((g) => g > 50).length,
    longest: Math.round(sorted.at(-1) ?? 0),
    median: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
    ranges: r.ranges,
  };
  if (traced) {
    const buffer = await page.tracing.stop();
    const events = (
      JSON.parse(Buffer.from(buffer!).toString('utf8')) as {
        traceEvents: { name: string; ph: string; dur?: number }[];
      }
    ).traceEvents;
    const names = [
      'PrePaint',
      'Paint',
      'Layout',
      'UpdateLayoutTree',
      'FunctionCall',
      'IntersectionObserverController::computeIntersections',
      'Commit',
      'Layerize',
    ];
    const phases: Record<string, number> = {};
    for (const e of events) {
      if (e.ph === 'X' && e.dur && names.includes(e.name))
        phases[e.name] = (phases[e.name] ?? 0) + e.dur / 1000;
    }
    run.phases = Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)]));
  }
  return run;
}

const show = (label: string, runs: Run[]) =>
  console.log(
    `  ${label}: frames over 50 ms ${runs.map((r) => r.over50).join(', ')} of ${frames}; longest ` +
      `${runs.map((r) => r.longest).join(', ')} ms; median ${runs.map((r) => r.median).join(', ')} ms; ` +
      `registered ranges at the end ${runs.map((r) => r.ranges).join(', ')}` +
      (runs[0]?.phases ? `\n    traced ms: ${runs.map((r) => JSON.stringify(r.phases)).join(' | ')}` : ''),
  );

try {
  console.log(`build ${resolve(args.dist)}; ${frames} frames × ${step} px`);
  for (const size of sizes) {
    const page = generatePage(SIZES[size], forms, forbiddenWords, 7 + SIZES[size]);
    await writeFile(join(work, `${size}.html`), page.html);
    const url = `${server.origin}/${size}.html`;
    const withExt: Run[] = [];
    const alone: Run[] = [];
    for (let round = 0; round < rounds; round++) {
      const ext = await launchWithExtension('chromium', DIST);
      try {
        const tab = await ext.open(url);
        const target = await ext.browser.waitForTarget(
          (t) => t.type() === 'service_worker' && t.url().startsWith(ext.extensionOrigin),
        );
        const worker = (await target.worker())!;
        await worker.evaluate(`(${WAIT_FOR_PLACED})(${page.truth.length})`);
        await new Promise((r) => setTimeout(r, 2000));
        withExt.push(await scroll(tab, args.trace));
      } finally {
        await ext.close();
      }
      const browser = await puppeteer.launch({
        executablePath: EXECUTABLES.chromium,
        headless: true,
        args: CHROMIUM_FLAGS,
      });
      try {
        const tab = await browser.newPage();
        await tab.goto(url, { waitUntil: 'load' });
        await new Promise((r) => setTimeout(r, 2000));
        alone.push(await scroll(tab, args.trace));
      } finally {
        await browser.close();
      }
    }
    console.log(`${size} (${page.truth.length} mentions, ${(page.textLength / 1e6).toFixed(1)} MB of text)`);
    show('with the extension', withExt);
    show('page alone        ', alone);
  }
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}

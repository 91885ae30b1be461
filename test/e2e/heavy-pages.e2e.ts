/**
 * Heavy pages (issue "Hardening"): a 5 MB page, and an infinite-scroll page appending content for
 * 60 s. On both the extension's longest task stays ≤ 50 ms; on the feed its CPU time is bounded,
 * and its MutationObserver does not feed itself (work bounded by the page's appends; quiet once
 * they stop).
 *
 * Chromium: measured, not inferred. The page's renderer is traced (CDP Tracing with the V8 CPU
 * profile, categories and attribution of scripts/bench/trace.ts, as `npm run bench:extension`
 * does): a top-level main-thread task is the extension's when it ran `chrome-extension://` code.
 * Durations are thread (CPU) time, not wall time: on this two-core machine other processes
 * (another test run, the browser's own threads, the profiler) stretch wall times several-fold.
 * The same page without the extension is traced in the same run, in a second browser.
 *
 * Firefox: no trace is available to these tests, so a proxy (GAP_PROBE in ./perf.ts) is compared
 * with the same page without the extension, in the same run: the longest interval between two
 * requestAnimationFrame callbacks from the load event until the page has settled. It measures how
 * long the page went without a frame — any task, anyone's, plus the frame's rendering — not whose
 * task it was, so it can only see what exceeds the page's own worst gap: on the 5 MB page, whose
 * own layout after load holds frames back for 0.4–0.8 s, it catches gross freezes only (it did
 * catch the 1.1 s frame of painting 13,005 ranges at once, in an earlier build); on the feed, whose
 * own gaps are short, it is sharp (one lone stall over the bound is let pass: see the test). CPU
 * time comes from /proc: the main threads of the browser's processes (where Firefox runs the page,
 * the content script and the rendering), and the whole process tree, reported. The probe's timer gaps are reported, not asserted: Firefox (like
 * Chromium) runs `scheduler.yield()` continuations — the content script's time slices — before the
 * page's timers, so they measure how long page timers were held back, not how long a task was.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePage, mentionFormsOf } from '../../scripts/bench/generate';
import { analyseTrace, TRACE_CATEGORIES, type Task, type TraceEvent } from '../../scripts/bench/trace';
import { CHROMIUM_FLAGS, EXECUTABLES, type BrowserName } from '../../scripts/browsers';
import { readDataset } from '../../src/node/dataset-files';
import { compileDictionary } from '../../src/core/dictionary';
import { highlightableEntities } from '../../src/core/dataset';
import { PageSense } from '../../src/core/sense';
import {
  BROWSERS,
  distFor,
  launchWithExtension,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';
import {
  GAP_PROBE,
  mainThreadCpuMs,
  rangeCount as rangeCountOf,
  readProbe,
  treeCpuMs,
  waitUntilSettled,
  type GapStats,
  type Settled,
} from './perf';

/** The issue's bound on any main-thread task of ours, ms. */
const LONG_MS = 50;
/**
 * That bound as measured under tracing: the V8 CPU profiler interrupts the renderer's main thread
 * for about 8 % of a core (see waitUntilSettled in perf.ts), and those interrupts count in a
 * traced task's thread time. Why it is needed: CI measured one 51.8 ms slice on the 5 MB page
 * (extraction 31 ms of it, a 9.6 ms minor GC) where other runs' longest were 22–46 ms.
 */
const TRACED_LONG_MS = LONG_MS * 1.08;
/** One frame at 60 Hz, ms: the resolution of a frame-gap measurement. */
const FRAME_MS = 1000 / 60;
/**
 * What the frame-gap proxy (Firefox) allows the extension on top of the page's own longest gap: one
 * task of ours of at most 50 ms plus a frame, or what the browser itself holds frames back while a
 * content script yields in 8 ms slices with `scheduler.yield()`, whichever is longer. Measured on a
 * page doing only that, for 3 s: Firefox renders every fifth vsync (84 ms gaps, median 83 ms),
 * Chromium every 100–117 ms; with `setTimeout(0)` between the same slices both render at 60 Hz.
 * That is the browsers' policy for yield continuations, not a long task, so it is allowed here.
 */
const FRAME_ALLOWANCE_MS = Math.max(LONG_MS + FRAME_MS, 5 * FRAME_MS);
/** How long the feed appends, s, and how often, ms (see test/fixtures/heavy/infinite-scroll.html). */
const FEED_SECONDS = 60;
const FEED_INTERVAL_MS = 250;
/**
 * Bound on the extension's main-thread time over the feed, as a share of one core: a tenth of a
 * core for following a page that appends four batches (twelve mentions) a second — far more than a
 * live news feed does — leaves the page and the reader's other tabs nine tenths of it. Measured as
 * the thread time of the tasks attributed to the extension, which includes the frames its
 * animation-frame callbacks ran in. Checked once against cause and effect: the whole main thread
 * of the traced feed used 7.6 s with the extension and 1.5 s without it, and the tasks attributed
 * to the extension took 5.9 s: the attribution does not inflate our share.
 */
const FEED_CPU_SHARE = 0.1;
/**
 * Bound on the extension's tasks per append of the page: a page task in which our MutationObserver
 * callback ran, the animation frame where the records are coalesced, the time slice that reads the
 * changed blocks, the frame in which the paint window finds its region again, and the idle-time
 * card prefetch (measured: 3.9 per append before the window and ordinary-priority yields, 4.9
 * after). A self-feeding
 * observer schedules a task every frame (≥ 15 per append at 60 Hz), whatever the page does.
 */
const TASKS_PER_APPEND = 6;
/** Plus a constant for the first scan of the page and its follow-ups (the badge, counts). */
const TASKS_CONSTANT = 50;
/** After the last append: this long for late work (idle callbacks wait up to 2 s)… */
const GRACE_MS = 2000;
/** …then this long quiet. */
const QUIET_MS = 3000;
/**
 * Chromium, quiet window: at most this many extension tasks, of at most this much thread time in
 * all. An observer that feeds itself runs a task every frame or every time slice (about 180 in
 * 3 s); a quiet content script still runs its periodic check for an orphaned script (a
 * `setInterval` of 5 s, under a millisecond), which may tick once in the window.
 */
const QUIET_TASKS = 2;
const QUIET_TASKS_MS = 10;
/**
 * Firefox, quiet window: main-thread CPU of the browser with the extension over the same browser
 * without it, as a share of one core. A self-feeding observer keeps a main thread busy with back
 * to back slices: well over a quarter of a core. Both runs also see the garbage and cycle
 * collection of what the 60 s feed allocated: the difference measured from −2% to +5%.
 */
const QUIET_CPU_SHARE = 0.1;

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpu = (t: Task) => t.cpuMs ?? 0;
/**
 * A task's thread time without work on the whole heap — full collections and the incremental
 * marking before them: their length is set by the page (its 5 MB DOM: ~60 ms of thread time per
 * full collection) and they run in whichever task executes script when one is due — after load
 * that is ours, since the page runs none. They are bounded on their own ({@link MAJOR_GC_TASKS},
 * {@link HEAP_GC_SHARE}); scavenges of the objects we allocate stay counted.
 */
const own = (t: Task) => cpu(t) - t.heapGcCpuMs;
/** Most of our thread time that work on the whole heap may take during one load. */
const HEAP_GC_SHARE = 0.25;
/** Our tasks that may hold a full collection of the page's heap during one load. */
const MAJOR_GC_TASKS = 2;
const sumCpu = (tasks: Task[]) => tasks.reduce((s, t) => s + cpu(t), 0);
/** Sampled time in extension JS (a lower bound of our cost: no rendering, no compilation). */
const jsMs = (tasks: Task[]) => tasks.reduce((s, t) => s + t.extensionJsMs, 0);
/** A task that was mostly rendering (style, layout, paint…) and ran no extension code (as in the bench). */
const isRenderTask = (t: Task) => !t.extension && t.renderMs >= t.ms / 2;

// The benchmark's 5 MB page (same generator, dictionary and seed as `npm run bench:extension`).
const { dataset, entities } = readDataset();
const dict = compileDictionary(highlightableEntities(entities, dataset));
const BIG_BYTES = 5_000_000;

/** A browser without the extension: the page alone, for comparison. */
function launchPlain(name: BrowserName): Promise<Browser> {
  return name === 'chromium'
    ? puppeteer.launch({
        browser: 'chrome',
        executablePath: EXECUTABLES.chromium,
        headless: true,
        args: CHROMIUM_FLAGS,
      })
    : puppeteer.launch({
        browser: 'firefox',
        executablePath: EXECUTABLES.firefox,
        headless: true,
        extraPrefsFirefox: { 'app.update.enabled': false, 'browser.shell.checkDefaultBrowser': false },
      });
}

/** CPU time (ms) the main threads of a process tree used between two readings of mainThreadCpuMs. */
function mainThreadsMs(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, cpuMs] of after) ms += cpuMs - (before.get(pid) ?? 0);
  return ms;
}

const pidOf = (browser: Browser): number => {
  const pid = browser.process()?.pid;
  if (!pid) throw new Error('no browser process');
  return pid;
};

/** Load `url` in a new tab (with `setup` first), wait until it settles, run `after`, close the tab. */
async function loadAndSettle<T>(
  browser: Browser,
  url: string,
  minRanges: number,
  { setup, after }: { setup?: (page: Page) => Promise<void>; after: (page: Page) => Promise<T> },
): Promise<{ settled: Settled; value: T; loadMs: number }> {
  const page = await browser.newPage();
  try {
    await setup?.(page);
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    const loadMs = Date.now() - t0;
    const settled = await waitUntilSettled(page, pidOf(browser), { minRanges });
    return { settled, value: await after(page), loadMs };
  } finally {
    await page.close();
  }
}

/** The same, traced (Chromium) from before the navigation until the page has settled. */
async function tracedLoad(browser: Browser, url: string, minRanges: number) {
  let events: TraceEvent[] = [];
  const run = await loadAndSettle(browser, url, minRanges, {
    setup: (page) => page.tracing.start({ categories: TRACE_CATEGORIES }),
    after: async (page) => {
      // Late work (the idle-time card prefetch, up to 2 s after a scan) may still come once the
      // page has settled: keep tracing a while, so the trace holds all of it.
      await new Promise((r) => setTimeout(r, 2500));
      events = parseTrace(await page.tracing.stop());
    },
  });
  return { ...run, events };
}

function parseTrace(buffer: Uint8Array | undefined): TraceEvent[] {
  const parsed = JSON.parse(Buffer.from(buffer ?? []).toString('utf8')) as
    { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/**
 * The last batch the feed appended: the mentions in its text (by the extension's own rules and
 * dictionary), the text of the highlighted ranges inside it, and whether it is in the viewport.
 */
async function lastBatch(page: Page) {
  const seen = (await page.evaluate(`(() => {
    const batch = [...document.querySelectorAll('#feed .batch')].at(-1);
    const ranges = [...CSS.highlights.values()].flatMap((h) => [...h]);
    const highlighted = ranges
      .filter((r) => batch.contains(r.startContainer))
      .map((r) => {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live.toString();
      });
    const box = batch.getBoundingClientRect();
    return {
      batch: Number(batch.dataset.batch),
      paragraphs: [...batch.querySelectorAll('p')].map((p) => p.textContent),
      highlighted,
      inViewport: box.bottom > 0 && box.top < innerHeight,
    };
  })()`)) as { batch: number; paragraphs: string[]; highlighted: string[]; inViewport: boolean };
  // Judged as `wsw annotate` judges the page (the one-sense rule; the feed declares English, so a
  // Ukrainian case form there is another word).
  const text = seen.paragraphs.join('\u2029');
  const expected = new PageSense(dict, { lang: 'en' })
    .feed(text)
    .judged.filter((j) => j.kept)
    .map(({ mention: m }) => text.slice(m.start, m.end));
  return { ...seen, expected: expected.sort(), highlighted: [...seen.highlighted].sort() };
}

describe.each(BROWSERS)('%s: heavy pages', (name) => {
  let ext: ExtensionBrowser;
  let plain: Browser;
  let pages: Awaited<ReturnType<typeof serveStatic>>;
  let fixtures: Awaited<ReturnType<typeof serveStatic>>;
  let dir: string;
  const log = (line: string) => console.log(`${name}: ${line}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wsw-heavy-'));
    const { forms, forbiddenWords } = mentionFormsOf(dict);
    mkdirSync(join(dir, 'pages'));
    writeFileSync(
      join(dir, 'pages', 'big.html'),
      generatePage(BIG_BYTES, forms, forbiddenWords, 7 + BIG_BYTES).html,
    );
    pages = await serveStatic(join(dir, 'pages'));
    fixtures = await serveStatic(`${ROOT}/test/fixtures/heavy`);
    // A copy of the build, so that a rebuild during the run (others at work) changes nothing.
    cpSync(distFor(name), join(dir, 'extension'), { recursive: true });
    ext = await launchWithExtension(name, join(dir, 'extension'));
    plain = await launchPlain(name);
  });

  afterAll(async () => {
    await ext?.close();
    await plain?.close().catch(() => undefined);
    await pages?.close();
    await fixtures?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const bigUrl = () => `${pages.origin}/big.html`;
  const feedUrl = () =>
    `${fixtures.origin}/infinite-scroll.html?seconds=${FEED_SECONDS}&interval=${FEED_INTERVAL_MS}`;

  /** The feed's last batch is fully highlighted (it is in the viewport: the page scrolls along). */
  const expectLastBatchHighlighted = (batch: Awaited<ReturnType<typeof lastBatch>>) => {
    log(
      `feed: last batch ${batch.batch}: ${batch.highlighted.length} of ${batch.expected.length} mentions highlighted`,
    );
    expect(batch.batch).toBe((FEED_SECONDS * 1000) / FEED_INTERVAL_MS);
    expect(batch.inViewport).toBe(true);
    expect(batch.expected.length).toBeGreaterThanOrEqual(9);
    expect.soft(batch.highlighted).toEqual(batch.expected);
  };

  if (name === 'chromium') {
    it(
      'a 5 MB page (traced): no extension task over 50 ms, no more rendering tasks over 50 ms than the page alone',
      { timeout: 480_000 },
      async () => {
        const url = bigUrl();
        // With the extension, traced from navigation until highlighting has settled; then the page
        // alone, the same way (one trace in memory at a time).
        const run = await tracedLoad(ext.browser, url, 1);
        const a = analyseTrace(run.events, url, ext.extensionOrigin);
        const traceEnd =
          (run.events.reduce((m, e) => (e.pid === a.pid ? Math.max(m, e.ts) : m), 0) - a.dcl) / 1000;
        run.events = [];
        const aloneRun = await tracedLoad(plain, url, 0);
        const b = analyseTrace(aloneRun.events, url, ext.extensionOrigin);
        aloneRun.events = [];

        const ours = a.extensionTasks;
        const byCpu = [...ours].sort((x, y) => own(y) - own(x));
        const longest = byCpu[0];
        const over = byCpu.filter((t) => own(t) > LONG_MS);
        const collecting = ours.filter((t) => t.majorGcCpuMs > 0);
        const collectingAlone = b.tasks.filter((t) => t.at >= 0 && t.majorGcCpuMs > 0);
        const heapGc = ours.reduce((sum, t) => sum + t.heapGcCpuMs, 0);
        // Rendering tasks over 50 ms: with the extension, from its first task after
        // DOMContentLoaded on; the page alone, anywhere after DOMContentLoaded (its parse-time
        // rendering comes before either). Should a task of ours ever run during the parse, it
        // counts as ours above, but the page's own parse-time rendering is not compared.
        const start = Math.max(0, a.firstExtensionAt ?? Number.POSITIVE_INFINITY);
        const renderWith = a.tasks.filter((t) => isRenderTask(t) && t.at >= start && cpu(t) > LONG_MS);
        const renderAlone = b.tasks.filter((t) => isRenderTask(t) && t.at >= 0 && cpu(t) > LONG_MS);
        // The trace must hold the extension's work: it had stopped well before the trace did.
        const tail = ours.filter((t) => t.at + t.ms > traceEnd - 1500);
        const describeTask = (t: Task) =>
          `${round(own(t))} ms (${round(t.ms)} ms wall${t.heapGcCpuMs ? `, besides ${round(t.heapGcCpuMs)} ms on the whole heap` : ''}) at ${round(t.at, 0)} ms` +
          ` [extension JS ${round(t.extensionJsMs)}, rendering ${round(t.renderMs)}]`;
        log(
          `5 MB: loaded in ${run.loadMs} ms, settled ${run.settled.settledAfterMs} ms later with ` +
            `${run.settled.ranges} ranges; last extension task ends ${round(traceEnd - (a.lastExtensionEnd ?? 0), 0)} ms ` +
            `before the trace; alone: loaded in ${aloneRun.loadMs} ms`,
        );
        log(
          `5 MB: ${ours.length} extension tasks from ${round(start, 0)} ms after DOMContentLoaded, ` +
            `${round(sumCpu(ours), 0)} ms thread time (sampled extension JS ` +
            `${round(jsMs(ours), 0)} ms); longest ` +
            `${longest ? describeTask(longest) : '-'}; over ${LONG_MS} ms: ${over.length}` +
            (over.length ? ` (${over.map(describeTask).join('; ')})` : ''),
        );
        log(
          `5 MB: rendering tasks over ${LONG_MS} ms: ${renderWith.length} with the extension ` +
            `(${renderWith.map(describeTask).join('; ')}), ${renderAlone.length} alone ` +
            `(${renderAlone.map(describeTask).join('; ')})`,
        );
        log(
          `5 MB: full collections of the heap: in ${collecting.length} of our tasks ` +
            `(${collecting.map((t) => `${round(t.majorGcCpuMs)} ms`).join(', ')}); page alone after ` +
            `DOMContentLoaded: ${collectingAlone.length} (${collectingAlone.map((t) => `${round(t.majorGcCpuMs)} ms`).join(', ')}); ` +
            `work on the whole heap in our tasks ${round(heapGc, 0)} ms of ${round(sumCpu(ours), 0)} ms thread time`,
        );
        if (longest && own(longest) > LONG_MS)
          for (const line of a.describe(longest).slice(0, 16)) log(`  ${line}`);
        for (const t of renderWith.slice(0, 2))
          for (const line of a.describe(t).slice(0, 24)) log(`  rendering: ${line}`);

        expect(ours.length).toBeGreaterThan(0);
        expect(run.settled.ranges).toBeGreaterThan(0);
        expect(ours.every((t) => t.cpuMs !== null)).toBe(true);
        expect(sumCpu(tail), 'extension thread time in the last 1.5 s of the trace (ms)').toBeLessThan(100);
        expect
          .soft(
            round(own(longest!)),
            'longest extension task, thread time besides work on the whole heap (ms)',
          )
          .toBeLessThanOrEqual(TRACED_LONG_MS);
        expect
          .soft(collecting.length, 'extension tasks holding a full collection of the heap')
          .toBeLessThanOrEqual(MAJOR_GC_TASKS);
        expect
          .soft(heapGc, 'thread time on the whole heap in extension tasks (ms)')
          .toBeLessThanOrEqual(HEAP_GC_SHARE * sumCpu(ours));
        expect
          .soft(renderWith.length, 'rendering tasks over 50 ms after the content script started')
          .toBeLessThanOrEqual(renderAlone.length);
      },
    );

    it(
      `an infinite-scroll page appending for ${FEED_SECONDS} s (traced): short tasks, bounded CPU and task count, quiet after, highlights current`,
      { timeout: (FEED_SECONDS + 240) * 1000 },
      async () => {
        const url = feedUrl();
        const page = await ext.browser.newPage();
        let events: TraceEvent[];
        let appends: number;
        let batch: Awaited<ReturnType<typeof lastBatch>>;
        try {
          await page.tracing.start({ categories: TRACE_CATEGORIES });
          await page.goto(url, { waitUntil: 'load' });
          await waitFor(
            'the feed to finish',
            () => page.evaluate('window.feedDone'),
            (FEED_SECONDS + 60) * 1000,
          );
          await sleep(GRACE_MS + QUIET_MS);
          events = parseTrace(await page.tracing.stop());
          appends = (await page.evaluate('window.feedAppends')) as number;
          batch = await lastBatch(page);
        } finally {
          await page.close();
        }
        const a = analyseTrace(events, url, ext.extensionOrigin);
        const at = (ts: number) => (ts - a.dcl) / 1000;
        const markAt = (mark: string) => {
          const e = events.find((x) => x.name === mark && x.pid === a.pid);
          if (!e) throw new Error(`no ${mark} mark in the trace`);
          return at(e.ts);
        };
        const feedStart = markAt('feed-start');
        const feedEnd = markAt('feed-end');
        const traceEnd = at(events.reduce((m, e) => (e.pid === a.pid ? Math.max(m, e.ts) : m), 0));
        events = [];

        const ours = a.extensionTasks;
        const longest = [...ours].sort((x, y) => cpu(y) - cpu(x))[0];
        const feedMs = feedEnd - feedStart;
        const share = sumCpu(ours) / feedMs;
        const frames = ours.filter((t) => t.renderMs >= t.ms / 2);
        const late = ours.filter((t) => t.at + t.ms > feedEnd + GRACE_MS);
        const lateText = late.map((t) => `${round(cpu(t))} ms at +${round(t.at - feedEnd, 0)} ms`).join(', ');
        log(
          `feed: ${appends} appends in ${round(feedMs / 1000)} s; ${ours.length} extension tasks ` +
            `(${round(ours.length / appends, 2)} per append), ${round(sumCpu(ours), 0)} ms thread time = ` +
            `${round(share * 100)}% of a core (sampled extension JS ` +
            `${round(jsMs(ours), 0)} ms; ${frames.length} of the tasks ` +
            `are frames our animation-frame callback ran in: ${round(sumCpu(frames), 0)} ms); longest ` +
            `${round(cpu(longest!))} ms thread time (${round(longest!.ms)} ms wall) at ` +
            `${round(longest!.at, 0)} ms; last extension task ends ` +
            `${round((a.lastExtensionEnd ?? 0) - feedEnd, 0)} ms after the last append; trace ends ` +
            `${round(traceEnd - feedEnd, 0)} ms after it; in the quiet window: ${late.length} task(s)` +
            (late.length ? ` (${lateText})` : ''),
        );

        for (const t of late.slice(0, 3))
          for (const line of a.describe(t).slice(0, 12)) log(`  late: ${line}`);

        expect(appends).toBe((FEED_SECONDS * 1000) / FEED_INTERVAL_MS);
        expect(traceEnd).toBeGreaterThanOrEqual(feedEnd + GRACE_MS + QUIET_MS - 300);
        expectLastBatchHighlighted(batch);
        expect
          .soft(round(cpu(longest!)), 'longest extension task, thread time (ms)')
          .toBeLessThanOrEqual(TRACED_LONG_MS);
        expect.soft(share, 'extension thread time / feed time').toBeLessThan(FEED_CPU_SHARE);
        expect
          .soft(ours.length, 'extension tasks')
          .toBeLessThanOrEqual(TASKS_PER_APPEND * appends + TASKS_CONSTANT);
        expect.soft(late.length, 'extension tasks in the quiet window').toBeLessThanOrEqual(QUIET_TASKS);
        expect
          .soft(sumCpu(late), 'extension thread time in the quiet window (ms)')
          .toBeLessThanOrEqual(QUIET_TASKS_MS);
      },
    );
  } else {
    it(
      'a 5 MB page: frames held back no longer than by the page alone, plus one 50 ms task (or yielded slices)',
      { timeout: 360_000 },
      async () => {
        const url = bigUrl();
        const probed = (browser: Browser, minRanges: number) =>
          loadAndSettle(browser, url, minRanges, {
            setup: async (page) => {
              await page.evaluateOnNewDocument(GAP_PROBE);
            },
            after: (page) => readProbe(page),
          });
        // Two loads each way, interleaved, compared by the mean of their longest frame gaps. Why
        // not one load against the worse of two alone: the page's own longest gap after load
        // (its first reflow and paint) ranged 166–334 ms over 34 identical loads alone, more than
        // the allowance, so one load's maximum could not tell our ~0–80 ms from that noise.
        // One load first, not measured: right after install the background writes the content
        // scripts' data (dictionary, card strings) once, and in Firefox that one-off work showed as
        // a 1.4 s frame gap in the first page (later loads: ≤ 320 ms). A page's cost is measured
        // on the loads after it.
        await probed(ext.browser, 1);
        const alone1 = await probed(plain, 0);
        const run = await probed(ext.browser, 1);
        const alone2 = await probed(plain, 0);
        const run2 = await probed(ext.browser, 1);
        const aloneGap = (alone1.value.frameGap + alone2.value.frameGap) / 2;
        const withGap = (run.value.frameGap + run2.value.frameGap) / 2;
        // A frame can wait for the page's own longest work and then for our work next to it.
        const bound = Math.max(aloneGap, FRAME_MS) + FRAME_ALLOWANCE_MS;
        const show = (p: GapStats) =>
          `longest frame gap ${round(p.frameGap, 0)} ms (${p.frameGapsOver50} over ${round(LONG_MS + FRAME_MS, 0)} ms), ` +
          `longest page-timer gap ${round(p.timerGap, 0)} ms, ${p.frames} frames`;
        // Frame gaps over 90 ms, as "start:length" in ms from the load event.
        const gaps = (p: GapStats) =>
          p.long
            .filter(([kind, , ms]) => kind === 'f' && ms > 90)
            .map(([, end, ms]) => `${round(end - ms - (p.loadAt ?? 0), 0)}:${ms}`)
            .join(' ');
        // Reported, not asserted: the longest gap that began once our first highlight was up. The
        // page's own work after load (0–1.7 s after it, measured) may still fall there, so it
        // cannot be held against the extension alone; it shows what the bound above cannot.
        const first = run.value.firstHighlightAt ?? Number.POSITIVE_INFINITY;
        const afterFirst = Math.max(
          0,
          ...run.value.long
            .filter(([kind, end, ms]) => kind === 'f' && end - ms >= first)
            .map(([, , ms]) => ms),
        );
        log(
          `5 MB: loaded in ${run.loadMs} ms, settled ${run.settled.settledAfterMs} ms later with ` +
            `${run.settled.ranges} ranges; from load to settled: with the extension ${show(run.value)}, ` +
            `first highlight ${round(first - (run.value.loadAt ?? 0), 0)} ms after load, gaps [${gaps(run.value)}], ` +
            `longest after the first highlight ${round(afterFirst, 0)} ms; alone ${show(alone1.value)} ` +
            `[${gaps(alone1.value)}] and ${show(alone2.value)} [${gaps(alone2.value)}]; second load with the ` +
            `extension ${show(run2.value)} [${gaps(run2.value)}]; mean longest gap ${round(withGap, 0)} ms with, ` +
            `${round(aloneGap, 0)} ms alone; bound ${round(bound, 0)} ms`,
        );

        expect(run.settled.ranges).toBeGreaterThan(0);
        expect(run.value.frames).toBeGreaterThan(0);
        expect(run2.settled.ranges).toBeGreaterThan(0);
        expect
          .soft(round(withGap, 0), 'mean longest frame gap with the extension (ms)')
          .toBeLessThanOrEqual(bound);
      },
    );

    it(
      `an infinite-scroll page appending for ${FEED_SECONDS} s: frames held back no longer than alone (+ the same allowance, one stall aside), bounded CPU, quiet after, highlights current`,
      { timeout: 2 * (FEED_SECONDS + 90) * 1000 },
      async () => {
        const feed = async (browser: Browser, withExtension: boolean) => {
          const page = await browser.newPage();
          try {
            await page.evaluateOnNewDocument(GAP_PROBE);
            const pid = pidOf(browser);
            const cpu0 = treeCpuMs(pid);
            const threads0 = mainThreadCpuMs(pid);
            await page.goto(feedUrl(), { waitUntil: 'load' });
            await waitFor(
              'the feed to finish',
              () => page.evaluate('window.feedDone'),
              (FEED_SECONDS + 60) * 1000,
            );
            const treeMs = treeCpuMs(pid) - cpu0;
            const cpuMs = mainThreadsMs(threads0, mainThreadCpuMs(pid));
            const probe = await readProbe(page);
            const feedMs = (await page.evaluate(
              `performance.measure('feed', 'feed-start', 'feed-end').duration`,
            )) as number;
            const appends = (await page.evaluate('window.feedAppends')) as number;
            await sleep(GRACE_MS);
            const ranges0 = await rangeCountOf(page);
            const main0 = mainThreadCpuMs(pid);
            await sleep(QUIET_MS);
            const main1 = mainThreadCpuMs(pid);
            const ranges1 = await rangeCountOf(page);
            const quietMs = mainThreadsMs(main0, main1);
            const batch = withExtension ? await lastBatch(page) : null;
            return { cpuMs, treeMs, probe, feedMs, appends, quietMs, ranges0, ranges1, batch };
          } finally {
            await page.close();
          }
        };
        const alone = await feed(plain, false);
        const run = await feed(ext.browser, true);
        const share = (run.cpuMs - alone.cpuMs) / run.feedMs;
        const quietShare = (run.quietMs - alone.quietMs) / QUIET_MS;
        const bound = Math.max(alone.probe.frameGap, FRAME_MS) + FRAME_ALLOWANCE_MS;
        log(
          `feed: ${run.appends} appends in ${round(run.feedMs / 1000)} s (alone ${round(alone.feedMs / 1000)} s); ` +
            `CPU of the browser's main threads ${run.cpuMs} ms with the extension, ${alone.cpuMs} ms alone: ` +
            `${round(share * 100)}% of a core (whole process tree ${run.treeMs} ms vs ${alone.treeMs} ms: ` +
            `${round(((run.treeMs - alone.treeMs) / run.feedMs) * 100)}%); longest frame gap ${round(run.probe.frameGap, 0)} ms ` +
            `(${run.probe.frameGapsOver50} over ${round(LONG_MS + FRAME_MS, 0)} ms) vs ${round(alone.probe.frameGap, 0)} ms ` +
            `(${alone.probe.frameGapsOver50}) alone, bound ${round(bound, 0)} ms; longest page-timer gap ` +
            `${round(run.probe.timerGap, 0)} ms vs ${round(alone.probe.timerGap, 0)} ms; quiet window: main threads ` +
            `${run.quietMs} ms vs ${alone.quietMs} ms alone in ${QUIET_MS} ms, ranges ${run.ranges0} → ${run.ranges1}`,
        );

        expect(run.appends).toBe((FEED_SECONDS * 1000) / FEED_INTERVAL_MS);
        expectLastBatchHighlighted(run.batch!);
        // One frame over the bound is tolerated, not two: a task of ours that long would recur on
        // the feed's 240 appends, while a single stall of the machine (or a full collection of the
        // content process's heap) lands in either run at random — one CI run on a busy machine saw
        // a lone 477 ms gap with the extension, every other frame of the minute under 67 ms. The
        // Chromium traced test above bounds each of our tasks by its thread time.
        const overBound = run.probe.long.filter(([kind, , ms]) => kind === 'f' && ms > bound);
        if (overBound.length > 0)
          log(`feed: frame gaps over the bound (end, ms): ${JSON.stringify(overBound)}`);
        expect
          .soft(overBound.length, `frame gaps with the extension over ${round(bound, 0)} ms`)
          .toBeLessThanOrEqual(1);
        expect
          .soft(share, 'extra main-thread CPU with the extension / feed time')
          .toBeLessThan(FEED_CPU_SHARE);
        expect
          .soft(quietShare, 'extra main-thread CPU after the feed, share of a core')
          .toBeLessThanOrEqual(QUIET_CPU_SHARE);
        expect.soft(run.ranges1, 'highlight ranges in the quiet window').toBe(run.ranges0);
      },
    );
  }
});

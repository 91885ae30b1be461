/**
 * Measuring helpers for the heavy-page e2e tests: CPU time of a browser's process tree (Linux
 * /proc), an in-page probe of main-thread responsiveness (for Firefox, which has no trace here),
 * and waiting until a page has settled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on every Linux we run on). */
const TICK_MS = 10;

/** `/proc/<path>/stat` of a process or thread: [parent pid, user + system CPU time in ms]. */
function readStat(path: string): [number, number] | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${path}/stat`, 'utf8');
  } catch {
    return null; // exited meanwhile
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses; fields follow the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(fields[1]), (Number(fields[11]) + Number(fields[12])) * TICK_MS];
}

/** `rootPid` and its live descendants. */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = readStat(entry)?.[0];
    if (ppid !== undefined) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU time (user + system, ms) used so far by `rootPid` and all its live descendants: for a browser,
 * its renderer / content, GPU and utility processes. Processes that already exited are not counted
 * (their time is not in /proc any more), so compare readings taken while the same tabs are open.
 */
export function treeCpuMs(rootPid: number): number {
  return processTree(rootPid).reduce((sum, pid) => sum + (readStat(String(pid))?.[1] ?? 0), 0);
}

/**
 * CPU time (ms) of the main thread of each process of the tree (a thread's id equals its
 * process's for the main thread): where a renderer or content process runs the page, its scripts
 * and the extension's content script. Other threads (compositor, the V8 profiler while tracing,
 * which keeps a core half busy by itself) are left out.
 */
export function mainThreadCpuMs(rootPid: number): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of processTree(rootPid)) {
    const cpu = readStat(`${pid}/task/${pid}`)?.[1];
    if (cpu !== undefined) out.set(pid, cpu);
  }
  return out;
}

/** What {@link GAP_PROBE} has recorded (ms, page clock). */
export interface GapStats {
  /** Longest interval between two probe timer callbacks (period {@link PROBE_PERIOD_MS}; see GAP_PROBE). */
  timerGap: number;
  /** When it ended (performance.now()). */
  timerGapAt: number;
  /** Longest interval between two consecutive requestAnimationFrame callbacks. */
  frameGap: number;
  frameGapAt: number;
  /** Timer intervals longer than 50 ms + the period. */
  timerGapsOver50: number;
  /** Frame intervals longer than 50 ms + one frame (1/60 s). */
  frameGapsOver50: number;
  /** Timer callbacks seen. */
  ticks: number;
  /** Animation frames seen (to tell a probe that ran from one that did not). */
  frames: number;
  /** Timer gaps over 50 ms + the period ('t') and frame gaps over 60 ms ('f'): [kind, end, ms] (first 1000). */
  long: [string, number, number][];
  /** When the load event fired (performance.now()), or null. */
  loadAt: number | null;
  /** When the first highlight was seen registered (performance.now()), or null. */
  firstHighlightAt: number | null;
}

/** Period of the probe's timer, ms. */
export const PROBE_PERIOD_MS = 10;

/**
 * An in-page probe of main-thread responsiveness, to install before the page's scripts
 * (`evaluateOnNewDocument`). It records, from the load event on (or `__wswProbe.reset()`):
 * - frames: the longest interval between two requestAnimationFrame callbacks, i.e. how long the
 *   page went without a frame. A task of L ms (anyone's: the page's layout, the content script,
 *   garbage collection) holds the next frame back by up to L plus that frame's rendering (style,
 *   layout, paint — where highlights are drawn). This is what the tests assert on.
 * - a timer: `scheduler.postTask` at 'user-blocking' priority (else `setTimeout`) every
 *   {@link PROBE_PERIOD_MS} ms; the longest interval between two callbacks. Both browsers run
 *   `scheduler.yield()` continuations before it and defer it while a page loads, so it measures
 *   how long the page's own timers were held back (seconds, in Firefox, while a content script
 *   yields slice after slice), not how long a task was: reported only.
 * It cannot say whose a task was: the tests compare the same page with and without the extension.
 * It costs a hundred tiny timer tasks and one animation frame callback a second, in both runs.
 * It also notes when it first saw a highlight registered (CSS.highlights is the document's).
 */
export const GAP_PROBE = `(() => {
  const period = ${PROBE_PERIOD_MS};
  const fresh = () => ({ timerGap: 0, timerGapAt: 0, frameGap: 0, frameGapAt: 0, timerGapsOver50: 0, frameGapsOver50: 0, ticks: 0, frames: 0, long: [] });
  const probe = Object.assign(fresh(), { firstHighlightAt: null, loadAt: null });
  probe.reset = () => Object.assign(probe, fresh());
  window.__wswProbe = probe;
  let lastTimer = performance.now();
  const tick = () => {
    const now = performance.now();
    const gap = now - lastTimer;
    lastTimer = now;
    probe.ticks++;
    if (gap > probe.timerGap) { probe.timerGap = gap; probe.timerGapAt = now; }
    if (gap > 50 + period) { probe.timerGapsOver50++; if (probe.long.length < 1000) probe.long.push(['t', Math.round(now), Math.round(gap)]); }
    later(tick);
  };
  const later = typeof scheduler !== 'undefined' && scheduler.postTask
    ? (f) => scheduler.postTask(f, { priority: 'user-blocking', delay: period })
    : (f) => setTimeout(f, period);
  later(tick);
  // The window starts at the load event: before it the page is being parsed (the content script
  // runs at document_idle, after DOMContentLoaded).
  addEventListener('load', () => {
    probe.reset();
    probe.loadAt = performance.now();
  });
  let lastFrame = null;
  const frame = (t) => {
    probe.frames++;
    if (probe.firstHighlightAt === null && CSS.highlights && CSS.highlights.size > 0) probe.firstHighlightAt = t;
    if (lastFrame !== null && t - lastFrame > probe.frameGap) { probe.frameGap = t - lastFrame; probe.frameGapAt = t; }
    if (lastFrame !== null && t - lastFrame > 50 + 1000 / 60) probe.frameGapsOver50++;
    if (lastFrame !== null && t - lastFrame > 60 && probe.long.length < 1000) probe.long.push(['f', Math.round(t), Math.round(t - lastFrame)]);
    lastFrame = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

/** Read the probe's figures (and optionally start a new window). */
export async function readProbe(page: Page, reset = false): Promise<GapStats> {
  return (await page.evaluate(
    `(() => { const p = window.__wswProbe; const s = { timerGap: p.timerGap, timerGapAt: p.timerGapAt, frameGap: p.frameGap, frameGapAt: p.frameGapAt, timerGapsOver50: p.timerGapsOver50, frameGapsOver50: p.frameGapsOver50, ticks: p.ticks, frames: p.frames, firstHighlightAt: p.firstHighlightAt, loadAt: p.loadAt, long: p.long }; if (${reset}) p.reset(); return s; })()`,
  )) as GapStats;
}

/** The number of ranges in all highlights of a page (0 if the page has none). */
export function rangeCount(page: Page): Promise<number> {
  return page.evaluate(`[...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)`) as Promise<number>;
}

/** What {@link waitUntilSettled} saw. */
export interface Settled {
  /** Ms from the call until the quiet window began. */
  settledAfterMs: number;
  /** Highlight ranges registered at the end. */
  ranges: number;
}

/**
 * Wait until a page has settled: for `quietMs` no process main thread of the browser used more
 * than `maxCpuShare` of a core (so neither the page nor the content script is still at work: the
 * content script's time slices keep its thread busy most of the time), and the number of
 * highlight ranges did not change, with at least `minRanges` registered (0 for a page without the
 * extension). Polls every 250 ms; throws after `timeoutMs`. It does not require a given number of
 * ranges, so a page whose highlights are only drawn near the viewport settles as well as one with
 * every mention drawn. (While tracing, the V8 profiler interrupts each renderer's main thread for
 * about 8% of a core: below the default bound.)
 */
export async function waitUntilSettled(
  page: Page,
  browserPid: number,
  {
    quietMs = 2000,
    maxCpuShare = 0.25,
    minRanges = 1,
    timeoutMs = 90_000,
  }: { quietMs?: number; maxCpuShare?: number; minRanges?: number; timeoutMs?: number } = {},
): Promise<Settled> {
  const start = Date.now();
  const history: { at: number; cpu: Map<number, number>; ranges: number }[] = [];
  let busiest = 0;
  for (;;) {
    const ranges = await rangeCount(page);
    const now = { at: Date.now(), cpu: mainThreadCpuMs(browserPid), ranges };
    history.push(now);
    const from = history.find((h) => h.at >= now.at - quietMs);
    if (from && from !== now && history[0]!.at <= now.at - quietMs + 300) {
      busiest = 0;
      for (const [pid, cpu] of now.cpu)
        busiest = Math.max(busiest, (cpu - (from.cpu.get(pid) ?? cpu)) / (now.at - from.at));
      if (
        ranges >= minRanges &&
        history.filter((h) => h.at >= from.at).every((h) => h.ranges === ranges) &&
        busiest < maxCpuShare
      )
        return { settledAfterMs: from.at - start, ranges };
    }
    if (now.at - start > timeoutMs)
      throw new Error(
        `page did not settle in ${timeoutMs} ms (ranges ${ranges}, busiest main thread ${busiest.toFixed(2)} of a core)`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}

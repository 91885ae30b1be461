/**
 * `npm run bench:extension [-- --json] [--rounds N] [--sizes s,m,l | 50KB,1MB,5MB] [--no-trace] [--details N]
 * [--dist DIR] [--save-traces DIR]`: the built extension in real headless Chromium on the benchmark's generated
 * pages (50 KB, 1 MB, 5 MB of text; real dictionary only, as shipped).
 *
 * Each round loads every page four times:
 * 1. with the extension, untraced: time from DOMContentLoaded and from the load event until every
 *    mention is highlighted, and the page's longest task (PerformanceObserver `longtask`); seen
 *    from the page's animation frames, when the first highlight and (where every mention is
 *    painted, not only those near the viewport) the last one appeared;
 * 2. with the extension, under a Chromium trace (see bench/trace.ts): every top-level main-thread
 *    task is attributed to the extension when it ran extension code (a `chrome-extension://` script
 *    in its trace events or in the stacks of its V8 CPU-profile samples). Gives the longest
 *    extension task, how many exceed 50 ms, the extension's total main-thread time, and what the
 *    longest ones consist of (event tree, sampled frames with the minified source they point at);
 *    rendering tasks (style, layout, paint — where highlights are painted) are reported apart;
 * 3. and 4. the page alone (no extension), untraced and traced, for comparison.
 * Tracing (with the CPU profiler) slows the page down; its figures are for attribution, the
 * untraced ones for time to highlights. Traced tasks are given in wall time and in thread time
 * (CPU time of the main thread): on a busy machine a task's wall time includes the time its thread
 * waited for a core, so the thread time is the better measure of what our code cost.
 * `--dist DIR` measures another build (default dist/chrome; copied first, so a rebuild during the
 * run changes nothing); `--save-traces DIR` keeps the traces (open them in DevTools' Performance
 * panel); `--details N` describes the N longest extension tasks of the worst round.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { readDataset } from '../src/node/dataset-files';
import { compileDictionary } from '../src/core/dictionary';
import { highlightableEntities } from '../src/core/dataset';
import { PageSense } from '../src/core/sense';
import { generatePage, mentionFormsOf } from './bench/generate';
import {
  analyseTrace,
  TRACE_CATEGORIES,
  type ScriptEvaluation,
  type Task,
  type TraceAnalysis,
  type TraceEvent,
} from './bench/trace';
import { CHROMIUM_FLAGS, EXECUTABLES, launchWithExtension } from './browsers';
import { serveStatic } from './serve';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
type Size = keyof typeof SIZES;
const LABEL: Record<Size, string> = { s: '50 KB', m: '1 MB', l: '5 MB' };
/** The bound on any main-thread task of ours. */
const LONG_MS = 50;

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '3' },
    sizes: { type: 'string', default: 's,m,l' },
    'no-trace': { type: 'boolean', default: false },
    details: { type: 'string', default: '1' },
    'save-traces': { type: 'string' },
    dist: { type: 'string', default: resolve(ROOT, 'dist/chrome') },
  },
});
const rounds = Math.max(1, Number(args.rounds));
/** A size by key (s, m, l) or by label (50KB, 1MB, 5MB, any case, spaces ignored). */
const sizeOf = (name: string): Size | undefined => {
  const key = name.trim().toLowerCase().replace(/\s+/g, '');
  return (Object.keys(SIZES) as Size[]).find(
    (s) => s === key || LABEL[s].toLowerCase().replace(/\s+/g, '') === key,
  );
};
const sizes = args.sizes.split(',').map((name) => {
  const size = sizeOf(name);
  if (!size) throw new Error(`unknown size "${name}" (s, m, l or ${Object.values(LABEL).join(', ')})`);
  return size;
});
const tracing = !args['no-trace'];
const details = Math.max(0, Number(args.details));

// The shipped dictionary (entities with claims) and forms the generator may use.
const { dataset, entities } = readDataset();
const dict = compileDictionary(highlightableEntities(entities, dataset));
const { forms, forbiddenWords: forbidden } = mentionFormsOf(dict);

const work = await mkdtemp(join(tmpdir(), 'wsw-bench-ext-'));
// A copy of the build, so that a rebuild during the run (others at work) cannot change what runs.
const DIST = join(work, 'extension');
await cp(resolve(args.dist), DIST, { recursive: true });
// The content script as built (to show the minified code that profile samples point at).
const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as {
  content_scripts: { js: string[] }[];
};
const contentScript = await readFile(join(DIST, manifest.content_scripts[0]!.js[0]!), 'utf8');
const contentScriptSha = createHash('sha256').update(contentScript).digest('hex').slice(0, 12);

const OBSERVE_LONG_TASKS = `
  window.__wswLongest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__wswLongest = Math.max(window.__wswLongest, e.duration);
  }).observe({ type: 'longtask', buffered: true });
  // When highlights were first and last seen change, from animation frames (what a reader sees).
  window.__wswPaint = { first: null, last: null, count: 0 };
  const frame = () => {
    let n = 0;
    if (window.CSS && CSS.highlights) for (const h of CSS.highlights.values()) n += h.size;
    const p = window.__wswPaint;
    if (n !== p.count) {
      p.count = n;
      p.last = performance.now();
      if (p.first === null && n > 0) p.first = p.last;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);`;

/**
 * Resolves when `expected` highlights are registered (polled each animation frame): ms since
 * DOMContentLoaded and since the load event, and the longest task so far.
 */
/**
 * When the content script has placed every mention: asked from the service worker (the popup's
 * `pageInfo` question, every 50 ms — a small task of ours each time), because on a big page only
 * the mentions near the viewport are registered in `CSS.highlights`. Resolves to `Date.now()`.
 */
const WAIT_FOR_PLACED = `(expected) => (async () => {
  const until = Date.now() + 120000;
  let seen = 0;
  for (;;) {
    for (const tab of await chrome.tabs.query({})) {
      try {
        const reply = await chrome.tabs.sendMessage(tab.id, { tag: 'wsw/1', name: 'pageInfo', payload: {} });
        const info = reply.value;
        const n = info.entities.reduce((sum, e) => sum + e.mentions, 0);
        if (n >= expected) return Date.now();
        seen = Math.max(seen, n);
      } catch {}
    }
    if (Date.now() > until) throw new Error('only ' + seen + ' of ' + expected + ' mentions placed');
    await new Promise((r) => setTimeout(r, 50));
  }
})()`;

/** The page's side: times of `at` (from Date.now()) after DOMContentLoaded and load. */
const PAGE_TIMES = `(at) => new Promise((resolve, reject) => {
  const nav = performance.getEntriesByType('navigation')[0];
  let n = 0;
  for (const h of CSS.highlights.values()) n += h.size;
  if (!n) return reject(new Error('nothing highlighted'));
  const origin = performance.timeOrigin;
  setTimeout(() => {
    const p = window.__wswPaint;
    resolve({
      fromDcl: at - (origin + nav.domContentLoadedEventEnd),
      fromLoad: nav.loadEventEnd ? at - (origin + nav.loadEventEnd) : 0,
      longest: window.__wswLongest,
      paintedCount: p.count,
      firstPaintFromLoad: p.first === null ? null : p.first - nav.loadEventEnd,
      lastPaintFromLoad: p.last === null ? null : p.last - nav.loadEventEnd,
    });
  }, 200);
})`;

interface ExtLoad {
  fromDcl: number;
  fromLoad: number;
  longest: number;
  /** Highlight ranges registered at the end, and when they were first and last seen change (ms after load, from animation frames). */
  paintedCount: number;
  firstPaintFromLoad: number | null;
  lastPaintFromLoad: number | null;
}

/** Per-load figures from a trace (ms). */
interface TracedFigures {
  /** Content script's first task, from DOMContentLoaded. */
  scriptStart: number | null;
  /** Evaluating the content script (compile + run): what every page pays before it can start. */
  evaluation: ScriptEvaluation | null;
  longestExtensionTask: number;
  /** Its thread time (less than its wall time when the thread waited for a core). */
  longestExtensionTaskCpu: number | null;
  /**
   * The same by thread time: what the task itself cost, without the time its thread waited for a
   * core (on a busy machine wall times of the same work vary several-fold).
   */
  longestExtensionTaskByCpu: number | null;
  extensionTasksOver50: number;
  extensionTasksOver50Cpu: number;
  extensionTasks: number;
  /** Sum of the wall time of the extension's tasks. */
  extensionTaskMs: number;
  /** Sum of their thread time. */
  extensionTaskCpuMs: number;
  /** Sampled time in extension JS (within those tasks). */
  extensionJsMs: number;
  /** Longest task of the page's main thread since its navigation started, whoever's. */
  longestTask: number;
  /**
   * The task (not the extension's) with the most rendering work after DOMContentLoaded: its
   * rendering time, its wall time and its phases.
   */
  heaviestRender: {
    renderMs: number;
    ms: number;
    cpu: number | null;
    at: number;
    phases: Record<string, number>;
  };
  /** Rendering time after DOMContentLoaded, all tasks. */
  renderMsAfterDcl: number;
  /** Of which in the compositing-inputs phase (where highlight markers are rebuilt). */
  compositingInputsMsAfterDcl: number;
  /** Tasks (not the extension's) over 50 ms after DOMContentLoaded, mostly rendering. */
  renderTasksOver50: number;
  /** The same by thread time. */
  renderTasksOver50Cpu: number;
  /** The same (thread time), counting only those after the content script's first task. */
  renderTasksOver50CpuAfterScript: number;
  /** Extension tasks over 50 ms (wall or thread time): when, how long, and how much was JS / rendering / GC. */
  over50: {
    at: number;
    ms: number;
    cpu: number | null;
    js: number;
    render: number;
    gc: number;
    evidence: string[];
  }[];
}

const server = await serveStatic(work);
const ext = await launchWithExtension('chromium', DIST);
const contentScriptUrl = `${ext.extensionOrigin}/${manifest.content_scripts[0]!.js[0]!}`;
// The same pages without the extension: the page's own longest task, for comparison.
const plain = await puppeteer.launch({
  executablePath: EXECUTABLES.chromium,
  headless: true,
  args: CHROMIUM_FLAGS,
});
if (args['save-traces']) await mkdir(args['save-traces'], { recursive: true });

/** Load `url` in a new tab of `browser`; optionally traced. Returns what `measure` returns. */
async function load<T>(
  browser: Browser,
  url: string,
  measure: (tab: Awaited<ReturnType<Browser['newPage']>>) => Promise<T>,
  trace: boolean,
): Promise<{ value: T; events?: TraceEvent[] }> {
  const tab = await browser.newPage();
  try {
    // Observe long tasks from the very start of the document. (In-page code is given as text:
    // tsx would otherwise wrap named functions in a helper the page does not have.)
    await tab.evaluateOnNewDocument(OBSERVE_LONG_TASKS);
    if (trace) await tab.tracing.start({ categories: TRACE_CATEGORIES });
    await tab.goto(url, { waitUntil: 'load', timeout: 180_000 });
    const value = await measure(tab);
    if (!trace) return { value };
    const buffer = await tab.tracing.stop();
    const parsed = JSON.parse(Buffer.from(buffer ?? []).toString('utf8')) as
      { traceEvents: TraceEvent[] } | TraceEvent[];
    return { value, events: Array.isArray(parsed) ? parsed : parsed.traceEvents };
  } finally {
    await tab.close();
  }
}

function figures(a: TraceAnalysis): TracedFigures {
  const ext = a.extensionTasks;
  const afterDcl = a.tasks.filter((t) => t.at >= 0);
  const render = heaviestRender(a);
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const longest = [...ext].sort((x, y) => y.ms - x.ms)[0];
  const cpu = (t: Task) => t.cpuMs ?? 0;
  const hasCpu = ext.some((t) => t.cpuMs !== null);
  const renderTask = (t: Task) => !t.extension && t.renderMs >= t.ms / 2;
  return {
    scriptStart: a.firstExtensionAt === null ? null : round1(a.firstExtensionAt),
    evaluation: (() => {
      const e = a.evaluation(contentScriptUrl);
      return e && { ms: round1(e.ms), compileMs: round1(e.compileMs), cpuMs: e.cpuMs && round1(e.cpuMs) };
    })(),
    longestExtensionTask: round1(longest?.ms ?? 0),
    longestExtensionTaskCpu: longest?.cpuMs == null ? null : round1(longest.cpuMs),
    longestExtensionTaskByCpu: hasCpu ? round1(Math.max(0, ...ext.map(cpu))) : null,
    extensionTasksOver50: ext.filter((t) => t.ms > LONG_MS).length,
    extensionTasksOver50Cpu: ext.filter((t) => cpu(t) > LONG_MS).length,
    extensionTasks: ext.length,
    extensionTaskMs: round1(ext.reduce((s, t) => s + t.ms, 0)),
    extensionTaskCpuMs: round1(ext.reduce((s, t) => s + cpu(t), 0)),
    extensionJsMs: round1(ext.reduce((s, t) => s + t.extensionJsMs, 0)),
    longestTask: round1(
      Math.max(0, ...a.tasks.filter((t) => t.node.ts >= a.navigationStart).map((t) => t.ms)),
    ),
    heaviestRender: {
      renderMs: round1(render?.renderMs ?? 0),
      ms: round1(render?.ms ?? 0),
      cpu: render?.cpuMs == null ? null : round1(render.cpuMs),
      at: round1(render?.at ?? 0),
      phases: Object.fromEntries(
        Object.entries(render?.render ?? {})
          .filter(([, v]) => v >= 0.1)
          .map(([k, v]) => [k, round1(v)] as const),
      ),
    },
    renderMsAfterDcl: round1(afterDcl.reduce((s, t) => s + t.renderMs, 0)),
    compositingInputsMsAfterDcl: round1(afterDcl.reduce((s, t) => s + (t.render.CompositingInputs ?? 0), 0)),
    renderTasksOver50: afterDcl.filter((t) => renderTask(t) && t.ms > LONG_MS).length,
    renderTasksOver50Cpu: afterDcl.filter((t) => renderTask(t) && cpu(t) > LONG_MS).length,
    renderTasksOver50CpuAfterScript: afterDcl.filter(
      (t) => renderTask(t) && cpu(t) > LONG_MS && a.firstExtensionAt !== null && t.at > a.firstExtensionAt,
    ).length,
    over50: ext
      .filter((t) => t.ms > LONG_MS || cpu(t) > LONG_MS)
      .map((t) => ({
        at: round1(t.at),
        ms: round1(t.ms),
        cpu: t.cpuMs === null ? null : round1(t.cpuMs),
        js: round1(t.extensionJsMs),
        render: round1(t.renderMs),
        gc: round1(t.gcMs),
        evidence: t.evidence,
      })),
  };
}

/** The non-extension task with the most rendering work after DOMContentLoaded. */
function heaviestRender(a: TraceAnalysis): Task | undefined {
  return a.tasks.filter((t) => t.at >= 0 && !t.extension).sort((x, y) => y.renderMs - x.renderMs)[0];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[], digits = 0) => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

const out: Record<string, unknown> = {};
const report: string[] = [
  `build ${resolve(args.dist)}: content script ${Buffer.byteLength(contentScript)} bytes, sha256 ${contentScriptSha}…`,
];
try {
  for (const size of sizes) {
    const bytes = SIZES[size];
    const page = generatePage(bytes, forms, forbidden, 7 + bytes);
    // The mentions the extension keeps: judged as `wsw annotate` judges the page (the one-sense
    // rule; the page declares English, so a Ukrainian case form there is another word).
    const expected = new PageSense(dict, { lang: 'en' })
      .feed(page.blocks.join('\u2029'))
      .judged.filter((j) => j.kept).length;
    await writeFile(join(work, `${size}.html`), page.html);
    const url = `${server.origin}/${size}.html`;
    const waitForHighlights = async (tab: Awaited<ReturnType<Browser['newPage']>>) => {
      const target = await ext.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(ext.extensionOrigin),
      );
      const worker = await target.worker();
      const at = (await worker!.evaluate(`(${WAIT_FOR_PLACED})(${expected})`)) as number;
      return (await tab.evaluate(`(${PAGE_TIMES})(${at})`)) as ExtLoad;
    };
    const pageAlone = async (tab: Awaited<ReturnType<Browser['newPage']>>) => {
      await new Promise((done) => setTimeout(done, 1500));
      return (await tab.evaluate('window.__wswLongest')) as number;
    };
    const untraced: ExtLoad[] = [];
    const traced: ExtLoad[] = [];
    const tracedFigures: TracedFigures[] = [];
    const alone: number[] = [];
    const aloneFigures: TracedFigures[] = [];
    /** The round whose longest extension task was longest: its analysis, for the details. */
    let worst: { analysis: TraceAnalysis; longest: number; round: number } | null = null;
    for (let r = 0; r < rounds; r++) {
      untraced.push((await load(ext.browser, url, waitForHighlights, false)).value);
      alone.push((await load(plain, url, pageAlone, false)).value);
      if (!tracing) continue;
      const withExt = await load(ext.browser, url, waitForHighlights, true);
      traced.push(withExt.value);
      const analysis = analyseTrace(withExt.events!, url, ext.extensionOrigin);
      const f = figures(analysis);
      tracedFigures.push(f);
      // The round whose costliest extension task (by thread time, else wall time) was costliest.
      const cost = f.longestExtensionTaskByCpu ?? f.longestExtensionTask;
      if (!worst || cost > worst.longest) worst = { analysis, longest: cost, round: r };
      const withoutExt = await load(plain, url, pageAlone, true);
      aloneFigures.push(figures(analyseTrace(withoutExt.events!, url, ext.extensionOrigin)));
      if (args['save-traces']) {
        await writeFile(join(args['save-traces'], `${size}-${r}-ext.json`), JSON.stringify(withExt.events));
        await writeFile(
          join(args['save-traces'], `${size}-${r}-alone.json`),
          JSON.stringify(withoutExt.events),
        );
      }
    }

    // The worst round's longest extension tasks by wall time and by thread time.
    const candidates = worst?.analysis.extensionTasks ?? [];
    const longestTasks = [
      ...new Set([
        ...[...candidates].sort((a, b) => b.ms - a.ms).slice(0, details),
        ...[...candidates].sort((a, b) => (b.cpuMs ?? 0) - (a.cpuMs ?? 0)).slice(0, details),
      ]),
    ];
    out[size] = {
      mentions: expected,
      untraced: {
        to_highlights_from_dcl_ms: untraced.map((u) => Math.round(u.fromDcl)),
        to_highlights_from_load_ms: untraced.map((u) => Math.round(u.fromLoad)),
        first_highlight_painted_from_load_ms: untraced.map(
          (u) => u.firstPaintFromLoad && Math.round(u.firstPaintFromLoad),
        ),
        all_painted_from_load_ms: untraced.map((u) =>
          u.paintedCount === expected && u.lastPaintFromLoad !== null
            ? Math.round(u.lastPaintFromLoad)
            : null,
        ),
        longest_task_ms: untraced.map((u) => Math.round(u.longest)),
        page_alone_longest_task_ms: alone.map((x) => Math.round(x)),
      },
      ...(tracing
        ? {
            traced: {
              to_highlights_from_dcl_ms: traced.map((u) => Math.round(u.fromDcl)),
              with_extension: tracedFigures,
              page_alone: aloneFigures.map((f) => ({
                longestTask: f.longestTask,
                heaviestRender: f.heaviestRender,
                renderMsAfterDcl: f.renderMsAfterDcl,
                compositingInputsMsAfterDcl: f.compositingInputsMsAfterDcl,
                renderTasksOver50: f.renderTasksOver50,
                renderTasksOver50Cpu: f.renderTasksOver50Cpu,
              })),
              longest_extension_tasks: longestTasks.map((t) => ({
                round: worst!.round,
                lines: worst!.analysis.describe(t, contentScript),
              })),
              heaviest_rendering_task: (() => {
                const t = worst && heaviestRender(worst.analysis);
                return t ? { round: worst!.round, lines: worst!.analysis.describe(t) } : null;
              })(),
            },
          }
        : {}),
    };

    // Text report for this size.
    const u = (xs: number[]) => `${median(xs).toFixed(0)} ms (${range(xs)})`;
    report.push(
      `== ${LABEL[size]}: ${expected} mentions kept of ${page.truth.length} written, ${rounds} round(s)`,
    );
    report.push(
      `untraced: all placed ${u(untraced.map((x) => x.fromDcl))} after DOMContentLoaded, ` +
        `${u(untraced.map((x) => x.fromLoad))} after load; longest task of the page ` +
        `${range(untraced.map((x) => x.longest))} ms with the extension, ${range(alone)} ms alone`,
    );
    // Seen from the page's animation frames (every mention is painted where there are few).
    const firsts = untraced.flatMap((x) => (x.firstPaintFromLoad === null ? [] : [x.firstPaintFromLoad]));
    const alls = untraced.flatMap((x) =>
      x.paintedCount === expected && x.lastPaintFromLoad !== null ? [x.lastPaintFromLoad] : [],
    );
    report.push(
      `untraced, seen by the page: first highlight ${firsts.length ? u(firsts) : '–'} after load` +
        (alls.length === untraced.length
          ? `, all ${expected} painted ${u(alls)} after load`
          : ` (only the mentions near the viewport are painted: ${range(untraced.map((x) => x.paintedCount))} ranges)`),
    );
    if (tracing) {
      const t = tracedFigures;
      report.push(
        `traced:   all placed ${u(traced.map((x) => x.fromDcl))} after DOMContentLoaded; ` +
          `content script starts ${range(t.map((f) => f.scriptStart ?? NaN))} ms after DOMContentLoaded`,
      );
      report.push(
        `  content script evaluation (compile + run): ` +
          t
            .map((f) =>
              f.evaluation
                ? `${f.evaluation.ms} ms wall (compile ${f.evaluation.compileMs}), thread time ${f.evaluation.cpuMs ?? '?'}`
                : 'not in the trace',
            )
            .join('; '),
      );
      report.push(
        `  extension tasks: longest ${range(
          t.map((f) => f.longestExtensionTask),
          1,
        )} ms wall (its thread time ${t.map((f) => f.longestExtensionTaskCpu ?? '?').join(', ')}); ` +
          `longest by thread time ${t.map((f) => f.longestExtensionTaskByCpu ?? '?').join(', ')} ms; ` +
          `over ${LONG_MS} ms: ${t.map((f) => f.extensionTasksOver50).join(', ')} (wall), ` +
          `${t.map((f) => f.extensionTasksOver50Cpu).join(', ')} (thread time)`,
      );
      report.push(
        `  extension main-thread time: ${range(t.map((f) => f.extensionTaskMs))} ms wall, ` +
          `${range(t.map((f) => f.extensionTaskCpuMs))} ms thread time, in ${range(t.map((f) => f.extensionTasks))} ` +
          `tasks (sampled in extension JS: ${range(t.map((f) => f.extensionJsMs))} ms)`,
      );
      report.push(
        `  longest task of the page (anyone's): ${range(
          t.map((f) => f.longestTask),
          1,
        )} ms with the extension, ` +
          `${range(
            aloneFigures.map((f) => f.longestTask),
            1,
          )} ms alone`,
      );
      report.push(
        `  rendering after DOMContentLoaded (tasks not the extension's): total ` +
          `${range(t.map((f) => f.renderMsAfterDcl))} ms with the extension, ` +
          `${range(aloneFigures.map((f) => f.renderMsAfterDcl))} ms alone; heaviest task's rendering ` +
          `${range(
            t.map((f) => f.heaviestRender.renderMs),
            1,
          )} ms vs ` +
          `${range(
            aloneFigures.map((f) => f.heaviestRender.renderMs),
            1,
          )} ms`,
      );
      report.push(
        `  of which compositing inputs (highlight markers rebuilt there): ` +
          `${range(t.map((f) => f.compositingInputsMsAfterDcl))} ms vs ` +
          `${range(aloneFigures.map((f) => f.compositingInputsMsAfterDcl))} ms; rendering tasks over ${LONG_MS} ms: ` +
          `${t.map((f) => f.renderTasksOver50).join(', ')} with the extension, ` +
          `${aloneFigures.map((f) => f.renderTasksOver50).join(', ')} alone (by thread time: ` +
          `${t.map((f) => f.renderTasksOver50Cpu).join(', ')} vs ${aloneFigures.map((f) => f.renderTasksOver50Cpu).join(', ')}; ` +
          `after the content script started: ${t.map((f) => f.renderTasksOver50CpuAfterScript).join(', ')})`,
      );
      const phases = (p: Record<string, number>) =>
        Object.entries(p)
          .map(
            ([k, v]) =>
              `${k.replace('IntersectionObserverController::computeIntersections', 'IntersectionObserver')} ${v}`,
          )
          .join(', ');
      t.forEach((f, r) => {
        const h = f.heaviestRender;
        const a = aloneFigures[r]!.heaviestRender;
        report.push(
          `  round ${r + 1}: heaviest rendering task at ${h.at} ms: ${h.ms} ms (thread time ${h.cpu ?? '?'}), ` +
            `rendering ${h.renderMs} (${phases(h.phases)}); alone at ${a.at} ms: ${a.ms} ms ` +
            `(thread time ${a.cpu ?? '?'}), rendering ${a.renderMs} (${phases(a.phases)})`,
        );
        for (const o of f.over50)
          report.push(
            `  round ${r + 1}: extension task of ${o.ms} ms (thread time ${o.cpu ?? '?'}) at ${o.at} ms ` +
              `(sampled extension JS ${o.js}, rendering ${o.render}, GC ${o.gc})` +
              (o.evidence.length ? ` [${o.evidence.join('; ')}]` : ''),
          );
      });
      if (worst) {
        report.push(
          `  round ${worst.round + 1}'s ${details} longest extension task(s) by wall time and by thread time:`,
        );
        for (const t of longestTasks)
          for (const line of worst.analysis.describe(t, contentScript)) report.push(`    ${line}`);
        const render = heaviestRender(worst.analysis);
        if (render && details > 0) {
          report.push(`  the heaviest rendering task of round ${worst.round + 1}:`);
          for (const line of worst.analysis.describe(render)) report.push(`    ${line}`);
        }
      }
    }
    if (!args.json) {
      console.log(report.join('\n'));
      report.length = 0;
    }
  }
  if (args.json) console.log(JSON.stringify({ contentScriptSha, sizes: out }));
} finally {
  await ext.close();
  await plain.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}

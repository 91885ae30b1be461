/**
 * `npx tsx scripts/bench/highlight-cost.ts [--size l] [--counts 1,1000,13000] [--rounds 2]
 * [--batches 0,1,130]`: what Chromium's rendering costs when a page's registered custom highlights
 * change, without the extension. On a generated benchmark page: first a control (a small DOM
 * change, no highlight registered), then registers one `Highlight`, adds N ranges to it in one
 * task, then one more range; traces the rendering task after each change.
 *
 * Why: a `Highlight` registered in `CSS.highlights` schedules a repaint on every `add()`, and the
 * next frame rebuilds the markers of every range of every registered highlight
 * (HighlightRegistry::ValidateHighlightMarkers, run in the compositing-inputs phase, inside the
 * trace's `PrePaint`), so each change costs in proportion to all the ranges registered, not to
 * the change.
 * `--batches k,…`: instead, add the N ranges in k batches, one per frame, to a registered
 * highlight (what the extension's scan does, one batch per slice), or with k = 0 to an unregistered
 * one registered once at the end; counts the rendering tasks and their thread time.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { readDataset } from '../../src/node/dataset-files';
import { compileDictionary } from '../../src/core/dictionary';
import { highlightableEntities } from '../../src/core/dataset';
import { CHROMIUM_FLAGS, EXECUTABLES } from '../browsers';
import { serveStatic } from '../serve';
import { generatePage, mentionFormsOf } from './generate';
import { analyseTrace, TRACE_CATEGORIES, type Task, type TraceEvent } from './trace';

const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'l' },
    counts: { type: 'string', default: '1,1000,13000' },
    rounds: { type: 'string', default: '2' },
    batches: { type: 'string' },
  },
});
const bytes = SIZES[args.size as keyof typeof SIZES] ?? SIZES.l;
const counts = args.counts.split(',').map(Number);
const rounds = Math.max(1, Number(args.rounds));

const { dataset, entities } = readDataset();
const dict = compileDictionary(highlightableEntities(entities, dataset));
const { forms, forbiddenWords } = mentionFormsOf(dict);
const page = generatePage(bytes, forms, forbiddenWords, 7 + bytes);
const work = await mkdtemp(join(tmpdir(), 'wsw-highlight-cost-'));
await writeFile(
  join(work, 'p.html'),
  page.html.replace('</head>', '<style>::highlight(x){text-decoration:underline}</style></head>'),
);
const server = await serveStatic(work);
const url = `${server.origin}/p.html`;
const browser = await puppeteer.launch({
  executablePath: EXECUTABLES.chromium,
  headless: true,
  args: CHROMIUM_FLAGS,
});

/** In the page: register a highlight, add `n` ranges (one per text node) at once, then one more. */
const STEPS = `(n) => new Promise((done) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t && texts.length < n + 1; t = walker.nextNode())
    if (t.data.length > 3) texts.push(t);
  const range = (t) => new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 3 });
  (async () => {
    await frame(); await frame();
    // Control: a small DOM change with no highlight registered.
    performance.mark('control');
    const div = document.createElement('div');
    div.style.cssText = 'position:fixed;top:0;left:0';
    div.textContent = 'x';
    document.body.append(div);
    await frame(); await frame();
    performance.mark('register');
    const h = new Highlight();
    CSS.highlights.set('x', h);
    await frame(); await frame();
    performance.mark('add-n');
    for (const t of texts.slice(0, n)) h.add(range(t));
    await frame(); await frame();
    performance.mark('add-1');
    h.add(range(texts[n] ?? texts[0]));
    await frame(); await frame();
    performance.mark('end');
    done(texts.length);
  })();
})`;

/**
 * In the page: add `n` ranges to a registered highlight in `k` batches, one batch per frame (as
 * the extension's scan slices do), or with `k` = 0 to an unregistered one registered at the end.
 */
const BATCHES = `(n, k) => new Promise((done) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t && texts.length < n; t = walker.nextNode())
    if (t.data.length > 3) texts.push(t);
  const range = (t) => new StaticRange({ startContainer: t, startOffset: 0, endContainer: t, endOffset: 3 });
  (async () => {
    await frame(); await frame();
    performance.mark('start');
    const h = new Highlight();
    if (k > 0) {
      CSS.highlights.set('x', h);
      const size = Math.ceil(texts.length / k);
      for (let i = 0; i < texts.length; i += size) {
        for (const t of texts.slice(i, i + size)) h.add(range(t));
        await frame();
      }
    } else {
      for (const t of texts) h.add(range(t));
      CSS.highlights.set('x', h);
    }
    await frame(); await frame();
    performance.mark('end');
    done(texts.length);
  })();
})`;

/** Load the page in a new tab, run `steps` in it, and return the trace. */
async function traced(steps: string): Promise<TraceEvent[]> {
  const tab = await browser.newPage();
  await tab.tracing.start({ categories: TRACE_CATEGORIES });
  await tab.goto(url, { waitUntil: 'load', timeout: 180_000 });
  await new Promise((done) => setTimeout(done, 3000));
  await tab.evaluate(steps);
  const buffer = await tab.tracing.stop();
  await tab.close();
  return (JSON.parse(Buffer.from(buffer ?? []).toString('utf8')) as { traceEvents: TraceEvent[] })
    .traceEvents;
}

if (args.batches !== undefined) {
  const ks = args.batches.split(',').map(Number);
  console.log(
    `${bytes / 1000} KB page; ranges added in k batches, one per frame (k = 0: registered once at the end):`,
  );
  try {
    for (let r = 0; r < rounds; r++) {
      for (const n of counts) {
        for (const k of ks) {
          const events = await traced(`(${BATCHES})(${n}, ${k})`);
          const markAt = (name: string) =>
            events.find((e) => e.name === name && e.cat?.includes('user_timing'))?.ts ?? 0;
          const a = analyseTrace(events, url, 'chrome-extension://none');
          const [start, end] = [markAt('start'), markAt('end')];
          const rendering = a.tasks.filter((t) => t.node.ts >= start && t.node.ts < end && t.renderMs > 0);
          const cpu = (t: Task) => t.cpuMs ?? 0;
          console.log(
            `round ${r + 1}, ${n} ranges, k = ${k}: ${rendering.length} rendering tasks, ` +
              `${rendering.filter((t) => cpu(t) > 50).length} over 50 ms thread time, longest ` +
              `${Math.max(0, ...rendering.map(cpu)).toFixed(0)} ms; their thread time in all ` +
              `${rendering.reduce((s, t) => s + cpu(t), 0).toFixed(0)} ms; first add to last frame ` +
              `${((end - start) / 1000).toFixed(0)} ms`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
  process.exit(0);
}

console.log(`${bytes / 1000} KB page; rendering task after each change (wall / thread time, ms):`);
try {
  for (let r = 0; r < rounds; r++) {
    for (const n of counts) {
      const events = await traced(`(${STEPS})(${n})`);
      const markAt = (name: string) =>
        events.find((e) => e.name === name && e.cat?.includes('user_timing'))?.ts;
      const a = analyseTrace(events, url, 'chrome-extension://none');
      const [control, register, addN, add1, end] = ['control', 'register', 'add-n', 'add-1', 'end'].map(
        markAt,
      );
      const between = (from?: number, to?: number) =>
        a.tasks.filter((t) => from !== undefined && to !== undefined && t.node.ts >= from && t.node.ts < to);
      const show = (ts: Task[]) => {
        const t = ts.sort((x, y) => y.renderMs - x.renderMs)[0];
        if (!t) return 'no rendering task';
        const f = (x?: number | null) => (x ?? 0).toFixed(1);
        return (
          `${f(t.ms)} / ${f(t.cpuMs)} (compositing inputs ${f(t.render.CompositingInputs)}, ` +
          `pre-paint ${f(t.render.PrePaint)}, paint ${f(t.render.Paint)})`
        );
      };
      console.log(
        `round ${r + 1}, ${n} ranges: control (a small DOM change, no highlight) ${show(between(control, register))}; ` +
          `after adding them ${show(between(addN, add1))}; ` +
          `after adding one more ${show(between(add1, end))}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}

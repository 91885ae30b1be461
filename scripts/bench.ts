/**
 * `npm run bench [-- --json] [--rounds N] [--sizes s,m,l] [--methods floor,ours] [--cpu-profiles DIR]`: the matcher pipeline against the floor
 * and mark.js, in real headless Chromium, on deterministic generated pages.
 *
 * Per size, interleaved rounds; each run is a fresh page load and times itself in the page:
 *   floor         walk and concatenate text nodes (nothing can be faster and still read the text)
 *   ours          load the compiled dictionary, extract, match, register highlights
 *   markjs        mark.js markRegExp with one big Unicode-boundary regex (misses split mentions)
 *   markjs_across the same with acrossElements: true (finds what we find)
 * Medians are reported, plus for ours: the longest main-thread task, the time to the next frame
 * and the heap growth. Our mentions must equal the generator's ground truth, or the run fails.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build } from 'vite';
import { compileDictionary, serializeDictionary, BLOCKER, type Dictionary } from '../src/core/dictionary';
import type { EntitySource } from '../src/core/entities';
import { readEntitySources } from '../src/node/entity-files';
import { CHROMIUM_FLAGS, EXECUTABLES } from './browsers';
import { generatePage, mentionFormsOf, syntheticNames } from './bench/generate';
import type { RunResult } from './bench/page-pipeline';
import { serveStatic } from './serve';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
type Size = keyof typeof SIZES;
const METHODS = ['floor', 'ours', 'markjs', 'markjs_across'] as const;
type Method = (typeof METHODS)[number];
/**
 * A peer run slower than this is abandoned and reported as at least this long (a lower bound:
 * mark.js with acrossElements runs synchronously for minutes on 5 MB, so later rounds of it at
 * that size are skipped and the ratio printed with ">").
 */
const RUN_TIMEOUT_MS = 90_000;

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '5' },
    sizes: { type: 'string', default: 's,m,l' },
    synthetic: { type: 'string', default: '5000' },
    methods: { type: 'string', default: METHODS.join(',') },
    'cpu-profiles': { type: 'string' },
  },
});
const rounds = Math.max(1, Number(args.rounds));
const sizes = args.sizes.split(',').filter((s): s is Size => s in SIZES);
/** Methods to run (all by default; e.g. `floor,ours` while working on the pipeline). */
const methods = METHODS.filter((m) => args.methods.split(',').includes(m));
const log = (...a: unknown[]) => {
  if (!args.json) console.log(...a);
  else console.error(...a);
};

// Dictionary: the real entities plus synthetic ones (5 aliases each) to reach ~5k more aliases.
const real = readEntitySources().entities;
const names = syntheticNames(Number(args.synthetic));
const synthetic: EntitySource[] = [];
for (let i = 0; i < names.length; i += 5) {
  const group = names.slice(i, i + 5);
  synthetic.push({
    id: `synthetic-${i / 5}`,
    type: 'person',
    name: { en: group[0]!, uk: group[0]!, ru: group[0]! },
    description: { en: 'synthetic', uk: 'synthetic', ru: 'synthetic' },
    aliases: group.map((text) => ({ text, lang: /[а-яё]/i.test(text) ? 'ru' : 'en' })),
  });
}
const dict: Dictionary = compileDictionary([...real, ...synthetic]);
const serialized = JSON.stringify(serializeDictionary(dict));

// Forms the generator may use, and words its filler must avoid.
const { forms, forbiddenWords, patterns: allPatterns } = mentionFormsOf(dict);

// mark.js peer: one regex of every alias form, longest first, with Unicode word boundaries.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternatives = [...new Set(allPatterns.filter((p) => !(p.flags & BLOCKER)).map((p) => p.form))]
  .sort((a, b) => b.length - a.length)
  .map(escape);
const markRegexSource = `(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`;

const work = await mkdtemp(join(tmpdir(), 'wsw-bench-'));
try {
  log(
    `dictionary: ${dict.entities.length} entities, ${dict.patternCount} patterns, ${dict.edgeLabel.length + 1} trie nodes, ${(serialized.length / 1024).toFixed(0)} KiB serialised`,
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: work,
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: resolve(ROOT, 'scripts/bench/page-pipeline.ts'),
        formats: ['iife'],
        name: 'wswBenchBundle',
        fileName: () => 'pipeline.js',
      },
    },
  });
  const pipelineJs = readFileSync(join(work, 'pipeline.js'), 'utf8');
  const markJs = readFileSync(resolve(ROOT, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');

  const pages: Record<string, { truth: [string, string][]; textLength: number }> = {};
  for (const size of sizes) {
    const page = generatePage(SIZES[size], forms, forbiddenWords, 42 + SIZES[size]);
    await writeFile(join(work, `${size}.html`), page.html);
    pages[size] = page;
    log(
      `page ${size}: ${(page.html.length / 1e6).toFixed(2)} MB HTML, ${(page.textLength / 1e6).toFixed(2)} M chars of text, ${page.truth.length} mentions`,
    );
  }
  const server = await serveStatic(work);
  const profile = await mkdtemp(join(tmpdir(), 'wsw-bench-profile-'));
  const launch = () =>
    puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      userDataDir: profile,
      protocolTimeout: RUN_TIMEOUT_MS,
      args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    });
  let browser: Browser = await launch();

  type Run = RunResult & { timedOut?: boolean };
  const runOnce = async (size: Size, method: Method): Promise<Run> => {
    const page = await browser.newPage();
    try {
      return await runIn(page, size, method);
    } catch (error) {
      if (!method.startsWith('markjs') || !/timed out/i.test(String(error))) throw error;
      // The renderer is still busy with the synchronous peer: start over with a fresh browser.
      await browser.close().catch(() => undefined);
      browser = await launch();
      return {
        ms: RUN_TIMEOUT_MS,
        count: -1,
        longestTask: 0,
        frameMs: RUN_TIMEOUT_MS,
        heapBytes: 0,
        phases: [],
        timedOut: true,
      };
    } finally {
      await page.close().catch(() => undefined);
    }
  };
  const runIn = async (
    page: Awaited<ReturnType<Browser['newPage']>>,
    size: Size,
    method: Method,
  ): Promise<Run> => {
    await page.goto(`${server.origin}/${size}.html`, { waitUntil: 'load', timeout: 120_000 });
    if (method.startsWith('markjs')) await page.addScriptTag({ content: markJs });
    await page.addScriptTag({ content: pipelineJs });
    const input = method === 'ours' ? serialized : markRegexSource;
    // `--cpu-profiles DIR`: a CPU profile of each run of ours (where the pipeline spends its time).
    const profiler = args['cpu-profiles'] && method === 'ours' ? await page.createCDPSession() : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
      await profiler.send('Profiler.start');
    }
    const result = await page.evaluate(
      (m, i, t) =>
        (window as unknown as { wswBench: { run: (...a: unknown[]) => Promise<Run> } }).wswBench.run(m, i, t),
      method,
      input,
      RUN_TIMEOUT_MS,
    );
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      await writeFile(
        join(args['cpu-profiles']!, `ours-${size}-${Date.now()}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    return result;
  };

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const out: Record<string, Record<string, number>> = {};
  let failed = false;
  for (const size of sizes) {
    const runs: Record<Method, Run[]> = { floor: [], ours: [], markjs: [], markjs_across: [] };
    for (let r = 0; r < rounds; r++) {
      // Rotate the order each round so no method always runs first (or last) after a GC.
      for (let k = 0; k < methods.length; k++) {
        const method = methods[(k + r) % methods.length]!;
        if (runs[method].some((x) => x.timedOut)) continue;
        const run = await runOnce(size, method);
        runs[method].push(run);
        const phases = run.phases.length
          ? ` [load ${run.phases.map((x) => x.toFixed(1)).join(', ')} place, register]`.replace(
              'load ',
              'load/extract/match: ',
            )
          : '';
        log(
          `  ${size} round ${r + 1} ${method}: ${run.ms.toFixed(1)} ms (${run.count} ${method === 'floor' ? 'chars' : 'matches'})${phases}`,
        );
      }
    }
    // Ground truth: every run of ours must find exactly the generated mentions.
    const truth = pages[size]!.truth;
    for (const run of runs.ours) {
      const got = run.result!;
      let missed = 0;
      let extra = 0;
      const key = (m: [string, string]) => `${m[0]}\u0000${m[1]}`;
      const want = new Map<string, number>();
      for (const m of truth) want.set(key(m), (want.get(key(m)) ?? 0) + 1);
      for (const m of got) {
        const k = key(m);
        if ((want.get(k) ?? 0) > 0) want.set(k, want.get(k)! - 1);
        else extra++;
      }
      for (const v of want.values()) missed += v;
      const orderOk = missed === 0 && extra === 0 && got.every((m, i) => key(m) === key(truth[i]!));
      if (!orderOk) {
        failed = true;
        const firstDiff = got.findIndex((m, i) => !truth[i] || key(m) !== key(truth[i]!));
        console.error(
          `ground truth mismatch at size ${size}: ${missed} missed, ${extra} extra; first difference at #${firstDiff}: got ${JSON.stringify(got[firstDiff])}, want ${JSON.stringify(truth[firstDiff])}`,
        );
        break;
      }
    }
    out[size] = {
      text_chars: pages[size]!.textLength,
      mentions: truth.length,
      floor_ms: median(runs.floor.map((r) => r.ms)),
      ours_ms: median(runs.ours.map((r) => r.ms)),
      markjs_ms: median(runs.markjs.map((r) => r.ms)),
      markjs_across_ms: median(runs.markjs_across.map((r) => r.ms)),
      // 1 when a peer run hit the time limit: its figure is then a lower bound.
      markjs_lower_bound: runs.markjs.some((r) => r.timedOut) ? 1 : 0,
      markjs_across_lower_bound: runs.markjs_across.some((r) => r.timedOut) ? 1 : 0,
      longest_task_ms: median(runs.ours.map((r) => r.longestTask)),
      next_frame_ms: median(runs.ours.map((r) => r.frameMs)),
      heap_growth_mb: median(runs.ours.map((r) => r.heapBytes)) / 1048576,
      markjs_matches: median(runs.markjs.map((r) => r.count)),
      markjs_across_matches: median(runs.markjs_across.map((r) => r.count)),
    };
  }
  await browser.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });

  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  if (args.json) {
    console.log(
      JSON.stringify({
        sizes: out,
        dictionary: { entities: dict.entities.length, patterns: dict.patternCount },
      }),
    );
  } else {
    console.log(
      '\nsize  text     floor ms  ours ms  ours/floor  markjs ms  markjs/ours  across ms  across/ours  longest task  next frame  heap MB',
    );
    for (const [size, r] of Object.entries(out)) {
      console.log(
        [
          size.padEnd(4),
          `${(r.text_chars! / 1e6).toFixed(2)}M`.padEnd(8),
          f(r.floor_ms!).padStart(8),
          f(r.ours_ms!).padStart(8),
          `${(r.ours_ms! / r.floor_ms!).toFixed(2)}×`.padStart(11),
          f(r.markjs_ms!).padStart(10),
          `${(r.markjs_ms! / r.ours_ms!).toFixed(1)}×`.padStart(12),
          ((r.markjs_across_lower_bound ? '>' : '') + f(r.markjs_across_ms!)).padStart(10),
          `${r.markjs_across_lower_bound ? '>' : ''}${(r.markjs_across_ms! / r.ours_ms!).toFixed(1)}×`.padStart(
            12,
          ),
          f(r.longest_task_ms!).padStart(13),
          f(r.next_frame_ms!).padStart(11),
          r.heap_growth_mb!.toFixed(1).padStart(8),
        ].join('  '),
      );
    }
  }
  if (failed) process.exitCode = 1;
} finally {
  await rm(work, { recursive: true, force: true });
}

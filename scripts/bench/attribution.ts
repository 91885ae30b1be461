/**
 * `tsx scripts/bench/attribution.ts`: how long the background takes to find who said what on a
 * 50 KB article (`pageStatements`: matching with every entity, attribution, context), in thread time.
 *
 * 1. Node (same V8 as Chromium), this thread's work only: one cold run, then 20 runs; the median.
 *    CPU time is the process's (`process.cpuUsage`), wall time this call's.
 * 2. The built Chromium extension: the article served as a page whose own script keeps its main
 *    thread busy (40 ms of work in every 50 ms), and the same text sent 20 times to the background
 *    as the content script sends it; the service worker's busy time per message is read from a CPU
 *    profile of the worker (samples that are not idle, every 100 µs), and the page's own long tasks
 *    with and without those messages are compared.
 *
 * `--cpu-prof DIR` writes a V8 CPU profile of the Node runs there (open it in DevTools).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { pageStatements } from '../../src/core/attribution';
import { compileDictionary } from '../../src/core/dictionary';
import { readEntitySources } from '../../src/node/entity-files';
import { readFixtures } from '../attribution-fixtures';
import { CHROMIUM_FLAGS, EXECUTABLES } from '../browsers';
import { serveStatic } from '../serve';

const { values: args } = parseArgs({ options: { 'cpu-prof': { type: 'string' }, runs: { type: 'string' } } });
const RUNS = Number(args.runs ?? 20);
type Reply = { value?: { statements?: number } } | undefined;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f1 = (x: number) => x.toFixed(1);

// The English documents of the attribution set, as page blocks, up to 50 KB: far denser in
// statements than news (a worst case).
const english = readFixtures()
  .filter((d) => d.lang === 'en')
  .map((d) => d.text.replace(/\n/g, '\u2029'));
let article = '';
for (let i = 0; Buffer.byteLength(article) < 50 * 1024; i++)
  article += (article ? '\u2029' : '') + english[i % english.length];
const dict = compileDictionary(readEntitySources().entities);

// 1. Node.
const profiler = args['cpu-prof'] ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
const timed = () => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const n = pageStatements(article, dict).length;
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { n, wall, cpu: (used.user + used.system) / 1000 };
};
const cold = timed();
const warm = Array.from({ length: RUNS }, timed);
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  const file = join(resolve(args['cpu-prof']!), `attribution-${Date.now()}.cpuprofile`);
  await writeFile(file, JSON.stringify(profile));
  console.log(`profile: ${file}`);
}
console.log(
  `node: ${f1(Buffer.byteLength(article) / 1024)} KB, ${cold.n} statements; cold ${f1(cold.wall)} ms ` +
    `(CPU ${f1(cold.cpu)}); ${RUNS} runs: median wall ${f1(median(warm.map((r) => r.wall)))} ms, ` +
    `median CPU ${f1(median(warm.map((r) => r.cpu)))} ms, min wall ${f1(Math.min(...warm.map((r) => r.wall)))} ms`,
);

// 2. The built extension in Chromium, the page busy with its own work.
const dist = resolve(import.meta.dirname, '../../dist/chrome');
const dir = await mkdtemp(join(tmpdir(), 'wsw-attr-'));
const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
await writeFile(
  join(dir, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><article>${article
    .split('\u2029')
    .map((p) => `<p>${escape(p)}</p>`)
    .join('\n')}</article><script>
    // The page's own load: 40 ms of work in every 50 ms; long tasks counted.
    window.longTasks = 0;
    new PerformanceObserver((l) => (window.longTasks += l.getEntries().length)).observe({ type: 'longtask' });
    setInterval(() => { const end = performance.now() + 40; while (performance.now() < end); }, 50);
  </script></body></html>`,
);
const server = await serveStatic(dir);
const profile = await mkdtemp(join(tmpdir(), 'wsw-attr-profile-'));
const browser = await puppeteer.launch({
  browser: 'chrome',
  executablePath: EXECUTABLES.chromium,
  headless: true,
  userDataDir: profile,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
});
try {
  const swTarget = await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 15_000 });
  const origin = /^chrome-extension:\/\/[a-p]{32}/.exec(swTarget.url())![0];
  const page = await browser.newPage();
  await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
  await new Promise((r) => setTimeout(r, 3000));
  const ownLongTasks = async (ms: number) => {
    const before = (await page.evaluate('window.longTasks')) as number;
    await new Promise((r) => setTimeout(r, ms));
    return ((await page.evaluate('window.longTasks')) as number) - before;
  };
  const pageAlone = await ownLongTasks(4000);
  // An extension page sends the text as the content script does (the background keeps it for that tab).
  const sender = await browser.newPage();
  await sender.goto(`${origin}/src/popup/index.html`, { waitUntil: 'load' });
  await page.bringToFront();
  // Service workers have no Performance domain: their busy time is read from a CPU profile (every
  // sample that is not idle, at 100 µs), around each message.
  const sw = await swTarget.createCDPSession();
  await sw.send('Profiler.enable');
  await sw.send('Profiler.setSamplingInterval', { interval: 100 });
  const busy = async (work: () => Promise<unknown>) => {
    await sw.send('Profiler.start');
    await work();
    const { profile } = await sw.send('Profiler.stop');
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    let us = 0;
    profile.samples?.forEach((id, i) => {
      if (!idle.has(id)) us += profile.timeDeltas?.[i] ?? 0;
    });
    return us / 1000;
  };
  // The attribution alone, as the worker measured it (User Timing around `pageStatements`).
  const measured = async () =>
    (
      (await sw.send('Runtime.evaluate', {
        expression: `performance.getEntriesByName('wsw-attribution').at(-1)?.duration ?? -1`,
        returnByValue: true,
      })) as { result: { value: number } }
    ).result.value;
  const thread: number[] = [];
  const wall: number[] = [];
  const own: number[] = [];
  let statements = 0;
  const send = () =>
    sender.evaluate(async (text) => {
      const t = performance.now();
      const api = (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }
      ).chrome;
      const reply = await api.runtime.sendMessage({
        tag: 'wsw/1',
        name: 'pageStatements',
        payload: { url: location.href, text },
      });
      return { ms: performance.now() - t, n: reply?.value?.statements ?? -1 };
    }, article);
  const during = ownLongTasks(RUNS * 400);
  for (let i = 0; i <= RUNS; i++) {
    let r = { ms: 0, n: 0 };
    const ms = await busy(async () => (r = await send()));
    const attribution = await measured();
    if (i === 0) {
      console.log(
        `chromium: first message (cold) ${f1(ms)} ms busy in the service worker (attribution ${f1(attribution)} ms), ` +
          `${f1(r.ms)} ms round trip`,
      );
      continue;
    }
    own.push(attribution);
    thread.push(ms);
    wall.push(r.ms);
    statements = r.n;
  }
  const withMessages = await during;
  // The same messages without the profiler (it samples every 100 µs and slows the worker down):
  // the attribution's own time as the worker measured it.
  const quiet: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await send();
    quiet.push(await measured());
  }
  console.log(
    `chromium: ${statements} statements; ${RUNS} messages under the page's load: service worker busy (thread) time ` +
      `median ${f1(median(thread))} ms (min ${f1(Math.min(...thread))}, max ${f1(Math.max(...thread))}), of which ` +
      `the attribution (wall time in the worker) median ${f1(median(own))} ms (min ${f1(Math.min(...own))}); ` +
      `round trip median ${f1(median(wall))} ms; the page's own long tasks: ${pageAlone} in 4 s alone, ` +
      `${withMessages} in ${(RUNS * 0.4).toFixed(0)} s with the messages`,
  );
  console.log(
    `chromium: without the profiler, ${RUNS} messages: the attribution in the worker median ${f1(median(quiet))} ms ` +
      `(min ${f1(Math.min(...quiet))}, max ${f1(Math.max(...quiet))})`,
  );
} finally {
  await browser.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
}

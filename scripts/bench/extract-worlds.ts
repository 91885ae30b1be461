/**
 * `npx tsx scripts/bench/extract-worlds.ts [--size l] [--rounds 3] [--budget 8]`: the content
 * script's time-sliced text extraction (src/dom/extract.ts, as in the working tree) on a generated
 * benchmark page in headless Chromium, run in the page's main world and in an isolated world (where
 * a content script runs), without the rest of the extension. Each slice asks
 * `TextExtractor.next()` to stop at the first block boundary after `budget` ms, then yields
 * (`scheduler.yield()`), as the highlighter does. Reports the busy time and the longest slices:
 * how far a slice overshoots its budget, and how much slower the isolated world is.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { readDataset } from '../../src/node/dataset-files';
import { compileDictionary } from '../../src/core/dictionary';
import { highlightableEntities } from '../../src/core/dataset';
import { CHROMIUM_FLAGS, EXECUTABLES } from '../browsers';
import { serveStatic } from '../serve';
import { generatePage, mentionFormsOf } from './generate';

const SIZES = { s: 50_000, m: 1_000_000, l: 5_000_000 } as const;
const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: 'l' },
    rounds: { type: 'string', default: '3' },
    budget: { type: 'string', default: '8' },
  },
});
const bytes = SIZES[args.size as keyof typeof SIZES] ?? SIZES.l;
const rounds = Math.max(1, Number(args.rounds));
const budget = Number(args.budget);

const { dataset, entities } = readDataset();
const dict = compileDictionary(highlightableEntities(entities, dataset));
const { forms, forbiddenWords } = mentionFormsOf(dict);
const work = await mkdtemp(join(tmpdir(), 'wsw-extract-worlds-'));
await build({
  configFile: false,
  logLevel: 'silent',
  build: {
    outDir: work,
    emptyOutDir: false,
    minify: true,
    lib: {
      entry: resolve(import.meta.dirname, 'extract-entry.ts'),
      formats: ['iife'],
      name: 'wswExtractBundle',
      fileName: () => 'extract.js',
    },
  },
});
const lib = await readFile(join(work, 'extract.js'), 'utf8');
const page = generatePage(bytes, forms, forbiddenWords, 7 + bytes);
await writeFile(join(work, 'p.html'), page.html);
const server = await serveStatic(work);
const browser = await puppeteer.launch({
  executablePath: EXECUTABLES.chromium,
  headless: true,
  args: CHROMIUM_FLAGS,
});

const SLICES = `(async () => {
  const extractor = new wswTextExtractor(document.body);
  const slices = [];
  for (;;) {
    const t0 = performance.now();
    const deadline = t0 + ${budget};
    const chunk = extractor.next(() => performance.now() > deadline);
    slices.push([performance.now() - t0, chunk.text.length, chunk.nodes.length]);
    if (chunk.done) break;
    await scheduler.yield();
  }
  return slices;
})()`;

console.log(`${bytes / 1000} KB page, ${budget} ms budget per slice (busy ms; slices; longest slices, ms):`);
try {
  for (let r = 0; r < rounds; r++) {
    for (const world of ['main', 'isolated'] as const) {
      const tab = await browser.newPage();
      await tab.goto(`${server.origin}/p.html`, { waitUntil: 'load', timeout: 180_000 });
      await new Promise((done) => setTimeout(done, 1000));
      const cdp = await tab.createCDPSession();
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const context =
        world === 'isolated'
          ? {
              contextId: (
                await cdp.send('Page.createIsolatedWorld', {
                  frameId: frameTree.frame.id,
                  worldName: 'bench',
                })
              ).executionContextId,
            }
          : {};
      await cdp.send('Runtime.evaluate', { expression: lib, ...context });
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: SLICES,
        awaitPromise: true,
        returnByValue: true,
        ...context,
      });
      const detail = (result.value as [number, number, number][]).sort((a, b) => b[0] - a[0]);
      const med = [...detail].sort((a, b) => a[1] - b[1])[detail.length >> 1]!;
      console.log(
        '  longest (ms, chars, nodes):',
        detail
          .slice(0, 5)
          .map((d) => d.map((x) => x.toFixed(0)).join('/'))
          .join('  '),
        ' median chars',
        med[1],
      );
      const slices = detail.map((d) => d[0]);
      const busy = slices.reduce((s, x) => s + x, 0);
      console.log(
        `round ${r + 1}, ${world} world: busy ${busy.toFixed(0)} ms in ${slices.length} slices; longest ` +
          `${slices
            .slice(0, 4)
            .map((x) => x.toFixed(0))
            .join(', ')}; over 50 ms: ${slices.filter((x) => x > 50).length}`,
      );
      await tab.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}

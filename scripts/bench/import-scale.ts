/**
 * What a big import costs a reader: generates a dataset of N claims (default 100,000) about the
 * bundled entities, imports it through the options page of the built Chromium extension (as a user
 * would: file picker, preview, confirm), then hovers mentions on the demo article and measures the
 * card's latency from the page (pointer event → card drawn with content): warm, and right after the
 * service worker was stopped. Also reports the service worker's JS heap after the cold card.
 * Every figure is printed with the machine's one-minute load average (`load …`), since a shared
 * machine's load changes what a run measures.
 *
 *   npx tsx scripts/bench/import-scale.ts [--claims 100000] [--rounds 3] [--dist DIR]
 *
 * Needs `npm run build` first (`--dist`: another Chromium build, e.g. an earlier commit's, to
 * compare in the same conditions). Prints one line per measurement and a summary.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ElementHandle } from 'puppeteer-core';
import { readDataset } from '../../src/node/dataset-files';
import { OUR_FORMAT } from '../../src/core/import/ours';
import { hoverLatency } from '../../test/e2e/card-timing';
import { distFor, launchWithExtension, ROOT, serveStatic, waitFor } from '../../test/e2e/harness';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '3' },
    dist: { type: 'string' },
  },
});
const N = Number(values.claims);
const ROUNDS = Number(values.rounds);

/** A deterministic generator, so runs compare. */
function rng(seed: number): () => number {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function generate(file: string): void {
  const { dataset } = readDataset();
  const ids = Object.keys(dataset.byEntity).sort();
  const random = rng(42);
  const pick = () => ids[Math.floor(random() * ids.length)]!;
  const stances = ['asserts', 'denies', 'accuses', 'warns'];
  const claims = Array.from({ length: N }, (_, i) => {
    const day = new Date(Date.UTC(2022, 1, 24) + Math.floor(random() * 1_700) * 86_400_000);
    return {
      id: `scale-${i}`,
      speaker: pick(),
      about: [{ entity: pick(), role: 'subject' }],
      kind: 'paraphrase',
      text: `Generated statement number ${i} for the import-scale benchmark.`,
      lang: 'en',
      date: day.toISOString().slice(0, 10),
      stance: stances[i % 4],
      ...(i % 10 === 9 ? { respondsTo: `scale-${i - 1}` } : {}),
      source: { outlet: 'Bench', url: `https://example.org/${i}` },
    };
  });
  const meta = { ...dataset, id: 'scale', title: 'Import-scale benchmark' } as Record<string, unknown>;
  delete meta.claims;
  delete meta.byEntity;
  writeFileSync(file, JSON.stringify({ format: OUR_FORMAT, meta, entities: [], claims }));
}

/** The one-minute load average, printed with each figure. */
const load = () => `load ${loadavg()[0]!.toFixed(1)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'wsw-scale-'));
  const file = join(dir, 'scale.json');
  generate(file);
  console.log(`generated ${N} claims, ${(statSync(file).size / 1e6).toFixed(1)} MB`);
  const server = await serveStatic(`${ROOT}/assets/demo`);
  const ext = await launchWithExtension('chromium', values.dist ?? distFor('chromium'));
  try {
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-hover-delay');
    await options.$eval('#wsw-hover-delay', (el) => {
      const input = el as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const stage = () =>
      options.$eval('[data-stage]', (el) => el.getAttribute('data-stage')).catch(() => null);
    // The background's own cost for one card, asked from an extension page (no hover, no paint).
    const ask = (entityId: string) =>
      options.evaluate(async (id) => {
        const t = performance.now();
        const runtime = (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime;
        const reply = (await runtime.sendMessage({
          tag: 'wsw/1',
          name: 'entityCard',
          payload: { entityId: id, lang: 'en', pattern: 0, seen: id },
        })) as { ok: boolean; value?: { summary: { claims: number } } | null };
        return { ms: performance.now() - t, total: reply.value?.summary.claims ?? -1 };
      }, entityId);
    const heap = async (when: string) => {
      const worker = await ext.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith(ext.extensionOrigin),
      );
      const session = await worker.createCDPSession();
      const used = (await session.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      await session.detach();
      console.log(
        `service worker heap ${when}: ${(used.usedSize / 2 ** 20).toFixed(1)} MiB used of ${(used.totalSize / 2 ** 20).toFixed(1)} MiB; ${load()}`,
      );
    };
    const optionsCdp = await options.createCDPSession();
    await optionsCdp.send('ServiceWorker.enable');
    const backgroundAlone = async (when: string) => {
      const colds: number[] = [];
      const warms: number[] = [];
      for (let round = 0; round < ROUNDS; round++)
        for (const id of ['izium', 'bucha', 'dmitry-peskov']) {
          await optionsCdp.send('ServiceWorker.stopAllWorkers');
          await new Promise((r) => setTimeout(r, 500));
          const cold = await ask(id);
          const warm = await ask(id);
          // Another entity, with the worker already running: the card is not cached yet.
          const other = await ask(id === 'izium' ? 'kremlin' : 'izium');
          colds.push(cold.ms);
          warms.push(warm.ms, other.ms);
          console.log(
            `background alone ${when}, ${id} (${cold.total} claims): cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms, warm other entity (${other.total} claims) ${other.ms.toFixed(0)} ms; ${load()}`,
          );
        }
      console.log(
        `background alone ${when}: cold median ${median(colds).toFixed(0)} ms (max ${Math.max(...colds).toFixed(0)}), warm median ${median(warms).toFixed(0)} ms (max ${Math.max(...warms).toFixed(0)}); ${load()}`,
      );
      await heap(when);
    };
    await backgroundAlone('before the import');
    const started = Date.now();
    const input = (await options.$('#wsw-import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await waitFor('preview', async () => (await stage()) === 'preview', 600_000);
    const previewed = Date.now();
    await options.click('#wsw-import-confirm');
    await waitFor('import done', async () => (await stage()) === 'done', 600_000);
    console.log(
      `import: preview after ${((previewed - started) / 1000).toFixed(1)} s, stored after ${((Date.now() - previewed) / 1000).toFixed(1)} s more; ${load()}`,
    );
    // tsx (esbuild keepNames) wraps nested functions of page.evaluate callbacks in `__name(...)`.
    await options.evaluate('globalThis.__name = (f) => f');
    // The IndexedDB read alone, from this extension page: a popular entity's claims through the
    // entity index (one record per claim) and as the one record per dataset a card reads now.
    for (let round = 0; round < ROUNDS; round++)
      for (const id of ['izium', 'dmitry-peskov']) {
        const r = await options.evaluate(async (entity) => {
          const done = <T>(req: IDBRequest<T>) =>
            new Promise<T>((resolve, reject) => {
              req.onsuccess = () => resolve(req.result);
              req.onerror = () => reject(req.error);
            });
          const db = await done(indexedDB.open('wsw-library'));
          const t0 = performance.now();
          // Builds since claims were grouped by entity have no entity index.
          const claims = db.transaction('claims').objectStore('claims');
          const rows = claims.indexNames.contains('entity')
            ? await done(claims.index('entity').getAll(entity))
            : [];
          const t1 = performance.now();
          // Builds before claims were grouped by entity have no such store.
          const one = db.objectStoreNames.contains('entityClaims')
            ? ((await done(
                db.transaction('entityClaims').objectStore('entityClaims').get(['scale', entity]),
              )) as { claims: unknown[] } | undefined)
            : undefined;
          const t2 = performance.now();
          db.close();
          return { index: t1 - t0, rows: rows.length, record: t2 - t1, claims: one?.claims.length ?? -1 };
        }, id);
        console.log(
          `IndexedDB read of ${id}: through the entity index ${r.index.toFixed(0)} ms (${r.rows} records), one record ${r.record.toFixed(0)} ms (${r.claims} claims); ${load()}`,
        );
      }
    await backgroundAlone('after the import');
    await options.close();

    const page = await ext.open('about:blank');
    await page.setViewport({ width: 1200, height: 900 });
    const cdp = await page.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    const phrases = ['Izyum', 'Bucha', 'Kharkiv province', 'Zelensky', 'Peskov'];
    const cold: number[] = [];
    const warm: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh load each round: the first hover after load, while the page's cards are being
      // fetched ahead, is the one a large import made slow.
      await page.goto(`${server.origin}/index.html`);
      // tsx (esbuild keepNames) wraps nested functions of page.evaluate callbacks in `__name(...)`.
      await page.evaluate('globalThis.__name = (f) => f');
      await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0), 30_000);
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 500));
      const c = await hoverLatency(page, phrases[round % phrases.length]!);
      cold.push(c);
      const w = await hoverLatency(page, phrases[(round + 1) % phrases.length]!);
      const w2 = await hoverLatency(page, phrases[(round + 2) % phrases.length]!);
      warm.push(w, w2);
      console.log(
        `round ${round + 1}: cold ${c.toFixed(0)} ms, warm ${w.toFixed(0)} / ${w2.toFixed(0)} ms; ${load()}`,
      );
    }
    console.log(
      `${N} imported claims: card after the service worker was stopped median ${median(cold).toFixed(0)} ms (max ${Math.max(...cold).toFixed(0)}), warm median ${median(warm).toFixed(0)} ms (max ${Math.max(...warm).toFixed(0)})` +
        ` (as the reader sees it: the content script may already hold a prefetched card); ${load()}`,
    );
    await heap('after the page rounds');
  } finally {
    await ext.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * Dynamic pages: an infinite-scroll feed appending paragraphs for 30 s (and trimming old ones)
 * keeps its highlights current — new text lit, removed text gone — with bounded CPU.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  distFor,
  highlightedTexts,
  launchWithExtension,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const FEED_SECONDS = 30;

describe.each(BROWSERS)('%s: dynamic pages', (name) => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/test/fixtures/pages`);
    ext = await launchWithExtension(name, distFor(name));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it(
    `keeps an infinite-scroll feed highlighted for ${FEED_SECONDS} s with bounded CPU`,
    { timeout: (FEED_SECONDS + 60) * 1000 },
    async () => {
      const page = await ext.open(`${server.origin}/infinite.html?seconds=${FEED_SECONDS}`);
      const cdp = name === 'chromium' ? await page.createCDPSession() : null;
      await cdp?.send('Performance.enable');
      const metric = async (key: string) =>
        (await cdp!.send('Performance.getMetrics')).metrics.find((m) => m.name === key)?.value ?? 0;
      const script0 = cdp ? await metric('ScriptDuration') : 0;
      const t0 = Date.now();
      await waitFor(
        'the feed to finish',
        () => page.evaluate(() => (window as unknown as { feedDone: boolean }).feedDone),
        (FEED_SECONDS + 30) * 1000,
      );
      const wall = (Date.now() - t0) / 1000;
      // Past 500 mentions only those near the viewport are painted (the paint window): every
      // paragraph near it has both mentions highlighted, nothing removed stays lit, and the newest
      // paragraph is lit once the reader scrolls down to it.
      const lit = () =>
        page.evaluate(() => {
          const ranges = [...CSS.highlights.values()].flatMap((h) => [...(h as unknown as Set<StaticRange>)]);
          const perParagraph = new Map<Element, number>();
          for (const r of ranges) {
            const p = r.startContainer.parentElement!;
            perParagraph.set(p, (perParagraph.get(p) ?? 0) + 1);
          }
          const ps = [...document.querySelectorAll('#feed p')];
          const h = innerHeight;
          const near = ps.filter((p) => {
            const box = p.getBoundingClientRect();
            return box.bottom > -h && box.top < 2 * h;
          });
          return {
            paragraphs: ps.length,
            ranges: ranges.length,
            detached: ranges.filter((r) => !r.startContainer.isConnected).length,
            nearNotTwice: near.filter((p) => perParagraph.get(p) !== 2).length,
            near: near.length,
            lastTwice: perParagraph.get(ps[ps.length - 1]!) === 2,
          };
        });
      const state = await waitFor('highlights to catch up', async () => {
        const s = await lit();
        return s.nearNotTwice === 0 ? s : null;
      });
      expect(state.detached).toBe(0);
      expect(state.near).toBeGreaterThan(5);
      expect(state.ranges).toBeLessThanOrEqual(state.paragraphs * 2);
      expect(state.paragraphs).toBeGreaterThan(FEED_SECONDS * 8);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const bottom = await waitFor('the newest paragraph lit after scrolling to it', async () => {
        const s = await lit();
        return s.lastTwice && s.nearNotTwice === 0 ? s : null;
      });
      expect(bottom.detached).toBe(0);
      if (cdp) {
        // All scripts of the page (the feed itself included) used a small share of the wall time.
        const script = (await metric('ScriptDuration')) - script0;
        console.log(`${name}: script time ${script.toFixed(2)} s over ${wall.toFixed(1)} s of feed`);
        expect(script / wall).toBeLessThan(0.15);
      }
      await page.close();
    },
  );

  it('adding a banner to <body> neither rescans nor flickers the existing highlights', async () => {
    const page = await ext.open(`${server.origin}/infinite.html?seconds=1`);
    await waitFor('the feed to finish', () =>
      page.evaluate(() => (window as unknown as { feedDone: boolean }).feedDone),
    );
    const count = () =>
      page.evaluate(() =>
        [...CSS.highlights.values()].reduce((n, h) => n + (h as unknown as Set<unknown>).size, 0),
      );
    await waitFor('highlights', async () => (await count()) > 10);
    const lowest = await page.evaluate(
      () =>
        new Promise<{ before: number; lowest: number; after: number }>((resolve) => {
          const total = () =>
            [...CSS.highlights.values()].reduce((n, h) => n + (h as unknown as Set<unknown>).size, 0);
          const before = total();
          let lowest = before;
          const banner = document.createElement('div');
          banner.textContent = 'We use cookies.';
          document.body.append(banner);
          const end = performance.now() + 600;
          const tick = () => {
            lowest = Math.min(lowest, total());
            if (performance.now() < end) requestAnimationFrame(tick);
            else resolve({ before, lowest, after: total() });
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(lowest.lowest).toBe(lowest.before);
    expect(lowest.after).toBe(lowest.before);
    await page.close();
  });

  it('judges an ambiguous alias on the whole page, across time slices', async () => {
    // "ICC" alone could be the cricket council; the court is named 3,000 paragraphs earlier.
    const dir = mkdtempSync(join(tmpdir(), 'wsw-ambiguous-'));
    const filler = Array.from(
      { length: 3000 },
      (_, i) => `<p>Paragraph ${i} of a long report with nothing to highlight.</p>`,
    );
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>long</title></head><body><article><p>Karim Khan, the prosecutor of the International Criminal Court, spoke.</p>${filler.join('')}<p>Later the ICC said it would continue.</p></article></body></html>`,
    );
    const local = await serveStatic(dir);
    const page = await ext.open(`${local.origin}/index.html`);
    const texts = await waitFor('the late ICC mention', async () => {
      const t = await highlightedTexts(page);
      return t.includes('ICC') ? t : null;
    });
    expect(texts).toContain('International Criminal Court');
    await page.close();
    await local.close();
  });
});

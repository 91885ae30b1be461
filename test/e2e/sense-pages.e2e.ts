/**
 * The one-sense-per-page rule in the built extension: every whole-page fixture of the mention
 * corpus (test/fixtures/mentions/pages: Paul Bucha, the Novgorod and Kazan kremlins, the writer
 * Vasily Peskov, raisins, Jill Biden, la Macronie, Dynamo Kyiv, Bulgarian Izium) is loaded in the
 * browser, and what it highlights must be exactly what `wsw annotate` (run in-process, on the same
 * file) yields: the same mentions, in document order, each with its entity's type (the highlight
 * it is registered in) and text. In Chromium the popup's list of the page's entities (names and
 * mention counts) must also be annotate's, which pins each mention's entity; Firefox opens the
 * popup only on a user gesture (see popup.e2e.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/wsw';
import { readDataset } from '../../src/node/dataset-files';
import {
  BROWSERS,
  distFor,
  launchWithExtension,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const PAGES = join(ROOT, 'test/fixtures/mentions/pages');
const FILES = (
  JSON.parse(readFileSync(join(PAGES, 'expected.json'), 'utf8')) as { pages: { file: string }[] }
).pages.map((p) => p.file);

const { entities } = readDataset();
const typeOf = new Map(entities.map((e) => [e.id, e.type]));
const nameOf = new Map(entities.map((e) => [e.id, e.name.en]));

/** What `wsw annotate --json` prints for a file: its mentions in text order. */
function annotate(file: string): { entity: string; text: string }[] {
  const out: string[] = [];
  const code = run(['annotate', '--json', join(PAGES, file)], {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
  });
  expect(code, out.join('\n')).toBe(0);
  return (JSON.parse(out[0]!) as { mentions: { entity: string; text: string }[] }).mentions;
}

/** Every highlighted range on the page as "type:text", in document order. */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all: { type: string; range: Range }[] = [];
    for (const [name, highlight] of CSS.highlights) {
      const type = name.replace(/^wsw-/, '').replace(/-(tint|none)$/, '');
      for (const r of highlight as unknown as Set<StaticRange>) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        all.push({ type, range });
      }
    }
    all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    return all.map(({ type, range }) => `${type}:${range.toString().replace(/\s+/g, ' ')}`);
  });
}

describe.each(BROWSERS)('%s: the one-sense-per-page fixtures, as wsw annotate judges them', (name) => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic(PAGES);
    ext = await launchWithExtension(name, distFor(name));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it.each(FILES)('%s', async (file) => {
    const mentions = annotate(file);
    const expected = mentions.map((m) => `${typeOf.get(m.entity)}:${m.text.replace(/\s+/g, ' ')}`);
    const page = await ext.open(`${server.origin}/${file}`);
    try {
      // Wait until the page's highlights are what annotate says, or have stopped changing.
      let last = '';
      let stableSince = Date.now();
      const seen = await waitFor(
        `${file}: highlights settled`,
        async () => {
          const now = await highlighted(page);
          const key = JSON.stringify(now);
          if (key !== last) [last, stableSince] = [key, Date.now()];
          const settled = Date.now() - stableSince > (key === JSON.stringify(expected) ? 500 : 3000);
          return settled ? now : null;
        },
        20_000,
      );
      expect(seen).toEqual(expected);
      if (name === 'chromium') {
        const counts = new Map<string, number>();
        for (const m of mentions) {
          const n = nameOf.get(m.entity)!;
          counts.set(n, (counts.get(n) ?? 0) + 1);
        }
        expect(await popupCounts(ext, page)).toEqual(counts);
      }
    } finally {
      await page.close();
    }
  });
});

/** The entities the popup lists for `page`, by name, with their mention counts (Chromium). */
async function popupCounts(ext: ExtensionBrowser, page: Page): Promise<Map<string, number>> {
  await page.bringToFront();
  const sw = await ext.browser.waitForTarget((t) => t.type() === 'service_worker');
  const worker = (await sw.worker())!;
  expect(await worker.evaluate('chrome.action.openPopup().then(() => "ok", (e) => String(e))')).toBe('ok');
  const target = await ext.browser.waitForTarget((t) => t.url().includes('/src/popup/index.html'));
  const popup = (await target.asPage())!;
  try {
    await popup.waitForSelector('.wsw-status');
    // A page with no mentions lists none: give the list its time, then read it.
    await new Promise((r) => setTimeout(r, 500));
    const rows = await popup.$$eval('.wsw-entity', (els) =>
      els.map(
        (e) =>
          [
            e.querySelector('.wsw-entity-name')?.textContent ?? '',
            e.querySelector('.wsw-entity-counts')?.textContent ?? '',
          ] as const,
      ),
    );
    return new Map(rows.map(([n, c]) => [n, Number(/^(\d+) mention/.exec(c)?.[1])]));
  } finally {
    await popup.close();
  }
}

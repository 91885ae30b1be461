/**
 * Single-page apps, web components and big pages, with the built extension in real browsers:
 * a history-API navigation reads the new story from scratch (the old highlights go, nothing is
 * judged with the old story's context); text in open shadow roots is highlighted, followed as it
 * changes and can be hovered; on a long page opened scrolled down, the part in view is
 * highlighted first; and on a page with thousands of mentions only those near the viewport are
 * painted, following the scroll.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import type { Page } from 'puppeteer-core';
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

type Box = { x: number; y: number; width: number; height: number };

/** Where a phrase is inside the open shadow root of `#hostId` (scrolled into view). */
function locateInShadow(page: Page, hostId: string, phrase: string): Promise<Box> {
  return page.evaluate(
    (id, p) => {
      const root = document.getElementById(id)!.shadowRoot!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(p);
        if (i < 0) continue;
        (root.host as HTMLElement).scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + p.length);
        const b = r.getBoundingClientRect();
        return { x: b.x, y: b.y, width: b.width, height: b.height };
      }
      throw new Error(`phrase not found in #${id}: ${p}`);
    },
    hostId,
    phrase,
  );
}

/** Our card host as the page sees it. */
function cardBox(page: Page): Promise<(Box & { visible: boolean }) | null> {
  return page.evaluate(() => {
    const host = document.querySelector('wsw-card') as HTMLElement | null;
    if (!host) return null;
    const b = host.getBoundingClientRect();
    const visible = getComputedStyle(host).display !== 'none' && b.width > 0;
    return { visible, x: b.x, y: b.y, width: b.width, height: b.height };
  });
}

/** Decode an 8-bit, non-interlaced RGB(A) PNG (a browser screenshot) to RGBA pixels. */
function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const buf = Buffer.from(png);
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      if (body[8] !== 8 || body[12] !== 0 || !channels) throw new Error('unexpected PNG format');
    } else if (type === 'IDAT') data.push(body);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rgba = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= channels ? line[i - channels]! : 0;
      const b = prev[i]!;
      const c = i >= channels ? prev[i - channels]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      line[i] = (x + predicted) & 0xff;
    }
    for (let px = 0; px < width; px++) {
      for (let k = 0; k < 3; k++) rgba[(y * width + px) * 4 + k] = line[px * channels + k]!;
      rgba[(y * width + px) * 4 + 3] = 255;
    }
    prev = line;
  }
  return { width, height, rgba };
}

/**
 * Pixels painted in the place colour (green underline and tint) in and just under a box. Text is
 * black on white, so green pixels there can only come from our highlight.
 */
async function greenPixels(page: Page, box: Box): Promise<number> {
  const shot = await page.screenshot({
    type: 'png',
    clip: {
      x: Math.floor(box.x),
      y: Math.floor(box.y),
      width: Math.ceil(box.width),
      height: Math.ceil(box.height) + 6,
    },
  });
  const { rgba } = decodePng(shot);
  let green = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    if (g - r > 20 && g - b > 10) green++;
  }
  return green;
}

describe.each(BROWSERS)('%s: SPA navigations, shadow DOM, visible part first', (name) => {
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

  it('after a pushState navigation, reads the new story from scratch; back restores the first', async () => {
    const page = await ext.open(`${server.origin}/spa.html`);
    const story1 = ['International Criminal Court', 'Izium', 'Kharkiv'];
    await waitFor('story 1 highlighted', async () =>
      JSON.stringify(await highlightedTexts(page)) === JSON.stringify(story1) ? true : null,
    );
    await page.evaluate(() => (window as unknown as { go: (n: number) => void }).go(2));
    expect(await page.evaluate(() => location.search)).toBe('?story=2');
    // The old story's highlights are gone, the new mentions are lit, and "ICC" (the cricket
    // council here) is not supported by the court named on the previous story.
    await waitFor('story 2 highlighted', async () => {
      const texts = await highlightedTexts(page);
      return texts.includes('Bucha') && texts.includes('Kremlin') ? texts : null;
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await highlightedTexts(page)).toEqual(['Bucha', 'Kremlin']);
    // Back (popstate): the first story again, read afresh.
    await page.evaluate(() => history.back());
    await waitFor('story 1 after going back', async () =>
      JSON.stringify(await highlightedTexts(page)) === JSON.stringify(story1) ? true : null,
    );
    const detached = await page.evaluate(() =>
      [...CSS.highlights.values()]
        .flatMap((h) => [...(h as unknown as Set<StaticRange>)])
        .filter((r) => !r.startContainer.isConnected),
    );
    expect(detached).toHaveLength(0);
    await page.close();
  });

  it('highlights mentions in open shadow roots (never closed ones or editors), also added later', async () => {
    const page = await ext.open(`${server.origin}/shadow.html`);
    const texts = await waitFor('shadow mentions highlighted', async () => {
      const t = await highlightedTexts(page);
      return t.includes('Izium') && t.includes('IAEA') && t.includes('Kharkiv') ? t : null;
    });
    // Closed shadow roots are invisible to us; the editor inside a component is skipped.
    expect(texts).toEqual(['IAEA', 'Izium', 'Kharkiv']);
    await page.evaluate(() => (window as unknown as { addLater: () => void }).addLater());
    const later = await waitFor('text added inside the shadow roots', async () => {
      const t = await highlightedTexts(page);
      return t.includes('Kremlin') && t.includes('Zelensky') ? t : null;
    });
    expect(later).toEqual(['IAEA', 'Izium', 'Kharkiv', 'Kremlin', 'Zelensky']);
    await page.close();
  });

  it('opens the card when a mention inside a shadow root is hovered', async () => {
    const page = await ext.open(`${server.origin}/shadow.html`);
    await page.setViewport({ width: 1000, height: 700 });
    await waitFor('highlights', async () => (await highlightedTexts(page)).includes('Izium'));
    const at = await locateInShadow(page, 'quote', 'Izium');
    const cx = at.x + at.width / 2;
    const cy = at.y + at.height / 2;
    await page.mouse.move(cx - 40, cy - 60);
    await page.mouse.move(cx, cy, { steps: 4 });
    const card = await waitFor('card for the mention in the shadow root', async () => {
      const c = await cardBox(page);
      return c?.visible ? c : null;
    });
    // Next to that mention (below it, or above it near the bottom edge).
    expect(
      Math.min(Math.abs(card.y - (at.y + at.height)), Math.abs(card.y + card.height - at.y)),
    ).toBeLessThan(30);
    await page.mouse.move(5, 5, { steps: 3 });
    await waitFor('card closed', async () => !(await cardBox(page))?.visible);
    await page.close();
  });

  it('paints highlights inside shadow roots where the browser applies our styles there', async () => {
    const page = await ext.open(`${server.origin}/shadow.html`);
    await page.setViewport({ width: 1000, height: 700 });
    await waitFor('highlights', async () => (await highlightedTexts(page)).includes('Izium'));
    await page.evaluate(() => window.scrollTo(0, 0));
    const light = await page.evaluate(() => {
      const text = document.getElementById('light')!.firstChild as Text;
      const r = document.createRange();
      const i = text.data.indexOf('Kharkiv');
      r.setStart(text, i);
      r.setEnd(text, i + 'Kharkiv'.length);
      const b = r.getBoundingClientRect();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    });
    const shadow = await locateInShadow(page, 'quote', 'Izium');
    // Let the highlights paint.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const lightGreen = await greenPixels(page, light);
    const shadowGreen = await greenPixels(page, shadow);
    console.log(`${name}: place-coloured pixels, light DOM ${lightGreen}, open shadow root ${shadowGreen}`);
    // The light-DOM mention is painted (this is what makes the measurement meaningful).
    expect(lightGreen).toBeGreaterThan(20);
    // What was observed (Chromium 156, Firefox ESR 153): Chromium applies the document's
    // ::highlight() rules to ranges inside shadow trees, Firefox does not. If this changes, the
    // README's statement about shadow roots must change with it.
    if (name === 'chromium') expect(shadowGreen).toBeGreaterThan(20);
    else expect(shadowGreen).toBe(0);
    await page.close();
  });

  it('on a long page opened scrolled down, highlights the part in view first', async () => {
    // 8,000 paragraphs; the page scrolls to paragraph 7,000 while loading. Without "visible part
    // first" the scan, in document order, would light paragraph 4,000 long before 7,000.
    const dir = mkdtempSync(join(tmpdir(), 'wsw-viewport-'));
    const paragraphs = Array.from({ length: 8000 }, (_, i) => {
      if (i === 4000) return '<p id="early">Earlier on the page: Kyiv.</p>';
      if (i === 7000) return '<p id="target">Right in view: Bucha.</p>';
      return `<p>Paragraph ${i} of a long report with nothing to highlight at all.</p>`;
    });
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>long</title></head><body><main>${paragraphs.join('')}</main>
<script>
document.getElementById('target').scrollIntoView({ block: 'center' });
// Note the frame in which each paragraph is first highlighted (read from the page's side).
window.firstLit = {};
const watch = () => {
  for (const h of CSS.highlights.values())
    for (const r of h) {
      const id = r.startContainer.parentElement && r.startContainer.parentElement.id;
      if (id && !(id in window.firstLit)) window.firstLit[id] = performance.now();
    }
  if (Object.keys(window.firstLit).length < 2 && performance.now() < 60000) requestAnimationFrame(watch);
};
requestAnimationFrame(watch);
</script></body></html>`,
    );
    const local = await serveStatic(dir);
    const page = await ext.open(`${local.origin}/index.html`);
    const lit = await waitFor(
      'both paragraphs highlighted',
      async () => {
        const l = await page.evaluate(
          () => (window as unknown as { firstLit: Record<string, number> }).firstLit,
        );
        return Object.keys(l).length === 2 ? l : null;
      },
      30_000,
    );
    console.log(
      `${name}: paragraph in view lit at ${lit.target!.toFixed(0)} ms, earlier one at ${lit.early!.toFixed(0)} ms`,
    );
    expect(lit.target).toBeLessThan(lit.early!);
    // Each mention once: no span highlighted twice.
    const texts = await highlightedTexts(page);
    expect(texts).toEqual(['Bucha', 'Kyiv']);
    await page.close();
    await local.close();
  });

  it('on a page with thousands of mentions, paints those near the viewport and follows the scroll', async () => {
    // 3,000 paragraphs with a mention each: past 500 mentions only blocks near the viewport are
    // registered (Chromium rebuilds every registered range's marker after each change).
    const dir = mkdtempSync(join(tmpdir(), 'wsw-window-'));
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `<p id="p${i}">Report ${i} of the day, filed from Kyiv by our correspondent.</p>`,
    );
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>window</title></head><body><main>${paragraphs.join('')}</main></body></html>`,
    );
    const local = await serveStatic(dir);
    const page = await ext.open(`${local.origin}/index.html`);
    /** Paragraph numbers whose mention is registered now. */
    const painted = () =>
      page.evaluate(() => {
        const ids: number[] = [];
        for (const h of CSS.highlights.values())
          for (const r of h) ids.push(Number(r.startContainer.parentElement!.id.slice(1)));
        return ids.sort((a, b) => a - b);
      });
    // The scan reaches the end (the last paragraph is then highlighted when scrolled to, below);
    // at the top, what is painted is the top of the page only.
    const top = await waitFor(
      'the top painted',
      async () => {
        const ids = await painted();
        return ids.includes(0) ? ids : null;
      },
      30_000,
    );
    expect(top.length).toBeGreaterThan(5);
    expect(top.length).toBeLessThan(600);
    expect(Math.max(...top)).toBeLessThan(600);
    await page.evaluate(() => document.getElementById('p2999')!.scrollIntoView({ block: 'end' }));
    const end = await waitFor(
      'the end painted after scrolling there',
      async () => {
        const ids = await painted();
        return ids.includes(2999) && !ids.includes(0) ? ids : null;
      },
      30_000,
    );
    expect(end.length).toBeLessThan(600);
    expect(Math.min(...end)).toBeGreaterThan(2400);
    // Each mention once.
    expect(new Set(end).size).toBe(end.length);
    await page.close();
    await local.close();
  });
});

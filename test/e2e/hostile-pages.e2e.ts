/**
 * Pages that fight back, in both browsers: a strict CSP with Trusted Types, and page scripts that
 * try to read or drive our UI (shadow root, synthetic events, postMessage fuzzing).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  distFor,
  highlightCount,
  launchWithExtension,
  locatePhrase,
  rendersText,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const CSP = "default-src 'none'; style-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

const card = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('wsw-card') as HTMLElement | null;
    const b = host?.getBoundingClientRect();
    return {
      visible: !!b && b.width > 0,
      width: b?.width ?? 0,
      shadowRoot: host ? host.shadowRoot !== null : false,
    };
  });

/** Record CSP / Trusted Types violations and page errors from before the page's first script. */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(`(() => {
    window.wswViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.wswViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '')));
  })()`);
}

describe.each(BROWSERS)('%s: pages that fight back', (name) => {
  let ext: ExtensionBrowser;
  let strict: Awaited<ReturnType<typeof serveStatic>>;
  let plain: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    strict = await serveStatic(`${ROOT}/assets/demo`, {
      headers: () => ({ 'content-security-policy': CSP }),
    });
    plain = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension(name, distFor(name));
  });

  afterAll(async () => {
    await ext?.close();
    await strict?.close();
    await plain?.close();
  });

  it("works and is styled under CSP default-src 'none', style-src 'none' and Trusted Types, violating nothing", async () => {
    const page = await ext.browser.newPage();
    await watchViolations(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto(`${strict.origin}/index.html`, { waitUntil: 'load' });
    // The page's own stylesheet is blocked by its CSP: proof the policy is in force.
    await waitFor('the page stylesheet refused', async () =>
      ((await page.evaluate('window.wswViolations')) as string[]).some((v) => /style\.css/.test(v)),
    );
    await waitFor('highlights', async () => (await highlightCount(page)) > 10);
    // Highlights are painted: the mention's pixels change when the highlights are taken away.
    const at = await locatePhrase(page, 'Izyum');
    const clip = {
      x: at.x - at.width / 2 - 2,
      y: at.y - at.height / 2 - 2,
      width: at.width + 4,
      height: at.height + 8,
    };
    const styled = Buffer.from(await page.screenshot({ clip }));
    const saved = await page.evaluate(() => {
      const kept = [...CSS.highlights.entries()];
      CSS.highlights.clear();
      (window as unknown as { wswKept: unknown }).wswKept = kept;
      return kept.length;
    });
    expect(saved).toBeGreaterThan(0);
    const bare = Buffer.from(await page.screenshot({ clip }));
    expect(styled.equals(bare)).toBe(false);
    await page.evaluate(() => {
      for (const [k, h] of (window as unknown as { wswKept: [string, Highlight][] }).wswKept)
        CSS.highlights.set(k, h);
    });
    // The card opens, styled by its adopted stylesheet (26rem wide), with its content.
    await page.mouse.move(at.x, at.y, { steps: 3 });
    const shown = await waitFor('card', async () => {
      const c = await card(page);
      return c.visible ? c : null;
    });
    expect(shown.width).toBeGreaterThan(300);
    expect(shown.width).toBeLessThan(450);
    await new Promise((r) => setTimeout(r, 300));
    await waitFor('card content', () => rendersText(page, 'Data as of'));
    // Only the page's own stylesheet link (and the browser's favicon request) was refused.
    const violations = (await page.evaluate('window.wswViolations')) as string[];
    expect(violations.filter((v) => !/style\.css|favicon\.ico/.test(v))).toEqual([]);
    // (Firefox also reports those two refusals as page errors.)
    expect(errors.filter((e) => !/style\.css|favicon\.ico/.test(e))).toEqual([]);
    await page.close();
  });

  it('gives page scripts no handle on the card: no shadow root, synthetic events ignored, postMessage fuzz changes nothing', async () => {
    const page = await ext.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.setViewport({ width: 1100, height: 800 });
    await page.goto(`${plain.origin}/index.html`, { waitUntil: 'load' });
    await waitFor('highlights', async () => (await highlightCount(page)) > 10);
    const before = await highlightCount(page);
    // Synthetic keyboard shortcut and pointer events from the page.
    await page.evaluate(() => {
      const key = { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true };
      document.body.dispatchEvent(new KeyboardEvent('keydown', key));
      document.dispatchEvent(new KeyboardEvent('keydown', key));
    });
    const at = await locatePhrase(page, 'Izyum');
    await page.evaluate(
      ({ x, y }) => {
        for (const type of ['pointermove', 'mousemove', 'pointerover', 'mouseover'])
          document
            .elementFromPoint(x, y)
            ?.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, bubbles: true }));
      },
      { x: at.x, y: at.y },
    );
    await new Promise((r) => setTimeout(r, 800));
    expect((await card(page)).visible).toBe(false);
    // postMessage fuzzing, including our own envelope shapes.
    await page.evaluate(() => {
      const shapes: unknown[] = [
        { tag: 'wsw/1', name: 'reveal', payload: { entityId: 'izium' } },
        { tag: 'wsw/1', name: 'navigate', payload: { direction: 'next' } },
        { tag: 'wsw/1', name: 'pageInfo', payload: {} },
        { type: 'wsw', action: 'open' },
        'wsw/1',
        null,
        42,
        [1, 2, 3],
      ];
      let seed = 7;
      const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      for (let i = 0; i < 500; i++) {
        const base = shapes[Math.floor(rand() * shapes.length)];
        const noise = {
          x: rand(),
          s: String.fromCharCode(Math.floor(rand() * 0xffff)),
          deep: { a: [rand()] },
        };
        window.postMessage(
          rand() < 0.5 ? base : { ...(typeof base === 'object' ? base : { v: base }), ...noise },
          '*',
        );
      }
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect((await card(page)).visible).toBe(false);
    expect(await highlightCount(page)).toBe(before);
    // A real hover still works; the host never exposes its shadow root, and the page cannot add one.
    await page.mouse.move(at.x, at.y, { steps: 3 });
    const open = await waitFor('card', async () => {
      const c = await card(page);
      return c.visible ? c : null;
    });
    expect(open.shadowRoot).toBe(false);
    expect(
      await page.evaluate(() => {
        try {
          (document.querySelector('wsw-card') as HTMLElement).attachShadow({ mode: 'open' });
          return 'attached';
        } catch {
          return 'refused';
        }
      }),
    ).toBe('refused');
    // No claim text in the page's light DOM, and the page sees no extension API.
    expect(
      await page.evaluate(() =>
        new XMLSerializer().serializeToString(document.documentElement).includes('Data as of'),
      ),
    ).toBe(false);
    expect(
      await page.evaluate(
        () => (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id,
      ),
    ).toBe(undefined);
    expect(errors).toEqual([]);
    await page.close();
  });
});

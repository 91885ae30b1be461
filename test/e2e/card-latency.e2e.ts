/**
 * How fast the card shows its content after the hover intent fires, measured by the page itself
 * (from the trusted pointer event to the frame where the card has its full height), with the hover
 * delay set to 0 — also right after the background was stopped (Chromium can stop the service
 * worker on demand; Firefox's event page is woken the same way by the message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { hoverLatency } from './card-timing';
import {
  BROWSERS,
  distFor,
  launchWithExtension,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

type Server = Awaited<ReturnType<typeof serveStatic>>;

describe.each(BROWSERS)('%s: card latency', (name) => {
  let ext: ExtensionBrowser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension(name, distFor(name));
    const options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('#wsw-hover-delay');
    await options.$eval('#wsw-hover-delay', (el) => {
      const input = el as HTMLInputElement;
      input.value = '0';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(
      'saved',
      async () => (await options.$eval('.wsw-save-state', (el) => el.textContent)) === 'Saved.',
    );
    await options.close();
    page = await ext.open(`${server.origin}/index.html`);
    await page.setViewport({ width: 1200, height: 800 });
    await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows the card within a frame or two of the hover intent', async () => {
    const first = await hoverLatency(page, 'Izyum');
    const warm = await hoverLatency(page, 'Bucha');
    console.log(`${name}: card latency first ${first.toFixed(0)} ms, warm ${warm.toFixed(0)} ms`);
    expect(warm).toBeLessThan(250);
  });

  it.runIf(name === 'chromium')(
    'still opens quickly right after the service worker was stopped',
    async () => {
      const cdp = await page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
      const latency = await hoverLatency(page, 'Kharkiv province');
      console.log(`${name}: card latency after the service worker was stopped ${latency.toFixed(0)} ms`);
      expect(latency).toBeLessThan(150);
    },
  );
});

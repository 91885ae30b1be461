/**
 * Launch real Chromium or Firefox ESR with the built extension installed, for the e2e tests and for
 * `npm start`. Both return the same handle, so every test runs unchanged in both browsers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

/** The browsers we support. */
export type BrowserName = 'chromium' | 'firefox';

/** Where Debian puts the browsers; override with WSW_CHROMIUM / WSW_FIREFOX. */
export const EXECUTABLES: Record<BrowserName, string> = {
  chromium: process.env.WSW_CHROMIUM ?? '/usr/bin/chromium',
  firefox: process.env.WSW_FIREFOX ?? '/usr/bin/firefox-esr',
};

/** Must equal the gecko id in build/manifest.ts (the manifest of the Firefox build says which). */
const GECKO_ID = 'who-said-what@whosaidwhat.org';
/** A fixed moz-extension UUID, so Firefox extension URLs are known before launch. */
const FIREFOX_UUID = '5f1c2a8e-7d3b-4c6e-9a10-0b2d4e6f8a1c';

/** A browser with our extension loaded. */
export interface ExtensionBrowser {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>` (no trailing slash). */
  extensionOrigin: string;
  /** Open a new tab at `url` and wait until it has loaded (extension pages included). */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/** The Chromium flags a root, GPU-less, offline CI machine needs; shared by tests, npm start and the benchmarks. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch `name` with the unpacked build in `distDir` installed. */
export async function launchWithExtension(
  name: BrowserName,
  distDir: string,
  { headless = true }: { headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  const dir = resolve(distDir);
  const profile = await mkdtemp(join(tmpdir(), `wsw-${name}-`));
  let browser: Browser;
  let extensionOrigin: string;
  if (name === 'chromium') {
    browser = await puppeteer.launch({
      browser: 'chrome',
      executablePath: EXECUTABLES.chromium,
      headless,
      userDataDir: profile,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
    });
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    extensionOrigin = /^chrome-extension:\/\/[a-p]{32}/.exec(worker.url())?.[0] ?? '';
    if (!extensionOrigin) throw new Error(`unexpected service worker URL: ${worker.url()}`);
  } else {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // No network: keep Firefox from phoning home during tests.
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
      },
    });
    await browser.installExtension(dir);
    extensionOrigin = `moz-extension://${FIREFOX_UUID}`;
  }
  return {
    name,
    browser,
    extensionOrigin,
    async open(url) {
      const page = await browser.newPage();
      if (!url.startsWith(extensionOrigin)) {
        await page.goto(url, { waitUntil: 'load' });
        return page;
      }
      // Firefox never reports load for moz-extension pages: start the navigation, then poll until
      // the document at that URL is complete (evaluating during the swap may fail: retry).
      void page.goto(url).catch(() => undefined);
      const end = Date.now() + 15_000;
      for (;;) {
        const state = await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '');
        if (state === `complete ${url}`) return page;
        if (Date.now() > end) throw new Error(`extension page did not load: ${url} (${state})`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

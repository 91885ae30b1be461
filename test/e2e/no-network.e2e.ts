/**
 * Nothing leaves the machine: with the demo page loaded, highlights drawn, a card opened and the
 * popup and options pages opened, no request goes anywhere but the local test server (page) and
 * the extension's own files.
 *
 * Chromium: the DevTools protocol's Network events on every target (pages, extension pages, the
 * service worker).
 *
 * Firefox: WebDriver BiDi gives no event stream for the extension's background, so the browser is
 * launched with every connection routed through a recording HTTP proxy started here (plain
 * requests, CONNECT tunnels and upgrades; loopback included; no direct fallback). The record
 * covers the whole run, from startup to the end, in phases: a control phase before the extension
 * is installed proves the recorder works (the fixture page and a page-made request to
 * example.invalid are both seen), and a last phase proves a request made from an extension page
 * is seen too (Firefox's MV3 CSP upgrades it to https, so it arrives as a CONNECT). No host is
 * tolerated: Firefox's own traffic is turned off by prefs instead (remote settings, the only one
 * left after puppeteer's test prefs, needs MOZ_REMOTE_SETTINGS_DEVTOOLS=1 for its server pref to
 * be honoured in a release build). Not covered: DNS, UDP (WebRTC) and requests made after the run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import puppeteer, { type Browser, type CDPSession, type Page, type Target } from 'puppeteer-core';
import { EXECUTABLES } from '../../scripts/browsers';
import {
  BROWSERS,
  distFor,
  launchWithExtension,
  locatePhrase,
  rendersText,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

describe.runIf(BROWSERS.includes('chromium'))('chromium: no network', () => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  const requests: { target: string; url: string }[] = [];
  const sessions: CDPSession[] = [];

  const watch = async (target: Target) => {
    const type = target.type();
    if (type !== 'page' && type !== 'service_worker' && type !== 'other') return;
    const session = await target.createCDPSession().catch(() => null);
    if (!session) return;
    sessions.push(session);
    session.on('Network.requestWillBeSent', (e: { request: { url: string } }) =>
      requests.push({ target: target.url(), url: e.request.url }),
    );
    await session.send('Network.enable').catch(() => undefined);
  };

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension('chromium', distFor('chromium'));
    for (const target of ext.browser.targets()) await watch(target);
    ext.browser.on('targetcreated', (t: Target) => void watch(t));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('makes no request beyond the page itself and its own files', async () => {
    const page = await ext.open(`${server.origin}/index.html`);
    await page.setViewport({ width: 1200, height: 800 });
    await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0));
    const at = await locatePhrase(page, 'Izyum', 'article');
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor('card', () =>
      page.evaluate(() => {
        const host = document.querySelector('wsw-card') as HTMLElement | null;
        return !!host && host.getBoundingClientRect().height > 120;
      }),
    );
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const p = await ext.open(`${ext.extensionOrigin}/${path}`);
      await new Promise((r) => setTimeout(r, 500));
      await p.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    // Network means http(s)/ws(s); chrome://, chrome-extension:// and data: are local.
    const network = requests.filter(({ url }) => /^(https?|wss?):/i.test(url));
    expect(network.filter(({ url }) => !url.startsWith(server.origin))).toEqual([]);
    // The demo page loads only its HTML and stylesheet: the extension added no request to it.
    const pageRequests = requests
      .filter(({ url }) => url.startsWith(server.origin))
      .map(({ url }) => new URL(url).pathname);
    expect([...new Set(pageRequests)].sort()).toEqual(
      ['/favicon.ico', '/index.html', '/style.css'].filter((p) => pageRequests.includes(p)),
    );
    expect(pageRequests.every((p) => ['/index.html', '/style.css', '/favicon.ico'].includes(p))).toBe(true);
    // The watch is real: requests of the extension's own pages were seen too.
    expect(requests.some(({ target }) => target.startsWith(ext.extensionOrigin))).toBe(true);
  });
});

/** One request as the recording proxy saw it. */
interface Seen {
  phase: string;
  method: string;
  /** host:port asked for (CONNECT: the tunnel's target). */
  host: string;
  url: string;
}

/**
 * A recording HTTP proxy on 127.0.0.1. Every plain request, CONNECT tunnel and upgrade that
 * reaches it is recorded with the current `phase()`; only plain http requests to `fixture`
 * (host:port of the local test server) are forwarded, everything else is refused.
 */
async function recordingProxy(fixture: string, phase: () => string) {
  const seen: Seen[] = [];
  const record = (method: string, host: string, url: string) =>
    seen.push({ phase: phase(), method, host, url });
  const server = createServer((req, res) => {
    let target: URL | null = null;
    try {
      target = new URL(req.url ?? '');
    } catch {
      // Origin-form: someone talked to the proxy as if it were a server.
    }
    record(req.method ?? '', target?.host ?? `direct:${req.headers.host ?? ''}`, req.url ?? '');
    if (!target || target.protocol !== 'http:' || target.host !== fixture) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('refused by the recording proxy');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: target.pathname + target.search,
        headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    record('CONNECT', req.url ?? '', req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    record(`UPGRADE ${req.method}`, new URL(req.url ?? '', 'http://unknown').host, req.url ?? '');
    socket.destroy();
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no port');
  return {
    port: address.port,
    seen,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

/** The gecko id and moz-extension UUID of scripts/browsers.ts (which does not export them). */
const GECKO_ID = 'who-said-what@whosaidwhat.org';
const FIREFOX_UUID = '5f1c2a8e-7d3b-4c6e-9a10-0b2d4e6f8a1c';

/**
 * Route everything through the proxy, and turn off what Firefox would fetch on its own (on top
 * of puppeteer's and the remote agent's own test prefs, which already point most services at
 * dummy hosts). Any that still fire show up in the record and fail the test.
 */
const proxyPrefs = (port: number) => ({
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': port,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': port,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.socks': '',
  'network.proxy.no_proxies_on': '',
  // Loopback too (the fixture server), so the record has a positive control.
  'network.proxy.allow_hijacking_localhost': true,
  // Never fall back to a direct connection when the proxy refuses.
  'network.proxy.failover_direct': false,
  // Nothing around the proxy: no DNS-over-HTTPS, no DNS prefetch, no QUIC, no prefetching.
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.http.http3.enable': false,
  'network.predictor.enabled': false,
  'network.prefetch-next': false,
  // Remote settings (firefox.settings.services.mozilla.com, ~25 CONNECTs a run otherwise): a data:
  // server never touches the network. A release build ignores this pref unless the environment
  // has MOZ_REMOTE_SETTINGS_DEVTOOLS=1 (set at launch below).
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
});

describe.runIf(BROWSERS.includes('firefox'))('firefox: no network (through a recording proxy)', () => {
  let browser: Browser;
  let profile: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let phase = 'startup';
  const extensionOrigin = `moz-extension://${FIREFOX_UUID}`;

  /** Open a tab; moz-extension pages never report load, and read as about:blank from outside. */
  const open = async (url: string): Promise<Page> => {
    const page = await browser.newPage();
    if (!url.startsWith(extensionOrigin)) {
      await page.goto(url, { waitUntil: 'load' });
      return page;
    }
    void page.goto(url).catch(() => undefined);
    await waitFor(
      `extension page ${url}`,
      async () =>
        (await page.evaluate(() => `${document.readyState} ${location.href}`).catch(() => '')) ===
        `complete ${url}`,
    );
    return page;
  };

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    proxy = await recordingProxy(new URL(server.origin).host, () => phase);
    profile = await mkdtemp(join(tmpdir(), 'wsw-firefox-proxy-'));
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      userDataDir: profile,
      args: ['--remote-allow-system-access'],
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        'app.update.enabled': false,
        'browser.shell.checkDefaultBrowser': false,
        ...proxyPrefs(proxy.port),
      },
    });
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await proxy?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true }).catch(() => undefined);
  });

  it('records the browser traffic (controls, before the extension is installed)', async () => {
    phase = 'control';
    const page = await open(`${server.origin}/index.html`);
    // A page-made request to a host that does not exist reaches the proxy (and is refused there).
    await page.evaluate(() => fetch('http://example.invalid/control').catch(() => undefined));
    await page.close();
    const control = proxy.seen.filter((s) => s.phase === 'control').map((s) => `${s.method} ${s.url}`);
    expect(control).toContain(`GET ${server.origin}/index.html`);
    expect(control).toContain('GET http://example.invalid/control');
  });

  it('makes no request beyond the page itself and its own files', async () => {
    phase = 'extension';
    await browser.installExtension(distFor('firefox'));
    const page = await open(`${server.origin}/index.html`);
    await page.setViewport({ width: 1200, height: 800 });
    await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0));
    const at = await locatePhrase(page, 'Izyum', 'article');
    await page.mouse.move(at.x - 40, at.y - 60);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await waitFor('card', () =>
      page.evaluate(() => {
        const host = document.querySelector('wsw-card') as HTMLElement | null;
        return !!host && host.getBoundingClientRect().height > 120;
      }),
    );
    await waitFor('card text', () => rendersText(page, 'Data as of'));
    for (const path of ['src/popup/index.html', 'src/options/index.html']) {
      const p = await open(`${extensionOrigin}/${path}`);
      // The page really rendered (not an error page): it has a body with content.
      expect(await p.evaluate(() => document.body.innerText.trim().length > 0)).toBe(true);
      await new Promise((r) => setTimeout(r, 500));
      await p.close();
    }
    await new Promise((r) => setTimeout(r, 1500));
    // The whole run so far (startup, controls, install, page, card, popup, options): every
    // request went to the fixture server, bar the one deliberate control request.
    const elsewhere = proxy.seen.filter(
      (s) =>
        s.host !== new URL(server.origin).host &&
        !(s.phase === 'control' && s.url === 'http://example.invalid/control'),
    );
    expect(elsewhere).toEqual([]);
    // The demo page loads only its HTML and stylesheet: the extension added no request to it.
    const paths = proxy.seen.filter((s) => s.phase === 'extension').map((s) => new URL(s.url).pathname);
    expect(paths).toContain('/index.html');
    expect(paths.every((p) => ['/index.html', '/style.css', '/favicon.ico'].includes(p))).toBe(true);
  });

  it('would see a request made by an extension page', async () => {
    phase = 'extension-control';
    const options = await open(`${extensionOrigin}/src/options/index.html`);
    await options.evaluate(() => fetch('http://example.invalid/from-extension').catch(() => undefined));
    await options.close();
    // Firefox's MV3 extension CSP upgrades the request to https: it arrives as a CONNECT tunnel.
    const seen = proxy.seen.filter((s) => s.phase === 'extension-control');
    expect([...new Set(seen.map((s) => `${s.method} ${s.host}`))]).toEqual(['CONNECT example.invalid:443']);
  });
});

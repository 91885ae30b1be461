/**
 * A React 19 server-rendered page that hydrates and then re-renders highlighted text every 100 ms
 * for 10 s: no hydration warning or error, no page error, and the highlights follow the text.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../fixtures/react/app';
import {
  BROWSERS,
  distFor,
  launchWithExtension,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

describe.each(BROWSERS)('%s: React hydration', (name) => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsw-react-'));
    await build({
      configFile: false,
      logLevel: 'silent',
      // Development React: hydration mismatches are reported as console errors.
      define: { 'process.env.NODE_ENV': '"development"' },
      build: {
        outDir: dir,
        emptyOutDir: false,
        minify: false,
        lib: {
          entry: resolve(ROOT, 'test/fixtures/react/client.ts'),
          formats: ['iife'],
          name: 'client',
          fileName: () => 'client.js',
        },
      },
    });
    const html = renderToString(createElement(App, { ticks: 100 }));
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>React</title><link rel="icon" href="data:,"></head><body><div id="root">${html}</div><script src="client.js"></script></body></html>`,
    );
    server = await serveStatic(dir);
    ext = await launchWithExtension(name, distFor(name));
  }, 120_000);

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it(
    'hydrates without warnings and the highlights follow 10 s of re-renders',
    { timeout: 60_000 },
    async () => {
      const page = await ext.browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`));
      await page.goto(`${server.origin}/index.html`, { waitUntil: 'load' });
      await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0));
      await waitFor(
        'the re-renders to finish',
        () => page.evaluate(() => document.querySelector('#app')?.getAttribute('data-n') === '100'),
        30_000,
      );
      const state = await waitFor('highlights to catch up', async () => {
        const s = await page.evaluate(() => {
          const texts = [...CSS.highlights.values()].flatMap((h) =>
            [...(h as unknown as Set<StaticRange>)]
              .filter((r) => r.startContainer.isConnected)
              .map((r) => {
                const live = document.createRange();
                live.setStart(r.startContainer, r.startOffset);
                live.setEnd(r.endContainer, r.endOffset);
                return live.toString();
              }),
          );
          const detached = [...CSS.highlights.values()]
            .flatMap((h) => [...(h as unknown as Set<StaticRange>)])
            .filter((r) => !r.startContainer.isConnected).length;
          return {
            texts: texts.sort(),
            detached,
            reactErrors: (window as unknown as { reactErrors: string[] }).reactErrors,
          };
        });
        return s.texts.includes('Izium') && s.texts.includes('Energoatom') ? s : null;
      });
      expect(state.texts).toEqual(['Bucha', 'Energoatom', 'Enerhodar', 'Izium', 'Kremlin', 'Kyiv']);
      expect(state.detached).toBe(0);
      expect(state.reactErrors).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});

/**
 * The toolbar popup over a real page (Chromium: `action.openPopup()` opens the real popup for the
 * window, so its active tab is the page). Firefox opens the popup only on a user gesture, which
 * WebDriver BiDi cannot give to the toolbar, so most of this file runs in Chromium; in Firefox the
 * popup page is opened as a tab naming the article's tab (`?tab=N`) for the article's speakers.
 * The popup's rendering and settings are covered in both browsers by foundation.e2e.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { readDataset } from '../../src/node/dataset-files';
import { compileDictionary } from '../../src/core/dictionary';
import { highlightableEntities } from '../../src/core/dataset';
import { findMentions } from '../../src/core/matcher';
import { pageStatements } from '../../src/core/attribution';
import { pageSpeakers } from '../../src/core/page-speakers';
import { readEntitySources } from '../../src/node/entity-files';
import {
  distFor,
  hasSeed,
  highlightCount as countHighlights,
  launchWithExtension,
  ROOT,
  runAxe,
  serveStatic,
  waitFor,
  writeSeedPage,
  type ExtensionBrowser,
} from './harness';

const RUN = (process.env.WSW_BROWSERS ?? 'chromium,firefox').includes('chromium');
const RUN_FIREFOX = (process.env.WSW_BROWSERS ?? 'chromium,firefox').includes('firefox');

/** The popup's speakers section as shown: names, counts, and each statement's stance and text. */
function readSpeakers(popup: Page) {
  return popup.$$eval('.wsw-speaker', (els) =>
    els.map((e) => ({
      id: (e as HTMLElement).dataset.speaker ?? '',
      name: e.querySelector('.wsw-speaker-label')?.textContent ?? '',
      counts: e.querySelector('.wsw-speaker-counts')?.textContent ?? '',
      statements: [...e.querySelectorAll('.wsw-statement')].map((s) => ({
        stance: (s as HTMLElement).dataset.stance ?? '',
        text: s.querySelector('.wsw-statement-text')?.textContent ?? '',
      })),
    })),
  );
}

/**
 * What the seed article says its speakers said, as the core finds it on the article's text (the
 * background runs the same function on the text the page sends): Peskov, Zelensky and the Kremlin
 * listed, the most quoted first, each with its statements.
 */
function expectSeedSpeakers(shown: Awaited<ReturnType<typeof readSpeakers>>): void {
  const { paragraphs } = writeSeedPage();
  const dict = compileDictionary(readEntitySources().entities);
  const names = new Map(dict.entities.map((e) => [e.id, e]));
  const expected = pageSpeakers(pageStatements(paragraphs.join('\u2029'), dict), (id) => {
    const e = names.get(id);
    return e && { name: e.name.en, type: e.type };
  });
  expect(shown.map((s) => s.id)).toEqual(expected.map((s) => s.id));
  for (const id of ['dmitry-peskov', 'volodymyr-zelensky', 'kremlin'])
    expect(shown.map((s) => s.id)).toContain(id);
  for (const [i, s] of shown.entries()) {
    expect(s.name).toBe(expected[i]!.name);
    expect(s.counts).toMatch(new RegExp(`^${expected[i]!.statements.length} statements?$`));
    expect(s.statements.map((st) => st.stance)).toEqual(expected[i]!.statements.map((st) => st.stance));
    expect(s.statements.map((st) => st.text.replace(/^“|”$/g, ''))).toEqual(
      expected[i]!.statements.map((st) => st.text),
    );
  }
  const peskov = shown.find((s) => s.id === 'dmitry-peskov')!;
  expect(peskov.name).toBe('Dmitry Peskov');
  expect(peskov.statements[0]!.text).toMatch(/^“It's the same scenario as in Bucha/);
  expect(peskov.statements[0]!.stance).toBe('denies');
  const zelensky = shown.find((s) => s.id === 'volodymyr-zelensky')!;
  expect(zelensky.statements.some((st) => /evidence of torture/.test(st.text))).toBe(true);
  const kremlin = shown.find((s) => s.id === 'kremlin')!;
  expect(kremlin.statements.map((st) => st.stance)).toContain('denies');
}

describe.runIf(RUN)('chromium: popup on a page', () => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let page: Page;

  const openPopup = async (): Promise<Page> => {
    await page.bringToFront();
    const sw = await ext.browser.waitForTarget((t) => t.type() === 'service_worker');
    const worker = (await sw.worker())!;
    expect(await worker.evaluate('chrome.action.openPopup().then(() => "ok", (e) => String(e))')).toBe('ok');
    const target = await ext.browser.waitForTarget((t) => t.url().includes('/src/popup/index.html'));
    const popup = (await target.asPage())!;
    await popup.waitForSelector('.wsw-status');
    return popup;
  };
  const highlightCount = () => countHighlights(page);

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/assets/demo`);
    ext = await launchWithExtension('chromium', distFor('chromium'));
    page = await ext.open(`${server.origin}/index.html`);
    await waitFor('highlights', async () => (await highlightCount()) > 10);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('lists the entities found on the page, the most said about first, each with its top verdict or dispute', async () => {
    const popup = await openPopup();
    const rows = await waitFor('entity list', async () => {
      const r = await popup.$$eval('.wsw-entity', (els) =>
        els.map((e) => ({
          name: e.querySelector('.wsw-entity-name')?.textContent ?? '',
          counts: e.querySelector('.wsw-entity-counts')?.textContent ?? '',
          top: e.querySelector('.wsw-entity-top')?.textContent ?? '',
        })),
      );
      return r.length ? r : null;
    });
    expect(rows.some((r) => r.name === 'Izium' && /^4 mentions · \d+ claims$/.test(r.counts))).toBe(true);
    // The order is the background's (buildPageList, unit-tested): what comes first has mentions.
    expect(Number(/^(\d+)/.exec(rows[0]!.counts)![1])).toBeGreaterThan(0);
    // Izium's line is a dispute (Ukraine's officials against the Kremlin's), one line.
    const izium = rows.find((r) => r.name === 'Izium')!;
    expect(izium.top).toMatch(/accuses|asserts/);
    expect(izium.top).toMatch(/denies/);
    await popup.close();
  });

  it('turns the extension off and on for the site in one click, at once', async () => {
    const popup = await openPopup();
    await popup.waitForSelector('#wsw-site');
    expect(await popup.$eval('#wsw-site + span', (e) => e.textContent)).toBe('On 127.0.0.1');
    await popup.click('#wsw-site');
    await waitFor('highlights gone', async () => (await highlightCount()) === 0);
    await waitFor(
      'popup says off',
      async () => (await popup.$eval('.wsw-status', (e) => e.textContent)) === 'Off on this site.',
    );
    // Still off after a reload (the switch is stored, not a one-off).
    await popup.close();
    await page.reload({ waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await highlightCount()).toBe(0);
    const again = await openPopup();
    await again.waitForSelector('#wsw-site');
    await again.click('#wsw-site');
    await waitFor('highlights back', async () => (await highlightCount()) > 10);
    await again.close();
  });

  it('has no axe-core violations', async () => {
    const popup = await openPopup();
    await popup.waitForSelector('.wsw-entity');
    const result = await runAxe(popup);
    expect(result.passes).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
    await popup.close();
  });

  it.runIf(hasSeed)("lists the seed article's entities with their mention counts", async () => {
    const { dir, paragraphs } = writeSeedPage();
    const seedServer = await serveStatic(dir);
    const previous = page;
    try {
      page = await ext.open(`${seedServer.origin}/index.html`);
      const { dataset, entities } = readDataset();
      const dict = compileDictionary(highlightableEntities(entities, dataset));
      const expected = new Map<string, number>();
      for (const p of paragraphs)
        for (const m of findMentions(p, dict)) expected.set(m.entity, (expected.get(m.entity) ?? 0) + 1);
      const names = new Map(entities.map((e) => [e.id, e.name.en]));
      await waitFor(
        'highlights',
        async () => (await highlightCount()) >= [...expected.values()].reduce((a, b) => a + b, 0),
      );
      const popup = await openPopup();
      const rows = await waitFor('entity list', async () => {
        const r = await popup.$$eval('.wsw-entity', (els) =>
          els.map((e) => [
            e.querySelector('.wsw-entity-name')?.textContent,
            e.querySelector('.wsw-entity-counts')?.textContent,
          ]),
        );
        return r.length ? r : null;
      });
      const shown = new Map(rows.map(([n, c]) => [n, Number(/^(\d+) mention/.exec(c ?? '')?.[1])]));
      expect(shown).toEqual(new Map([...expected].map(([id, n]) => [names.get(id), n])));
      for (const promised of ['Izium', 'Volodymyr Zelenskyy', 'Dmitry Peskov', 'Bucha', 'Kremlin', 'Kyiv'])
        expect(shown.get(promised), promised).toBeGreaterThan(0);
      await popup.close();
      await page.close();
    } finally {
      page = previous;
      await seedServer.close();
    }
  });

  it.runIf(hasSeed)("lists the seed article's speakers with what it says they said", async () => {
    const { dir } = writeSeedPage();
    const seedServer = await serveStatic(dir);
    const previous = page;
    try {
      page = await ext.open(`${seedServer.origin}/index.html`);
      await waitFor('highlights', async () => (await highlightCount()) > 10);
      // The page's statements are found in idle time after the highlights: ask again until listed.
      const speakers = await waitFor(
        'speakers in the popup',
        async () => {
          const popup = await openPopup();
          await waitFor('entity list', () => popup.$('.wsw-entity'));
          const found = await readSpeakers(popup);
          if (found.length && process.env.WSW_SCREENSHOTS)
            await popup.screenshot({ path: join(process.env.WSW_SCREENSHOTS, 'popup-seed-chromium.png') });
          await popup.close();
          return found.length ? found : null;
        },
        20_000,
      );
      expectSeedSpeakers(speakers);
      await page.close();
    } finally {
      page = previous;
      await seedServer.close();
    }
  });

  it('scrolls to an entity and opens its card from the list', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await openPopup();
    const buttons = await waitFor('entity list', async () => {
      const b = await popup.$$('.wsw-entity');
      return b.length ? b : null;
    });
    const names = await popup.$$eval('.wsw-entity-name', (els) => els.map((e) => e.textContent));
    await buttons[names.indexOf('Bucha')]!.click();
    await waitFor('card on the page', () =>
      page.evaluate(() => {
        const host = document.querySelector('wsw-card') as HTMLElement | null;
        return !!host && getComputedStyle(host).display !== 'none' && document.activeElement === host;
      }),
    );
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('gets answers that reflect settings stored just before the question, without waiting', async () => {
    const sw = await ext.browser.waitForTarget((t) => t.type() === 'service_worker');
    const worker = (await sw.worker())!;
    /** Store a site list and at once ask every tab what it holds (as the popup does, settled). */
    const storeAndAsk = (sites: string[]) =>
      worker.evaluate(`(async () => {
        const { settings } = await chrome.storage.sync.get('settings');
        const tabs = await chrome.tabs.query({});
        // Not awaited: the question may reach the page before the change event does.
        void chrome.storage.sync.set({ settings: { ...settings, disabledSites: ${JSON.stringify(sites)} } });
        const answers = [];
        for (const tab of tabs) {
          try {
            const reply = await chrome.tabs.sendMessage(tab.id, { tag: 'wsw/1', name: 'pageInfo', payload: { settled: true } });
            if (reply.ok && reply.value.host === '127.0.0.1') answers.push(reply.value);
          } catch {}
        }
        return answers;
      })()`) as Promise<{ active: boolean; entities: unknown[] }[]>;
    const off = await storeAndAsk(['127.0.0.1']);
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((a) => !a.active && a.entities.length === 0)).toBe(true);
    const on = await storeAndAsk([]);
    expect(on.length).toBe(off.length);
    expect(on.every((a) => a.active && a.entities.length > 5)).toBe(true);
  });
});

/**
 * Firefox opens the real popup only on a user gesture, so its page is opened as a tab naming the
 * article's tab (`?tab=N`, which the popup reads only when present).
 */
describe.runIf(RUN_FIREFOX && hasSeed)('firefox: the popup page for a tab', () => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    server = await serveStatic(writeSeedPage().dir);
    ext = await launchWithExtension('firefox', distFor('firefox'));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it("lists the seed article's speakers with what it says they said", async () => {
    const url = `${server.origin}/index.html`;
    const page = await ext.open(url);
    await waitFor('highlights', async () => (await countHighlights(page)) > 10);
    // The article's tab id, found as an extension page can: the tab whose content script said hello from it.
    const popupUrl = `${ext.extensionOrigin}/src/popup/index.html`;
    const finder = await ext.open(popupUrl);
    const tabId = await waitFor('the article tab', () =>
      finder.evaluate(async (href) => {
        type Api = {
          tabs: { query(q: object): Promise<{ id?: number }[]> };
          runtime: { sendMessage(m: unknown): Promise<{ ok?: boolean; value?: { href?: string } | null }> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        for (const tab of await api.tabs.query({})) {
          const reply = await api.runtime.sendMessage({
            tag: 'wsw/1',
            name: 'tabStatus',
            payload: { tabId: tab.id },
          });
          if (reply?.ok && reply.value?.href === href) return tab.id ?? null;
        }
        return null;
      }, url),
    );
    await finder.close();
    const speakers = await waitFor(
      'speakers in the popup page',
      async () => {
        const popup = await ext.open(`${popupUrl}?tab=${tabId}`);
        await waitFor('entity list', () => popup.$('.wsw-entity'));
        const found = await readSpeakers(popup);
        if (found.length) {
          // Keyboard reachable: Tab reaches a speaker's name button.
          const reached = await waitFor('a speaker by Tab', async () => {
            await popup.keyboard.press('Tab');
            return popup.evaluate(() => document.activeElement?.classList.contains('wsw-speaker-name'));
          });
          expect(reached).toBe(true);
        }
        await popup.close();
        return found.length ? found : null;
      },
      20_000,
    );
    expectSeedSpeakers(speakers);
  });
});

/**
 * The card answers the page it opens on, in both browsers with the built extension:
 * - on the seed article, the Izium card's first item is a claim by a speaker on the page, the
 *   card's box stays within 380 px × 45 % of the viewport, and no claim is shown twice;
 * - on a page where the Russian Ministry of Defence calls a Bucha video staged, after a ClaimReview
 *   of that claim is imported through the options page, the Bucha card opens with that fact-check;
 * - on a page dated 2022-04-05, a claim of September 2022 is under the "after this article" divider
 *   ("Show all" reached and pressed from the keyboard; Escape still closes the expanded card);
 * - with the Ukrainian interface, the "why" line is Ukrainian;
 * - axe-core finds nothing on the card component, compact and expanded, light and dark.
 *
 * The live card is in a closed shadow root: what it renders is read with find-in-page
 * (`window.find`, which also tells the order: each search starts where the last one ended), and
 * what the background sent is asked from an extension page with the same message and context.
 * Set WSW_CARD_SCREENSHOT=path.png to save the seed article's card (Chromium) for the README.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { build } from 'vite';
import preact from '@preact/preset-vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/node/dataset-files';
import { buildCardData, type CardData } from '../../src/core/card-data';
import { compileDictionary } from '../../src/core/dictionary';
import { findMentions } from '../../src/core/matcher';
import {
  BROWSERS,
  distFor,
  hasSeed,
  launchWithExtension,
  highlightedTexts,
  locatePhrase,
  ROOT,
  rendersText,
  runAxe,
  serveStatic,
  waitFor,
  writeSeedPage,
  type ExtensionBrowser,
} from './harness';

const VIEWPORT = { width: 1200, height: 900 };
const PAGES = `${ROOT}/test/fixtures/pages`;
const STAGED_TEXT = 'The video of bodies in the streets of Bucha was staged';

const { dataset, entities } = readDataset();
const dict = compileDictionary(entities.filter((e) => dataset.byEntity[e.id]?.length));

/** Entity counts the content script sends for a text (the matcher, as the highlighter runs it). */
function countsIn(paragraphs: string[]): { id: string; mentions: number }[] {
  const counts = new Map<string, number>();
  for (const p of paragraphs)
    for (const m of findMentions(p, dict)) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
  return [...counts].map(([id, mentions]) => ({ id, mentions }));
}

/** The card's box on the page (its host holds the shadow root, so it has the card's size). */
const cardBox = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('wsw-card') as HTMLElement | null;
    if (!host || getComputedStyle(host).display === 'none') return null;
    const r = host.getBoundingClientRect();
    return { width: r.width, height: r.height };
  });

/** Whether the texts are rendered in this order (find-in-page from the top, each after the last). */
const rendersInOrder = (page: Page, texts: string[]) =>
  page.evaluate(
    `(() => { getSelection()?.removeAllRanges();
      return ${JSON.stringify(texts)}.every((t) => window.find(t, false, false, false)); })()`,
  ) as Promise<boolean>;

/** How many times a text is rendered (at most 5 counted). */
const occurrences = (page: Page, text: string) =>
  page.evaluate(
    `(() => { getSelection()?.removeAllRanges(); let n = 0;
      while (n < 5 && window.find(${JSON.stringify(text)}, false, false, false)) n++; return n; })()`,
  ) as Promise<number>;

/** The first words of a claim as the card prints them (quotes in curly quotation marks). */
const opening = (c: { kind: string; text: string }, words = 6) =>
  (c.kind === 'quote' ? '“' : '') + c.text.split(/\s+/).slice(0, words).join(' ');

describe.each(BROWSERS)('%s: the card answers the page', (name) => {
  let ext: ExtensionBrowser;
  let pages: Awaited<ReturnType<typeof serveStatic>>;
  let options: Page;

  /** What the background sends for a card (asked from an extension page, as a content script asks). */
  const cardFromBackground = async (payload: Record<string, unknown>): Promise<CardData> => {
    const reply = (await options.evaluate(
      `(globalThis.browser ?? chrome).runtime.sendMessage(${JSON.stringify({ tag: 'wsw/1', name: 'entityCard', payload })})`,
    )) as { ok: boolean; value: CardData };
    expect(reply.ok).toBe(true);
    return reply.value;
  };

  /** Hover a phrase until its card has its content (`opened` runs before anything is searched). */
  const hover = async (page: Page, phrase: string, opened?: () => Promise<void>) => {
    await page.mouse.move(2, 2);
    await page.keyboard.press('Escape');
    await new Promise((r) => setTimeout(r, 300));
    // The pointer goes where a reader's would once the phrase is lit: a pointer that stops on text
    // before the content script has placed its highlights shows nothing until it moves again (as
    // in a reader's browser), and the first page after the extension started can take a while.
    await waitFor('the phrase highlighted', async () =>
      (await highlightedTexts(page)).some((t) => t.includes(phrase)),
    );
    const at = await locatePhrase(page, phrase);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor('card content', async () => ((await cardBox(page))?.height ?? 0) > 120);
    await new Promise((r) => setTimeout(r, 300));
    await opened?.();
    await waitFor('card summary', () => rendersText(page, 'claims ·'));
  };

  beforeAll(async () => {
    pages = await serveStatic(PAGES);
    ext = await launchWithExtension(name, distFor(name));
    options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.waitForSelector('.wsw-datasets');
  });

  afterAll(async () => {
    await ext?.close();
    await pages?.close();
  });

  it.runIf(hasSeed)(
    'seed article: a speaker on the page first, within the size bound, nothing twice',
    async () => {
      const { dir, paragraphs } = writeSeedPage();
      const seed = await serveStatic(dir);
      try {
        const page = await ext.open(`${seed.origin}/index.html`);
        await page.setViewport(VIEWPORT);
        await hover(page, 'Izyum');
        const box = (await cardBox(page))!;
        console.log(
          `${name}: seed article, Izium card ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`,
        );
        expect(box.width).toBeLessThanOrEqual(380);
        expect(box.height).toBeLessThanOrEqual(0.45 * VIEWPORT.height);

        const card = await cardFromBackground({
          entityId: 'izium',
          lang: 'en',
          pattern: 0,
          seen: 'Izyum',
          context: { entities: countsIn(paragraphs), lang: 'en' },
        });
        const first = card.items[0]!;
        const onPage = new Set(['volodymyr-zelensky', 'dmitry-peskov', 'kremlin']);
        expect(
          [first.claim, ...first.replies].some((c) => onPage.has(c.speakerId)),
          JSON.stringify(first.claim),
        ).toBe(true);
        expect(onPage.has(first.claim.speakerId)).toBe(true);
        console.log(`${name}: first item: ${first.claim.speaker}: ${first.claim.text}`);
        // No claim twice in what was sent: neither the same record nor the same text.
        const all = card.items.flatMap((i) => [i.claim, ...i.replies]);
        expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
        expect(new Set(all.map((c) => c.text)).size).toBe(all.length);
        // Rendered: the top three in that order, the fourth not before "Show all", each text once.
        const top = card.items.slice(0, 3).map((i) => opening(i.claim));
        expect(await rendersInOrder(page, top)).toBe(true);
        const article = paragraphs.join('\n');
        for (const text of top.filter((t) => !article.includes(t.replace('“', ''))))
          expect(await occurrences(page, text), text).toBe(1);
        if (card.items[3]) expect(await rendersText(page, opening(card.items[3].claim))).toBe(false);
        expect(await rendersText(page, `Show all (${card.itemsTotal})`)).toBe(true);
        if (name === 'chromium' && process.env.WSW_CARD_SCREENSHOT)
          await page.screenshot({ path: process.env.WSW_CARD_SCREENSHOT as `${string}.png` });
        await page.close();
      } finally {
        await seed.close();
      }
    },
  );

  it('a fact-check imported through the options page leads the Bucha card, with its verdict', async () => {
    await options.bringToFront();
    const input = (await options.$('#wsw-import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(`${ROOT}/test/fixtures/import/e2e/bucha-staged-review.jsonld`);
    const stage = () =>
      options.$eval('[data-stage]', (el) => el.getAttribute('data-stage')).catch(() => null);
    await waitFor('preview', async () => (await stage()) === 'preview');
    await options.click('#wsw-import-confirm');
    await waitFor('import done', async () => (await stage()) === 'done');

    const page = await ext.open(`${pages.origin}/bucha-staged.html`);
    await page.setViewport(VIEWPORT);
    await hover(page, 'Bucha');
    const box = (await cardBox(page))!;
    expect(box.width).toBeLessThanOrEqual(380);
    expect(box.height).toBeLessThanOrEqual(0.45 * VIEWPORT.height);
    // The first item is the imported claim, its verdict badge first.
    expect(await rendersInOrder(page, ['False · Example Fact Check', STAGED_TEXT])).toBe(true);
    expect(await rendersInOrder(page, [STAGED_TEXT, 'Show all ('])).toBe(true);
    const text = readFileSync(`${PAGES}/bucha-staged.html`, 'utf8');
    const card = await cardFromBackground({
      entityId: 'bucha',
      lang: 'en',
      pattern: 0,
      seen: 'Bucha',
      context: { entities: countsIn([text.replace(/<[^>]+>/g, ' ')]), published: '2022-04-04', lang: 'en' },
    });
    expect(card.items[0]!.claim.text).toContain(STAGED_TEXT);
    expect(card.items[0]!.claim.verdict).toMatchObject({ rating: 'False', normalized: 'false' });
    expect(card.items[0]!.reasons.map((r) => r.kind)).toEqual(['fact-checked', 'speaker-on-page']);
    // Every other item follows it: the fact-check is not repeated below.
    expect(await occurrences(page, STAGED_TEXT)).toBe(1);
    await page.close();
  });

  it('a page dated 2022-04-05: a claim of September 2022 is later, under the divider', async () => {
    const page = await ext.open(`${pages.origin}/bucha-dated.html`);
    await page.setViewport(VIEWPORT);
    await waitFor('highlights', () => page.evaluate(() => CSS.highlights.size > 0));
    const card = await cardFromBackground({
      entityId: 'bucha',
      lang: 'en',
      pattern: 0,
      seen: 'Bucha',
      context: { entities: [{ id: 'bucha', mentions: 1 }], published: '2022-04-05', lang: 'en' },
    });
    const september = card.items.find((i) => i.later && i.claim.date.startsWith('2022-09'));
    expect(september, 'a later item of September 2022').toBeDefined();
    // Open the card from the keyboard (the page's first mention is Bucha), then Tab to "Show all":
    // past the close button and the links of the top three items (a verdict badge, a source each).
    await page.keyboard.down('Alt');
    await page.keyboard.down('Shift');
    await page.keyboard.press('KeyN');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Alt');
    await waitFor('card content', async () => ((await cardBox(page))?.height ?? 0) > 120);
    await waitFor('card summary', () => rendersText(page, 'Article of'));
    expect(await rendersText(page, 'After this article')).toBe(false);
    const links = card.items
      .slice(0, 3)
      .reduce((n, i) => n + 1 + ([i.claim, ...i.replies].some((c) => c.verdict) ? 1 : 0), 0);
    for (let i = 0; i < 1 + links + 1; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitFor('expanded', () => rendersText(page, 'After this article'));
    expect(await rendersInOrder(page, ['After this article', opening(september!.claim)])).toBe(true);
    const box = (await cardBox(page))!;
    expect(box.height).toBeLessThanOrEqual(0.45 * VIEWPORT.height);
    // Escape still closes the expanded card.
    await page.keyboard.press('Escape');
    await waitFor('closed', async () => (await cardBox(page)) === null);
    await page.close();
  });

  it.runIf(hasSeed)('with the Ukrainian interface the "why" line is Ukrainian', async () => {
    await options.bringToFront();
    await options.select('#wsw-ui-lang', 'uk');
    await waitFor(
      'saved',
      async () => (await options.$eval('h1', (el) => el.textContent)) !== 'Who Said What — settings',
    );
    const { dir } = writeSeedPage();
    const seed = await serveStatic(dir);
    try {
      const page = await ext.open(`${seed.origin}/index.html`);
      await page.setViewport(VIEWPORT);
      await page.mouse.move(2, 2);
      const at = await locatePhrase(page, 'Izyum');
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await waitFor('Ukrainian why line', () =>
        rendersText(page, 'Підсвічено, бо: назва «Izyum» (мова: англійська)'),
      );
      expect(await rendersText(page, 'Highlighted because')).toBe(false);
      await page.close();
    } finally {
      await seed.close();
      await options.bringToFront();
      await options.select('#wsw-ui-lang', 'auto');
    }
  });
});

describe.each(BROWSERS)('%s: axe-core on the card component', (name) => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let page: Page;

  beforeAll(async () => {
    // The component with the card's styles, bundled for a plain page (no extension APIs in it).
    const out = (await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [preact()],
      build: {
        write: false,
        minify: false,
        lib: { entry: `${ROOT}/test/e2e/card-harness.tsx`, formats: ['iife'], name: 'wswCard' },
      },
    })) as { output: { code: string }[] }[];
    const dir = mkdtempSync(join(tmpdir(), 'wsw-card-'));
    writeFileSync(join(dir, 'card.js'), out[0]!.output[0]!.code);
    const data = buildCardData(dataset, dict.entities, 'bucha', 'en', {
      why: { alias: 'Bucha', form: 'Bucha', lang: 'en', rule: 'alias', caseRule: 'as-written' },
      page: {
        entities: new Map([
          ['bucha', 2],
          ['kremlin', 1],
          ['volodymyr-zelensky', 1],
        ]),
        published: '2022-04-05',
      },
      maxItems: 40,
    });
    const table = JSON.parse(readFileSync(`${ROOT}/assets/public/_locales/en/messages.json`, 'utf8'));
    for (const theme of ['light', 'dark'])
      writeFileSync(
        join(dir, `${theme}.html`),
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>card</title></head><body>
<script>window.WSW_CARD = ${JSON.stringify({ data, table, theme }).replace(/</g, '\\u003c')};</script>
<script src="card.js"></script></body></html>`,
      );
    server = await serveStatic(dir);
    ext = await launchWithExtension(name, distFor(name));
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it.each(['light', 'dark'])('%s: compact and expanded', async (theme) => {
    page = await ext.open(`${server.origin}/${theme}.html`);
    await page.setViewport(VIEWPORT);
    await waitFor('card', () =>
      page.evaluate(() => !!document.getElementById('card-host')?.shadowRoot?.querySelector('.item')),
    );
    const compact = await runAxe(page);
    expect(compact.passes).toBeGreaterThan(10);
    expect(compact.violations).toEqual([]);
    await page.evaluate(() =>
      (document.getElementById('card-host')!.shadowRoot!.querySelector('.show-all') as HTMLElement).click(),
    );
    await waitFor('expanded', () =>
      page.evaluate(
        () => document.getElementById('card-host')!.shadowRoot!.querySelectorAll('.item').length > 3,
      ),
    );
    const expanded = await runAxe(page);
    expect(expanded.passes).toBeGreaterThan(10);
    expect(expanded.violations).toEqual([]);
    await page.close();
  });
});

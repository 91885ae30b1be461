/**
 * Who speaks on a page, in the built extension: a quotation signed on the line below (the demo
 * article's blockquote, "— Dmitry Peskov, Kremlin spokesman") opens Peskov's card with "In this
 * article", and a person the page quotes who has no claims in the dataset (Dmytro Lubinets on a
 * fixture page) is highlighted on that page, their card saying what the page quotes and that the
 * dataset has no claims of theirs yet. `WSW_SCREENSHOTS=DIR` saves each card as a PNG there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  BROWSERS,
  distFor,
  highlightedTexts,
  launchWithExtension,
  locatePhrase,
  rendersText,
  ROOT,
  serveStatic,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const SHOTS = process.env.WSW_SCREENSHOTS;

const cardOpen = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('wsw-card') as HTMLElement | null;
    return !!host && getComputedStyle(host).display !== 'none' && host.getBoundingClientRect().height > 80;
  });

/**
 * Hover `phrase` until its card shows "In this article" (the page's statements are found in idle
 * time after the highlights, so a card asked for earlier lacks the section: hover again).
 */
async function hoverUntilInArticle(page: Page, phrase: string): Promise<void> {
  await waitFor(
    `"In this article" on the card of ${phrase}`,
    async () => {
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      const at = await locatePhrase(page, phrase);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await waitFor('card', () => cardOpen(page));
      await new Promise((r) => setTimeout(r, 300));
      return rendersText(page, 'In this article');
    },
    25_000,
  );
}

describe.each(BROWSERS)('%s: who speaks on the page', (name) => {
  let ext: ExtensionBrowser;
  let demo: Awaited<ReturnType<typeof serveStatic>>;
  let pages: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    demo = await serveStatic(`${ROOT}/assets/demo`);
    pages = await serveStatic(`${ROOT}/test/fixtures/pages`);
    ext = await launchWithExtension(name, distFor(name));
  });

  afterAll(async () => {
    await ext?.close();
    await demo?.close();
    await pages?.close();
  });

  it("opens Peskov's card on the demo article with the blockquote he signs, in this article", async () => {
    const page = await ext.open(`${demo.origin}/index.html`);
    await page.setViewport({ width: 1200, height: 900 });
    await hoverUntilInArticle(page, 'Dmitry Peskov');
    // The signed blockquote's words, which no reporting verb introduces on the page.
    await waitFor('the signed quote', () => rendersText(page, "It's the same scenario as in Bucha"));
    await waitFor('the signature as its context', () => rendersText(page, 'Kremlin spokesman, speaking'));
    if (name === 'chromium') {
      type Node = { name?: string; children?: Node[] };
      const find = (n: Node | null | undefined): Node | undefined =>
        !n ? undefined : n.name === 'In this article' ? n : n.children?.map(find).find(Boolean);
      const section = JSON.stringify(find(await page.accessibility.snapshot()) ?? null);
      expect(section).toContain('Dmitry Peskov');
      expect(section).toContain("It's the same scenario as in Bucha");
    }
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `speakers-demo-peskov-${name}.png`) });
    await page.close();
  });

  it('highlights a person the page quotes who has no claims, and their card says so', async () => {
    const page = await ext.open(`${pages.origin}/ombudsman.html`);
    await page.setViewport({ width: 1200, height: 900 });
    // Not in the page's dictionary (no claims): highlighted once the background found them speaking.
    const texts = await waitFor(
      'the quoted person highlighted',
      async () => {
        const t = await highlightedTexts(page);
        return t.filter((x) => x === 'Dmytro Lubinets').length === 2 ? t : null;
      },
      20_000,
    );
    expect(texts).toEqual(['Dmytro Lubinets', 'Dmytro Lubinets']);
    await hoverUntilInArticle(page, 'Dmytro Lubinets');
    await waitFor('no claims line', () => rendersText(page, 'No claims in the dataset yet'));
    await waitFor('the signed quote', () => rendersText(page, 'We will keep working until every one'));
    await waitFor('the reported statement', () => rendersText(page, '84 prisoners had come'));
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `speakers-no-claims-${name}.png`) });
    // The page itself is unchanged: no node of ours but the card's host.
    expect(await page.evaluate(() => document.querySelectorAll('article *').length)).toBe(6);
    await page.close();
  });
});

/**
 * Card timing as a reader feels it, measured by the page itself: from the trusted pointer event on a
 * mention to the frame where the card is drawn with its content. Shared by the card-latency e2e
 * test and the import-scale benchmark so both measure the same thing.
 */
import type { Page } from 'puppeteer-core';
import { locatePhrase, waitFor } from './harness';

/** Hover a phrase and return ms from the pointer event to the card drawn with its content. */
export async function hoverLatency(page: Page, phrase: string): Promise<number> {
  // Start from a closed card and a pointer far from any mention.
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  await waitFor('no card', () =>
    page.evaluate(() => {
      const host = document.querySelector('wsw-card') as HTMLElement | null;
      return !host || getComputedStyle(host).display === 'none';
    }),
  );
  await new Promise((r) => setTimeout(r, 400));
  const at = await locatePhrase(page, phrase, 'article');
  // The page notes when the pointer arrives and when the card first has its full content.
  const result = page.evaluate(
    (target) =>
      new Promise<number>((resolve, reject) => {
        let arrived = 0;
        const onMove = (e: PointerEvent) => {
          if (Math.abs(e.clientX - target.x) < 2 && Math.abs(e.clientY - target.y) < 2)
            arrived = performance.now();
        };
        document.addEventListener('pointermove', onMove, true);
        const deadline = performance.now() + 10_000;
        const tick = () => {
          const host = document.querySelector('wsw-card') as HTMLElement | null;
          const h =
            host && getComputedStyle(host).display !== 'none' ? host.getBoundingClientRect().height : 0;
          if (arrived && h > 120) resolve(performance.now() - arrived);
          else if (performance.now() > deadline) reject(new Error('card did not open'));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    at,
  );
  await new Promise((r) => setTimeout(r, 50));
  await page.mouse.move(at.x, at.y, { steps: 2 });
  return result;
}

/** The navigation watch on a linkedom document whose address the test sets. */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { NavigationWatch } from '../../src/dom/navigation-watch';

/** A document at `href` whose window is a plain EventTarget (linkedom ignores listener signals). */
function page(href: string) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const location = { href };
  const window = new EventTarget();
  Object.defineProperty(document, 'location', { value: location });
  Object.defineProperty(document, 'defaultView', { value: window });
  return { document, window, location };
}

describe('NavigationWatch', () => {
  it('tells a new page from an in-page jump, judging each change from the last address', () => {
    const { document, location } = page('https://news.example/a');
    const watch = new NavigationWatch(document, () => undefined, new AbortController().signal);
    expect(watch.navigated()).toBe(false);
    location.href = 'https://news.example/a#comments';
    expect(watch.navigated()).toBe(false);
    location.href = 'https://news.example/a#top';
    expect(watch.navigated()).toBe(false);
    location.href = 'https://news.example/b';
    expect(watch.navigated()).toBe(true);
    expect(watch.navigated()).toBe(false);
    location.href = 'https://news.example/b#/story/2';
    expect(watch.navigated()).toBe(true);
  });

  it('calls back at popstate and hashchange until its signal ends', () => {
    const { document, window } = page('https://news.example/a');
    const life = new AbortController();
    let events = 0;
    new NavigationWatch(document, () => events++, life.signal);
    window.dispatchEvent(new Event('popstate'));
    window.dispatchEvent(new Event('hashchange'));
    expect(events).toBe(2);
    life.abort();
    window.dispatchEvent(new Event('popstate'));
    expect(events).toBe(2);
  });
});

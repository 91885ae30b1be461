/**
 * Content script entry: wires the parts for the extension's life on this page. The site gate
 * decides from the stored settings whether to run here at all (global pause, per-site switch) and
 * no other work is done when not; a session does the work while active; tab messages (keyboard
 * commands, the popup's questions) are answered whether active or not. Everything ends with one
 * signal, when the extension goes away under the page.
 */
import { extensionLifetime } from '../platform/lifetime';
import { listenInTab, send } from '../platform/content-messaging';
import { prefetchContentData } from '../platform/dictionary-source';
import { watchSiteGate } from '../platform/site-gate';
import { isScrolled } from '../dom/viewport-blocks';
import { Sessions } from './session';

function main(): void {
  // HTML documents only (not SVG or XML files opened directly).
  if (!(document.body instanceof HTMLElement)) return;
  // The site decides whether we run; a very long URL is cut (what matters is its host).
  const href = location.href.slice(0, 8192);
  const life = extensionLifetime();
  prefetchContentData();
  // Asked now, it is known (a frame later) by the time the stored data is read; see isScrolled.
  const sessions = new Sessions(life, isScrolled(document));
  const gate = watchSiteGate(href, life, (config) => sessions.apply(config));
  listenInTab(
    {
      navigate: async ({ direction }) => (sessions.current?.step(direction), null),
      reveal: async ({ entityId }) => (sessions.current?.reveal(entityId), null),
      pageInfo: async ({ settled }) => {
        // The popup asks right after changing settings: answer once they are applied here.
        if (settled) {
          await gate.refresh();
          await sessions.ready();
        }
        const session = sessions.current;
        return { host: location.hostname, active: session !== null, entities: session?.counts() ?? [] };
      },
    },
    life.signal,
  );
  // The background keeps track of the tabs we run in (for the popup); nothing waits for it.
  void send('hello', { href });
}

main();

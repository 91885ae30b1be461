/**
 * Whether the extension works on this page, decided by the content script itself from the stored
 * settings (the pure rule `isActiveOn`: the global switch, and the page's host not in the off
 * list) before any other work, and again whenever settings change (the popup's switches take
 * effect at once on open tabs). Nothing here waits for the background to wake up. Decisions are
 * applied one at a time, in order: two overlapping changes must never start two sessions.
 */
import { isActiveOn, type Settings } from '../core/settings';
import { onAbort, type Lifetime } from './lifetime';
import { loadSettings, watchSettings } from './settings-store';

/** What an active page runs with. */
export interface PageConfig {
  settings: Settings;
}

export interface SiteGate {
  /** Read the stored settings and decide again now; resolves once the decision is applied. */
  refresh(): Promise<void>;
}

/**
 * Watch the settings for the page at `href` until the lifetime ends; `apply` gets the page's
 * configuration, or null where the extension is off.
 */
export function watchSiteGate(
  href: string,
  life: Lifetime,
  apply: (config: PageConfig | null) => Promise<void> | void,
): SiteGate {
  let queue = Promise.resolve();
  const refresh = () =>
    (queue = queue
      .then(async () => {
        if (life.signal.aborted) return;
        const settings = await loadSettings();
        if (!life.signal.aborted) await apply(isActiveOn(settings, href) ? { settings } : null);
      })
      .catch(() => undefined));
  const unwatch = watchSettings(() => void (life.alive() && refresh()));
  onAbort(life.signal, unwatch);
  void refresh();
  return { refresh };
}

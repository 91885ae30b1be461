/**
 * Whether the extension works on this page, decided before any other work and again whenever
 * settings change (the popup's switches take effect at once on open tabs). Decisions are applied
 * one at a time, in order: two overlapping changes must never start two sessions.
 */
import type { Settings } from '../core/settings';
import { onAbort, type Lifetime } from './lifetime';
import { send } from './messaging';
import { loadSettings, watchSettings } from './settings-store';

/** What an active page runs with. */
export interface PageConfig {
  settings: Settings;
  /** The user imported datasets (the matching dictionary is in `storage.local`). */
  imported: boolean;
}

export interface SiteGate {
  /** Decide again now; resolves once the decision is applied. */
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
  const decide = async (): Promise<PageConfig | null | undefined> => {
    const hello = await send('hello', { href });
    if (!hello.ok) return undefined;
    return hello.value.enabled ? { settings: await loadSettings(), imported: hello.value.imported } : null;
  };
  let queue = Promise.resolve();
  const refresh = () =>
    (queue = queue
      .then(async () => {
        if (life.signal.aborted) return;
        const config = await decide();
        if (config !== undefined && !life.signal.aborted) await apply(config);
      })
      .catch(() => undefined));
  const unwatch = watchSettings(() => void (life.alive() && refresh()));
  onAbort(life.signal, unwatch);
  void refresh();
  return { refresh };
}

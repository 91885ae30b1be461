import * as v from 'valibot';

/**
 * User settings small enough for `storage.sync` (quota ~100 KB, 8 KB per item). Every field has a
 * default, so a missing, old or hand-edited stored value never breaks the extension: unknown keys
 * are dropped and invalid values fall back to their default, field by field.
 */
export const SettingsSchema = v.object({
  /** Global pause: when false, content scripts do no work at all. */
  enabled: v.fallback(v.boolean(), true),
  /** Milliseconds the pointer must rest on a mention before its card opens. */
  hoverDelayMs: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000)), 250),
  /** Host names where the extension stays off (the per-site switch). */
  disabledSites: v.fallback(v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(500)), []),
});

/** Validated settings, as every part of the extension sees them. */
export type Settings = v.InferOutput<typeof SettingsSchema>;

/** The key under which settings are stored (one item keeps sync writes atomic). */
export const SETTINGS_KEY = 'settings';

/** Defaults, used for a fresh install and as the fallback for each invalid field. */
export const DEFAULT_SETTINGS: Settings = v.parse(SettingsSchema, {});

/**
 * Turn whatever storage returned (undefined, an old shape, garbage) into valid settings.
 * Why: storage is shared with future versions and other devices through sync; never trust it.
 */
export function parseSettings(raw: unknown): Settings {
  const input = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {};
  return v.parse(SettingsSchema, input);
}

/** Most sites the off list keeps (storage.sync allows 8 KB per item). */
export const MAX_DISABLED_SITES = 500;

/**
 * Merge a partial change into settings. Values a user typed are brought into range rather than
 * dropped (a hover delay of 2500 becomes 2000), and the site list keeps its first
 * {@link MAX_DISABLED_SITES} entries: a write never wipes what was stored.
 */
export function updateSettings(current: Settings, change: Partial<Settings>): Settings {
  const next: Record<string, unknown> = { ...current, ...change };
  if (typeof next.hoverDelayMs === 'number' && Number.isFinite(next.hoverDelayMs)) {
    next.hoverDelayMs = Math.min(2000, Math.max(0, Math.round(next.hoverDelayMs)));
  }
  if (Array.isArray(next.disabledSites)) {
    next.disabledSites = [
      ...new Set(next.disabledSites.filter((s) => typeof s === 'string' && s.length <= 253)),
    ].slice(0, MAX_DISABLED_SITES);
  }
  return parseSettings(next);
}

/**
 * Whether the extension works on a page: the global switch is on and the page's host is not in
 * the off list. Decided before any other work on the page.
 */
export function isActiveOn(settings: Settings, href: string): boolean {
  if (!settings.enabled) return false;
  let host: string | undefined;
  try {
    host = new URLParser(href).hostname.toLowerCase();
  } catch {
    host = undefined;
  }
  return host === undefined || !settings.disabledSites.includes(host);
}

/** WHATWG URL (present in browsers and Node; typed here because core has no DOM types). */
const URLParser = (globalThis as unknown as { URL: new (s: string) => { hostname: string } }).URL;

/**
 * The host name a user typed for the site list ("https://www.example.com/x", "Example.com"), or
 * null when it is not one. Keeps `www.`: it is a different host for the per-site switch.
 */
export function siteFromInput(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const host = new URLParser(
      /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`,
    ).hostname.toLowerCase();
    return /^(?=.{1,253}$)(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/i.test(host) ? host : null;
  } catch {
    return null;
  }
}

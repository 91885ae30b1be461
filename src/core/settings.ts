import { ENTITY_TYPES, type EntityType } from './entities';

/** How mentions look on the page; `none` keeps them reachable by keyboard only. */
export const HIGHLIGHT_STYLES = ['underline', 'tint', 'none'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];
/** UI language: `auto` follows the browser. */
export const UI_LANG_SETTINGS = ['auto', 'en', 'uk', 'ru'] as const;
export type UiLangSetting = (typeof UI_LANG_SETTINGS)[number];
/** Colour theme of the card, popup and options page: `system` follows `prefers-color-scheme`. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * User settings small enough for `storage.sync` (quota ~100 KB, 8 KB per item). Every field has a
 * default, so a missing, old or hand-edited stored value never breaks the extension: unknown keys
 * are dropped and invalid values fall back to their default, field by field. (The same rules as a
 * schema: `settings-schema.ts`; the unit tests hold {@link parseSettings} to it.)
 */
export interface Settings {
  /** Global pause: when false, content scripts do no work at all. */
  enabled: boolean;
  /** Milliseconds the pointer must rest on a mention before its card opens (an integer, 0–2000). */
  hoverDelayMs: number;
  /** Entity types that are highlighted (others are neither shown nor reachable by keyboard), in {@link ENTITY_TYPES} order. */
  types: EntityType[];
  highlightStyle: HighlightStyle;
  uiLang: UiLangSetting;
  theme: Theme;
  /** Host names where the extension stays off (the per-site switch; at most 500, each ≤ 253 characters). */
  disabledSites: string[];
}

/** The key under which settings are stored (one item keeps sync writes atomic). */
export const SETTINGS_KEY = 'settings';

/** Defaults, used for a fresh install and as the fallback for each invalid field. */
export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  hoverDelayMs: 250,
  types: [...ENTITY_TYPES],
  highlightStyle: 'underline',
  uiLang: 'auto',
  theme: 'system',
  disabledSites: [],
};

const isOneOf = <T extends string>(values: readonly T[], x: unknown): x is T => values.includes(x as T);

/**
 * Turn whatever storage returned (undefined, an old shape, garbage) into valid settings.
 * Why: storage is shared with future versions and other devices through sync; never trust it.
 * Written by hand, without the schema library, because the content script reads settings on
 * every page.
 */
export function parseSettings(raw: unknown): Settings {
  const input = (raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<
    string,
    unknown
  >;
  const { enabled, hoverDelayMs: delay, types, highlightStyle, uiLang, theme, disabledSites: sites } = input;
  const d = DEFAULT_SETTINGS;
  return {
    enabled: typeof enabled === 'boolean' ? enabled : d.enabled,
    hoverDelayMs:
      Number.isInteger(delay) && (delay as number) >= 0 && (delay as number) <= 2000
        ? (delay as number)
        : d.hoverDelayMs,
    types:
      Array.isArray(types) && types.every((t) => isOneOf(ENTITY_TYPES, t))
        ? ENTITY_TYPES.filter((t) => types.includes(t))
        : [...d.types],
    highlightStyle: isOneOf(HIGHLIGHT_STYLES, highlightStyle) ? highlightStyle : d.highlightStyle,
    uiLang: isOneOf(UI_LANG_SETTINGS, uiLang) ? uiLang : d.uiLang,
    theme: isOneOf(THEMES, theme) ? theme : d.theme,
    disabledSites:
      Array.isArray(sites) &&
      sites.length <= MAX_DISABLED_SITES &&
      sites.every((s) => typeof s === 'string' && s.length <= 253)
        ? [...sites]
        : [],
  };
}

/** Most sites the off list keeps (storage.sync allows 8 KB per item). */
export const MAX_DISABLED_SITES = 500;

/**
 * storage.sync's per-item limit (QUOTA_BYTES_PER_ITEM, measured as key + JSON value in UTF-8);
 * settings are one item so a write is atomic. A little is kept back for fields added later.
 */
export const SYNC_ITEM_BUDGET = 8192 - 256;

/** Bytes the settings take in storage.sync. */
export function settingsBytes(settings: Settings): number {
  return new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(settings)).length;
}

/**
 * Merge a partial change into settings. Values a user typed are brought into range rather than
 * dropped (a hover delay of 2500 becomes 2000), and the site list keeps its first entries up to
 * {@link MAX_DISABLED_SITES} and the sync item budget: a write never wipes what was stored, and
 * never fails on quota (a site that does not fit is not added; callers can tell by comparing).
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
  const settings = parseSettings(next);
  while (settingsBytes(settings) > SYNC_ITEM_BUDGET && settings.disabledSites.length > 0)
    settings.disabledSites.pop();
  return settings;
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

import * as v from 'valibot';
import { ENTITY_TYPES } from './entities';

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
 * are dropped and invalid values fall back to their default, field by field.
 */
export const SettingsSchema = v.object({
  /** Global pause: when false, content scripts do no work at all. */
  enabled: v.fallback(v.boolean(), true),
  /** Milliseconds the pointer must rest on a mention before its card opens. */
  hoverDelayMs: v.fallback(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000)), 250),
  /** Entity types that are highlighted (others are neither shown nor reachable by keyboard). */
  types: v.fallback(
    v.pipe(
      v.array(v.picklist(ENTITY_TYPES)),
      v.transform((list) => ENTITY_TYPES.filter((t) => list.includes(t))),
    ),
    [...ENTITY_TYPES],
  ),
  highlightStyle: v.fallback(v.picklist(HIGHLIGHT_STYLES), 'underline'),
  uiLang: v.fallback(v.picklist(UI_LANG_SETTINGS), 'auto'),
  theme: v.fallback(v.picklist(THEMES), 'system'),
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

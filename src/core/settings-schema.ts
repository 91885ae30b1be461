import * as v from 'valibot';
import { ENTITY_TYPES } from './entities';
import {
  DEFAULT_SETTINGS,
  HIGHLIGHT_STYLES,
  MAX_DISABLED_SITES,
  THEMES,
  UI_LANG_SETTINGS,
  type Settings,
} from './settings';

/**
 * The settings' rules as a schema: each field falls back to its default when missing or invalid,
 * unknown keys are dropped. `parseSettings` (settings.ts) applies the same rules by hand, because
 * the content script reads settings on every page and the schema library would weigh on it there;
 * the unit tests give both the same inputs and expect the same settings.
 */
export const SettingsSchema = v.object({
  enabled: v.fallback(v.boolean(), DEFAULT_SETTINGS.enabled),
  hoverDelayMs: v.fallback(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2000)),
    DEFAULT_SETTINGS.hoverDelayMs,
  ),
  types: v.fallback(
    v.pipe(
      v.array(v.picklist(ENTITY_TYPES)),
      v.transform((list) => ENTITY_TYPES.filter((t) => list.includes(t))),
    ),
    () => [...ENTITY_TYPES],
  ),
  highlightStyle: v.fallback(v.picklist(HIGHLIGHT_STYLES), DEFAULT_SETTINGS.highlightStyle),
  uiLang: v.fallback(v.picklist(UI_LANG_SETTINGS), DEFAULT_SETTINGS.uiLang),
  theme: v.fallback(v.picklist(THEMES), DEFAULT_SETTINGS.theme),
  disabledSites: v.fallback(
    v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(MAX_DISABLED_SITES)),
    () => [],
  ),
});

/** The schema's output is exactly {@link Settings} (the compiler says so when one of them changes). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMA_MATCHES_SETTINGS: Same<v.InferOutput<typeof SettingsSchema>, Settings> = true;

import browser from 'webextension-polyfill';
import { formatMessage, type LocaleTable } from '../core/messages-format';
import type { UiLangSetting } from '../core/settings';
import type { Translate } from '../ui/i18n';

/** Message tables per UI language (whole `_locales` files for pages, card strings in content scripts). */
export type LocaleTables = Record<'en' | 'uk' | 'ru', LocaleTable>;

/**
 * `browser.i18n` as a {@link Translate}. A missing key shows the key itself rather than an empty
 * string, so a gap in a locale is visible (and caught by the locale tests) instead of silent.
 */
export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key, substitutions) || key;

/** The UI language actually in use: the user's choice, else the browser's (en when unsupported). */
export function resolveUiLang(setting: UiLangSetting = 'auto'): 'en' | 'uk' | 'ru' {
  if (setting !== 'auto') return setting;
  const lang = browser.i18n.getUILanguage().slice(0, 2);
  return lang === 'uk' || lang === 'ru' ? lang : 'en';
}

/**
 * A {@link Translate} for the user's UI language setting. `auto` is `browser.i18n` itself; a chosen
 * language reads the same `_locales` files (bundled), falling back to English for a missing key.
 */
export function translatorFor(tables: LocaleTables, setting: UiLangSetting): Translate {
  if (setting === 'auto') return translate;
  const table = tables[setting];
  return (key, substitutions) =>
    formatMessage(table, key, substitutions) ?? formatMessage(tables.en, key, substitutions) ?? key;
}

/** Set the document language and title for the UI language in use (screen readers need it). */
export function applyDocumentLanguage(doc: Document, t: Translate, setting: UiLangSetting = 'auto'): void {
  doc.documentElement.lang = setting === 'auto' ? browser.i18n.getUILanguage() || 'en' : setting;
  doc.title = t('extName');
}

/** Apply the theme setting to an extension page (`data-theme` on the root; CSS does the rest). */
export function applyTheme(doc: Document, theme: 'system' | 'light' | 'dark'): void {
  if (theme === 'system') delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}

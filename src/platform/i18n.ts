import browser from 'webextension-polyfill';
import type { Translate } from '../ui/i18n';

/**
 * `browser.i18n` as a {@link Translate}. A missing key shows the key itself rather than an empty
 * string, so a gap in a locale is visible (and caught by the locale tests) instead of silent.
 */
export const translate: Translate = (key, substitutions) =>
  browser.i18n.getMessage(key, substitutions) || key;

/** Set the document language from the browser's UI language (screen readers need it). */
export function applyDocumentLanguage(doc: Document): void {
  doc.documentElement.lang = browser.i18n.getUILanguage() || 'en';
  doc.title = translate('extName');
}

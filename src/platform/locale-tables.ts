/**
 * The whole `_locales` tables, bundled into the extension pages (popup, options) so the UI-language
 * setting can differ from the browser's. Content scripts use the card-only subset instead.
 */
import en from '../../assets/public/_locales/en/messages.json';
import ru from '../../assets/public/_locales/ru/messages.json';
import uk from '../../assets/public/_locales/uk/messages.json';
import type { LocaleTables } from './i18n';

export const LOCALE_TABLES: LocaleTables = { en, uk, ru };

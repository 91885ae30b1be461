/**
 * `_locales` message tables applied without `browser.i18n`, for when the user picks a UI language
 * other than the browser's (the i18n API always answers in the browser's language). Same format
 * and substitution rules as the WebExtension API, so one set of files serves both paths.
 */

/** One entry of a `messages.json` file. */
export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** A whole `messages.json` file. */
export type LocaleTable = Record<string, LocaleMessage>;

/**
 * The text of `key` in `table` with `$1`…`$9` substitutions, named placeholders (`$NAME$`, case
 * insensitive) and `$$` for a dollar sign; `undefined` when the key is missing, so the caller can
 * fall back to another language.
 */
export function formatMessage(
  table: LocaleTable,
  key: string,
  substitutions: string | readonly string[] = [],
): string | undefined {
  const entry = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (!entry || typeof entry.message !== 'string') return undefined;
  const subs = typeof substitutions === 'string' ? [substitutions] : substitutions;
  const positional = (text: string) => text.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  return entry.message.replace(
    /\$\$|\$([A-Za-z0-9_@]+)\$|\$(\d)/g,
    (whole, name?: string, digit?: string) => {
      if (whole === '$$') return '$';
      if (digit !== undefined) return subs[Number(digit) - 1] ?? '';
      const content = placeholders.get(name!.toLowerCase());
      return content === undefined ? whole : positional(content);
    },
  );
}

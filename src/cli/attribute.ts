/**
 * `wsw attribute`: who said what in .txt and .html files, on the same text `annotate` sees.
 *
 *   attribute [--json] [--lang xx] FILE...
 *       one line per file: {"file","attributions":[{"speaker","start","end","cue","kind","stance","text","why"}]}
 *   attribute --suggest --url URL --date YYYY-MM-DD [--lang xx] FILE
 *       candidate claim records ({"claims":[…]}, the dataset's schema) for a curator to review
 *
 * Kept apart from wsw.ts (which only dispatches here) so it can be tested in-process.
 */
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import {
  ATTRIBUTION_LANGUAGES,
  attribute,
  entityLookup,
  explainAttribution,
  speakerMentions,
  suggestClaims,
  type AttributionLanguage,
} from '../core/attribution';
import { HttpUrl } from '../core/claims';
import { compileDictionary, type Dictionary } from '../core/dictionary';
import { findMentions } from '../core/matcher';
import { readEntitySources } from '../node/entity-files';
import { readInput, UserError } from './read-input';

export const ATTRIBUTE_USAGE = `  attribute [--json] [--lang ${ATTRIBUTION_LANGUAGES.join('|')}] FILE...
                             who said what: statements whose speaker is one of our entities;
                             --json: one line per file {"file","attributions":[{"speaker","start","end",
                             "cue","kind","stance","text","why"}]} (offsets as for annotate)
  attribute --suggest --url URL --date YYYY-MM-DD FILE
                             candidate claims ({"claims":[…]}, the dataset's schema) from one article,
                             for a curator to check and complete`;

/** Where output goes (the console, or a test's buffers). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const CONSOLE: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

let cached: Dictionary | undefined;
/** The dictionary of every entity, as `annotate` uses it (compiled once per process). */
function dictionary(): Dictionary {
  cached ??= compileDictionary(readEntitySources().entities);
  return cached;
}

const isDay = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
};

/** Run `wsw attribute` with its arguments (after the command word); returns the exit code. */
export function runAttribute(args: string[], io: Io = CONSOLE): number {
  const usage = (message: string) => {
    io.err(`wsw: ${message}\nusage:\n${ATTRIBUTE_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        suggest: { type: 'boolean' },
        url: { type: 'string' },
        date: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage((error as Error).message);
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.out(`usage:\n${ATTRIBUTE_USAGE}`);
    return 0;
  }
  if (files.length === 0) return usage('attribute needs at least one FILE');
  const lang = values.lang as AttributionLanguage | undefined;
  if (lang !== undefined && !ATTRIBUTION_LANGUAGES.includes(lang))
    return usage(`--lang must be one of ${ATTRIBUTION_LANGUAGES.join(', ')}`);
  if (values.suggest) {
    if (files.length !== 1) return usage('--suggest takes exactly one FILE (one article)');
    if (values.url === undefined) return usage('--suggest needs --url URL (where the article was published)');
    if (values.date === undefined) return usage('--suggest needs --date YYYY-MM-DD (when it was published)');
    if (!v.safeParse(HttpUrl, values.url).success)
      return usage(`--url "${values.url}" is not an http(s) URL`);
    if (!isDay(values.date)) return usage(`--date "${values.date}" is not a real YYYY-MM-DD date`);
  } else if (values.url !== undefined || values.date !== undefined) {
    return usage('--url and --date go with --suggest');
  }
  let dict: Dictionary;
  try {
    dict = dictionary();
  } catch (error) {
    io.err(`wsw: ${(error as Error).message}`);
    return 1;
  }
  const lookup = entityLookup(dict);
  const typeOf = (id: string) => lookup(id)?.type;
  let failures = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readInput(file).text;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.err(`wsw: ${error.message}`);
      failures++;
      continue;
    }
    const found = findMentions(text, dict);
    // In a page's text, blocks are separated by U+2029; its line breaks are source wrapping.
    const lineBreaks = !/\.html?$/i.test(file);
    const attributions = attribute(text, speakerMentions(text, dict, found), lookup, {
      ...(lang ? { lang } : {}),
      lineBreaks,
    });
    if (values.suggest) {
      const { claims, skipped } = suggestClaims(text, attributions, found, typeOf, {
        url: values.url!,
        published: values.date!,
      });
      io.out(JSON.stringify({ claims }, null, 2));
      io.err(
        `${file}: ${attributions.length} statement(s), ${claims.length} candidate claim(s)` +
          (skipped.length
            ? `; not suggested: ${skipped.length} (${[...new Set(skipped.map((s) => s.reason))].join('; ')})`
            : ''),
      );
      continue;
    }
    const rows = attributions.map((a) => ({
      speaker: a.speaker,
      start: a.start,
      end: a.end,
      cue: a.cue,
      kind: a.kind,
      stance: a.stance,
      text: text.slice(a.start, a.end),
      why: a.why,
    }));
    if (values.json) {
      io.out(JSON.stringify({ file, attributions: rows }));
      continue;
    }
    io.out(`${file}: ${rows.length} attribution(s)`);
    attributions.forEach((a, i) => {
      const r = rows[i]!;
      const shown = r.text.length > 120 ? `${r.text.slice(0, 117)}…` : r.text;
      io.out(`  ${r.start}-${r.end}  ${r.speaker}  [${r.kind}, ${r.stance}]  "${r.cue}"  “${shown}”`);
      io.out(`      ${explainAttribution(a)}`);
    });
  }
  return failures ? 1 : 0;
}

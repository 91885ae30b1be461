/**
 * The maintainers' command line: `npm run -s wsw -- <command> …` (see USAGE below).
 *
 * {@link run} takes the arguments and where to print, and returns the exit code, so tests run
 * commands in-process; the process entry point at the end only wires it to the console. Bad input
 * gets a one-line message and a non-zero exit, never a stack trace.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compileDictionary, type Dictionary } from '../core/dictionary';
import { explainMention } from '../core/matcher';
import { formatWhyEnglish } from '../core/mention-why';
import { PageSense } from '../core/sense';
import { CORE_ENTITY_IDS } from '../core/core-entities';
import { datasetStats } from '../core/dataset-stats';
import { highlightableEntities } from '../core/dataset';
import { EXPORT_FORMATS, exportDataset, type ExportFormat } from '../core/export';
import { summarize } from '../core/import/collect';
import { prepareImport } from '../core/import/prepare';
import { IMPORT_FORMATS, isImportFormat } from '../core/import/registry';
import { ImportInputError } from '../core/import/safe-input';
import { readDataset, readVerdictLabels } from '../node/dataset-files';
import { readEntitySources } from '../node/entity-files';
import { ATTRIBUTE_USAGE, runAttribute } from './attribute';
import { readInput, UserError } from './read-input';

/** Where a command prints: its output, and messages about problems. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage: npm run -s wsw -- <command> [options]
  annotate [--json] [--explain-suppressed] [--lang CODE] [--all-entities] FILE...
                             entity mentions in .html/.htm (visible text) or .txt files, judged
                             by the one-sense-per-page rules as the extension judges them, for the
                             entities the extension highlights (those with claims; --all-entities:
                             every entity);
                             --json: one line per file {"file","mentions":[{"entity","text","start","end","why"}]}
                             (offsets: UTF-16 code units into the extracted text);
                             --explain-suppressed: also the candidates that were not kept and why
                             (JSON: "suppressed":[{"entity","text","start","end","rule","why"}]);
                             --lang: the page's language where the file does not say (<html lang>)
  validate [FILE...]         validate the bundled dataset, or the given claim files against the
                             bundled entities; exit 1 with every error on failure
  stats [--json]             figures of the bundled dataset
  import --from ${IMPORT_FORMATS.join('|')} FILE --out OUT.json
                             convert a file into our dataset format; prints what was imported,
                             what was skipped and why (exit 1 if nothing could be imported)
  export --to ${EXPORT_FORMATS.join('|')} OUT
                             the bundled dataset as schema.org ClaimReview JSON-LD, or our JSON
${ATTRIBUTE_USAGE}`;

/** Options of `annotate`. */
interface AnnotateOptions {
  json: boolean;
  explainSuppressed: boolean;
  lang?: string;
}

function annotate(files: string[], options: AnnotateOptions, dict: Dictionary, io: CliIo): number {
  const { json, explainSuppressed } = options;
  let failures = 0;
  const names = new Map(dict.entities.map((e) => [e.id, e.name.en]));
  const englishName = (id: string) => names.get(id) ?? id;
  for (const file of files) {
    let text: string;
    let lang: string | undefined;
    try {
      ({ text, lang } = readInput(file));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      io.err(`wsw: ${error.message}`);
      failures++;
      continue;
    }
    const sense = new PageSense(dict, { lang: lang ?? options.lang });
    const { judged } = sense.feed(text);
    const mentions = judged
      .filter((j) => j.kept)
      .map(({ mention: m }) => ({
        entity: m.entity,
        text: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
        why: formatWhyEnglish(explainMention(text, dict, m), englishName),
      }));
    const suppressed = judged
      .filter((j) => !j.kept)
      .map(({ mention: m, suppressed: s }) => ({
        entity: m.entity,
        text: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
        rule: s!.rule,
        why: s!.why,
      }));
    if (json) {
      io.out(JSON.stringify({ file, mentions, ...(explainSuppressed ? { suppressed } : {}) }));
    } else {
      io.out(`${file}: ${mentions.length} mention(s)`);
      for (const m of mentions)
        io.out(`  ${m.start}-${m.end}  ${m.entity.padEnd(24)} "${m.text}"  — ${m.why}`);
      if (explainSuppressed) {
        io.out(
          `  suppressed: ${suppressed.length}${sense.language ? ` (page language: ${sense.language})` : ''}`,
        );
        for (const m of suppressed)
          io.out(`  ${m.start}-${m.end}  ${m.entity.padEnd(24)} "${m.text}"  — ${m.rule}: ${m.why}`);
      }
    }
  }
  return failures ? 1 : 0;
}

function validate(files: string[], io: CliIo): number {
  try {
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) throw new UserError(`no such file: ${missing.join(', ')}`);
    const { claims } = readDataset(files.length ? files.map((f) => resolve(f)) : undefined);
    io.out(`ok: ${claims.length} claims valid`);
    return 0;
  } catch (error) {
    io.err(`wsw: ${(error as Error).message}`);
    return 1;
  }
}

function stats(json: boolean, io: CliIo): number {
  try {
    const { dataset, entities, claimsPerFile } = readDataset();
    const figures = datasetStats(
      dataset,
      entities.map((e) => e.id),
      [...CORE_ENTITY_IDS],
    );
    if (json) {
      io.out(JSON.stringify(figures));
      return 0;
    }
    const { claims_by_entity: byEntity, claims_by_quarter: byQuarter, ...rest } = figures;
    for (const [key, value] of Object.entries(rest))
      io.out(`${key.padEnd(30)} ${Array.isArray(value) ? value.join(', ') || '-' : value}`);
    io.out(`${'entities_listed_with_claims'.padEnd(30)} ${Object.keys(byEntity).length}`);
    io.out('\nclaims per quarter (statement date)');
    for (const [quarter, n] of Object.entries(byQuarter)) io.out(`  ${quarter}  ${String(n).padStart(4)}`);
    io.out('\nclaims per topic file');
    for (const [file, n] of Object.entries(claimsPerFile)) io.out(`  ${String(n).padStart(4)}  ${file}`);
    return 0;
  } catch (error) {
    io.err(`wsw: ${(error as Error).message}`);
    return 1;
  }
}

function importFile(files: string[], from: string | undefined, out: string | undefined, io: CliIo): number {
  if (!from || !isImportFormat(from)) {
    io.err(`wsw: import needs --from ${IMPORT_FORMATS.join('|')}\n${USAGE}`);
    return 2;
  }
  if (files.length !== 1 || !out) {
    io.err(`wsw: import needs one FILE and --out OUT.json\n${USAGE}`);
    return 2;
  }
  try {
    const file = files[0]!;
    if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: no such file`);
    // A conversion, not a merge into a library: nothing counts as taken.
    const prepared = prepareImport(readFileSync(file), basename(file), from, {
      entities: readEntitySources().entities,
      verdictLabels: readVerdictLabels(),
      takenClaimIds: new Set(),
      takenDatasetIds: new Set(),
      now: new Date(),
      lang: 'en',
    });
    // A whole-file problem (not JSON, too deep, truncated…) is the command's failure, not a record's.
    const whole = prepared.preview.errors.find((e) => e.location === 'file');
    if (whole) {
      io.err(`wsw: ${whole.message}`);
      return 1;
    }
    for (const w of prepared.preview.warnings) io.err(`warning: ${w}`);
    for (const e of prepared.preview.errors) io.err(`skipped: ${file}: ${e.location}: ${e.message}`);
    io.out(`${file}: ${summarize(prepared.result)}`);
    if (!prepared.dataset) return 1;
    const names = new Map(prepared.dataset.entities.map((e) => [e.id, e.name.en]));
    writeFileSync(
      out,
      exportDataset({ imported: prepared.dataset }, 'ours', (id) => names.get(id) ?? id).text,
    );
    io.out(`wrote ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof UserError || error instanceof ImportInputError) {
      io.err(`wsw: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function exportFile(files: string[], to: string | undefined, io: CliIo): number {
  if (!EXPORT_FORMATS.includes(to as ExportFormat) || files.length !== 1) {
    io.err(`wsw: export needs --to ${EXPORT_FORMATS.join('|')} and one OUT file\n${USAGE}`);
    return 2;
  }
  try {
    const { dataset, entities } = readDataset();
    const names = new Map(entities.map((e) => [e.id, e.name.en]));
    const file = exportDataset(
      { bundled: dataset, entities },
      to as ExportFormat,
      (id) => names.get(id) ?? id,
    );
    writeFileSync(files[0]!, file.text);
    io.out(`wrote ${files[0]}: ${file.claims} claims`);
    return 0;
  } catch (error) {
    io.err(`wsw: ${(error as Error).message}`);
    return 1;
  }
}

function command(argv: string[], io: CliIo): number {
  if (argv[0] === 'attribute') return runAttribute(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'explain-suppressed': { type: 'boolean' },
        'all-entities': { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`wsw: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [name, ...files] = parsed.positionals;
  const { values } = parsed;
  if (values.help || !name) {
    io.out(USAGE);
    return values.help ? 0 : 2;
  }
  if (name === 'validate') return validate(files, io);
  if (name === 'import') return importFile(files, values.from, values.out, io);
  if (name === 'export') return exportFile(files, values.to, io);
  if (name === 'stats') return stats(values.json ?? false, io);
  if (name !== 'annotate') {
    io.err(`wsw: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    io.err(`wsw: annotate needs at least one FILE\n${USAGE}`);
    return 2;
  }
  let dict: Dictionary;
  try {
    // As the extension: only entities with claims are highlighted (--all-entities: every entity,
    // for drafting entities before their claims exist).
    if (parsed.values['all-entities']) dict = compileDictionary(readEntitySources().entities);
    else {
      const { dataset, entities } = readDataset();
      dict = compileDictionary(highlightableEntities(entities, dataset));
    }
  } catch (error) {
    io.err(`wsw: ${(error as Error).message}`);
    return 1;
  }
  return annotate(
    files,
    {
      json: parsed.values.json ?? false,
      explainSuppressed: parsed.values['explain-suppressed'] ?? false,
      lang: parsed.values.lang,
    },
    dict,
    io,
  );
}

/** Run one command line: `argv` without the program name; returns the exit code (70: our bug). */
export function run(argv: string[], io: CliIo): number {
  try {
    return command(argv, io);
  } catch (error) {
    io.err(`wsw: internal error: ${(error as Error).message}`);
    return 70;
  }
}

// The process entry point (`tsx src/cli/wsw.ts …`); importing this module runs nothing.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = run(process.argv.slice(2), {
    out: (text) => console.log(text),
    err: (text) => console.error(text),
  });
}

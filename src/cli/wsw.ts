/**
 * The maintainers' command line: `npm run -s wsw -- <command> …`.
 *
 *   annotate [--json] FILE...   list the entity mentions in .html/.htm (visible text, exactly as
 *                               the content script extracts it) or .txt files (text as is)
 *   validate [FILE...]          validate the bundled dataset (or the given claim files)
 *   stats [--json]              the dataset's figures
 *
 * Bad input gets a one-line message and a non-zero exit, never a stack trace.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { compileDictionary, type Dictionary } from '../core/dictionary';
import { explainMention, findMentions } from '../core/matcher';
import { formatWhyEnglish } from '../core/mention-why';
import { extractText } from '../dom/extract';
import { CORE_ENTITY_IDS } from '../core/core-entities';
import { datasetStats } from '../core/dataset-stats';
import { exportClaimReview } from '../core/export';
import { importClaimReview } from '../core/import/claimreview';
import { slug, summarize } from '../core/import/collect';
import { importCsv } from '../core/import/csv';
import { importFactCheckApi } from '../core/import/factcheck-api';
import { exportOurs, importOurs } from '../core/import/ours';
import { decodeBytes, ImportInputError } from '../core/import/safe-input';
import { readDataset, readVerdictLabels } from './dataset-files';
import { readEntitySources } from './entity-files';

/** Larger inputs are refused (a news page is far smaller; this guards against mistakes). */
const MAX_BYTES = 50 * 1024 * 1024;

const USAGE = `usage: npm run -s wsw -- <command> [options]
  annotate [--json] FILE...  entity mentions in .html/.htm (visible text) or .txt files;
                             --json: one line per file {"file","mentions":[{"entity","text","start","end","why"}]}
                             (offsets: UTF-16 code units into the extracted text)
  validate [FILE...]         validate the bundled dataset, or the given claim files against the
                             bundled entities; exit 1 with every error on failure
  stats [--json]             figures of the bundled dataset
  import --from claimreview|factcheck-api|csv|ours FILE --out OUT.json
                             convert a file into our dataset format; prints what was imported,
                             what was skipped and why (exit 1 if nothing could be imported)
  export --to claimreview|ours OUT
                             the bundled dataset as schema.org ClaimReview JSON-LD, or our JSON`;

class UserError extends Error {}

function readInput(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError(`${file}: not a file`);
    size = st.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: no such file`);
  }
  if (size > MAX_BYTES)
    throw new UserError(`${file}: too large (${(size / 1048576).toFixed(1)} MB; limit 50 MB)`);
  const ext = extname(file).toLowerCase();
  if (!['.html', '.htm', '.txt'].includes(ext)) {
    throw new UserError(`${file}: unsupported type "${ext}" (use .html, .htm or .txt)`);
  }
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new UserError(`${file}: looks binary (contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${file}: not valid UTF-8`);
  }
  if (ext === '.txt') return text.replace(/^\uFEFF/, '');
  const { document } = parseHTML(text);
  return extractText(document.body ?? document.documentElement ?? document).text;
}

function annotate(files: string[], json: boolean, dict: Dictionary): number {
  let failures = 0;
  const names = new Map(dict.entities.map((e) => [e.id, e.name.en]));
  const englishName = (id: string) => names.get(id) ?? id;
  for (const file of files) {
    let text: string;
    try {
      text = readInput(file);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      console.error(`wsw: ${error.message}`);
      failures++;
      continue;
    }
    const mentions = findMentions(text, dict).map((m) => ({
      entity: m.entity,
      text: text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      why: formatWhyEnglish(explainMention(text, dict, m), englishName),
    }));
    if (json) {
      console.log(JSON.stringify({ file, mentions }));
    } else {
      console.log(`${file}: ${mentions.length} mention(s)`);
      for (const m of mentions)
        console.log(`  ${m.start}-${m.end}  ${m.entity.padEnd(24)} "${m.text}"  — ${m.why}`);
    }
  }
  return failures ? 1 : 0;
}

function validate(files: string[]): number {
  try {
    const missing = files.filter((f) => !existsSync(f));
    if (missing.length) throw new UserError(`no such file: ${missing.join(', ')}`);
    const { claims } = readDataset(files.length ? files.map((f) => resolve(f)) : undefined);
    console.log(`ok: ${claims.length} claims valid`);
    return 0;
  } catch (error) {
    console.error(`wsw: ${(error as Error).message}`);
    return 1;
  }
}

function stats(json: boolean): number {
  try {
    const { dataset, entities, claimsPerFile } = readDataset();
    const figures = datasetStats(
      dataset,
      entities.map((e) => e.id),
      [...CORE_ENTITY_IDS],
    );
    if (json) {
      console.log(JSON.stringify(figures));
      return 0;
    }
    const { claims_by_entity: byEntity, claims_by_quarter: byQuarter, ...rest } = figures;
    for (const [key, value] of Object.entries(rest))
      console.log(`${key.padEnd(30)} ${Array.isArray(value) ? value.join(', ') || '-' : value}`);
    console.log(`${'entities_listed_with_claims'.padEnd(30)} ${Object.keys(byEntity).length}`);
    console.log('\nclaims per quarter (statement date)');
    for (const [quarter, n] of Object.entries(byQuarter))
      console.log(`  ${quarter}  ${String(n).padStart(4)}`);
    console.log('\nclaims per topic file');
    for (const [file, n] of Object.entries(claimsPerFile)) console.log(`  ${String(n).padStart(4)}  ${file}`);
    return 0;
  } catch (error) {
    console.error(`wsw: ${(error as Error).message}`);
    return 1;
  }
}

const IMPORTERS = {
  claimreview: importClaimReview,
  'factcheck-api': importFactCheckApi,
  csv: importCsv,
  ours: importOurs,
} as const;

function importFile(files: string[], from: string | undefined, out: string | undefined): number {
  if (!from || !Object.hasOwn(IMPORTERS, from)) {
    console.error(`wsw: import needs --from ${Object.keys(IMPORTERS).join('|')}\n${USAGE}`);
    return 2;
  }
  if (files.length !== 1 || !out) {
    console.error(`wsw: import needs one FILE and --out OUT.json\n${USAGE}`);
    return 2;
  }
  try {
    const file = files[0]!;
    if (!existsSync(file) || !statSync(file).isFile()) throw new UserError(`${file}: no such file`);
    const { text, warning } = decodeBytes(readFileSync(file));
    const { entities } = readEntitySources();
    const context = {
      dictionary: compileDictionary(entities),
      knownEntityIds: new Set(entities.map((e) => e.id)),
      verdictLabels: readVerdictLabels(),
    };
    const result = IMPORTERS[from as keyof typeof IMPORTERS](text, context);
    if (warning) result.warnings.unshift(warning);
    for (const w of result.warnings) console.error(`warning: ${w}`);
    for (const e of result.errors) console.error(`skipped: ${file}: ${e.location}: ${e.message}`);
    console.log(`${file}: ${summarize(result)}`);
    if (result.claims.length === 0) return 1;
    const meta = {
      id: slug(basename(file).replace(/\.[^.]+$/, '')) || 'imported',
      title: `Imported from ${basename(file)}`,
      version: '1.0.0',
      dataAsOf: result.claims
        .map((c) => c.date)
        .sort()
        .at(-1)!,
      licence: 'as stated by the original publisher',
      addedBy: 'wsw import',
    };
    writeFileSync(out, exportOurs(meta, result.entities, result.claims));
    console.log(`wrote ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof UserError || error instanceof ImportInputError) {
      console.error(`wsw: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function exportFile(files: string[], to: string | undefined): number {
  if ((to !== 'claimreview' && to !== 'ours') || files.length !== 1) {
    console.error(`wsw: export needs --to claimreview|ours and one OUT file\n${USAGE}`);
    return 2;
  }
  try {
    const { dataset, entities } = readDataset();
    const names = new Map(entities.map((e) => [e.id, e.name.en]));
    const { claims, byEntity: _index, ...meta } = dataset;
    const used = new Set(claims.flatMap((c) => [c.speaker, ...c.about.map((a) => a.entity)]));
    const text =
      to === 'claimreview'
        ? exportClaimReview(claims, (id) => names.get(id) ?? id)
        : exportOurs(
            meta,
            entities.filter((e) => used.has(e.id)),
            claims,
          );
    writeFileSync(files[0]!, text);
    console.log(`wrote ${files[0]}: ${claims.length} claims`);
    return 0;
  } catch (error) {
    console.error(`wsw: ${(error as Error).message}`);
    return 1;
  }
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`wsw: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, ...files] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return parsed.values.help ? 0 : 2;
  }
  if (command === 'validate') return validate(files);
  if (command === 'import') return importFile(files, parsed.values.from, parsed.values.out);
  if (command === 'export') return exportFile(files, parsed.values.to);
  if (command === 'stats') return stats(parsed.values.json ?? false);
  if (command !== 'annotate') {
    console.error(`wsw: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  if (files.length === 0) {
    console.error(`wsw: annotate needs at least one FILE\n${USAGE}`);
    return 2;
  }
  let dict: Dictionary;
  try {
    dict = compileDictionary(readEntitySources().entities);
  } catch (error) {
    console.error(`wsw: ${(error as Error).message}`);
    return 1;
  }
  return annotate(files, parsed.values.json ?? false, dict);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`wsw: internal error: ${(error as Error).message}`);
  process.exitCode = 70;
}

/**
 * Precision and recall of the highlights on our own mention corpus (test/fixtures/mentions):
 * short passages in many languages and whole pages for the one-sense-per-page rule, judged exactly
 * as `wsw annotate` and the extension judge them (the bundled dictionary of entities with claims,
 * the page-level sense rules, `<html lang>` where the page declares it).
 *
 *   npm run eval:mentions [-- --verbose]
 *
 * Prints a table per language and overall; exits 1 when overall recall is under 0.97 or precision
 * under 0.98, or when a fixture is malformed (an expected text not found in its passage).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { readDataset } from '../src/node/dataset-files';
import { compileDictionary } from '../src/core/dictionary';
import { highlightableEntities } from '../src/core/dataset';
import { PageSense } from '../src/core/sense';
import { extractText } from '../src/dom/extract';

const ROOT = join(import.meta.dirname, '../test/fixtures/mentions');
const MIN_RECALL = 0.97;
const MIN_PRECISION = 0.98;

interface Passage {
  id: string;
  lang: string;
  text: string;
  expected: Expected[];
  traps?: [string, string][];
  declared?: boolean;
}

/** An expected mention: entity, exact text, and which occurrence after the previous one (1st). */
type Expected = [string, string] | [string, string, number];

interface Case {
  id: string;
  lang: string;
  text: string;
  declaredLang?: string;
  expected: Expected[];
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

function loadCases(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(join(ROOT, 'passages')).sort()) {
    if (!file.endsWith('.json')) continue;
    const { passages } = JSON.parse(readFileSync(join(ROOT, 'passages', file), 'utf8')) as {
      passages: Passage[];
    };
    for (const p of passages)
      cases.push({
        id: p.id,
        lang: p.lang,
        text: p.text,
        declaredLang: p.declared === false ? undefined : p.lang,
        expected: p.expected,
      });
  }
  const pages = JSON.parse(readFileSync(join(ROOT, 'pages', 'expected.json'), 'utf8')) as {
    pages: { file: string; lang: string; expected: Expected[] }[];
  };
  for (const page of pages.pages) {
    const { document } = parseHTML(readFileSync(join(ROOT, 'pages', page.file), 'utf8'));
    const declared = document.documentElement?.getAttribute('lang') || undefined;
    const text = extractText(document.body ?? document.documentElement ?? document).text;
    cases.push({
      id: `page:${page.file}`,
      lang: page.lang,
      text,
      declaredLang: declared,
      expected: page.expected,
    });
  }
  return cases;
}

/**
 * Gold spans: each expected text found in order after the previous one, its spaces matching any
 * run of white space (page markup may wrap a name across lines).
 */
function goldSpans(c: Case): { entity: string; start: number; end: number }[] {
  let from = 0;
  return c.expected.map(([entity, text, nth = 1]) => {
    const pattern = text
      .split(' ')
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\s+');
    const re = new RegExp(pattern, 'gu');
    re.lastIndex = from;
    let m = re.exec(c.text);
    for (let k = 1; k < nth && m; k++) m = re.exec(c.text);
    if (!m) throw new Error(`${c.id}: expected text "${text}" not found (after offset ${from})`);
    from = m.index + m[0].length;
    return { entity, start: m.index, end: from };
  });
}

function main(): number {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v' } } });
  const t0 = performance.now();
  const { dataset, entities } = readDataset();
  const dict = compileDictionary(highlightableEntities(entities, dataset));
  const byLang = new Map<string, Tally>();
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  const problems: string[] = [];
  const cases = loadCases();
  for (const c of cases) {
    const gold = goldSpans(c);
    const sense = new PageSense(dict, { lang: c.declaredLang });
    const kept = sense
      .feed(c.text)
      .judged.filter((j) => j.kept)
      .map((j) => j.mention);
    const tally = byLang.get(c.lang) ?? { tp: 0, fp: 0, fn: 0 };
    byLang.set(c.lang, tally);
    const key = (m: { entity: string; start: number; end: number }) => `${m.entity}@${m.start}-${m.end}`;
    const goldKeys = new Set(gold.map(key));
    const keptKeys = new Set(kept.map(key));
    for (const m of kept) {
      const hit = goldKeys.has(key(m));
      tally[hit ? 'tp' : 'fp']++;
      if (!hit)
        problems.push(`${c.id}: false highlight ${m.entity} "${c.text.slice(m.start, m.end)}" at ${m.start}`);
    }
    for (const g of gold)
      if (!keptKeys.has(key(g))) {
        tally.fn++;
        problems.push(`${c.id}: missed ${g.entity} "${c.text.slice(g.start, g.end)}" at ${g.start}`);
      }
  }
  const ms = performance.now() - t0;
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  const row = (name: string, n: number, t: Tally) =>
    `| ${name.padEnd(8)} | ${String(n).padStart(5)} | ${String(t.tp + t.fn).padStart(8)} | ${ratio(
      t.tp,
      t.tp + t.fp,
    )
      .toFixed(3)
      .padStart(9)} | ${ratio(t.tp, t.tp + t.fn)
      .toFixed(3)
      .padStart(6)} |`;
  console.log('| language | cases | mentions | precision | recall |');
  console.log('| -------- | ----: | -------: | --------: | -----: |');
  for (const [lang, t] of [...byLang].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(row(lang, cases.filter((c) => c.lang === lang).length, t));
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  console.log(row('overall', cases.length, total));
  const precision = ratio(total.tp, total.tp + total.fp);
  const recall = ratio(total.tp, total.tp + total.fn);
  if (values.verbose) for (const p of problems) console.log(p);
  else if (problems.length)
    console.log(`(${problems.length} misses and false highlights; --verbose lists them)`);
  console.log(`${cases.length} cases in ${byLang.size} languages, judged in ${ms.toFixed(0)} ms`);
  if (recall < MIN_RECALL || precision < MIN_PRECISION) {
    console.error(`eval:mentions: under the bar (recall ${MIN_RECALL}, precision ${MIN_PRECISION})`);
    return 1;
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`eval:mentions: ${(error as Error).message}`);
  process.exitCode = 1;
}

/**
 * Derive `assets/data/verdict-labels/labels.json` (fact-checkers' rating label → one of our seven
 * verdicts) from the verdict-labels dataset (Utah NLP, MIT). Run once when the source changes:
 *   npx tsx scripts/build-verdict-labels.ts ../shared/data/verdict-labels
 * The output is committed so the build never depends on files outside the repository.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const source = resolve(process.argv[2] ?? '../shared/data/verdict-labels');
const master = new Map<string, string>();
for (const line of readFileSync(join(source, 'master_mapping.tsv'), 'utf8').split('\n')) {
  const [category, labels] = line.split('\t');
  if (!category || !labels) continue;
  master.set(category.trim(), category.trim());
  for (const label of labels.split('|'))
    if (label.trim()) master.set(label.trim().toLowerCase(), category.trim());
}
const labels: Record<string, string> = {};
for (const [label, category] of master) labels[label.toLowerCase()] = category;
for (const file of readdirSync(source)
  .filter((f) => f.endsWith('.txt'))
  .sort()) {
  for (const line of readFileSync(join(source, file), 'utf8').split('\n')) {
    const [label, intermediate] = line.split('\t');
    if (!label?.trim() || !intermediate?.trim() || label.length > 80) continue;
    const key = intermediate.trim().toLowerCase();
    const category = master.get(key) ?? master.get(key.split('/')[0]!);
    if (category) labels[label.trim().toLowerCase()] ??= category;
  }
}
const sorted = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  resolve(import.meta.dirname, '../assets/data/verdict-labels/labels.json'),
  JSON.stringify({ source: 'verdict-labels (Utah NLP), MIT licence: see LICENSE', labels: sorted }, null, 2) +
    '\n',
);
console.log(`${Object.keys(sorted).length} labels`);

/**
 * Checks on the built extension that store review and our own rules demand, run by `npm test`
 * after the build: no dynamic code, no remote code, no CSP override, no web-accessible resources,
 * the minimum permissions, and file sizes within AMO's limit and our content-script budget.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** AMO refuses to parse JavaScript files larger than this. */
const MAX_JS_BYTES = 4 * 1024 * 1024;
/** Budget for the content script, which runs on every page (see README, "Size budget"). */
// The bound (80 KB). The script is ~68 KB without the schema library, the positioning
// library and the card's stylesheet (now data in storage.local); what is left below the bound is
// for features still to come, such as the page-sense rule in the highlighter (~8–12 KB).
export const CONTENT_SCRIPT_BUDGET_BYTES = 80_000;

const DYNAMIC_CODE: [RegExp, string][] = [
  [/\beval\s*\(/, 'eval('],
  [/\bnew\s+Function\s*\(/, 'new Function('],
  [/\bsetTimeout\s*\(\s*['"`]/, 'setTimeout with a string'],
  [/\bsetInterval\s*\(\s*['"`]/, 'setInterval with a string'],
  [/\bimportScripts\s*\(/, 'importScripts('],
  [/\bimport\s*\(\s*['"`]https?:/, 'remote import()'],
  [/<script[^>]+src\s*=\s*['"]?https?:/i, 'remote <script src>'],
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const problems: string[] = [];
for (const target of ['chrome', 'firefox']) {
  const dir = join(ROOT, 'dist', target);
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  } catch {
    problems.push(`dist/${target}: no readable manifest.json (run npm run build)`);
    continue;
  }
  if ('content_security_policy' in manifest)
    problems.push(`dist/${target}: manifest sets content_security_policy`);
  if ('web_accessible_resources' in manifest)
    problems.push(`dist/${target}: manifest has web_accessible_resources`);
  if (JSON.stringify(manifest.permissions) !== '["storage"]') {
    problems.push(`dist/${target}: permissions changed: ${JSON.stringify(manifest.permissions)}`);
  }
  if ('host_permissions' in manifest) problems.push(`dist/${target}: manifest asks for host_permissions`);
  for (const file of files(dir)) {
    const rel = `dist/${target}/${relative(dir, file)}`;
    if (!/\.(m?js|html)$/.test(file)) continue;
    const text = readFileSync(file, 'utf8');
    for (const [pattern, what] of DYNAMIC_CODE) if (pattern.test(text)) problems.push(`${rel}: ${what}`);
    const size = statSync(file).size;
    if (size > MAX_JS_BYTES) problems.push(`${rel}: ${size} bytes exceeds AMO's 4 MB limit`);
  }
  const scripts = (manifest.content_scripts as { js: string[] }[]).flatMap((c) => c.js);
  for (const script of scripts) {
    const size = statSync(join(dir, script)).size;
    if (size > CONTENT_SCRIPT_BUDGET_BYTES) {
      problems.push(
        `dist/${target}/${script}: ${size} bytes exceeds the content-script budget of ${CONTENT_SCRIPT_BUDGET_BYTES}`,
      );
    } else {
      console.log(`dist/${target}/${script}: ${size} bytes (budget ${CONTENT_SCRIPT_BUDGET_BYTES})`);
    }
  }
}

if (problems.length) {
  console.error(`check-dist: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('check-dist: ok');

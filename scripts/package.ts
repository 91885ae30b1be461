/**
 * `npm run package`: store-ready zips of both builds in packages/, named with the version.
 * The Firefox zip is what AMO takes; the Chrome zip is what the Chrome Web Store takes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
const webExt = resolve(ROOT, 'node_modules/web-ext/bin/web-ext.js');

for (const target of ['chrome', 'firefox']) {
  const filename = `who-said-what-${target}-${version}.zip`;
  execFileSync(
    process.execPath,
    [
      webExt,
      'build',
      '--source-dir',
      resolve(ROOT, 'dist', target),
      '--artifacts-dir',
      resolve(ROOT, 'packages'),
      '--filename',
      filename,
      '--overwrite-dest',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`packages/${filename}`);
}

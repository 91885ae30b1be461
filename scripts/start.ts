/**
 * `npm start`: build, serve the demo article on 127.0.0.1 and open it in a real browser with the
 * extension loaded — the quickest way to see what the extension does.
 *
 *   npm start                                   Chromium, with a window
 *   npm start -- --browser firefox              Firefox ESR instead
 *   npm start -- --headless --screenshot x.png  no display: save a screenshot and exit
 *   npm start -- --no-build                     reuse dist/ as it is
 *   npm start -- --headless --screenshot x.png --hover Izyum
 *                                               screenshot with the card of a mention open
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchWithExtension, type BrowserName } from './browsers';
import { serveStatic } from './serve';

const ROOT = resolve(import.meta.dirname, '..');

function fail(message: string): never {
  console.error(`npm start: ${message}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      browser: { type: 'string', default: 'chromium' },
      headless: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      port: { type: 'string', default: '8080' },
      hover: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\nTry: npm start -- --help`);
}
if (args.help) {
  console.log(
    'usage: npm start -- [--browser chromium|firefox] [--headless] [--screenshot FILE] [--hover PHRASE] [--no-build] [--port N]',
  );
  process.exit(0);
}
const name = (args.browser === 'chrome' ? 'chromium' : args.browser) as BrowserName;
if (name !== 'chromium' && name !== 'firefox')
  fail(`unknown browser "${args.browser}" (chromium or firefox)`);
if (args.screenshot !== undefined && !args.headless)
  console.log('note: taking the screenshot with a window open');
const target = name === 'chromium' ? 'chrome' : 'firefox';
const dist = resolve(ROOT, 'dist', target);

if (!args['no-build']) {
  console.log(`building dist/${target} …`);
  execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--mode', target, '--configLoader', 'runner'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
} else if (!existsSync(resolve(dist, 'manifest.json'))) {
  fail(`dist/${target} is missing: run without --no-build`);
}

// Prefer the stable port (bookmarkable), fall back to any free one.
const server = await serveStatic(resolve(ROOT, 'assets/demo'), { port: Number(args.port) }).catch(() =>
  serveStatic(resolve(ROOT, 'assets/demo')),
);
const url = `${server.origin}/index.html`;
console.log(`demo article: ${url}`);

let ext;
try {
  ext = await launchWithExtension(name, dist, { headless: args.headless });
} catch (error) {
  await server.close();
  fail(
    `could not start ${name}: ${(error as Error).message}\n` +
      'Install it (Debian: apt-get install chromium firefox-esr) or set WSW_CHROMIUM / WSW_FIREFOX.',
  );
}
const page = await ext.open(url);
await page.setViewport({ width: 1280, height: 900 }).catch(() => undefined);

if (args.screenshot !== undefined) {
  // Give the content script its moment after load (it runs at document_idle).
  await new Promise((r) => setTimeout(r, 1000));
  if (args.hover) {
    // Point at the first occurrence of the phrase, as a reader would, and let the card open.
    const at = await page.evaluate((phrase) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n as Text).data.indexOf(phrase);
        if (i < 0) continue;
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'start' });
        window.scrollBy(0, -120);
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + phrase.length);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return null;
    }, args.hover);
    if (!at) fail(`"${args.hover}" is not on the demo page`);
    await page.mouse.move(at.x - 30, at.y - 30);
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await new Promise((r) => setTimeout(r, 1200));
  }
  const file = resolve(process.cwd(), args.screenshot);
  await page.screenshot({ path: file as `${string}.png` });
  console.log(`screenshot: ${file}`);
  await ext.close();
  await server.close();
} else {
  console.log(`${name} is open with the extension loaded; close the browser or press Ctrl-C to stop.`);
  const stop = async () => {
    await ext.close();
    await server.close();
    process.exit(0);
  };
  ext.browser.on('disconnected', () => void stop());
  process.on('SIGINT', () => void stop());
}

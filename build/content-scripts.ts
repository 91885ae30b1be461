/**
 * Content scripts, built by us as self-contained, minified IIFE files: no loader chunk, hence no
 * web_accessible_resources a page could probe. Why not crx's own content-script handling: it
 * builds them without the project's plugins (bundled data, Preact, the innerHTML guard).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin, type PluginOption } from 'vite';
import { ROOT, type ContentScriptSource } from './manifest';

/**
 * Rolldown's checks, less the note on slow plugins: compiling the data (bundled-data.ts) is most
 * of a build by design, and the note would print on every build of a busy machine.
 */
export const BUILD_CHECKS = { bundlerTimings: false };

/**
 * In content scripts, webextension-polyfill is replaced by the thin adapter that covers what they
 * use (10 KB less on every page; see the adapter's comment).
 */
const CONTENT_ALIASES = [
  { find: /^webextension-polyfill$/, replacement: resolve(ROOT, 'src/platform/browser-lite.ts') },
];

/**
 * Build each of `scripts` with `plugins` (the same instances as the main build, so shared data is
 * read once) and put them into the manifest crx wrote.
 */
export function contentScripts(scripts: ContentScriptSource[], plugins: PluginOption[]): Plugin {
  let entries: ContentScriptSource[] = [];
  return {
    name: 'wsw:content-scripts',
    apply: 'build',
    enforce: 'post',
    async generateBundle() {
      entries = [];
      for (const script of scripts) {
        const js: string[] = [];
        for (const file of script.js) {
          const fileName = file.replace(/\.[tj]sx?$/, '.js');
          const result = await build({
            configFile: false,
            logLevel: 'warn',
            root: ROOT,
            plugins,
            resolve: { alias: CONTENT_ALIASES },
            build: {
              write: false,
              // It loads on every page: minified (the other bundles stay readable for reviewers).
              minify: true,
              target: 'es2022',
              rolldownOptions: { checks: BUILD_CHECKS },
              lib: {
                entry: resolve(ROOT, file),
                formats: ['iife'],
                name: 'wswContent',
                fileName: () => fileName,
              },
            },
          });
          const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
            'output' in r ? r.output : [],
          );
          const chunk = outputs.find((o) => o.type === 'chunk');
          if (!chunk || chunk.type !== 'chunk') this.error(`no output for content script ${file}`);
          this.emitFile({ type: 'asset', fileName, source: chunk.code });
          js.push(fileName);
        }
        const css = (script.css ?? []).map((file) => {
          this.emitFile({ type: 'asset', fileName: file, source: readFileSync(resolve(ROOT, file), 'utf8') });
          return file;
        });
        entries.push({ ...script, js, ...(css.length ? { css } : {}) });
      }
    },
    // crx writes manifest.json last; add the content scripts to what it wrote.
    writeBundle(options) {
      const file = resolve(options.dir ?? '', 'manifest.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.content_scripts = entries;
      writeFileSync(file, JSON.stringify(json, null, 2));
    },
  };
}

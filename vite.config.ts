import { build as viteBuild, defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { highlightableEntities } from './src/core/dataset';
import { compileDictionary, serializeDictionary } from './src/core/dictionary';
import { readDataset } from './src/node/dataset-files';

/** The two browsers we build for; `vite build --mode <target>`. */
export type Target = 'chrome' | 'firefox';

/** Gecko id of the extension; stable so that storage survives updates. */
export const GECKO_ID = 'who-said-what@whosaidwhat.org';

/** A content script as the source manifest declares it. */
interface ContentScriptSource {
  matches: string[];
  js: string[];
  css?: string[];
  run_at?: string;
  all_frames?: boolean;
}

function sourceManifest() {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
}

/**
 * Build the content scripts ourselves, as self-contained IIFE files (no loader chunk, hence no
 * web_accessible_resources a page could probe), with the same plugins as the rest of the build
 * (bundled data, Preact, the innerHTML guard), then put them into the manifest crx wrote. Why not
 * crx's own standalone mode: it builds content scripts without any of the project's plugins.
 */
function contentScripts(
  scripts: ContentScriptSource[],
  plugins: () => PluginOption[],
  minify: boolean,
): Plugin {
  let entries: ContentScriptSource[] = [];
  return {
    name: 'wsw:content-scripts',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      entries = [];
      for (const script of scripts) {
        const js: string[] = [];
        for (const file of script.js) {
          const fileName = file.replace(/\.[tj]sx?$/, '.js');
          const result = await viteBuild({
            configFile: false,
            logLevel: 'warn',
            root: import.meta.dirname,
            plugins: plugins(),
            build: {
              write: false,
              minify,
              target: 'es2022',
              lib: {
                entry: resolve(import.meta.dirname, file),
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
          this.emitFile({
            type: 'asset',
            fileName: file,
            source: readFileSync(resolve(import.meta.dirname, file), 'utf8'),
          });
          return file;
        });
        entries.push({ ...script, js, ...(css.length ? { css } : {}) });
      }
      void bundle;
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

/**
 * Derive one browser's manifest from the single source `manifest.json`, so the two builds can
 * never drift apart in anything but the keys that truly differ between the browsers.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const base = sourceManifest();
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'));
  base.version = pkg.version;
  // Content scripts are built by contentScripts() above, not by crx.
  delete base.content_scripts;
  if (target === 'chrome') return base;
  const { service_worker: worker, ...background } = base.background;
  delete base.minimum_chrome_version;
  return {
    ...base,
    background: { ...background, scripts: [worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140 is the first Firefox ESR with the CSS Custom Highlight API.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Android got `data_collection_permissions` in 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/**
 * Remove Preact's only `innerHTML` write (its `dangerouslySetInnerHTML` support), so no code path
 * in our bundles can parse a string as HTML: all data is rendered as text. The build fails if
 * Preact's code changes shape, rather than silently keeping the sink.
 */
function noInnerHtml(): Plugin {
  const sink = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
  return {
    name: 'wsw:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.m?js/.test(id)) return null;
      const found = code.match(sink)?.length ?? 0;
      if (found !== 1) this.error(`expected one innerHTML sink in ${id}, found ${found}`);
      return code.replace(sink, '(()=>{throw new Error("wsw: dangerouslySetInnerHTML is disabled")})()');
    },
  };
}

/** Virtual modules generated from `assets/`: the entity dictionary and the claim dataset. */
export const DICTIONARY_MODULE = 'virtual:wsw-dictionary';
export const FULL_DICTIONARY_MODULE = 'virtual:wsw-dictionary-full';
export const DATASET_MODULE = 'virtual:wsw-dataset';
export const ENTITY_SOURCES_MODULE = 'virtual:wsw-entity-sources';

/**
 * Compile `assets/entities` and `assets/data` at build time into the serialised dictionary (the
 * matching-only form for content scripts, the full one for the background) and the runtime dataset. Only entities with claims go into the dictionary (nothing is highlighted that
 * has no claim to show). Invalid sources fail the build with every error located.
 */
export function bundledData(): Plugin {
  const ids = new Map(
    [DICTIONARY_MODULE, FULL_DICTIONARY_MODULE, DATASET_MODULE, ENTITY_SOURCES_MODULE].map((id) => [
      '\0' + id,
      id,
    ]),
  );
  return {
    name: 'wsw:bundled-data',
    resolveId: (id) => (ids.has('\0' + id) ? '\0' + id : null),
    load(id) {
      const which = ids.get(id);
      if (!which) return null;
      let data;
      try {
        data = readDataset();
      } catch (error) {
        this.error((error as Error).message);
      }
      const { dataset, entities } = data;
      let json: string;
      if (which === ENTITY_SOURCES_MODULE) {
        json = JSON.stringify(entities);
      } else if (which !== DATASET_MODULE) {
        const withClaims = highlightableEntities(entities, dataset);
        const matchingOnly = which === DICTIONARY_MODULE;
        json = JSON.stringify(serializeDictionary(compileDictionary(withClaims), { matchingOnly }));
      } else {
        json = JSON.stringify(dataset);
      }
      // JSON.parse of a string literal loads faster than the same data as an object literal. The
      // content script's dictionary is parsed when first asked for, not while the script is
      // evaluated: on a 5 MB page evaluation was the extension's longest task (up to 59 ms).
      if (which === DICTIONARY_MODULE)
        return `const json = ${JSON.stringify(json)};\nexport default () => JSON.parse(json);`;
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}

/** Virtual module with the card's UI strings in every language (content script only). */
export const CARD_MESSAGES_MODULE = 'virtual:wsw-card-messages';

/**
 * The `_locales` strings the card needs, for the UI-language setting in the content script:
 * only card keys and without descriptions, so three languages cost ~3 KB, not the whole tables.
 */
export function cardMessages(): Plugin {
  return {
    name: 'wsw:card-messages',
    resolveId: (id) => (id === CARD_MESSAGES_MODULE ? '\0' + id : null),
    load(id) {
      if (id !== '\0' + CARD_MESSAGES_MODULE) return null;
      const tables: Record<string, Record<string, unknown>> = {};
      for (const lang of ['en', 'uk', 'ru']) {
        const file = resolve(import.meta.dirname, `assets/public/_locales/${lang}/messages.json`);
        this.addWatchFile(file);
        const table = JSON.parse(readFileSync(file, 'utf8')) as Record<
          string,
          { message: string; placeholders?: unknown }
        >;
        tables[lang] = Object.fromEntries(
          Object.entries(table)
            .filter(([key]) => /^(card|stance_|type_|extName$)/.test(key))
            .map(([key, m]) => [
              key,
              { message: m.message, ...(m.placeholders ? { placeholders: m.placeholders } : {}) },
            ]),
        );
      }
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(tables))});`;
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      noInnerHtml(),
      bundledData(),
      cardMessages(),
      preact(),
      crx({ manifest: manifestFor(target), browser: target }),
      // Minified: it loads on every page (the other bundles stay readable for reviewers).
      contentScripts(
        sourceManifest().content_scripts,
        () => [noInnerHtml(), bundledData(), cardMessages(), preact()],
        true,
      ),
    ],
    publicDir: 'assets/public',
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Store reviewers read our code; keep it readable and avoid a minifier's eval-like tricks.
      minify: false,
      sourcemap: false,
      target: 'es2022',
    },
  };
});

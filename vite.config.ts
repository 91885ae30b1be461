import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileDictionary, serializeDictionary } from './src/core/dictionary';
import { readDataset } from './src/cli/dataset-files';

/** The two browsers we build for; `vite build --mode <target>`. */
export type Target = 'chrome' | 'firefox';

/** Gecko id of the extension; stable so that storage survives updates. */
export const GECKO_ID = 'who-said-what@whosaidwhat.org';

/**
 * Derive one browser's manifest from the single source `manifest.json`, so the two builds can
 * never drift apart in anything but the keys that truly differ between the browsers.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const base = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8'));
  base.version = pkg.version;
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
export const DATASET_MODULE = 'virtual:wsw-dataset';

/**
 * Compile `assets/entities` and `assets/data` at build time into the serialised dictionary and the
 * runtime dataset. Only entities with claims go into the dictionary (nothing is highlighted that
 * has no claim to show). Invalid sources fail the build with every error located.
 */
export function bundledData(): Plugin {
  const ids = new Map([DICTIONARY_MODULE, DATASET_MODULE].map((id) => ['\0' + id, id]));
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
      if (which === DICTIONARY_MODULE) {
        const withClaims = entities.filter((e) => (dataset.byEntity[e.id]?.length ?? 0) > 0);
        json = JSON.stringify(serializeDictionary(compileDictionary(withClaims)));
      } else {
        json = JSON.stringify(dataset);
      }
      // JSON.parse of a string literal loads faster than the same data as an object literal.
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      noInnerHtml(),
      bundledData(),
      preact(),
      crx({
        manifest: manifestFor(target),
        browser: target,
        // One self-contained file: no loader, so no web_accessible_resources a page could probe.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
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

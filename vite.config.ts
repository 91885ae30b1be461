/**
 * The extension's build: `vite build --mode chrome|firefox` (see package.json). Each plugin lives
 * in build/; this file only lists them. The shared plugins are made once and serve both the main
 * build and the content scripts' own build.
 */
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { bundledData } from './build/bundled-data';
import { cardMessages } from './build/card-messages';
import { BUILD_CHECKS, contentScripts } from './build/content-scripts';
import { manifestFor, sourceManifest, targetOf } from './build/manifest';
import { noInnerHtml } from './build/no-inner-html';

export default defineConfig(({ mode }) => {
  const target = targetOf(mode);
  const shared = [noInnerHtml(), bundledData(), cardMessages(), preact()];
  return {
    plugins: [
      ...shared,
      crx({ manifest: manifestFor(target), browser: target }),
      contentScripts(sourceManifest().content_scripts ?? [], shared),
    ],
    publicDir: 'assets/public',
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      // Store reviewers read our code; keep it readable and avoid a minifier's eval-like tricks.
      minify: false,
      sourcemap: false,
      target: 'es2022',
      rolldownOptions: { checks: BUILD_CHECKS },
    },
  };
});

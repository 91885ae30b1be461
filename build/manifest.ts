/**
 * The two browsers' manifests, derived from the single source `manifest.json`, so the builds can
 * never drift apart in anything but the keys that truly differ between the browsers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ManifestV3Export } from '@crxjs/vite-plugin';

/** The project root (this file is build/manifest.ts). */
export const ROOT = resolve(import.meta.dirname, '..');

/** The two browsers we build for; `vite build --mode <target>`. */
export type Target = 'chrome' | 'firefox';

/** The build target a Vite mode names (anything but `firefox` builds for Chrome). */
export const targetOf = (mode: string): Target => (mode === 'firefox' ? 'firefox' : 'chrome');

/** Gecko id of the extension; stable so that storage survives updates. */
export const GECKO_ID = 'who-said-what@whosaidwhat.org';

/** A content script as the source manifest declares it. */
export interface ContentScriptSource {
  matches: string[];
  js: string[];
  css?: string[];
  run_at?: string;
  all_frames?: boolean;
}

/** The source manifest, as far as the build reads it. */
export interface SourceManifest {
  background: { service_worker: string; type?: string };
  content_scripts?: ContentScriptSource[];
  minimum_chrome_version?: string;
  version: string;
  [key: string]: unknown;
}

/** The source manifest as written (content scripts included). */
export function sourceManifest(): SourceManifest {
  return JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as SourceManifest;
}

/**
 * One browser's manifest for crx: the version from package.json, no content scripts (the
 * content-scripts plugin builds and adds them), and for Firefox background scripts instead of a
 * service worker, the add-on id, the minimum versions and the data-collection declaration.
 */
export function manifestFor(target: Target): ManifestV3Export {
  const base = sourceManifest();
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  base.version = pkg.version;
  delete base.content_scripts;
  if (target === 'chrome') return base as unknown as ManifestV3Export;
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
  } as unknown as ManifestV3Export;
}

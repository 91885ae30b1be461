import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor } from '../../build/manifest';

describe('manifestFor', () => {
  const chrome = manifestFor('chrome') as Record<string, any>;
  const firefox = manifestFor('firefox') as Record<string, any>;

  it('gives Chrome a service worker and Firefox background scripts', () => {
    expect(chrome.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(firefox.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
  });

  it('declares the Firefox id, minimum version and that no data is collected', () => {
    expect(firefox.browser_specific_settings.gecko).toEqual({
      id: GECKO_ID,
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('asks for the minimum permissions and sets no CSP', () => {
    for (const m of [chrome, firefox]) {
      expect(m.permissions).toEqual(['storage']);
      expect(m).not.toHaveProperty('host_permissions');
      expect(m).not.toHaveProperty('content_security_policy');
      expect(m).not.toHaveProperty('web_accessible_resources');
      // Content scripts are built and added by our own plugin, not by crx.
      expect(m).not.toHaveProperty('content_scripts');
    }
  });

  it('takes its version from package.json', async () => {
    const pkg = await import('../../package.json', { with: { type: 'json' } });
    expect(chrome.version).toBe(pkg.default.version);
  });
});

describe('source manifest', () => {
  it('runs one content script on http(s) pages, with its highlight styles', async () => {
    const source = (await import('../../manifest.json', { with: { type: 'json' } })).default as Record<
      string,
      any
    >;
    expect(source.content_scripts).toEqual([
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['src/content/index.ts'],
        css: ['src/content/highlights.css'],
        run_at: 'document_idle',
        all_frames: false,
      },
    ]);
  });
});

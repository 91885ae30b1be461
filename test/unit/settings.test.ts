import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isActiveOn,
  parseSettings,
  settingsBytes,
  siteFromInput,
  SYNC_ITEM_BUDGET,
  updateSettings,
} from '../../src/core/settings';

describe('settings', () => {
  it('has sensible defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      enabled: true,
      hoverDelayMs: 250,
      types: ['person', 'place', 'facility', 'org'],
      highlightStyle: 'underline',
      uiLang: 'auto',
      theme: 'system',
      disabledSites: [],
    });
  });

  it('keeps appearance settings valid: known types in a fixed order, known style, language and theme', () => {
    expect(parseSettings({ types: ['org', 'person', 'org'] }).types).toEqual(['person', 'org']);
    expect(parseSettings({ types: ['person', 'alien'] }).types).toEqual(DEFAULT_SETTINGS.types);
    expect(parseSettings({ types: [] }).types).toEqual([]);
    expect(parseSettings({ highlightStyle: 'tint', uiLang: 'uk', theme: 'dark' })).toMatchObject({
      highlightStyle: 'tint',
      uiLang: 'uk',
      theme: 'dark',
    });
    expect(parseSettings({ highlightStyle: 'blink', uiLang: 'de', theme: 'sepia' })).toEqual(
      DEFAULT_SETTINGS,
    );
    // Everything a user can set stays far below storage.sync's 8 KB per item.
    const big = updateSettings(DEFAULT_SETTINGS, {
      disabledSites: Array.from({ length: 500 }, (_, i) => `${'s'.repeat(10)}${i}.example.com`),
    });
    expect(settingsBytes(big)).toBeLessThanOrEqual(SYNC_ITEM_BUDGET);
    expect(SYNC_ITEM_BUDGET).toBeLessThan(8192);
    expect(big.disabledSites.length).toBeGreaterThan(200);
    expect(big.disabledSites[0]).toBe('ssssssssss0.example.com');
  });

  it.each([undefined, null, 'garbage', 42, [], { enabled: 'yes', hoverDelayMs: -5 }])(
    'falls back to defaults for %j',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('keeps valid fields, repairs invalid ones field by field, drops unknown keys', () => {
    expect(parseSettings({ enabled: false, hoverDelayMs: 9999, extra: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
    });
    expect(parseSettings({ hoverDelayMs: 400.5 })).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ hoverDelayMs: 400 })).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 400 });
    expect(parseSettings({ disabledSites: ['a.example', 3] })).toEqual(DEFAULT_SETTINGS);
  });

  it('updates by merging and validating', () => {
    const next = updateSettings(DEFAULT_SETTINGS, { enabled: false });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, enabled: false });
    expect(updateSettings(next, { hoverDelayMs: Number.NaN })).toEqual(next);
  });

  it('brings typed values into range instead of dropping them, and never wipes the site list', () => {
    expect(updateSettings(DEFAULT_SETTINGS, { hoverDelayMs: 2500 }).hoverDelayMs).toBe(2000);
    const many = Array.from({ length: 501 }, (_, i) => `s${i}.io`);
    expect(updateSettings(DEFAULT_SETTINGS, { disabledSites: many }).disabledSites).toHaveLength(500);
    // Longer names: as many as fit in one sync item, first ones kept.
    const long = Array.from({ length: 501 }, (_, i) => `site${i}.example`);
    const kept = updateSettings(DEFAULT_SETTINGS, { disabledSites: long }).disabledSites;
    expect(kept.length).toBeGreaterThan(400);
    expect(kept).toEqual(long.slice(0, kept.length));
  });
});

describe('isActiveOn', () => {
  it.each([
    [{}, 'https://news.example/a', true],
    [{ enabled: false }, 'https://news.example/a', false],
    [{ disabledSites: ['news.example'] }, 'https://NEWS.example:8443/a', false],
    [{ disabledSites: ['news.example'] }, 'https://other.example/', true],
    [{ disabledSites: ['example.com'] }, 'https://user@example.com/', false],
    [{ disabledSites: ['[::1]'] }, 'http://[::1]:8080/', false],
  ])('%j on %s → %s', (change, href, active) =>
    expect(isActiveOn({ ...DEFAULT_SETTINGS, ...change }, href)).toBe(active),
  );
});

describe('siteFromInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  News.Example.COM ', 'news.example.com'],
    ['https://www.example.com/path?q=1', 'www.example.com'],
    ['http://[::1]:8080/', '[::1]'],
    ['', null],
    ['not a host', null],
    ['javascript:alert(1)', null],
  ])('%j → %j', (input, host) => expect(siteFromInput(input)).toBe(host));
});

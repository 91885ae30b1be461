import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, updateSettings } from '../../src/core/settings';

describe('settings', () => {
  it('has sensible defaults', () => {
    expect(DEFAULT_SETTINGS).toEqual({ enabled: true, hoverDelayMs: 250 });
  });

  it.each([undefined, null, 'garbage', 42, [], { enabled: 'yes', hoverDelayMs: -5 }])(
    'falls back to defaults for %j',
    (raw) => {
      expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
    },
  );

  it('keeps valid fields, repairs invalid ones field by field, drops unknown keys', () => {
    expect(parseSettings({ enabled: false, hoverDelayMs: 9999, extra: 1 })).toEqual({
      enabled: false,
      hoverDelayMs: 250,
    });
    expect(parseSettings({ hoverDelayMs: 400.5 })).toEqual({ enabled: true, hoverDelayMs: 250 });
    expect(parseSettings({ hoverDelayMs: 400 })).toEqual({ enabled: true, hoverDelayMs: 400 });
  });

  it('updates by merging and validating', () => {
    const next = updateSettings(DEFAULT_SETTINGS, { enabled: false });
    expect(next).toEqual({ enabled: false, hoverDelayMs: 250 });
    expect(updateSettings(next, { hoverDelayMs: Number.NaN })).toEqual(next);
  });
});

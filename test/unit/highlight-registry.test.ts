/** The highlight registry with plain objects: a Map for `CSS.highlights`, Sets for highlights. */
import { describe, expect, it } from 'vitest';
import { HighlightRegistry, type HighlightApi } from '../../src/dom/highlight-registry';

/** Every change made to any highlight, in order. */
let changes: string[] = [];

/** A highlight as a plain Set of ranges that notes each change. */
class PlainHighlight extends Set<StaticRange> {
  override add(r: StaticRange): this {
    changes.push('add');
    return super.add(r);
  }
  override delete(r: StaticRange): boolean {
    changes.push('delete');
    return super.delete(r);
  }
}

/** `CSS.highlights` as a Map. */
function plainApi() {
  changes = [];
  const registry = new Map<string, PlainHighlight>();
  const api: HighlightApi = {
    registry: registry as unknown as HighlightApi['registry'],
    create: () => new PlainHighlight(),
    range: (init) => ({ ...init, collapsed: false }) as StaticRange,
  };
  const names = () => [...registry.keys()].sort();
  const ranges = (name: string) => [...(registry.get(name) ?? [])];
  return { api, names, ranges };
}

/** Ranges 0 to 9 (plain objects: the registry only keeps them). */
const range = Array.from({ length: 10 }, (_, id) => ({ id }) as unknown as StaticRange);

describe('HighlightRegistry', () => {
  it('registers one highlight per type under the names of the style, and nothing for none', () => {
    const { api, names } = plainApi();
    const reg = new HighlightRegistry('underline', api);
    reg.open(['place', 'person', 'place']);
    expect(names()).toEqual(['wsw-person', 'wsw-place']);
    reg.setStyle('tint');
    expect(names()).toEqual(['wsw-person-tint', 'wsw-place-tint']);
    reg.setStyle('none');
    expect(names()).toEqual([]);
    reg.setStyle('underline');
    expect(names()).toEqual(['wsw-person', 'wsw-place']);
    reg.close();
    expect(names()).toEqual([]);
  });

  it('draws underlines as a tint while windowed, and keeps any other choice', () => {
    const { api, names } = plainApi();
    const reg = new HighlightRegistry('underline', api);
    reg.open(['org']);
    reg.setWindowed(true);
    expect(names()).toEqual(['wsw-org-tint']);
    reg.setStyle('none');
    expect(names()).toEqual([]);
    reg.setStyle('underline');
    expect(names()).toEqual(['wsw-org-tint']);
    reg.setWindowed(false);
    expect(names()).toEqual(['wsw-org']);
  });

  it('holds ranges back while staging and paints them in one go at commit', () => {
    const { api, ranges } = plainApi();
    const reg = new HighlightRegistry('underline', api);
    reg.open(['place']);
    reg.add('place', range[1]!);
    expect(ranges('wsw-place')).toEqual([range[1]!]);
    reg.stage();
    reg.add('place', range[2]!);
    reg.add('place', range[3]!);
    reg.add('place', range[4]!);
    reg.delete('place', range[4]!);
    expect(reg.isStaged('place', range[2]!)).toBe(true);
    expect(ranges('wsw-place')).toEqual([range[1]!]);
    // The paint window paints at once, staging or not.
    reg.paint('place', range[5]!, true);
    changes.length = 0;
    reg.commit();
    expect(changes).toEqual(['add', 'add']);
    expect(ranges('wsw-place')).toEqual([range[1]!, range[5]!, range[2]!, range[3]!]);
    expect(reg.isStaged('place', range[2]!)).toBe(false);
    // A type without a highlight (filtered out by the settings) is never shown.
    reg.add('person', range[6]!);
    expect(reg.has('person')).toBe(false);
  });

  it('drops what is staged without painting it, and clears every highlight for a new page', () => {
    const { api, ranges } = plainApi();
    const reg = new HighlightRegistry('tint', api);
    reg.open(['place']);
    reg.add('place', range[1]!);
    reg.stage();
    reg.add('place', range[2]!);
    reg.dropStaged();
    reg.commit();
    expect(ranges('wsw-place-tint')).toEqual([range[1]!]);
    reg.clear();
    expect(ranges('wsw-place-tint')).toEqual([]);
  });
});

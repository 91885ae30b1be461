/** Ambiguous aliases judged on a whole page read piece by piece (SupportTracker). */
import { describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import type { Mention } from '../../src/core/matcher';
import { SupportTracker } from '../../src/core/support';
import { TEST_ENTITIES } from '../fixtures/test-entities';

const dict = loadDictionary(
  JSON.parse(JSON.stringify(serializeDictionary(compileDictionary(TEST_ENTITIES)))),
);

/** A candidate as the page side keeps it: the mention and where it was (here: a piece number). */
interface Placed {
  mention: Mention;
  piece: number;
}

/** Read `pieces` in order as the highlighter does: show what is found, hold the rest, release. */
function read(tracker: SupportTracker<Placed>, pieces: string[], from = 0): string[] {
  const shown: string[] = [];
  pieces.forEach((text, i) => {
    const { found, unsupported } = tracker.match(text);
    shown.push(...found.map((m) => `${m.entity}@${from + i}`));
    tracker.hold(unsupported.map((mention) => ({ mention, piece: from + i })));
    shown.push(...tracker.release().map((p) => `${p.mention.entity}@${p.piece}`));
  });
  return shown;
}

describe('SupportTracker', () => {
  it('holds an unsupported candidate and releases it, with its support, when support appears later', () => {
    const tracker = new SupportTracker<Placed>(dict);
    // "ICC" alone is ambiguous (the cricket council?) and has no support yet.
    expect(read(tracker, ['the ICC said'])).toEqual([]);
    expect(tracker.waiting.map((p) => p.mention.entity)).toEqual(['icc']);
    // A later piece names the court unambiguously: the held candidate is shown with that support.
    expect(read(tracker, ['International Criminal Court'], 1)).toEqual(['icc@1', 'icc@0']);
    expect(tracker.waiting).toEqual([]);
    const released = read(tracker, ['and the ICC again'], 2);
    expect(released).toEqual(['icc@2']);
  });

  it('sets the support of a released candidate', () => {
    const tracker = new SupportTracker<Placed>(dict);
    const { unsupported } = tracker.match('the ICC said');
    const held = unsupported.map((mention) => ({ mention, piece: 0 }));
    tracker.hold(held);
    tracker.match('International Criminal Court');
    expect(tracker.release().map((p) => p.mention.support)).toEqual([{ kind: 'same-entity', entity: 'icc' }]);
  });

  it('lets support from an earlier piece count in a later one, and from a related entity', () => {
    const tracker = new SupportTracker<Placed>(dict);
    expect(read(tracker, ['Karim Khan arrived.', 'Khan said'])).toEqual(['karim-khan@0', 'karim-khan@1']);
    // Izium's "изюм" (raisins) is supported by its context entity, Kharkiv Oblast.
    expect(read(tracker, ['изюм и орехи', 'the Kharkiv region'], 2)).toEqual(['kharkiv-oblast@3', 'izium@2']);
  });

  it('drops candidates whose text went away, and forgets all support on reset', () => {
    const tracker = new SupportTracker<Placed>(dict);
    read(tracker, ['the ICC said', 'and the ICC again']);
    tracker.drop((p) => p.piece === 0);
    expect(tracker.waiting.map((p) => p.piece)).toEqual([1]);
    read(tracker, ['Karim Khan arrived.'], 2);
    tracker.reset();
    expect(tracker.waiting).toEqual([]);
    // A new page: the support seen before the reset no longer counts.
    expect(read(tracker, ['Khan said'], 3)).toEqual([]);
  });
});

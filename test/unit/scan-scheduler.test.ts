/** Slices, generations and one piece of work at a time, on a clock the test moves by hand. */
import { describe, expect, it } from 'vitest';
import { ScanScheduler, SLICE_MS, type FrameScheduler } from '../../src/dom/scan-scheduler';

/** Frames and tasks as plain objects: a clock moved by hand, and a count of yields. */
function manualFrames() {
  const state = { t: 0, yields: 0, paints: 0 };
  const frames: FrameScheduler = {
    requestFrame: (cb) => {
      const timer = setTimeout(cb, 0);
      return () => clearTimeout(timer);
    },
    yieldToPage: async () => void state.yields++,
    afterNextPaint: async () => void state.paints++,
    now: () => state.t,
  };
  return { state, frames };
}

describe('ScanScheduler.slices', () => {
  it('sizes extraction so that a slice stays near its budget, yielding between slices', async () => {
    const { state, frames } = manualFrames();
    const scheduler = new ScanScheduler(frames);
    const extractMs: number[] = [];
    // Matching takes `matchFactor` times as long as extraction did.
    const run = (matchFactor: number, slices: number) =>
      scheduler.slices(scheduler.current, (clock) => {
        const start = state.t;
        while (!clock.shouldYield()) state.t += 0.25;
        extractMs.push(state.t - start);
        clock.extracted();
        state.t += (state.t - start) * matchFactor;
        return extractMs.length >= slices;
      });
    // Extraction half of the slice: after a small first slice (1 ms), half the budget.
    await run(1, 3);
    expect(extractMs).toEqual([1.25, SLICE_MS / 2 + 0.25, SLICE_MS / 2 + 0.25]);
    expect(state.yields).toBe(2);
    // Matching three times as long as extraction: a quarter of the budget.
    extractMs.length = 0;
    await run(3, 3);
    expect(extractMs).toEqual([1.25, SLICE_MS / 4 + 0.25, SLICE_MS / 4 + 0.25]);
  });

  it('caps the text a slice reads by the pace matching had, when reading is nearly free', async () => {
    const { state, frames } = manualFrames();
    const scheduler = new ScanScheduler(frames);
    const reads: number[] = [];
    const sliceMs: number[] = [];
    // A plain block of 100 characters read in 0.01 ms; matching 1 ms per 1,000 characters.
    await scheduler.slices(scheduler.current, (clock) => {
      const start = state.t;
      let read = 0;
      while (!clock.shouldYield(read)) {
        read += 100;
        state.t += 0.01;
      }
      clock.extracted(read);
      state.t += read / 1000;
      reads.push(read);
      sliceMs.push(state.t - start);
      return reads.length >= 4;
    });
    // A time budget alone would have read 100 characters per 0.01 ms of its 1 ms: 10,000.
    expect(reads[0]).toBeLessThanOrEqual(2_200);
    for (const ms of sliceMs.slice(1)) expect(ms).toBeLessThanOrEqual(SLICE_MS * 1.1);
    expect(Math.min(...reads.slice(1))).toBeGreaterThan(reads[0]!);
  });

  it('stops at the next slice once a new generation starts, or the scheduler stops', async () => {
    const { frames } = manualFrames();
    const scheduler = new ScanScheduler(frames);
    let calls = 0;
    const old = scheduler.current;
    await scheduler.slices(old, () => {
      if (++calls === 2) scheduler.renew();
      return false;
    });
    expect(calls).toBe(2);
    expect(scheduler.isLive(old)).toBe(false);
    expect(scheduler.isLive(scheduler.current)).toBe(true);
    calls = 0;
    await scheduler.slices(scheduler.current, () => {
      if (++calls === 3) scheduler.stop();
      return false;
    });
    expect(calls).toBe(3);
    expect(scheduler.isLive(scheduler.current)).toBe(false);
  });
});

describe('ScanScheduler.exclusive', () => {
  it('never lets two pieces of work interleave, even when one fails', async () => {
    const scheduler = new ScanScheduler(manualFrames().frames);
    const log: string[] = [];
    let release!: () => void;
    const first = scheduler.exclusive(async () => {
      log.push('a start');
      await new Promise<void>((r) => (release = r));
      log.push('a end');
      throw new Error('a failed');
    });
    const second = scheduler.exclusive(async () => void log.push('b'));
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(['a start']);
    release();
    await expect(first).rejects.toThrow('a failed');
    await second;
    expect(log).toEqual(['a start', 'a end', 'b']);
  });
});

describe('ScanScheduler.each', () => {
  it('yields to the page whenever a slice budget is spent, not after every item', async () => {
    const { state, frames } = manualFrames();
    const scheduler = new ScanScheduler(frames);
    const done: number[] = [];
    await scheduler.each([1, 2, 3, 4, 5, 6], async (i) => {
      done.push(i);
      state.t += 3;
    });
    expect(done).toEqual([1, 2, 3, 4, 5, 6]);
    // 3 ms each: the budget is passed after every third item.
    expect(state.yields).toBe(2);
  });
});

/**
 * The paint window on its own: mentions followed by block, painted near the viewport. Frames are
 * run by hand (no timers), linkedom's paragraphs get boxes from a simple layout.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { PlacedMention } from '../../src/dom/highlight';
import { PaintWindow } from '../../src/dom/paint-window';
import type { FrameScheduler } from '../../src/dom/scan-scheduler';

const SCREEN = 500;
const LINE = 50;

/** `n` paragraphs, one per 50 px line, the window scrolled to `layout.y`; frames run by `frame()`. */
function setUp(n: number) {
  const { document, window } = parseHTML(
    `<!doctype html><html><body><main>${'<p>Kyiv</p>'.repeat(n)}</main></body></html>`,
  );
  Object.defineProperty(window, 'innerHeight', { value: SCREEN });
  const layout = { y: 0 };
  const ps: Element[] = [...document.querySelectorAll('p')];
  ps.forEach((p, i) =>
    Object.defineProperty(p, 'getBoundingClientRect', {
      value: () => {
        const top = i * LINE - layout.y;
        return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE };
      },
    }),
  );
  let pending: (() => void)[] = [];
  const frames: FrameScheduler = {
    requestFrame: (cb) => {
      pending.push(cb);
      return () => (pending = pending.filter((c) => c !== cb));
    },
    yieldToPage: async () => undefined,
    afterNextPaint: async () => undefined,
    now: () => 0,
  };
  const frame = () => {
    const run = pending;
    pending = [];
    for (const cb of run) cb();
  };
  const painted = new Set<number>();
  const mentions = ps.map((p) => {
    const text = p.firstChild as Text;
    const range = {
      startContainer: text,
      startOffset: 0,
      endContainer: text,
      endOffset: 4,
      collapsed: false,
    };
    return {
      mention: { entity: 'kyiv', start: 0, end: 4, pattern: 0, support: undefined },
      range,
      nodes: [text],
    };
  });
  const win = new PaintWindow(
    document as unknown as Document,
    (p: PlacedMention, on: boolean) => {
      const i = mentions.indexOf(p as (typeof mentions)[number]);
      if (on) painted.add(i);
      else painted.delete(i);
    },
    frames,
  );
  const scroll = (y: number) => {
    layout.y = y;
    document.dispatchEvent(new window.Event('scroll'));
    frame();
  };
  const shown = () => [...painted].sort((a, b) => a - b);
  return { document, ps, mentions, win, frame, scroll, shown, pending: () => pending.length };
}

/** Lines `a` to `b`, inclusive. */
const span = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

describe('PaintWindow', () => {
  it('paints the mentions within four screens of the viewport, at the next frame', () => {
    const { mentions, win, frame, shown } = setUp(200);
    for (const p of mentions) win.track(p);
    expect(shown()).toEqual([]);
    frame();
    // The viewport and four screens below it: 5 × 500 px = lines 0 to 50.
    expect(shown()).toEqual(span(0, 50));
    win.disconnect();
  });

  it('follows the scroll only when the reader nears the edge of the painted region', () => {
    const { mentions, win, frame, scroll, shown } = setUp(200);
    for (const p of mentions) win.track(p);
    frame();
    // Two screens down: still more than a screen from the edge below, nothing changes.
    scroll(2 * SCREEN);
    expect(shown()).toEqual(span(0, 50));
    // Four screens down: the edge is near, the region is found again around the viewport.
    scroll(4 * SCREEN);
    expect(shown()).toEqual(span(0, (4 * SCREEN + 5 * SCREEN) / LINE));
    scroll(150 * LINE);
    expect(shown()).toEqual(span((150 * LINE - 4 * SCREEN) / LINE - 1, 199));
    win.disconnect();
  });

  it('lets go of an untracked mention, and stops following everything when disconnected', () => {
    const { ps, mentions, win, frame, scroll, shown, pending } = setUp(200);
    for (const p of mentions) win.track(p);
    frame();
    ps[3]!.remove();
    win.untrack(mentions[3]!);
    frame();
    // The region moves far down: every followed mention near the top is unpainted, but the
    // untracked one is no longer the window's (its highlight is the caller's to remove).
    scroll(150 * LINE);
    expect(shown()).toEqual([3, ...span((150 * LINE - 4 * SCREEN) / LINE - 1, 199)]);
    win.disconnect();
    scroll(0);
    expect(pending()).toBe(0);
    expect(shown()).toEqual([3, ...span((150 * LINE - 4 * SCREEN) / LINE - 1, 199)]);
  });
});

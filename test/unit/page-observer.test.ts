/**
 * The page observer with plain objects: records are handed to it as a MutationObserver would,
 * frames are run by hand.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { PageObserver } from '../../src/dom/page-observer';
import type { FrameScheduler } from '../../src/dom/scan-scheduler';

function setUp(html: string, isOwnUi?: (node: Node) => boolean) {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  let deliver: (records: MutationRecord[]) => void = () => undefined;
  const observed: Node[] = [];
  let frames: (() => void)[] = [];
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => {
      frames.push(cb);
      return () => (frames = frames.filter((f) => f !== cb));
    },
    yieldToPage: async () => undefined,
    afterNextPaint: async () => undefined,
    now: () => 0,
  };
  let flushes = 0;
  const observer = new PageObserver(document.body, {
    isOwnUi,
    frames: scheduler,
    createObserver: (callback) => {
      deliver = callback;
      return {
        observe: (target) => void observed.push(target),
        disconnect: () => (deliver = () => undefined),
      };
    },
    onFlush: () => void flushes++,
  });
  observer.start();
  const frame = () => {
    const run = frames;
    frames = [];
    for (const cb of run) cb();
  };
  /** Report changes as the browser would. */
  const report = (...records: (Partial<MutationRecord> & { target: Node })[]) =>
    deliver(
      records.map(
        (r) => ({ type: 'childList', addedNodes: [], removedNodes: [], ...r }) as unknown as MutationRecord,
      ),
    );
  return { document, observer, observed, report, frame, flushes: () => flushes, frames: () => frames.length };
}

const nodes = (...list: Node[]) => list as unknown as NodeList;

describe('PageObserver', () => {
  it('batches the changes of a frame into one flush, and reads again only the blocks that changed', () => {
    const { document, observer, report, frame, flushes } = setUp(
      '<article><p id="a">Kyiv <b>and</b> Bucha</p><p id="b">Izium</p></article>',
    );
    const a = document.getElementById('a')!;
    report({ type: 'characterData', target: a.querySelector('b')!.firstChild! });
    report({ type: 'characterData', target: a.firstChild! });
    frame();
    expect(flushes()).toBe(1);
    expect(observer.hasChanges).toBe(true);
    expect(observer.take()).toEqual({ removed: false, roots: [a] });
    expect(observer.hasChanges).toBe(false);
  });

  it('reads just what was added to a page-level container or a block, and the block for other changes', () => {
    const { document, observer, report } = setUp('<p id="a">Kyiv <b>and</b></p>');
    const banner = document.createElement('div');
    document.body.append(banner);
    const a = document.getElementById('a')!;
    const em = document.createElement('em');
    a.append(em);
    const text = document.createTextNode(' Bucha');
    a.querySelector('b')!.append(text);
    report({ target: document.body, addedNodes: nodes(banner) }, { target: a, addedNodes: nodes(em) });
    expect(observer.take().roots).toEqual([banner, em]);
    report({ target: a.querySelector('b')!, addedNodes: nodes(text) });
    expect(observer.take().roots).toEqual([a]);
  });

  it('keeps the outermost roots only, says when nodes were removed, and reads the page after a burst', () => {
    const paragraphs = Array.from({ length: 250 }, (_, i) => `<p>${i}</p>`).join('');
    const { document, observer, report } = setUp(`<section>${paragraphs}</section>`);
    const section = document.querySelector('section')!;
    const ps = [...document.querySelectorAll('p')];
    const text = document.createTextNode('Kyiv');
    section.append(text);
    report(
      { type: 'characterData', target: ps[0]!.firstChild! },
      { target: section, addedNodes: nodes(text) },
    );
    expect(observer.take()).toEqual({ removed: false, roots: [section] });
    ps[1]!.remove();
    report({ target: section, removedNodes: nodes(ps[1]!) });
    expect(observer.take()).toEqual({ removed: true, roots: [] });
    report(...ps.map((p) => ({ type: 'characterData' as const, target: p.firstChild! })));
    expect(observer.take().roots).toEqual([document.body]);
  });

  it('never records changes to our own UI, nor in skipped regions', () => {
    const own = (n: Node) => n.nodeType === 1 && (n as Element).localName.startsWith('wsw-');
    const { document, observer, report, frames } = setUp(
      '<wsw-card></wsw-card><div contenteditable="true"><p>x</p></div>',
      own,
    );
    const card = document.querySelector('wsw-card')!;
    const div = document.createElement('wsw-inner');
    report({ target: card }, { target: document.body, addedNodes: nodes(div) });
    expect(frames()).toBe(0);
    expect(observer.hasChanges).toBe(false);
    report({ type: 'characterData', target: document.querySelector('p')!.firstChild! });
    expect(observer.take().roots).toEqual([]);
  });

  it('follows each open shadow root once, and reads a shadow root without blocks as a whole', () => {
    const { document, observer, observed, report } = setUp('<x-card></x-card>');
    const shadow = document.querySelector('x-card')!.attachShadow({ mode: 'open' });
    observer.followShadowRoot(shadow);
    observer.followShadowRoot(shadow);
    expect(observed).toEqual([document, shadow]);
    const text = document.createTextNode('Kyiv');
    shadow.append(text);
    report({ target: shadow, addedNodes: nodes(text) });
    expect(observer.take().roots).toEqual([shadow]);
  });

  it('flushes on request and after a rescan is asked for, and never once stopped', () => {
    const { document, observer, frame, flushes, frames } = setUp('<p>Kyiv</p>');
    observer.requestFlush();
    observer.requestFlush();
    frame();
    expect(flushes()).toBe(1);
    const p = document.querySelector('p')!;
    observer.rescan(p);
    observer.rescan(p.firstChild!);
    frame();
    expect(observer.take().roots).toEqual([document.body]);
    observer.rescan(p);
    observer.stop();
    expect(frames()).toBe(0);
    observer.requestFlush();
    expect(frames()).toBe(0);
    expect(observer.hasChanges).toBe(false);
  });
});

/**
 * The Highlighter under linkedom, given plain objects for the browser pieces it takes: the
 * highlight registry and its ranges, frames and tasks, and the MutationObserver factory. The test
 * hands records to the observer itself ({@link change}) with the browser's reach (linkedom's own
 * observer reports every record on the observed node and sees into shadow trees). Covered: SPA
 * navigations, the viewport read first, changes inside open shadow roots and the paint window;
 * layout comes from each test, and real layout and painting are covered by the e2e tests
 * (test/e2e/spa-shadow.e2e.ts, heavy-pages.e2e.ts).
 */
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import { Highlighter, type HighlighterOptions } from '../../src/dom/highlighter';
import type { PlacedMention } from '../../src/dom/highlight';
import type { ObserverLike } from '../../src/dom/page-observer';
import { SENSE_ENTITIES } from '../fixtures/sense-entities';
import { TEST_ENTITIES } from '../fixtures/test-entities';

const dict = loadDictionary(
  JSON.parse(JSON.stringify(serializeDictionary(compileDictionary(TEST_ENTITIES)))),
);

/** Every range added to any highlight, in order (to see what was lit first). */
let added: StaticRange[] = [];

/** A highlight: a Set of ranges that notes what is added. */
class PlainHighlight extends Set<StaticRange> {
  override add(range: StaticRange): this {
    added.push(range);
    return super.add(range);
  }
}

/** The registered highlights by name (what `CSS.highlights` is in a browser). */
let registry = new Map<string, PlainHighlight>();

/**
 * A MutationObserver that gets the records the tests make ({@link change}), with the browser's
 * reach: an observed node sees changes in its own tree only, never inside shadow trees.
 */
class PlainObserver implements ObserverLike {
  static readonly active = new Set<PlainObserver>();
  private targets: Node[] = [];
  constructor(private readonly callback: (records: MutationRecord[]) => void) {}
  observe(target: Node): void {
    this.targets.push(target);
    PlainObserver.active.add(this);
  }
  disconnect(): void {
    this.targets = [];
    PlainObserver.active.delete(this);
  }
  static deliver(record: Partial<MutationRecord> & { target: Node }): void {
    for (const observer of PlainObserver.active) {
      if (!observer.targets.some((t) => t === record.target || t.contains(record.target))) continue;
      const full = { addedNodes: [], removedNodes: [], ...record } as unknown as MutationRecord;
      queueMicrotask(() => observer.callback([full]));
    }
  }
}

/** The browser pieces a Highlighter takes, as plain objects; frames and tasks are timers. */
const browserPieces = (): HighlighterOptions => ({
  highlights: {
    registry,
    create: () => new PlainHighlight(),
    range: (init) => ({ ...init, collapsed: false }) as StaticRange,
  },
  frames: {
    requestFrame: (callback) => {
      const timer = setTimeout(callback, 0);
      return () => clearTimeout(timer);
    },
    yieldToPage: () => new Promise((resolve) => setTimeout(resolve, 0)),
    afterNextPaint: () => new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0)),
    now: () => performance.now(),
  },
  createObserver: (callback) => new PlainObserver(callback),
});

/** A highlighter of `document`'s body. */
const highlighter = (document: Document, options: HighlighterOptions = {}): Highlighter =>
  new Highlighter(document.body, dict, { ...browserPieces(), ...options });

/** A fragment parsed from markup in `doc` (the lint rules keep innerHTML out of our code). */
const fragment = (doc: Document, html: string): DocumentFragment =>
  doc.createRange().createContextualFragment(html);

/** Change the page as a script would, and report it as the browser would. */
const change = {
  html(el: Element | ShadowRoot, html: string) {
    const removedNodes = [...el.childNodes];
    el.replaceChildren(fragment(el.ownerDocument!, html));
    PlainObserver.deliver({
      type: 'childList',
      target: el,
      addedNodes: [...el.childNodes] as unknown as NodeList,
      removedNodes: removedNodes as unknown as NodeList,
    });
  },
  append(parent: Element | ShadowRoot, node: Node) {
    parent.append(node);
    PlainObserver.deliver({
      type: 'childList',
      target: parent,
      addedNodes: [node] as unknown as NodeList,
    });
  },
  text(node: Text, data: string) {
    node.data = data;
    PlainObserver.deliver({ type: 'characterData', target: node });
  },
};

beforeEach(() => {
  added = [];
  registry = new Map();
});

afterEach(() => PlainObserver.active.clear());

/** A document at `href` whose body is `html`; hit tests answer with `hit` where given. */
function page(html: string, href = 'https://news.example/a') {
  const { document, window } = parseHTML(
    `<!doctype html><html><head><title>t</title></head><body>${html}</body></html>`,
  );
  Object.defineProperty(document, 'location', { value: { href }, configurable: true, writable: true });
  return { document, window };
}

const textOf = (p: PlacedMention) => {
  const { startContainer, startOffset, endContainer, endOffset } = p.range;
  if (startContainer === endContainer) return (startContainer as Text).data.slice(startOffset, endOffset);
  return (
    (startContainer as Text).data.slice(startOffset) + '…' + (endContainer as Text).data.slice(0, endOffset)
  );
};
const texts = (h: Highlighter) => h.mentions.map(textOf).sort();

/** Let mutation records, frames and slices run until nothing is left to do. */
async function settle(): Promise<void> {
  for (let i = 0; i < 50; i++) await new Promise((r) => setTimeout(r, 0));
}

/** No two placed mentions cover the same text span; every placed range is registered once. */
function expectNoDoubles(h: Highlighter): void {
  const spans = h.mentions.map((p) => {
    const r = p.range;
    return [r.startContainer, r.startOffset, r.endContainer, r.endOffset];
  });
  const keys = new Map<Node, number>();
  const key = (n: Node) => keys.get(n) ?? keys.set(n, keys.size).get(n)!;
  const flat = spans.map(
    ([a, b, c, d]) => `${key(a as Node)}:${b as number}-${key(c as Node)}:${d as number}`,
  );
  expect(new Set(flat).size).toBe(flat.length);
  const registered = [...registry.values()].reduce((n, set) => n + set.size, 0);
  expect(registered).toBe(h.mentions.length);
}

describe('Highlighter: SPA navigation', () => {
  // Page 1 names Kharkiv region; page 2 has "изюм" (raisins, ambiguous: it would count as Izium
  // only with support such as a mention of Kharkiv Oblast on the same page).
  const page1 = '<article id="a"><p>Shelling in the Kharkiv region continued.</p></article>';
  const swap = (document: Document) =>
    change.html(document.getElementById('a')!, '<p>Рецепт: изюм и орехи. Kyiv</p>');

  it('reads the new page from scratch: no support carried over from the previous one', async () => {
    const { document } = page(page1);
    const h = highlighter(document);
    await h.start();
    expect(texts(h)).toEqual(['Kharkiv region']);
    (document.location as { href: string }).href = 'https://news.example/b';
    swap(document);
    await settle();
    expect(texts(h)).toEqual(['Kyiv']);
    expectNoDoubles(h);
    h.stop();
  });

  it('a navigation in the middle of the first scan stops it and reads the new page', async () => {
    // Long enough that no machine reads it all in the first few slices (3,000 was read at once in CI).
    const long = Array.from({ length: 30000 }, (_, i) => `<p>Report ${i} from Kharkiv.</p>`).join('');
    const { document } = page(`<article id="a">${long}</article>`);
    const h = highlighter(document);
    const first = h.start();
    // Let a few slices run (the scan starts after the next paint), then navigate.
    for (let i = 0; i < 200 && h.mentions.length === 0; i++) await new Promise((r) => setTimeout(r, 0));
    expect(h.mentions.length).toBeGreaterThan(0);
    expect(h.mentions.length).toBeLessThan(30000);
    (document.location as { href: string }).href = 'https://news.example/b';
    swap(document);
    await first;
    await settle();
    for (let i = 0; i < 100 && texts(h).length !== 1; i++) await settle();
    expect(texts(h)).toEqual(['Kyiv']);
    expectNoDoubles(h);
    h.stop();
  });

  it('without a change of address, text that left the page takes its support with it', async () => {
    // Judged as `wsw annotate` judges the page as it is now: nothing on it supports "изюм".
    const { document } = page(page1);
    const h = highlighter(document);
    await h.start();
    swap(document);
    await settle();
    expect(texts(h)).toEqual(['Kyiv']);
    expectNoDoubles(h);
    h.stop();
  });

  it('notices a navigation at popstate even without a change to the page', async () => {
    const { document, window } = page(page1);
    const changes: string[][] = [];
    const h = highlighter(document, { onChange: (m) => changes.push(m.map(textOf)) });
    await h.start();
    (document.location as { href: string }).href = 'https://news.example/b';
    window.dispatchEvent(new window.Event('popstate'));
    await settle();
    // Read again: the same mention, reported again, not doubled.
    expect(changes).toEqual([['Kharkiv region'], ['Kharkiv region']]);
    expectNoDoubles(h);
    h.stop();
    // Stopped: later events do nothing.
    (document.location as { href: string }).href = 'https://news.example/c';
    window.dispatchEvent(new window.Event('popstate'));
    await settle();
    expect(changes.length).toBe(2);
  });

  it('an in-page anchor jump is not a navigation', async () => {
    const { document, window } = page(page1);
    const changes: string[][] = [];
    const h = highlighter(document, { onChange: (m) => changes.push(m.map(textOf)) });
    await h.start();
    (document.location as { href: string }).href = 'https://news.example/a#comments';
    window.dispatchEvent(new window.Event('hashchange'));
    await settle();
    expect(changes.length).toBe(1);
    h.stop();
  });
});

describe('Highlighter: the viewport first', () => {
  // 300 paragraphs in one flat container, each 20 px high; the reader is scrolled so that
  // paragraphs 245 to 255 are on screen. "ICC" (ambiguous) and "изюм" need support from elsewhere
  // on the page, in either direction.
  const paragraphs = Array.from({ length: 300 }, (_, i) => {
    if (i === 3) return '<p>Then the ICC said it would continue.</p>';
    if (i === 5) return '<p>Shelling in the Kharkiv region continued.</p>';
    if (i === 245) return '<p>Top of the screen: Zelensky.</p>';
    if (i === 250)
      return '<p id="seen">In <b>Bucha</b>, the International Criminal Court, and изюм from Kyiv.</p>';
    if (i === 255) return '<p>Bottom of the screen: Kremlin.</p>';
    if (i === 256) return '<p>Just below the screen: Izium.</p>';
    return `<p>Paragraph ${i} of a long report with nothing to find.</p>`;
  });
  const html = `<main>${paragraphs.join('')}</main>`;
  const FIRST = 245;
  const HEIGHT = 11 * 20;

  /** A layout for the page: paragraph i at (i − FIRST) × 20 px, a 1000 × HEIGHT viewport. */
  const layOut = (document: Document, window: object) => {
    const ps = [...document.querySelectorAll('p')];
    Object.assign(window, { innerWidth: 1000, innerHeight: HEIGHT });
    // The highlighter learns that the page is scrolled from an IntersectionObserver report on
    // the root element (no layout forced); this one reports the root FIRST × 20 px up.
    Object.assign(window, {
      IntersectionObserver: class {
        constructor(private readonly report: (entries: unknown[]) => void) {}
        observe(target: Element) {
          const box = { top: -FIRST * 20, left: 0, width: 1000, height: 6000 };
          setTimeout(() => this.report([{ target, boundingClientRect: box, isIntersecting: true }]), 0);
        }
        disconnect() {}
      },
    });
    const top = (el: Element) => {
      const p = el.closest('p');
      return p ? (ps.indexOf(p) - FIRST) * 20 : 0;
    };
    const proto = Object.getPrototypeOf(document.body) as { getBoundingClientRect: () => DOMRect };
    proto.getBoundingClientRect = function (this: Element) {
      const t = top(this);
      return { top: t, bottom: t + 20, left: 0, right: 1000, width: 1000, height: 20 } as DOMRect;
    };
    (document as unknown as { elementFromPoint: (x: number, y: number) => Element | null }).elementFromPoint =
      (_x, y) => ps[FIRST + Math.floor(y / 20)] ?? null;
    return () => delete (proto as { getBoundingClientRect?: unknown }).getBoundingClientRect;
  };

  const run = async (withLayout: boolean) => {
    const { document, window } = page(html);
    const undo = withLayout ? layOut(document, window) : () => undefined;
    added = [];
    const h = highlighter(document);
    await h.start();
    undo();
    const ps = [...document.querySelectorAll('p')];
    return {
      h,
      document,
      order: added.map((r) => ps.indexOf((r.startContainer as Text).parentElement!.closest('p')!)),
    };
  };

  it('lights what is on screen before the rest, then the rest without doubles', async () => {
    const { h, order } = await run(true);
    // Zelensky (245), Bucha, International Criminal Court, Kyiv (250) and Kremlin (255) come
    // first; изюм waits for its support (Kharkiv region, paragraph 5).
    expect(order.slice(0, 5)).toEqual([245, 250, 250, 250, 255]);
    expect(texts(h)).toEqual([
      'Bucha',
      'ICC',
      'International Criminal Court',
      'Izium',
      'Kharkiv region',
      'Kremlin',
      'Kyiv',
      'Zelensky',
      'изюм',
    ]);
    expectNoDoubles(h);
    h.stop();
  });

  it.each([
    ['scrolled', true, [FIRST, FIRST]],
    // Paragraph 3 (ICC, shown once its support is read) or 5 (Kharkiv), by how the text is sliced.
    ['at the top', false, [3, 5]],
  ])(
    'takes an answer asked before it was made (%s) instead of waiting for a layout report',
    async (_, scrolled, first) => {
      const { document, window } = page(html);
      const undo = layOut(document, window);
      // The page's own report would say "scrolled": only the early answer may decide.
      let asked = 0;
      const Observer = (window as unknown as { IntersectionObserver: new (cb: unknown) => object })
        .IntersectionObserver;
      Object.assign(window, {
        IntersectionObserver: class extends (Observer as new (cb: unknown) => object) {
          constructor(cb: unknown) {
            super(cb);
            asked++;
          }
        },
      });
      added = [];
      const h = highlighter(document, { scrolled: Promise.resolve(scrolled) });
      await h.start();
      undo();
      const ps = [...document.querySelectorAll('p')];
      const at = ps.indexOf((added[0]!.startContainer as Text).parentElement!.closest('p')!);
      expect(at).toBeGreaterThanOrEqual(first[0]!);
      expect(at).toBeLessThanOrEqual(first[1]!);
      expect(asked).toBe(0);
      h.stop();
    },
  );

  it('finds exactly what a scan in document order finds', async () => {
    const plain = await run(false);
    const first = await run(true);
    // In document order, what is on screen is not the first thing lit.
    expect(plain.order[0]).toBeLessThan(FIRST);
    expect(texts(first.h)).toEqual(texts(plain.h));
    expect(first.h.mentions.length).toBe(plain.h.mentions.length);
    plain.h.stop();
    first.h.stop();
  });

  it('never reads our own UI or a skipped region first', async () => {
    const { document, window } = page(
      '<div contenteditable="true"><p id="edit">Kyiv</p></div><p>Bucha</p><div id="wsw-x"><p id="own">Kyiv</p></div>',
    );
    Object.assign(window, { innerWidth: 1000, innerHeight: 800 });
    let hit = 0;
    (document as unknown as { elementFromPoint: () => Element | null }).elementFromPoint = () =>
      document.getElementById(hit++ % 2 ? 'edit' : 'own');
    const h = highlighter(document, {
      isOwnUi: (n) => n.nodeType === 1 && (n as Element).closest('[id^="wsw-"]') !== null,
    });
    await h.start();
    expect(texts(h)).toEqual(['Bucha']);
    h.stop();
  });
});

describe('Highlighter: open shadow roots', () => {
  it('observes each open shadow root it reads and re-reads only what changed there', async () => {
    const { document } = page('<p>Kyiv</p><x-card></x-card>');
    const host = document.querySelector('x-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(fragment(document, '<p>Bucha</p>'));
    // As in browsers, the document does not contain what is inside a shadow tree.
    expect(document.contains(shadow.firstChild)).toBe(false);
    const h = highlighter(document);
    await h.start();
    expect(texts(h)).toEqual(['Bucha', 'Kyiv']);
    const kyiv = h.mentions.find((p) => textOf(p) === 'Kyiv')!;
    // A paragraph, bare text straight in the shadow root (no block to re-read but the root), and
    // an edit of text in place.
    const p = document.createElement('p');
    p.textContent = 'Later in Izium.';
    change.append(shadow, p);
    await settle();
    expect(texts(h)).toEqual(['Bucha', 'Izium', 'Kyiv']);
    change.append(shadow, document.createTextNode(' And the Kremlin.'));
    await settle();
    expect(texts(h)).toEqual(['Bucha', 'Izium', 'Kremlin', 'Kyiv']);
    change.text(shadow.querySelector('p')!.firstChild as Text, 'Irpin, not Bucha');
    await settle();
    expect(texts(h)).toEqual(['Bucha', 'Izium', 'Kremlin', 'Kyiv']);
    change.text(shadow.querySelector('p')!.firstChild as Text, 'Irpin');
    await settle();
    expect(texts(h)).toEqual(['Izium', 'Kremlin', 'Kyiv']);
    // The light-DOM mention was not re-read (the same object): a change in a component stays there.
    expect(h.mentions).toContain(kyiv);
    expectNoDoubles(h);
    h.stop();
  });

  it('follows shadow roots of components added later, and nested ones', async () => {
    const { document } = page('<p>Kyiv</p><div id="slot"></div>');
    const h = highlighter(document);
    await h.start();
    const host = document.createElement('x-card');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(fragment(document, '<div><x-inner></x-inner></div>'));
    const inner = shadow.querySelector('x-inner')!.attachShadow({ mode: 'open' });
    inner.append(fragment(document, '<p>Bucha</p>'));
    change.append(document.getElementById('slot')!, host);
    await settle();
    expect(texts(h)).toEqual(['Bucha', 'Kyiv']);
    change.html(inner, '<p>Izium</p>');
    await settle();
    expect(texts(h)).toEqual(['Izium', 'Kyiv']);
    expectNoDoubles(h);
    h.stop();
  });
});

describe('Highlighter: paints only what is near the viewport on a big page', () => {
  const SCREEN = 600;
  const LINE = 20;
  /**
   * A layout for linkedom: paragraph i is a 20 px line at i × 20 px, the window scrolled to
   * `layout.y`; `layout.reads` counts the boxes read. Scroll events are sent as the browser does.
   */
  function laidOut(document: Document, window: Window) {
    const layout = { y: 0, reads: 0 };
    Object.defineProperty(window, 'innerHeight', { value: SCREEN, configurable: true });
    /**
     * Lay out the paragraphs as they are now (again after some were added); a paragraph of class
     * `hidden` has no box and takes no room, as with `display: none` from the page's CSS.
     */
    const relayout = () => {
      let line = 0;
      document.querySelectorAll('p').forEach((p) => {
        const hidden = p.classList.contains('hidden');
        const at = hidden ? 0 : line++;
        Object.defineProperty(p, 'getBoundingClientRect', {
          configurable: true,
          value: () => {
            layout.reads++;
            if (hidden) return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0 };
            const top = at * LINE - layout.y;
            return { top, bottom: top + LINE, left: 0, right: 100, width: 100, height: LINE };
          },
        });
      });
    };
    relayout();
    const scrollTo = async (y: number) => {
      layout.y = y;
      document.dispatchEvent(new (window as unknown as typeof globalThis).Event('scroll'));
      await settle();
    };
    return { layout, scrollTo, relayout };
  }

  const registered = () => [...registry.values()].flatMap((set) => [...set]);
  /** Names of the registered highlights of places, and whether every registered name is a tint. */
  const names = () => {
    const all = [...registry.keys()];
    const tint = all.length > 0 && all.every((n) => n.endsWith('-tint'));
    return all.length ? [all.filter((n) => n.startsWith('wsw-place')), tint ? 'tint' : 'underline'] : [];
  };
  const paragraphOf = (r: StaticRange, ps: Element[]) =>
    ps.indexOf((r.startContainer as Text).parentElement!.closest('p')!);
  const paintedParagraphs = (ps: Element[]) =>
    registered()
      .map((r) => paragraphOf(r, ps))
      .sort((a, b) => a - b);
  /** Paragraphs from `first` to `last`, inclusive. */
  const span = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

  it('past 500 mentions, registers those within four screens of the viewport, and follows the scroll', async () => {
    // 1,200 paragraphs with one mention each (the window opens past 500).
    const html = Array.from({ length: 1200 }, (_, i) => `<p>Report ${i} from Kyiv.</p>`).join('');
    const { document, window } = page(`<main>${html}</main>`);
    const { layout, scrollTo } = laidOut(document, window as unknown as Window);
    const h = highlighter(document);
    await h.start();
    await settle();
    const ps: Element[] = [...document.querySelectorAll('p')];
    expect(h.mentions.length).toBe(1200);
    // From the top: 4 screens below the viewport's bottom (3,000 px: paragraphs 0 to 150).
    expect(paintedParagraphs(ps)).toEqual(span(0, 150));
    // The reader scrolls to the middle: 4 screens either side of it.
    await scrollTo(12000);
    expect(paintedParagraphs(ps)).toEqual(span((12000 - 4 * SCREEN) / LINE - 1, (12000 + 5 * SCREEN) / LINE));
    // A little further (less than three screens): the region stays, and only two boxes are read.
    const adds = added.length;
    layout.reads = 0;
    await scrollTo(12000 + 2 * SCREEN);
    expect(added.length).toBe(adds);
    expect(layout.reads).toBe(2);
    // On to the end: the top is unpainted, the end painted.
    await scrollTo(1200 * LINE - SCREEN);
    expect(paintedParagraphs(ps)).toEqual(span((1200 * LINE - 5 * SCREEN) / LINE - 1, 1199));
    // Hover and keyboard still know every mention.
    expect(h.mentionAt(ps[5]!.firstChild!, 16)).toBeDefined();
    // Text that changes in a painted paragraph is painted at once; removed text is let go.
    change.text(ps[1199]!.firstChild as Text, 'Kyiv and Bucha today.');
    await settle();
    expect(registered().filter((r) => paragraphOf(r, ps) === 1199).length).toBe(2);
    const before = registered().length;
    const gone = ps[1198]!;
    gone.remove();
    PlainObserver.deliver({
      type: 'childList',
      target: document.querySelector('main')!,
      removedNodes: [gone] as unknown as NodeList,
    });
    await settle();
    expect(registered().length).toBe(before - 1);
    expect(registered().some((r) => paragraphOf(r, ps) === 1198)).toBe(false);
    // Stopped: nothing registered, and scrolling reads nothing.
    h.stop();
    layout.reads = 0;
    await scrollTo(0);
    expect(registered().length).toBe(0);
    expect(layout.reads).toBe(0);
  });

  it('paints paragraphs added near the viewport at the next frame, and far ones only when scrolled to', async () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>Report ${i} from Kyiv.</p>`).join('');
    const { document, window } = page(`<main>${html}</main>`);
    const win = window as unknown as Window;
    const { scrollTo, relayout } = laidOut(document, win);
    const h = highlighter(document);
    await h.start();
    await settle();
    const main = document.querySelector('main')!;
    // A paragraph inserted in the painted region is painted at the next frame, without a scroll.
    const inserted = fragment(document as unknown as Document, '<p>Breaking: Izium.</p>');
    const first = inserted.firstChild!;
    main.insertBefore(inserted, main.children[3]!);
    relayout();
    PlainObserver.deliver({
      type: 'childList',
      target: main,
      addedNodes: [first] as unknown as NodeList,
    });
    await settle();
    expect(registered().filter((r) => r.startContainer.parentElement === first).length).toBe(1);
    first.remove();
    PlainObserver.deliver({
      type: 'childList',
      target: main,
      removedNodes: [first] as unknown as NodeList,
    });
    relayout();
    await settle();
    // A feed appends 600 more paragraphs at the end (laid out below the others).
    const more = fragment(
      document as unknown as Document,
      Array.from({ length: 600 }, (_, i) => `<p>Update ${i} from Bucha.</p>`).join(''),
    );
    const added = [...more.childNodes];
    main.append(more);
    relayout();
    PlainObserver.deliver({
      type: 'childList',
      target: main,
      addedNodes: added as unknown as NodeList,
    });
    await settle();
    const ps: Element[] = [...document.querySelectorAll('p')];
    expect(h.mentions.length).toBe(1200);
    expect(paintedParagraphs(ps)).toEqual(span(0, 150));
    await scrollTo(1100 * LINE);
    expect(paintedParagraphs(ps).at(-1)).toBe(1199);
    expect(paintedParagraphs(ps)[0]).toBe((1100 * LINE - 4 * SCREEN) / LINE - 1);
    h.stop();
  });

  it('passes over paragraphs without a box (hidden by the page) wherever they are', async () => {
    // 2,000 paragraphs; 1,000–1,049 (a run longer than any slack) and 151–160 (right at the edge
    // of the region painted from the top) are hidden.
    const hiddenAt = (i: number) => (i >= 1000 && i < 1050) || (i >= 151 && i <= 160);
    const html = Array.from(
      { length: 2000 },
      (_, i) => `<p${hiddenAt(i) ? ' class="hidden"' : ''}>Report ${i} from Kyiv.</p>`,
    ).join('');
    const { document, window } = page(`<main>${html}</main>`);
    const { scrollTo } = laidOut(document, window as unknown as Window);
    const h = highlighter(document);
    await h.start();
    await settle();
    const ps: Element[] = [...document.querySelectorAll('p')];
    const shown = ps.map((_, i) => i).filter((i) => !hiddenAt(i));
    /** The paragraphs shown at lines `first` to `last` of the layout. */
    const lines = (first: number, last: number) => shown.slice(Math.max(0, first), last + 1);
    expect(paintedParagraphs(ps)).toEqual(lines(0, 150));
    // Scrolling down 3.5 screens passes the edge below (the first shown paragraph after the
    // hidden ones, within a screen of the viewport now): the region follows.
    await scrollTo(3.5 * SCREEN);
    expect(paintedParagraphs(ps)).toEqual(lines(0, (3.5 * SCREEN + 5 * SCREEN) / LINE));
    // Around the long hidden run: the region spans it, on both sides.
    const y = 960 * LINE;
    await scrollTo(y);
    expect(paintedParagraphs(ps)).toEqual(lines((y - 4 * SCREEN) / LINE - 1, (y + 5 * SCREEN) / LINE));
    expect(paintedParagraphs(ps)).toContain(999);
    expect(paintedParagraphs(ps)).toContain(1050);
    // Up again by 3.5 screens: the edge above is reached too.
    const up = y - 3.5 * SCREEN;
    await scrollTo(up);
    expect(paintedParagraphs(ps)).toEqual(lines((up - 4 * SCREEN) / LINE - 1, (up + 5 * SCREEN) / LINE));
    h.stop();
  });

  it('stays with plain highlights below 500 mentions', async () => {
    const html = Array.from({ length: 450 }, (_, i) => `<p>Report ${i} from Kyiv.</p>`).join('');
    const { document, window } = page(`<main>${html}</main>`);
    const { layout, scrollTo } = laidOut(document, window as unknown as Window);
    const h = highlighter(document);
    await h.start();
    await scrollTo(5000);
    expect(layout.reads).toBe(0);
    expectNoDoubles(h);
    expect(registered().length).toBe(450);
    expect(names()).toEqual([['wsw-place'], 'underline']);
    h.stop();
  });

  it('draws underlines as a tint on a windowed page, the chosen style again after a navigation', async () => {
    const html = Array.from({ length: 600 }, (_, i) => `<p>Report ${i} from Kyiv.</p>`).join('');
    const { document, window } = page(`<main>${html}</main>`);
    laidOut(document, window as unknown as Window);
    const h = highlighter(document);
    await h.start();
    await settle();
    expect(names()).toEqual([['wsw-place-tint'], 'tint']);
    expect(registered().length).toBeGreaterThan(0);
    // The reader's other choices are kept as they are.
    h.setStyle('none');
    expect(names()).toEqual([]);
    h.setStyle('tint');
    expect(names()).toEqual([['wsw-place-tint'], 'tint']);
    h.setStyle('underline');
    expect(names()).toEqual([['wsw-place-tint'], 'tint']);
    // An SPA navigation to a short story: plain highlights, underlined.
    (document.location as { href: string }).href = 'https://news.example/short';
    change.html(document.querySelector('main')!, '<p>Kyiv, Bucha.</p>');
    await settle();
    expect(names()).toEqual([['wsw-place'], 'underline']);
    expect(registered().length).toBe(2);
    h.stop();
    expect(names()).toEqual([]);
  });
});

describe('Highlighter: one sense per page, as `wsw annotate` judges it', () => {
  const senseDict = loadDictionary(
    JSON.parse(JSON.stringify(serializeDictionary(compileDictionary(SENSE_ENTITIES)))),
  );
  const sensing = (document: Document) => new Highlighter(document.body, senseDict, browserPieces());

  it('a namesake named further down takes the bare uses above it', async () => {
    const { document } = page(
      '<article><p>Bucha retired in 2004.</p><p>Paul Bucha received the Medal of Honor.</p></article>',
    );
    const h = sensing(document);
    await h.start();
    expect(texts(h)).toEqual([]);
    h.stop();
  });

  it('turns earlier highlights when a namesake arrives later, and back when it leaves', async () => {
    const { document } = page('<article id="a"><p>Bucha retired in 2004.</p></article>');
    const h = sensing(document);
    await h.start();
    expect(texts(h)).toEqual(['Bucha']);
    const article = document.getElementById('a')!;
    const added = document.createElement('p');
    added.textContent = 'Paul Bucha received the Medal of Honor.';
    change.append(article, added);
    await settle();
    expect(texts(h)).toEqual([]);
    change.html(article, '<p>Bucha retired in 2004.</p>');
    await settle();
    expect(texts(h)).toEqual(['Bucha']);
    expectNoDoubles(h);
    h.stop();
  });

  it('on a page read in many slices, the namesake at its end turns every bare use before it', async () => {
    const bare = Array.from({ length: 4000 }, (_, i) => `<p>Report ${i}: Bucha retired.</p>`).join('');
    const { document } = page(`<article>${bare}<p>Paul Bucha received the Medal of Honor.</p></article>`);
    const changes: number[] = [];
    const h = new Highlighter(document.body, senseDict, {
      ...browserPieces(),
      onChange: (m) => changes.push(m.length),
    });
    await h.start();
    expect(h.mentions).toEqual([]);
    expect(changes).toEqual([0]);
    h.stop();
  });
});

/**
 * The blocks read first on a page opened scrolled down. linkedom has no layout, so each test
 * gives the page one: paragraph boxes, a viewport and hit tests.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isScrolled, viewportBlocks } from '../../src/dom/viewport-blocks';

const LINE = 20;

/** A page of paragraphs laid out one per line from `first` at the top of a `lines`-line viewport. */
function laidOut(paragraphs: string[], first: number, lines: number) {
  const { document, window } = parseHTML(
    `<!doctype html><html><body><main>${paragraphs.join('')}</main></body></html>`,
  );
  const ps: Element[] = [...document.querySelectorAll('p')];
  Object.assign(window, { innerWidth: 1000, innerHeight: lines * LINE });
  for (const [i, p] of ps.entries()) {
    const top = (i - first) * LINE;
    Object.defineProperty(p, 'getBoundingClientRect', {
      value: () => ({ top, bottom: top + LINE, left: 0, right: 1000, width: 1000, height: LINE }),
    });
  }
  Object.assign(document, {
    elementFromPoint: (_x: number, y: number) => ps[first + Math.floor(y / LINE)] ?? null,
  });
  return { document, window, ps };
}

/** `n` paragraphs of a long report (their container holds more text than a block read first may). */
const plain = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i} of a long report with nothing to find.${' .'.repeat(i < 20 ? 150 : 0)}</p>`,
  );

describe('viewportBlocks', () => {
  it('takes the paragraphs on screen in a flat container, and nothing else', () => {
    const { document, ps } = laidOut(plain(300), 245, 11);
    const blocks = viewportBlocks(document.body);
    expect(blocks.map((b) => ps.indexOf(b)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 11 }, (_, i) => 245 + i),
    );
  });

  it('never takes our own UI, an editable region or the root', () => {
    const paragraphs = plain(20);
    paragraphs[5] = '<p id="wsw-own">Kyiv</p>';
    paragraphs[6] = '<p contenteditable="true">Kyiv</p>';
    const { document, ps } = laidOut(paragraphs, 0, 10);
    const own = (n: Node) => n.nodeType === 1 && (n as Element).id.startsWith('wsw-');
    const taken = viewportBlocks(document.body, own).map((b) => ps.indexOf(b));
    expect(taken).not.toContain(5);
    expect(taken).not.toContain(6);
    expect(taken).toContain(4);
    expect(taken).toContain(7);
  });

  it('reads at most about two screens of dense text first', () => {
    const long = Array.from({ length: 60 }, (_, i) => `<p>${String(i).padEnd(1000, '.')}</p>`);
    const { document } = laidOut(long, 0, 60);
    const chars = viewportBlocks(document.body).reduce((n, b) => n + (b.textContent ?? '').length, 0);
    expect(chars).toBeGreaterThan(10000);
    expect(chars).toBeLessThanOrEqual(20000);
  });

  it('is empty without layout', () => {
    const { document } = parseHTML('<!doctype html><html><body><p>Kyiv</p></body></html>');
    expect(viewportBlocks(document.body)).toEqual([]);
  });
});

describe('isScrolled', () => {
  /** A window whose IntersectionObserver reports the root element at `top`. */
  const withObserver = (top: number | null) => {
    const { document, window } = parseHTML('<!doctype html><html><body><p>Kyiv</p></body></html>');
    if (top !== null)
      Object.assign(window, {
        IntersectionObserver: class {
          constructor(private readonly report: (entries: unknown[]) => void) {}
          observe() {
            setTimeout(() => this.report([{ boundingClientRect: { top, left: 0 } }]), 0);
          }
          disconnect() {}
        },
      });
    return document;
  };

  it('tells a page scrolled down from one shown from its top', async () => {
    expect(await isScrolled(withObserver(-500))).toBe(true);
    expect(await isScrolled(withObserver(0))).toBe(false);
  });

  it('is false without a layout report, and for a hidden tab', async () => {
    expect(await isScrolled(withObserver(null))).toBe(false);
    const hidden = withObserver(-500);
    Object.defineProperty(hidden, 'visibilityState', { value: 'hidden' });
    expect(await isScrolled(hidden)).toBe(false);
  });
});

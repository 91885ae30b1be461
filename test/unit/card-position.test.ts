import { describe, expect, it } from 'vitest';
import { CARD_POSITION, placeCard, type Box } from '../../src/dom/card-position';

const VIEWPORT = { width: 1200, height: 900 };
const CARD = { width: 380, height: 400 };
const { gap, padding, minHeight } = CARD_POSITION;
/** A mention's box: 60 × 18 px at (left, top). */
const mention = (left: number, top: number): Box => ({ left, top, right: left + 60, bottom: top + 18 });

describe('placeCard', () => {
  it('puts the card below the mention, start-aligned, with the room below as its limit', () => {
    const p = placeCard(mention(100, 100), CARD, VIEWPORT);
    expect(p).toEqual({ x: 100, y: 118 + gap, side: 'below', maxHeight: 900 - padding - (118 + gap) });
  });

  it('flips above when the card does not fit below but fits above', () => {
    const p = placeCard(mention(100, 700), CARD, VIEWPORT);
    expect(p.side).toBe('above');
    expect(p.y).toBe(700 - gap - CARD.height);
    expect(p.maxHeight).toBe(700 - gap - padding);
  });

  it('stays below when it fits neither side but below has more room, and is limited to that room', () => {
    const tall = { width: 380, height: 800 };
    const p = placeCard(mention(100, 300), tall, VIEWPORT);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(900 - padding - (318 + gap));
  });

  it('goes above with a lower height when it fits neither side and above has more room', () => {
    const tall = { width: 380, height: 800 };
    const p = placeCard(mention(100, 600), tall, VIEWPORT);
    expect(p.side).toBe('above');
    expect(p.maxHeight).toBe(600 - gap - padding);
    // Its bottom edge sits the gap above the mention, its top within the viewport's margin.
    expect(p.y + Math.min(tall.height, p.maxHeight)).toBe(600 - gap);
    expect(p.y).toBe(padding);
  });

  it('shifts left to stay within the viewport at its right edge, and never past the left margin', () => {
    expect(placeCard(mention(1100, 100), CARD, VIEWPORT).x).toBe(1200 - padding - CARD.width);
    expect(placeCard(mention(2, 100), CARD, VIEWPORT).x).toBe(padding);
    expect(placeCard(mention(100, 100), CARD, { width: 300, height: 900 }).x).toBe(padding);
  });

  it('never limits the card below its least height, even in a very short viewport', () => {
    const p = placeCard(mention(100, 40), CARD, { width: 1200, height: 120 });
    expect(p.maxHeight).toBe(minHeight);
  });

  it('keeps the card beside the mention whatever the viewport (property over a grid)', () => {
    for (let top = 0; top <= 880; top += 20)
      for (let height = 50; height <= 900; height += 50) {
        const a = mention(500, top);
        const p = placeCard(a, { width: 380, height }, VIEWPORT);
        const shown = Math.min(height, p.maxHeight);
        if (p.side === 'below') expect(p.y).toBe(a.bottom + gap);
        else expect(p.y + shown).toBe(a.top - gap);
        // Whenever it fits on its side, it is entirely within the viewport's margins.
        if (
          shown === height &&
          height <= (p.side === 'below' ? 900 - padding - a.bottom - gap : a.top - gap - padding)
        ) {
          expect(p.y).toBeGreaterThanOrEqual(padding);
          expect(p.y + shown).toBeLessThanOrEqual(900 - padding);
        }
      }
  });
});

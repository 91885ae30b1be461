/**
 * Draw the toolbar icon (a speech bubble on a blue tile) at every size the manifest needs and write
 * PNGs. Kept as code, not binary art, so the icon can be reviewed and changed in a diff.
 * Run: `node --experimental-strip-types scripts/make-icons.ts` (output is committed).
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type RGBA = [number, number, number, number];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => RGBA): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour of the icon at a point of the unit square (0..1), without antialiasing. */
function shade(u: number, v: number): RGBA | null {
  const blue: RGBA = [35, 88, 196, 255];
  const white: RGBA = [255, 255, 255, 255];
  // Rounded tile.
  const r = 0.2;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  // Three lines of "text" inside the bubble.
  for (const [v0, u1] of [
    [0.33, 0.7],
    [0.44, 0.7],
    [0.55, 0.58],
  ] as const) {
    if (v > v0 && v < v0 + 0.06 && u > 0.3 && u < u1) return blue;
  }
  // Speech bubble: an ellipse with a tail to the lower left.
  const inEllipse = ((u - 0.5) / 0.36) ** 2 + ((v - 0.45) / 0.27) ** 2 <= 1;
  const inTail = v > 0.6 && v < 0.84 && u > 0.24 && u < 0.42 && u - 0.24 < (0.84 - v) * 0.75;
  return inEllipse || inTail ? white : blue;
}

for (const size of [16, 32, 48, 96, 128]) {
  const ss = 4;
  const image = png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < ss; i++)
      for (let j = 0; j < ss; j++) {
        const c = shade((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
        if (!c) continue;
        for (let k = 0; k < 3; k++) acc[k]! += c[k]!;
        acc[3]! += 255;
      }
    const n = acc[3]! / 255;
    return n === 0
      ? [0, 0, 0, 0]
      : [
          Math.round(acc[0]! / n),
          Math.round(acc[1]! / n),
          Math.round(acc[2]! / n),
          Math.round(acc[3]! / (ss * ss)),
        ];
  });
  writeFileSync(new URL(`../assets/public/icons/icon-${size}.png`, import.meta.url), image);
}

/**
 * Base64 for typed arrays, in pure TypeScript: the compiled dictionary is shipped as text inside
 * a bundle and decoded in browsers and Node alike. Native decoders are used when present; the
 * portable loop keeps core free of any platform requirement.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Encode bytes as base64 (with padding). */
export function encodeBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '=';
  }
  return out;
}

/** Native decoders where the platform has them (much faster than the loop below). */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
const nativeAtob = (globalThis as { atob?: (s: string) => string }).atob;

/** Decode base64 (as produced by {@link encodeBase64}) into bytes. */
export function decodeBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64.call(Uint8Array, text);
  if (nativeAtob) {
    const binary = nativeAtob.call(globalThis, text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return decodeBase64Portable(text);
}

/** Pure decoder (exported for tests). */
export function decodeBase64Portable(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < clean.length; i += 4) {
    const n =
      (LOOKUP[clean.charCodeAt(i)]! << 18) |
      (LOOKUP[clean.charCodeAt(i + 1)]! << 12) |
      (LOOKUP[clean.charCodeAt(i + 2)]! << 6) |
      LOOKUP[clean.charCodeAt(i + 3)]!;
    bytes[o++] = n >> 16;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  const rest = clean.length - i;
  if (rest >= 2) {
    const n =
      (LOOKUP[clean.charCodeAt(i)]! << 18) |
      (LOOKUP[clean.charCodeAt(i + 1)]! << 12) |
      (rest === 3 ? LOOKUP[clean.charCodeAt(i + 2)]! << 6 : 0);
    bytes[o++] = n >> 16;
    if (rest === 3) bytes[o] = (n >> 8) & 255;
  }
  return bytes;
}

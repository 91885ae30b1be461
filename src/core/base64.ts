/**
 * Base64 for typed arrays: the compiled dictionary is stored as text and decoded in browsers and
 * Node alike. Encoding is ours (it runs at build and install time); decoding is the platform's.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

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

/** The platform's decoders: `Uint8Array.fromBase64` where present, else `atob` (every browser, Node ≥ 16). */
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
const atobOf = (globalThis as unknown as { atob: (s: string) => string }).atob;

/**
 * Decode base64 (as produced by {@link encodeBase64}) into bytes. No decoding loop of our own:
 * every runtime this code runs in has `atob`, and the content script pays for each byte it ships.
 */
export function decodeBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64.call(Uint8Array, text);
  const binary = atobOf.call(globalThis, text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

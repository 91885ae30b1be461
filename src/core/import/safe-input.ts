/**
 * Turning untrusted bytes into data without surprises: size and depth limits with clear messages,
 * encodings detected (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252/Latin-1 with a
 * warning), CRLF tolerated, and JSON parsed without any `__proto__`, `constructor` or `prototype`
 * key, so no later merge can pollute a prototype.
 */

/** Largest import accepted (a 20 MB dataset works; beyond this the user gets a clear message). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** Deepest JSON nesting accepted (real datasets need < 10). */
export const MAX_JSON_DEPTH = 32;

/** A problem that stops the whole import, with a message for the user. */
export class ImportInputError extends Error {}

interface Decoder {
  decode(input: Uint8Array): string;
}
const TextDecoderCtor = (
  globalThis as unknown as { TextDecoder: new (label: string, options?: { fatal?: boolean }) => Decoder }
).TextDecoder;

/** Decode file bytes to text; `warning` says when a fallback encoding was assumed. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string; warning?: string } {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new ImportInputError(
      `the file is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB`,
    );
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoderCtor('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoderCtor('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new ImportInputError('the file looks binary (it contains NUL bytes), not text');
  try {
    return { text: new TextDecoderCtor('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return {
      text: new TextDecoderCtor('windows-1252').decode(body),
      encoding: 'windows-1252',
      warning: 'the file is not valid UTF-8; it was read as Windows-1252 (Latin-1): check accented letters',
    };
  }
}

/** Deepest nesting of arrays/objects in JSON text (strings skipped); stops early past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Parse JSON text safely (see module doc). Throws {@link ImportInputError} with a readable reason. */
export function parseJson(text: string): unknown {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH)
    throw new ImportInputError(`the JSON is nested more than ${MAX_JSON_DEPTH} levels deep`);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''), (key, value) =>
      FORBIDDEN_KEYS.has(key) ? undefined : value,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ImportInputError(
      `not valid JSON (${message.replace(/^JSON\.parse: /, '')}); is the file complete?`,
    );
  }
}

/** A plain string from an unknown value (numbers accepted), trimmed; anything else is undefined. */
export function str(value: unknown, max = 5000): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/\r\n?/g, '\n').trim();
  return s ? s.slice(0, max) : undefined;
}

/** An object's own property (never inherited), for reading untrusted records. */
export function own(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** `value` as an array: arrays as they are, a single value as a one-element array, nothing as []. */
export function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

/** A YYYY-MM-DD day from an ISO date or date-time string, if it is a real date. */
export function day(value: unknown): string | undefined {
  const s = str(value, 64);
  const m = s?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (!m) return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || !d.toISOString().startsWith(`${m[1]}-${m[2]}-${m[3]}`)
    ? undefined
    : `${m[1]}-${m[2]}-${m[3]}`;
}

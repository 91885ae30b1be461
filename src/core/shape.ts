/**
 * A few hand-written checks of plain data, for the content script: it runs on every page, and the
 * schema library the rest of the extension validates with was a tenth of it. They check what the
 * content script receives (see `tab-messages.ts`) exactly as the protocol's schemas in
 * `messages.ts` do — unit tests hold the two to the same answers — and, like them, give back a
 * copy with only the declared keys.
 */

/** Checks `raw` and returns the value to use, or throws a {@link ShapeError} naming where it failed. */
export type Shape<T = unknown> = (raw: unknown, path: string) => T;

/** What a failed check throws: the path to the bad value and what was expected there. */
export class ShapeError extends Error {}

const fail = (path: string, expected: string): never => {
  throw new ShapeError(`${path || '(payload)'}: expected ${expected}`);
};
const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** A string of at most `max` characters (UTF-16 code units, as `String.length` counts them). */
export const text =
  (max = Infinity): Shape<string> =>
  (raw, path) =>
    typeof raw === 'string' && raw.length <= max ? raw : fail(path, 'a string');

/** A number (not NaN); with bounds, an integer within them. */
export const count =
  (min?: number, max = Infinity): Shape<number> =>
  (raw, path) =>
    typeof raw === 'number' &&
    !Number.isNaN(raw) &&
    (min === undefined || (Number.isInteger(raw) && raw >= min && raw <= max))
      ? raw
      : fail(path, min === undefined ? 'a number' : 'an integer in range');

/** `true` or `false`. */
export const flag: Shape<boolean> = (raw, path) => (typeof raw === 'boolean' ? raw : fail(path, 'a boolean'));

/** Any value, passed on unchecked: for a payload the receiver checks where it uses it. */
export const anything: Shape<unknown> = (raw) => raw;

/** `null`. */
export const nothing: Shape<null> = (raw, path) => (raw === null ? raw : fail(path, 'null'));

/** One of a few strings. */
export const oneOf =
  <T extends string>(values: readonly T[]): Shape<T> =>
  (raw, path) =>
    values.includes(raw as T) ? (raw as T) : fail(path, values.join(' | '));

/** A string that passes `test` (after the length check). */
export const textWhere =
  (max: number, test: (s: string) => boolean, expected: string): Shape<string> =>
  (raw, path) =>
    test(text(max)(raw, path)) ? (raw as string) : fail(path, expected);

/** `null`, or what `shape` accepts. */
export const orNull =
  <T>(shape: Shape<T>): Shape<T | null> =>
  (raw, path) =>
    raw === null ? null : shape(raw, path);

/** Marks an object's key as optional (absent, or `undefined`). */
export interface Optional<T> {
  optional: Shape<T>;
}
/** An optional key of an {@link object}. */
export const optional = <T>(shape: Shape<T>): Optional<T> => ({ optional: shape });

type Entries = Record<string, Shape | Optional<unknown>>;
type Out<E extends Entries> = {
  [K in keyof E as E[K] extends Optional<unknown> ? never : K]: E[K] extends Shape<infer T> ? T : never;
} & {
  [K in keyof E as E[K] extends Optional<unknown> ? K : never]?: E[K] extends Optional<infer T> ? T : never;
};

/** An object with these keys (any other keys are left out of the copy). */
export const object =
  <E extends Entries>(entries: E): Shape<Out<E>> =>
  (raw, path) => {
    if (!raw || typeof raw !== 'object') return fail(path, 'an object');
    const input = raw as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key in entries) {
      const entry = entries[key]!;
      const optional = typeof entry === 'function' ? null : entry.optional;
      if (key in input) {
        const value = input[key];
        out[key] = optional
          ? value === undefined
            ? value
            : optional(value, at(path, key))
          : (entry as Shape)(value, at(path, key));
      } else if (!optional) fail(at(path, key), 'a value');
    }
    return out as Out<E>;
  };

/** An array of what `item` accepts, of at most `max` items. */
export const list =
  <T>(item: Shape<T>, max = Infinity): Shape<T[]> =>
  (raw, path) => {
    if (!Array.isArray(raw)) return fail(path, 'an array');
    const out = raw.map((value, i) => item(value, at(path, i)));
    return out.length <= max ? out : fail(path, `at most ${max} items`);
  };

/** One of several object shapes, told apart by the string in `key`. */
export const variant =
  <T>(key: string, shapes: Record<string, Shape<T>>): Shape<T> =>
  (raw, path) => {
    const tag = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
    return typeof tag === 'string' && Object.hasOwn(shapes, tag)
      ? shapes[tag]!(raw, path)
      : fail(at(path, key), Object.keys(shapes).join(' | '));
  };

/** Run `shape` on `raw`: the checked copy, or the reason it failed. */
export function check<T>(
  shape: Shape<T>,
  raw: unknown,
): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: shape(raw, '') };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, error: error.message };
    throw error;
  }
}

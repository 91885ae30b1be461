/**
 * The dictionary's serialised form: plain JSON with its typed arrays as base64 (little-endian),
 * made at build time and embedded in the bundles, so a page never builds the trie. The content
 * script ships it whole, so every array takes the narrowest encoding that holds it:
 *
 * - `u16:` / `u32:` — the values, 16 or 32 bits each;
 * - `c8:` — for `edgeStart` (node n's edges start where node n-1's end) when too large for 16 bits:
 *   the count per node, one byte each, summed up again on load;
 * - `d8:` — for alias groups (forms of one alias are consecutive): the step from the previous
 *   non-blocker pattern's group, one byte each (blockers: 0, and they do not count as previous).
 *
 * Format 4 stores where patterns end as a bit per trie node plus the node of each pattern
 * (`terminalBits`, `termNode`) instead of format 3's per-node offsets (`termStart`): 120 of the
 * content dictionary's 480 KB became 25 KB, and a page reads that dictionary from storage at every
 * load; and its edge characters became one-byte labels (see `Dictionary.edgeLabel`). Format 3 (a
 * dictionary derived from imports before the change) is upgraded by `upgradeDictionary`.
 */
import { decodeBase64, encodeBase64 } from './base64';
import { BLOCKER, type DictEntity, type Dictionary, type SenseLexicon } from './dictionary-types';

/** The serialised form (see the module comment for the array encodings). */
export interface SerializedDictionary {
  format: 4;
  entities: DictEntity[];
  /** Empty in the matching-only form (see {@link serializeDictionary}). */
  patternInfo: string;
  exactKeys: Record<number, string>;
  arrays: Record<
    'patternFlags' | 'patternEntity' | 'edgeStart' | 'edgeLabel' | 'terminalBits' | 'termNode' | 'terminals',
    string
  >;
  /** The folded characters the edge labels stand for (see `Dictionary.alphabet`). */
  alphabet: string;
  /**
   * What the page-level sense rules need (pattern languages, alias groups, kinds, namesake
   * blockers). Optional: a dictionary stored before it existed loads with neutral values.
   * `patternLangKind` packs the language index (low 5 bits) and the kind bits (high 3).
   */
  sense?: {
    langs: string[];
    blockerGroups: Record<number, number[]>;
    arrays: { patternGroup: string; patternLangKind: string };
    /** The sense rules' word lists: data the content script reads with the dictionary. */
    lexicon?: SenseLexicon;
  };
}

const bytesOf = (a: Uint8Array | Uint16Array | Uint32Array) =>
  new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Encode an array of non-negative integers in the narrowest of 16 or 32 bits that fits. */
export function encodeUints(a: Uint16Array | Uint32Array): string {
  const fits16 = a.every((x) => x < 0x10000);
  return fits16
    ? `u16:${encodeBase64(bytesOf(Uint16Array.from(a)))}`
    : `u32:${encodeBase64(bytesOf(Uint32Array.from(a)))}`;
}

/**
 * Encode a non-decreasing offsets array: as 16-bit values when they fit (a page decodes them
 * natively, with no loop: summing one-byte counts back up ran interpreted, cold, ~10 ms of the
 * page's main thread for the shipped trie's 45,000 nodes), else as per-entry counts of one byte.
 */
function encodeOffsets(a: Uint16Array | Uint32Array): string {
  if (a.every((x) => x < 0x10000)) return encodeUints(a);
  const counts = new Uint8Array(a.length - 1);
  for (let i = 1; i < a.length; i++) {
    const c = a[i]! - a[i - 1]!;
    if (c > 0xff || c < 0 || a[0] !== 0) return encodeUints(a);
    counts[i - 1] = c;
  }
  return `c8:${encodeBase64(counts)}`;
}

/** Encode alias groups as one-byte steps (see the module comment), if they fit. */
function encodeGroups(groups: Uint16Array | Uint32Array, flags: Uint8Array): string {
  const steps = new Uint8Array(groups.length);
  let last = 0;
  for (let i = 0; i < groups.length; i++) {
    if (flags[i]! & BLOCKER) continue;
    const step = groups[i]! - last;
    if (step < 0 || step > 0xff) return encodeUints(groups);
    steps[i] = step;
    last = groups[i]!;
  }
  return `d8:${encodeBase64(steps)}`;
}

/**
 * Serialise for embedding in a bundle. `matchingOnly` drops what only explanations and cards need
 * (pattern texts, descriptions, Ukrainian and Russian names): the content script ships that form,
 * and asks the background, which has the full one, to explain a match.
 */
export function serializeDictionary(d: Dictionary, { matchingOnly = false } = {}): SerializedDictionary {
  if (d.langs.length > 32) throw new Error('too many alias languages to serialise (max 32)');
  const langKind = Uint8Array.from(d.patternLang, (lang, i) => lang | (d.patternKind[i]! << 5));
  return {
    format: 4,
    entities: matchingOnly
      ? d.entities.map((e) => ({
          ...e,
          name: { en: e.name.en, uk: e.name.en, ru: e.name.en },
          description: { en: '', uk: '', ru: '' },
        }))
      : d.entities,
    patternInfo: matchingOnly ? '' : d.patternInfo,
    exactKeys: d.exactKeys,
    alphabet: d.alphabet,
    arrays: {
      patternFlags: encodeBase64(d.patternFlags),
      patternEntity: encodeUints(d.patternEntity),
      edgeStart: encodeOffsets(d.edgeStart),
      edgeLabel: encodeLabels(d.edgeLabel),
      terminalBits: encodeBase64(d.terminalBits),
      termNode: encodeUints(d.termNode),
      terminals: encodeUints(d.terminals),
    },
    sense: {
      langs: d.langs,
      blockerGroups: d.blockerGroups,
      arrays: {
        patternGroup: encodeGroups(d.patternGroup, d.patternFlags),
        patternLangKind: encodeBase64(langKind),
      },
      ...(d.lexicon ? { lexicon: d.lexicon } : {}),
    },
  };
}

/** Base64 to bytes, in an aligned, exclusively owned buffer (as typed-array views need). */
function bytes(b64: string): Uint8Array {
  const b = decodeBase64(b64);
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice();
}

/** Decode an array written by {@link encodeUints} or as offsets (`c8:`). */
export function decodeUints(encoded: string): Uint16Array | Uint32Array {
  if (encoded.startsWith('c8:')) {
    const counts = bytes(encoded.slice(3));
    const out = new Uint32Array(counts.length + 1);
    for (let i = 0; i < counts.length; i++) out[i + 1] = out[i]! + counts[i]!;
    return out;
  }
  const b = bytes(encoded.slice(4));
  return encoded.startsWith('u16:')
    ? new Uint16Array(b.buffer, 0, b.byteLength / 2)
    : new Uint32Array(b.buffer, 0, b.byteLength / 4);
}

/**
 * Load a serialised dictionary: a few (native where available) base64 decodes, no trie building.
 * Format 3 goes through `upgradeDictionary` first (dictionary-legacy.ts).
 */
export function loadDictionary(s: SerializedDictionary): Dictionary {
  if (s.format !== 4)
    throw new Error(`unsupported dictionary format ${String((s as { format: unknown }).format)}`);
  const uints = decodeUints;
  const patternFlags = bytes(s.arrays.patternFlags);
  const n = patternFlags.length;
  const sense = s.sense;
  let patternGroup: Uint16Array | Uint32Array = new Uint32Array(n);
  const patternLang = new Uint8Array(n);
  const patternKind = new Uint8Array(n);
  if (!sense) for (let i = 0; i < n; i++) patternGroup[i] = i + 1;
  else {
    const encoded = sense.arrays.patternGroup;
    if (encoded.startsWith('d8:')) {
      const steps = bytes(encoded.slice(3));
      let last = 0;
      for (let i = 0; i < n; i++) {
        if (patternFlags[i]! & BLOCKER) patternGroup[i] = 0;
        else patternGroup[i] = last += steps[i]!;
      }
    } else patternGroup = uints(encoded);
    const langKind = bytes(sense.arrays.patternLangKind);
    for (let i = 0; i < n; i++) {
      patternLang[i] = langKind[i]! & 0x1f;
      patternKind[i] = langKind[i]! >> 5;
    }
  }
  return {
    langs: sense?.langs ?? [''],
    patternLang,
    patternGroup,
    patternKind,
    blockerGroups: sense?.blockerGroups ?? {},
    ...(sense?.lexicon ? { lexicon: sense.lexicon } : {}),
    entities: s.entities,
    patternCount: n,
    patternFlags,
    patternEntity: uints(s.arrays.patternEntity) as Uint16Array,
    exactKeys: s.exactKeys,
    patternInfo: s.patternInfo,
    edgeStart: uints(s.arrays.edgeStart),
    terminalBits: bytes(s.arrays.terminalBits),
    termNode: uints(s.arrays.termNode),
    edgeLabel: s.arrays.edgeLabel.startsWith('u8:')
      ? bytes(s.arrays.edgeLabel.slice(3))
      : (uints(s.arrays.edgeLabel) as Uint16Array),
    alphabet: s.alphabet,
    symbolOf: symbolTable(s.alphabet),
    terminals: uints(s.arrays.terminals),
  };
}

/** Label a trie's edge characters (see `Dictionary.edgeLabel`): in a byte where they fit. */
export function labelEdges(
  chars: ArrayLike<number>,
): Pick<Dictionary, 'edgeLabel' | 'alphabet' | 'symbolOf'> {
  const alphabet = String.fromCharCode(...[...new Set(Array.from(chars))].sort((a, b) => a - b));
  const symbolOf = symbolTable(alphabet);
  const labels = Array.from(chars, (c) => symbolOf[c]!);
  const edgeLabel = alphabet.length < 0x100 ? Uint8Array.from(labels) : Uint16Array.from(labels);
  return { edgeLabel, alphabet, symbolOf };
}

/** An edge-label array as stored: one byte each where they fit. */
export function encodeLabels(labels: Uint8Array | Uint16Array): string {
  return labels instanceof Uint8Array ? `u8:${encodeBase64(labels)}` : encodeUints(labels);
}

/**
 * Folded code unit → edge label (its place in `alphabet`, from 1; 0 for any other). A table of
 * the whole BMP so that the scan's lookup is one read, built in one short loop over the alphabet.
 */
export function symbolTable(alphabet: string): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let k = 0; k < alphabet.length; k++) table[alphabet.charCodeAt(k)] = k + 1;
  return table;
}

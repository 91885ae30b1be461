import { decodeBase64, encodeBase64 } from './base64';
import { aliasForms, type EntitySource, type EntityType } from './entities';
import { normalizeAlias } from './normalize';

/** Pattern flags (bit set). */
export const EXACT_CASE = 1;
export const AMBIGUOUS = 2;
export const BLOCKER = 4;
export const CAPITALISED_SUPPORTS = 8;

/** What the matcher and the UI need of an entity (the source minus aliases). */
export interface DictEntity {
  id: string;
  type: EntityType;
  name: { en: string; uk: string; ru: string };
  description: { en: string; uk: string; ru: string };
  wikidata?: string;
  /** Indexes of related entities whose unambiguous mention supports this one's ambiguous aliases. */
  context: number[];
}

/** One searchable form: which entity, which alias, how it may match. */
export interface Pattern {
  entity: number;
  flags: number;
  /** The form as written in the source (an inflected form, or a blocker phrase). */
  form: string;
  /** The alias it comes from (its base form) and that alias's language. */
  alias: string;
  lang: string;
  /** Why the alias is ambiguous, for ambiguous patterns. */
  ambiguous?: string;
  /** For exact-case patterns: the form normalised without case folding. */
  exactKey?: string;
}

/**
 * The compiled dictionary: entities, patterns and a trie over the normalised forms in typed
 * arrays. Node `n`'s outgoing edges are `edgeChar/edgeTarget[edgeStart[n] .. edgeStart[n+1])`,
 * sorted by character; the patterns ending at `n` are `terminals[termStart[n] .. termStart[n+1])`.
 */
export interface Dictionary {
  entities: DictEntity[];
  patterns: Pattern[];
  edgeStart: Uint32Array;
  edgeChar: Uint16Array;
  edgeTarget: Uint32Array;
  termStart: Uint32Array;
  terminals: Uint32Array;
}

/**
 * Compile validated entities into a {@link Dictionary}. Run at build time (the result is
 * serialised into the bundle) so that pages never pay for building the trie.
 */
export function compileDictionary(sources: EntitySource[]): Dictionary {
  const index = new Map(sources.map((e, i) => [e.id, i]));
  const entities: DictEntity[] = sources.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    description: e.description,
    ...(e.wikidata ? { wikidata: e.wikidata } : {}),
    context: (e.context ?? []).map((id) => index.get(id)).filter((i): i is number => i !== undefined),
  }));
  const patterns: Pattern[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  const add = (key: string, pattern: Pattern) => {
    if (!key) return;
    const dedupe = `${key}\u0000${pattern.entity}\u0000${pattern.flags}\u0000${pattern.exactKey ?? ''}`;
    if (seen.has(dedupe)) return;
    seen.add(dedupe);
    keys.push(key);
    patterns.push(pattern);
  };
  sources.forEach((source, entity) => {
    for (const alias of source.aliases) {
      const exact = alias.case === 'exact';
      let flags = exact ? EXACT_CASE : 0;
      if (alias.ambiguous) flags |= AMBIGUOUS;
      if (alias.ambiguous && alias.capitalisedSupports) flags |= CAPITALISED_SUPPORTS;
      for (const form of aliasForms(alias)) {
        add(normalizeAlias(form), {
          entity,
          flags,
          form,
          alias: alias.text,
          lang: alias.lang,
          ...(alias.ambiguous ? { ambiguous: alias.ambiguous } : {}),
          ...(exact ? { exactKey: normalizeAlias(form, true) } : {}),
        });
      }
    }
    for (const blocker of source.blockers ?? []) {
      add(normalizeAlias(blocker.text), {
        entity,
        flags: BLOCKER,
        form: blocker.text,
        alias: blocker.text,
        lang: blocker.lang,
      });
    }
  });
  return { entities, patterns, ...buildTrie(keys) };
}

function buildTrie(keys: string[]) {
  interface Node {
    children: Map<number, Node>;
    terms: number[];
  }
  const root: Node = { children: new Map(), terms: [] };
  keys.forEach((key, p) => {
    let node = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let next = node.children.get(c);
      if (!next) node.children.set(c, (next = { children: new Map(), terms: [] }));
      node = next;
    }
    node.terms.push(p);
  });
  // Breadth-first numbering keeps a node's children next to each other.
  const order: Node[] = [root];
  const id = new Map<Node, number>([[root, 0]]);
  for (let i = 0; i < order.length; i++) {
    for (const child of [...order[i]!.children.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n)) {
      id.set(child, order.length);
      order.push(child);
    }
  }
  const edgeStart = new Uint32Array(order.length + 1);
  const termStart = new Uint32Array(order.length + 1);
  const edgeChar = new Uint16Array(order.length - 1);
  const edgeTarget = new Uint32Array(order.length - 1);
  const terminals = new Uint32Array(keys.length);
  let e = 0;
  let t = 0;
  order.forEach((node, n) => {
    edgeStart[n] = e;
    termStart[n] = t;
    for (const [c, child] of [...node.children.entries()].sort((a, b) => a[0] - b[0])) {
      edgeChar[e] = c;
      edgeTarget[e] = id.get(child)!;
      e++;
    }
    for (const p of node.terms) terminals[t++] = p;
  });
  edgeStart[order.length] = e;
  termStart[order.length] = t;
  return { edgeStart, edgeChar, edgeTarget, termStart, terminals };
}

/** The serialised form: plain JSON, typed arrays as base64 (little-endian). */
export interface SerializedDictionary {
  format: 1;
  entities: DictEntity[];
  patterns: Pattern[];
  trie: { edgeStart: string; edgeChar: string; edgeTarget: string; termStart: string; terminals: string };
}

const bytesOf = (a: Uint32Array | Uint16Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Serialise for embedding in a bundle. */
export function serializeDictionary(d: Dictionary): SerializedDictionary {
  return {
    format: 1,
    entities: d.entities,
    patterns: d.patterns,
    trie: {
      edgeStart: encodeBase64(bytesOf(d.edgeStart)),
      edgeChar: encodeBase64(bytesOf(d.edgeChar)),
      edgeTarget: encodeBase64(bytesOf(d.edgeTarget)),
      termStart: encodeBase64(bytesOf(d.termStart)),
      terminals: encodeBase64(bytesOf(d.terminals)),
    },
  };
}

/** Load a serialised dictionary (a few base64 decodes: no trie building at run time). */
export function loadDictionary(s: SerializedDictionary): Dictionary {
  if (s.format !== 1) throw new Error(`unsupported dictionary format ${String(s.format)}`);
  const u32 = (b64: string) => {
    const bytes = decodeBase64(b64);
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  };
  const bytes = decodeBase64(s.trie.edgeChar);
  return {
    entities: s.entities,
    patterns: s.patterns,
    edgeStart: u32(s.trie.edgeStart),
    edgeChar: new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2),
    edgeTarget: u32(s.trie.edgeTarget),
    termStart: u32(s.trie.termStart),
    terminals: u32(s.trie.terminals),
  };
}

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
  /**
   * For people: the given names (and their written forms) this person's full-name aliases use,
   * folded. A surname after another given name is someone else ("Jill Biden"; see `core/sense`).
   */
  given?: string[];
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
  /** The alias the form belongs to, numbered from 1 over the whole dictionary (blockers: 0). */
  group?: number;
  /** {@link KIND_INFLECTED} and the other kind bits. */
  kind?: number;
}

/** Pattern kind bits (the page-level sense rules read them; see `core/sense`). */
/** The form is an inflected or derived form, not the alias's own text. */
export const KIND_INFLECTED = 1;
/** The form is one word (a surname, a town, an acronym). */
export const KIND_ONE_WORD = 2;
/** The alias also names other referents a page may go on calling by it alone (`namesakes`). */
export const KIND_NAMESAKES = 4;

/**
 * The compiled dictionary, laid out for a fast load and a fast scan.
 *
 * Trie: nodes are numbered breadth-first, so node `n`'s children are consecutive and the edge at
 * index `e` always leads to node `e + 1`. Node `n`'s edges are `edgeStart[n] .. edgeStart[n+1]`,
 * labelled `edgeChar[e]` (sorted); the patterns ending at `n` are
 * `terminals[termStart[n] .. termStart[n+1]]`.
 *
 * Patterns: the hot path reads only `patternFlags`/`patternEntity` (typed arrays) and the exact-case
 * keys; the text of each pattern (for explanations) is parsed on first use ({@link patternAt}).
 */
export interface Dictionary {
  entities: DictEntity[];
  patternCount: number;
  patternFlags: Uint8Array;
  patternEntity: Uint16Array;
  /** Exact-case key by pattern index, for exact-case patterns only. */
  exactKeys: Record<number, string>;
  /** Pattern texts: records joined by U+001E, fields (form, alias, lang, ambiguous) by U+001F. */
  patternInfo: string;
  edgeStart: Uint32Array | Uint16Array;
  edgeChar: Uint16Array;
  termStart: Uint32Array | Uint16Array;
  terminals: Uint32Array | Uint16Array;
  /** Language codes that {@link Dictionary.patternLang} indexes ('' = unknown). */
  langs: string[];
  /** Per pattern: index into {@link Dictionary.langs} of its alias's language. */
  patternLang: Uint8Array;
  /** Per pattern: the alias it belongs to, from 1 (forms of one alias share it; blockers: 0). */
  patternGroup: Uint16Array | Uint32Array;
  /** Per pattern: kind bits ({@link KIND_INFLECTED}, {@link KIND_ONE_WORD}, {@link KIND_NAMESAKES}). */
  patternKind: Uint8Array;
  /**
   * Blocker patterns that name a namesake ("Novgorod Kremlin"): the alias groups of their entity
   * they contain, whose bare uses then follow the namesake on that page.
   */
  blockerGroups: Record<number, number[]>;
}

const RS = '\u001e';
const US = '\u001f';

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
  if (entities.length > 0xffff) throw new Error('too many entities for one dictionary (max 65535)');
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
  let group = 1;
  const groupForms: { entity: number; group: number; forms: string[]; namesakes: boolean }[] = [];
  sources.forEach((source, entity) => {
    const person = source.type === 'person';
    for (const alias of source.aliases) {
      const exact = alias.case === 'exact';
      const forms = aliasForms(alias);
      const oneWordAlias = !normalizeAlias(alias.text).includes(' ');
      const namesakes = alias.namesakes !== undefined || (person && oneWordAlias);
      groupForms.push({ entity, group, forms: forms.map((f) => normalizeAlias(f)), namesakes });
      let flags = exact ? EXACT_CASE : 0;
      if (alias.ambiguous) flags |= AMBIGUOUS;
      if (alias.ambiguous && alias.capitalisedSupports) flags |= CAPITALISED_SUPPORTS;
      for (const form of forms) {
        const key = normalizeAlias(form);
        let kind = key.includes(' ') ? 0 : KIND_ONE_WORD;
        if (form !== alias.text) kind |= KIND_INFLECTED;
        if (namesakes) kind |= KIND_NAMESAKES;
        add(key, {
          entity,
          flags,
          form,
          alias: alias.text,
          lang: alias.lang,
          ...(alias.ambiguous ? { ambiguous: alias.ambiguous } : {}),
          ...(exact ? { exactKey: normalizeAlias(form, true) } : {}),
          group,
          kind,
        });
      }
      group++;
    }
    for (const blocker of source.blockers ?? []) {
      add(normalizeAlias(blocker.text), {
        entity,
        flags: BLOCKER,
        form: blocker.text,
        alias: blocker.text,
        lang: blocker.lang,
        group: 0,
        kind: 0,
      });
    }
    if (person) {
      const given = new Set<string>();
      for (const alias of source.aliases)
        for (const form of aliasForms(alias)) {
          const words = normalizeAlias(form).split(' ');
          for (const word of words.slice(0, -1)) given.add(word);
        }
      if (given.size) entities[entity]!.given = [...given];
    }
  });
  const exactKeys: Record<number, string> = {};
  const blockerGroups: Record<number, number[]> = {};
  patterns.forEach((p, i) => {
    if (p.exactKey !== undefined) exactKeys[i] = p.exactKey;
    if (p.flags & BLOCKER) {
      const phrase = ` ${normalizeAlias(p.form)} `;
      const claimed = groupForms
        .filter((g) => g.entity === p.entity && g.namesakes && g.forms.some((f) => phrase.includes(` ${f} `)))
        .map((g) => g.group);
      if (claimed.length) blockerGroups[i] = claimed;
    }
  });
  const langs = ['', ...new Set(patterns.map((p) => p.lang))];
  if (langs.length > 0xff) throw new Error('too many alias languages for one dictionary (max 255)');
  return {
    langs,
    patternLang: Uint8Array.from(patterns, (p) => langs.indexOf(p.lang)),
    patternGroup: Uint32Array.from(patterns, (p) => p.group ?? 0),
    patternKind: Uint8Array.from(patterns, (p) => p.kind ?? 0),
    blockerGroups,
    entities,
    patternCount: patterns.length,
    patternFlags: Uint8Array.from(patterns, (p) => p.flags),
    patternEntity: Uint16Array.from(patterns, (p) => p.entity),
    exactKeys,
    patternInfo: patterns.map((p) => [p.form, p.alias, p.lang, p.ambiguous ?? ''].join(US)).join(RS),
    ...buildTrie(keys),
  };
}

const parsedInfo = new WeakMap<Dictionary, string[]>();

/** The full description of pattern `i` (parses the pattern texts once per dictionary). */
export function patternAt(dict: Dictionary, i: number): Pattern {
  let records = parsedInfo.get(dict);
  if (!records) parsedInfo.set(dict, (records = dict.patternInfo.split(RS)));
  const [form = '', alias = '', lang = '', ambiguous = ''] = (records[i] ?? '').split(US);
  return {
    entity: dict.patternEntity[i]!,
    flags: dict.patternFlags[i]!,
    form,
    alias,
    lang,
    ...(ambiguous ? { ambiguous } : {}),
    ...(dict.exactKeys[i] !== undefined ? { exactKey: dict.exactKeys[i] } : {}),
    group: dict.patternGroup[i]!,
    kind: dict.patternKind[i]!,
  };
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
  // Breadth-first numbering: the edge at index e leads to node e + 1.
  const order: Node[] = [root];
  const chars: number[] = [];
  for (let i = 0; i < order.length; i++) {
    for (const [c, child] of [...order[i]!.children.entries()].sort((a, b) => a[0] - b[0])) {
      order.push(child);
      chars.push(c);
    }
  }
  const edgeStart = new Uint32Array(order.length + 1);
  const termStart = new Uint32Array(order.length + 1);
  const terminals = new Uint32Array(keys.length);
  let e = 0;
  let t = 0;
  order.forEach((node, n) => {
    edgeStart[n] = e;
    termStart[n] = t;
    e += node.children.size;
    for (const p of node.terms) terminals[t++] = p;
  });
  edgeStart[order.length] = e;
  termStart[order.length] = t;
  return { edgeStart, edgeChar: Uint16Array.from(chars), termStart, terminals };
}

export { loadDictionary, serializeDictionary, type SerializedDictionary } from './dictionary-codec';

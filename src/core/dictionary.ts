import { aliasForms, type EntitySource } from './entities';
import {
  BLOCKER,
  AMBIGUOUS,
  CAPITALISED_SUPPORTS,
  EXACT_CASE,
  KIND_INFLECTED,
  KIND_NAMESAKES,
  KIND_ONE_WORD,
  type DictEntity,
  type Dictionary,
  type Pattern,
  type SenseLexicon,
} from './dictionary-types';
import { labelEdges } from './dictionary-codec';
import { normalizeAlias } from './normalize';
import { SENSE_LEXICON } from './sense/lexicon-data';

export * from './dictionary-types';
const RS = '\u001e';
const US = '\u001f';

/**
 * Compile validated entities into a {@link Dictionary}. Run at build time (the result is
 * serialised into the bundle) so that pages never pay for building the trie. The sense rules'
 * word lists go with it (`lexicon`), so that they reach the content script as data.
 */
export function compileDictionary(
  sources: EntitySource[],
  lexicon: SenseLexicon = SENSE_LEXICON,
): Dictionary {
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
  const groupForms: {
    entity: number;
    group: number;
    forms: string[];
    namesakes: boolean;
    surname: boolean;
  }[] = [];
  sources.forEach((source, entity) => {
    const person = source.type === 'person';
    for (const alias of source.aliases) {
      const exact = alias.case === 'exact';
      const forms = aliasForms(alias);
      const oneWordAlias = !normalizeAlias(alias.text).includes(' ');
      const namesakes = alias.namesakes !== undefined || (person && oneWordAlias);
      groupForms.push({
        entity,
        group,
        forms: forms.map((f) => normalizeAlias(f)),
        namesakes,
        // A person's surname: only a blocker that ends with it names a namesake ("Ivanka Trump",
        // "Admiral Ushakov"; not "Trump Jr", "trump card", "Kellogg Company").
        surname: alias.namesakes === undefined && person && oneWordAlias,
      });
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
        .filter(
          (g) =>
            g.entity === p.entity &&
            g.namesakes &&
            g.forms.some((f) => (g.surname ? phrase.endsWith(` ${f} `) : phrase.includes(` ${f} `))),
        )
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
    lexicon,
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
  const terminalBits = new Uint8Array((order.length + 7) >> 3);
  const termNode = new Uint32Array(keys.length);
  const terminals = new Uint32Array(keys.length);
  let e = 0;
  let t = 0;
  order.forEach((node, n) => {
    edgeStart[n] = e;
    e += node.children.size;
    if (node.terms.length) terminalBits[n >> 3]! |= 1 << (n & 7);
    for (const p of node.terms) {
      termNode[t] = n;
      terminals[t++] = p;
    }
  });
  edgeStart[order.length] = e;
  return { edgeStart, ...labelEdges(chars), terminalBits, termNode, terminals };
}

export { loadDictionary, serializeDictionary, type SerializedDictionary } from './dictionary-codec';

/**
 * The compiled dictionary's shape and flag bits, apart from the code that builds
 * (`dictionary.ts`) and encodes (`dictionary-codec.ts`) it, so neither imports the other.
 */
import type { EntityType } from './entities';

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
 * The word lists the page-level sense rules read (`core/sense`): space-separated words, as data so
 * that they travel with the dictionary into `storage.local` rather than as content-script code.
 */
export interface SenseLexicon {
  /** Given names (Latin and Cyrillic): before a surname that is not our person's, someone else. */
  given: string;
  /** Honorifics and ranks: before a one-word name, a person. */
  titles: string;
  /** Titles that address a woman / a man. */
  female: string;
  male: string;
  /** A club's words before a city's name, and the stems of "Dynamo" in any case. */
  teams: string;
  teamStems: string;
  /** Articles before a derived word (la Macronie). */
  articles: string;
  /** Per language code: function words that tell a Latin-script page's language. */
  functionWords: Record<string, string>;
  /** The reasons a suppression gives (`wsw annotate --explain-suppressed`), by key; {0}… filled in. */
  reasons: Record<string, string>;
  /** Languages' English names by code (for those reasons). */
  languages: Record<string, string>;
}

/**
 * The compiled dictionary, laid out for a fast load and a fast scan.
 *
 * Trie: nodes are numbered breadth-first, so node `n`'s children are consecutive and the edge at
 * index `e` always leads to node `e + 1`. Node `n`'s edges are `edgeStart[n] .. edgeStart[n+1]`,
 * labelled `edgeLabel[e]` (ascending): the folded character's place in `alphabet`, from 1
 * (`symbolOf` maps a folded code unit to it; 0 for a character no alias has, where a walk stops
 * at once). Why labels, not characters: the few hundred characters aliases use fit in a byte, and
 * the labels are a quarter of what a page reads from storage. Patterns ending at node `n`: bit `n` of `terminalBits` is set, and
 * they are the run of `terminals` entries whose `termNode` is `n` (ascending, so a binary search
 * finds it). Why not a per-node offsets array: it was a quarter of the stored dictionary, read
 * from storage on every page, for the 15% of nodes where a pattern ends.
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
  edgeLabel: Uint8Array | Uint16Array;
  /** The folded characters aliases use, ascending (label `k` is `alphabet[k - 1]`). */
  alphabet: string;
  /** Folded code unit → its label (0: in no alias); 64 Ki entries, built from `alphabet`. */
  symbolOf: Uint16Array;
  /** Bit `n % 8` of byte `n >> 3` set when a pattern ends at node `n` (the scan's check at each step). */
  terminalBits: Uint8Array;
  /** Per `terminals` entry, the node where that pattern ends (ascending). */
  termNode: Uint32Array | Uint16Array;
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
  /** The sense rules' word lists (absent: the rules that need them find nothing). */
  lexicon?: SenseLexicon;
}

import type { Stance } from '../claims';
import { DE } from './lexicon/de';
import { EN } from './lexicon/en';
import { FR } from './lexicon/fr';
import { PL } from './lexicon/pl';
import { RU } from './lexicon/ru';
import { UK } from './lexicon/uk';
import type { FrameSource, LexiconSource, Pattern, VerbSource } from './lexicon/types';
import { phraseTokens, type Token } from './tokens';
import type { AttributionLanguage, Gender } from './types';

/** The lexicons, by language. */
export const LEXICONS: Record<AttributionLanguage, LexiconSource> = {
  en: EN,
  uk: UK,
  ru: RU,
  de: DE,
  fr: FR,
  pl: PL,
};

/**
 * Expand a pattern (see `lexicon/types.ts`) into every token sequence it stands for. `@S` stays
 * a token of its own.
 */
export function expandPattern(pattern: Pattern): string[][] {
  let out: string[][] = [[]];
  for (const position of pattern.trim().split(/\s+/)) {
    const optional = position.endsWith('?') && position.length > 1;
    const body = optional ? position.slice(0, -1) : position;
    const alternatives =
      body === '@S' ? [['@S']] : body.split('|').map((alt) => phraseTokens(alt.replace(/\\'/g, "'")));
    const next: string[][] = [];
    for (const seq of out) {
      if (optional) next.push(seq);
      for (const alt of alternatives) next.push([...seq, ...alt]);
    }
    out = next;
  }
  return out.filter((seq) => seq.length > 0);
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  value?: T;
}

/** A trie over token sequences: the longest phrase starting (or ending) at a token. */
export class PhraseTrie<T> {
  private readonly fwd: TrieNode<T> = { next: new Map() };
  private readonly rev: TrieNode<T> = { next: new Map() };

  add(seq: readonly string[], value: T): void {
    for (const [root, tokens] of [
      [this.fwd, seq],
      [this.rev, [...seq].reverse()],
    ] as const) {
      let node = root;
      for (const t of tokens) {
        let child = node.next.get(t);
        if (!child) node.next.set(t, (child = { next: new Map() }));
        node = child;
      }
      node.value ??= value;
    }
  }

  /** The longest phrase starting at token `i` (not past `limit`): its end (exclusive) and value. */
  at(tokens: readonly Token[], i: number, limit = tokens.length): { end: number; value: T } | undefined {
    let node = this.fwd;
    let best: { end: number; value: T } | undefined;
    if (i < 0) return undefined;
    for (let j = i, stop = Math.min(limit, tokens.length); j < stop; j++) {
      const child = node.next.get(tokens[j]!.norm);
      if (!child) break;
      node = child;
      if (node.value !== undefined) best = { end: j + 1, value: node.value };
    }
    return best;
  }

  /** The longest phrase ending at token `j` (inclusive, not before `floor`): its start and value. */
  endingAt(tokens: readonly Token[], j: number, floor = 0): { start: number; value: T } | undefined {
    let node = this.rev;
    let best: { start: number; value: T } | undefined;
    if (j >= tokens.length) return undefined;
    for (let i = j; i >= Math.max(floor, 0); i--) {
      const child = node.next.get(tokens[i]!.norm);
      if (!child) break;
      node = child;
      if (node.value !== undefined) best = { start: i, value: node.value };
    }
    return best;
  }

  /** Whether some phrase starts at `i`. */
  has(tokens: readonly Token[], i: number, limit?: number): boolean {
    return this.at(tokens, i, limit) !== undefined;
  }
}

/** A reporting verb form found in text. */
export interface VerbHit {
  verb: VerbSource;
  /** Gender of the subject as the verb's ending tells it (Slavic past tense). */
  gender?: Gender;
  /** The form carries its own subject pronoun (French "a-t-il dit"). */
  pronoun?: 'm' | 'f';
}

/** A frame with its parts around the speaker slot. */
export interface FrameHit {
  frame: FrameSource;
  /** Token sequences after `@S` that close the frame ("zufolge"); empty if none. */
  after: PhraseTrie<true> | undefined;
}

/** A lexicon compiled for matching. */
export interface Lexicon {
  lang: AttributionLanguage;
  source: LexiconSource;
  verbs: PhraseTrie<VerbHit>;
  /** Frames whose pattern starts with words ("according to @S"). */
  frames: PhraseTrie<FrameHit>;
  /** Frames whose pattern starts with the speaker ("@S zufolge"): matched after a mention. */
  trailingFrames: PhraseTrie<FrameHit>;
  complementizers: PhraseTrie<true>;
  recipients: PhraseTrie<true>;
  adjuncts: PhraseTrie<true>;
  negators: PhraseTrie<true>;
  postNegators: PhraseTrie<true>;
  irrealis: PhraseTrie<true>;
  pronouns: PhraseTrie<'m' | 'f'>;
  titles: PhraseTrie<string>;
  definite: PhraseTrie<true>;
  representatives: PhraseTrie<true>;
  representativeLinks: PhraseTrie<true>;
  nonSpeakerRoles: PhraseTrie<true>;
  claimNouns: PhraseTrie<true>;
  denialMarkers: PhraseTrie<true>;
  subordinators: PhraseTrie<true>;
  relatives: PhraseTrie<true>;
  conjunctions: PhraseTrie<true>;
  openers: PhraseTrie<true>;
  prefixWords: PhraseTrie<true>;
  anaphoricContent: PhraseTrie<true>;
  locatives: PhraseTrie<true>;
  abbreviations: Set<string>;
}

function listTrie(patterns: readonly Pattern[] | undefined): PhraseTrie<true> {
  const trie = new PhraseTrie<true>();
  for (const p of patterns ?? []) for (const seq of expandPattern(p)) trie.add(seq, true);
  return trie;
}

function genderOf(form: readonly string[], source: LexiconSource): Gender | undefined {
  const last = form.at(-1) ?? '';
  return source.genderEndings?.find(([ending]) => last.endsWith(ending))?.[1];
}

/** Compile one lexicon (see {@link lexicon}, which caches). */
export function compileLexicon(source: LexiconSource): Lexicon {
  const pronounOf = new Map<string, 'm' | 'f'>();
  for (const g of ['m', 'f'] as const)
    for (const p of source.pronouns[g] ?? [])
      for (const seq of expandPattern(p)) pronounOf.set(seq.join(' '), g);
  const verbs = new PhraseTrie<VerbHit>();
  for (const verb of source.verbs) {
    for (const p of verb.forms) {
      for (const seq of expandPattern(p)) {
        const pronoun = seq.map((t) => pronounOf.get(t)).find((g) => g !== undefined);
        const gender = pronoun ?? genderOf(seq, source);
        verbs.add(seq, { verb, ...(gender ? { gender } : {}), ...(pronoun ? { pronoun } : {}) });
      }
    }
  }
  const frames = new PhraseTrie<FrameHit>();
  const trailingFrames = new PhraseTrie<FrameHit>();
  for (const frame of source.frames) {
    for (const seq of expandPattern(frame.pattern)) {
      const slot = seq.indexOf('@S');
      const before = slot < 0 ? seq : seq.slice(0, slot);
      const rest = slot < 0 ? [] : seq.slice(slot + 1);
      let after: PhraseTrie<true> | undefined;
      if (rest.length) {
        after = new PhraseTrie<true>();
        after.add(rest, true);
      }
      if (before.length) frames.add(before, { frame, after });
      else trailingFrames.add(rest, { frame, after: undefined });
    }
  }
  const pronouns = new PhraseTrie<'m' | 'f'>();
  for (const [key, g] of pronounOf) pronouns.add(key.split(' '), g);
  const titles = new PhraseTrie<string>();
  for (const [concept, patterns] of Object.entries(source.titles))
    for (const p of patterns) for (const seq of expandPattern(p)) titles.add(seq, concept);
  return {
    lang: source.lang,
    source,
    verbs,
    frames,
    trailingFrames,
    complementizers: listTrie(source.complementizers),
    recipients: listTrie(source.recipients),
    adjuncts: listTrie(source.adjuncts),
    negators: listTrie(source.negators),
    postNegators: listTrie(source.postNegators),
    irrealis: listTrie(source.irrealis),
    pronouns,
    titles,
    definite: listTrie(source.definite),
    representatives: listTrie(source.representatives),
    representativeLinks: listTrie(source.representativeLinks),
    nonSpeakerRoles: listTrie(source.nonSpeakerRoles),
    claimNouns: listTrie(source.claimNouns),
    denialMarkers: listTrie(source.denialMarkers),
    subordinators: listTrie(source.subordinators),
    relatives: listTrie(source.relatives),
    conjunctions: listTrie(source.conjunctions),
    openers: listTrie(source.openers),
    prefixWords: listTrie(source.prefixWords),
    anaphoricContent: listTrie(source.anaphoricContent),
    locatives: listTrie(source.locatives),
    abbreviations: new Set(source.abbreviations.map((a) => a.toLowerCase())),
  };
}

const compiled = new Map<AttributionLanguage, Lexicon>();

/** The compiled lexicon of a language, compiled on first use (a few ms) and kept. */
export function lexicon(lang: AttributionLanguage): Lexicon {
  let lex = compiled.get(lang);
  if (!lex) compiled.set(lang, (lex = compileLexicon(LEXICONS[lang])));
  return lex;
}

/** Default stance of a frame. */
export const frameStance = (f: FrameSource): Stance => f.stance ?? 'asserts';

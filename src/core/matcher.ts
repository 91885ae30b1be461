import {
  AMBIGUOUS,
  BLOCKER,
  CAPITALISED_SUPPORTS,
  EXACT_CASE,
  patternAt,
  type Dictionary,
  type Pattern,
} from './dictionary';
import {
  BREAK,
  CHAR_INFO,
  charInfo,
  fold,
  foldKeepCase,
  IGNORABLE,
  isWordChar,
  SPACE,
  WORD_BIT,
} from './normalize';
import type { MentionWhy, Support } from './mention-why';

/**
 * A mention of an entity in a text. Offsets are UTF-16 code units into that text; `pattern`
 * is the pattern index in the dictionary (use {@link explainMention} for the "why").
 */
export interface Mention {
  entity: string;
  start: number;
  end: number;
  pattern: number;
  /** For an ambiguous alias: what supported it (undefined otherwise). */
  support: Support | undefined;
}

/**
 * Find entity mentions in one pass over `text`.
 *
 * Matching rules (see also `normalize.ts`, and the table-driven tests):
 * 1. Whole words: no letter, digit, combining mark or `_` right before or after a match.
 * 2. Case-insensitive, with folded diacritics, apostrophes, dashes and white space; aliases marked
 *    `exact` must also match letter case (acronyms: IAEA, ЗСУ).
 * 3. Leftmost-longest, non-overlapping: at each word start the longest form wins ("Kharkiv region"
 *    is the oblast, not the city); the scan continues after it.
 * 4. Blockers are patterns too: when a blocker is the longest match ("Novgorod Kremlin", "Paul
 *    Bucha"), it swallows its span and yields no mention.
 * 5. A match never crosses a hard break (U+2029, which the DOM extractor puts between blocks).
 * 6. Ambiguous aliases are kept only with support: an unambiguous mention of the same entity or of
 *    one of its context entities anywhere in the text, or — for aliases that allow it — a
 *    capitalised form that is not at the start of a sentence.
 *
 * Cost: one left-to-right pass; at each word start a walk down the trie that stops at the first
 * character no form continues with — linear in the text, independent of dictionary size.
 */
export function findMentions(text: string, dict: Dictionary): Mention[] {
  return resolve(text, dict, scan(text, dict));
}

/**
 * A span of text that one or more patterns match (the leftmost-longest one at its start), before
 * any judgement: `patterns` are the dictionary patterns that pass their case rule there, in
 * dictionary order; `blocked` says that one of them is a blocker phrase.
 */
export interface Candidate {
  start: number;
  end: number;
  patterns: number[];
  blocked: boolean;
}

/**
 * The raw spans that {@link findMentions} judges, for callers that judge them by rules of their
 * own (the page-level sense rules in `core/sense`): same scan, no support rule applied.
 */
export function findCandidates(text: string, dict: Dictionary): Candidate[] {
  const raw = scan(text, dict);
  const out: Candidate[] = [];
  for (let r = 0; r < raw.length; r += 3) {
    const patterns = passingAt(text, dict, raw[r]!, raw[r + 1]!, raw[r + 2]!);
    out.push({
      start: raw[r]!,
      end: raw[r + 1]!,
      patterns,
      blocked: patterns.some((p) => dict.patternFlags[p]! & BLOCKER),
    });
  }
  return out;
}

/** Every pattern ending at trie `node` that passes its case rule on `start..end`. */
function passingAt(text: string, dict: Dictionary, start: number, end: number, node: number): number[] {
  const { terminals } = dict;
  const out: number[] = [];
  for (
    let t = firstPassing(text, start, end, node, dict);
    t >= 0;
    t = firstPassing(text, start, end, node, dict, t + 1)
  ) {
    out.push(terminals[t]!);
  }
  return out;
}

/** The scan of {@link findMentions}: raw matches as flat (start, end, trie node) triples. */
function scan(text: string, dict: Dictionary): number[] {
  const { edgeStart, edgeLabel, symbolOf, terminalBits } = dict;
  const n = text.length;
  // Raw matches as flat numbers (start, end, trie node): no per-match allocation in the hot loop.
  const raw: number[] = [];
  // Whole-word ends reached during one walk, longest last (reused buffers).
  let candEnds = new Int32Array(64);
  let candNodes = new Int32Array(64);
  let prevWord = false;

  for (let i = 0; i < n;) {
    let info = CHAR_INFO[text.charCodeAt(i)]!;
    if (!info) info = charInfo(text.charCodeAt(i));
    if ((info & 0xffff) === IGNORABLE) {
      i++;
      continue;
    }
    const word = (info & WORD_BIT) !== 0;
    if (!word || prevWord) {
      prevWord = word;
      i++;
      continue;
    }
    // Word start: walk the trie as far as the text allows, remembering every whole-word end.
    let count = 0;
    let node = 0;
    let j = i;
    while (j < n) {
      let c = CHAR_INFO[text.charCodeAt(j)]!;
      if (!c) c = charInfo(text.charCodeAt(j));
      c &= 0xffff;
      if (c === IGNORABLE) {
        j++;
        continue;
      }
      if (c === BREAK) break;
      let next = j + 1;
      if (c === SPACE) {
        while (next < n) {
          const f = charInfo(text.charCodeAt(next)) & 0xffff;
          if (f !== SPACE && f !== IGNORABLE) break;
          next++;
        }
        c = SPACE;
      }
      // A character no alias has ends the walk; else binary search the node's sorted edges.
      c = symbolOf[c]!;
      if (c === 0) break;
      let lo = edgeStart[node]!;
      let hi = edgeStart[node + 1]!;
      let child = -1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const mc = edgeLabel[mid]!;
        if (mc === c) {
          child = mid + 1;
          break;
        }
        if (mc < c) lo = mid + 1;
        else hi = mid;
      }
      if (child < 0) break;
      node = child;
      j = next;
      if (terminalBits[node >> 3]! & (1 << (node & 7)) && isWordEnd(text, j)) {
        if (count === candEnds.length) {
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          candEnds = grow(candEnds);
          candNodes = grow(candNodes);
        }
        candEnds[count] = j;
        candNodes[count] = node;
        count++;
      }
    }
    // Longest first; a candidate counts if one of its patterns passes its case rule.
    let matchedEnd = -1;
    for (let k = count - 1; k >= 0; k--) {
      const end = candEnds[k]!;
      const node = candNodes[k]!;
      if (firstPassing(text, i, end, node, dict) < 0) continue;
      matchedEnd = end;
      raw.push(i, end, node);
      break;
    }
    // Non-overlapping: the scan resumes after a match.
    prevWord = true;
    i = matchedEnd < 0 ? i + 1 : matchedEnd;
  }
  return raw;
}

/**
 * Index in `terminals` of the first pattern at `node` (from index `from` on, if given) whose case
 * rule the span passes, or -1.
 */
function firstPassing(
  text: string,
  start: number,
  end: number,
  node: number,
  dict: Dictionary,
  from = -1,
): number {
  const { termNode, terminals, patternFlags, exactKeys } = dict;
  for (
    let t = from < 0 ? firstTerminal(termNode, node) : from;
    t < termNode.length && termNode[t] === node;
    t++
  ) {
    const p = terminals[t]!;
    if (patternFlags[p]! & EXACT_CASE && keepCaseKey(text, start, end) !== exactKeys[p]) continue;
    return t;
  }
  return -1;
}

/** Index of the first `termNode` entry of `node` (where it would be, if none): a binary search. */
function firstTerminal(termNode: Uint16Array | Uint32Array, node: number): number {
  let lo = 0;
  let hi = termNode.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (termNode[mid]! < node) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether position `j` ends a word (the next character, skipping ignorables, is not a word char). */
function isWordEnd(text: string, j: number): boolean {
  while (j < text.length && fold(text.charCodeAt(j)) === IGNORABLE) {
    if (isWordChar(text.charCodeAt(j)) && !isCombining(text.charCodeAt(j))) return false;
    j++;
  }
  return j >= text.length || !isWordChar(text.charCodeAt(j));
}

const isCombining = (c: number) => c >= 0x0300 && c <= 0x036f;

/** The span normalised without case folding (for exact-case aliases). */
function keepCaseKey(text: string, start: number, end: number): string {
  let out = '';
  let space = false;
  for (let i = start; i < end; i++) {
    const c = foldKeepCase(text.charCodeAt(i));
    if (c === IGNORABLE) continue;
    if (c === SPACE) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += String.fromCharCode(c);
  }
  return out;
}

/**
 * Turn raw matches into mentions: drop blocked spans, then keep ambiguous ones only with support.
 * A blocker among the passing patterns of a span wins (the phrase means something else).
 */
function resolve(text: string, dict: Dictionary, raw: number[]): Mention[] {
  const { patternFlags, patternEntity, entities } = dict;
  const passingOf = (r: number): number[] => passingAt(text, dict, raw[r]!, raw[r + 1]!, raw[r + 2]!);
  // Entities with at least one unambiguous mention in this text.
  const firm = new Set<number>();
  const candidates: number[][] = [];
  for (let r = 0; r < raw.length; r += 3) {
    const passing = cautious(dict, passingOf(r));
    const blocked = passing.some((p) => patternFlags[p]! & BLOCKER);
    candidates.push(blocked ? [] : passing);
    if (!blocked) for (const p of passing) if (!(patternFlags[p]! & AMBIGUOUS)) firm.add(patternEntity[p]!);
  }
  const out: Mention[] = [];
  candidates.forEach((passing, k) => {
    const start = raw[k * 3]!;
    const end = raw[k * 3 + 1]!;
    for (const p of passing) {
      const flags = patternFlags[p]!;
      const entity = entities[patternEntity[p]!]!;
      let support: Support | undefined;
      if (flags & AMBIGUOUS) {
        support = supportFrom(dict, firm, p);
        if (support === undefined && flags & CAPITALISED_SUPPORTS && isCapitalisedMidSentence(text, start)) {
          support = { kind: 'capitalised' };
        }
        if (support === undefined) continue;
      }
      out.push({ entity: entity.id, start, end, pattern: p, support });
      return;
    }
  });
  return out;
}

/**
 * Of the patterns matching one span, drop an unambiguous one whose entity also has an ambiguous
 * one there: the same letters are a name in one language and a common word in another (Bulgarian
 * "Изюм", the town; Russian "изюм", raisins), and without knowing the page's language the cautious
 * reading (needs support) is the one to take. The page-level rules pick by language instead.
 */
export function cautious(dict: Dictionary, patterns: number[]): number[] {
  const { patternFlags, patternEntity } = dict;
  const doubtful = patterns.filter((p) => patternFlags[p]! & AMBIGUOUS).map((p) => patternEntity[p]);
  if (!doubtful.length) return patterns;
  return patterns.filter(
    (p) => patternFlags[p]! & (AMBIGUOUS | BLOCKER) || !doubtful.includes(patternEntity[p]),
  );
}

/** Support for an ambiguous pattern from firm mentions: of its own entity, or of a related one. */
export function supportFrom(
  dict: Dictionary,
  firm: ReadonlySet<number>,
  pattern: number,
): Support | undefined {
  const index = dict.patternEntity[pattern]!;
  const entity = dict.entities[index]!;
  if (firm.has(index)) return { kind: 'same-entity', entity: entity.id };
  const related = entity.context.find((c) => firm.has(c));
  return related === undefined ? undefined : { kind: 'related-entity', entity: dict.entities[related]!.id };
}

/** Whether the word at `start` is capitalised and not the first word of a sentence or block. */
export function isCapitalisedMidSentence(text: string, start: number): boolean {
  const ch = text.charAt(start);
  if (ch === ch.toLowerCase() || ch !== ch.toUpperCase()) return false;
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    const f = fold(c);
    if (f === BREAK) return false;
    if (f === SPACE || f === IGNORABLE) continue;
    const s = text.charAt(i);
    if (/[.!?…:;]/.test(s)) return false;
    // Opening quotes, brackets and dashes before a sentence's first word: keep looking back.
    if (/["'«»„“”()[\]\-–—]/.test(s) || f === 0x27 || f === 0x2d) continue;
    return true;
  }
  return false;
}

/**
 * Why a mention matched, as data (alias, form, language, case rule, support): the card says it in
 * the reader's language, the CLI in English (`formatWhyEnglish`).
 */
export function explainMention(text: string, dict: Dictionary, mention: Mention): MentionWhy {
  const pattern: Pattern = patternAt(dict, mention.pattern);
  const seen = text.slice(mention.start, mention.end);
  return {
    alias: pattern.alias,
    form: pattern.form,
    lang: pattern.lang,
    rule: pattern.form !== pattern.alias ? 'form' : 'alias',
    caseRule: pattern.flags & EXACT_CASE ? 'exact-case' : seen !== pattern.form ? 'folded' : 'as-written',
    ...(pattern.ambiguous ? { ambiguous: pattern.ambiguous } : {}),
    ...(pattern.ambiguous && mention.support ? { support: mention.support } : {}),
  };
}

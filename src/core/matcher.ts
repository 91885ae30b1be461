import {
  AMBIGUOUS,
  BLOCKER,
  CAPITALISED_SUPPORTS,
  EXACT_CASE,
  type Dictionary,
  type Pattern,
} from './dictionary';
import { BREAK, fold, foldKeepCase, IGNORABLE, isWordChar, SPACE } from './normalize';

/**
 * A mention of an entity in a text. Offsets are UTF-16 code units into that text; `pattern`
 * indexes `dictionary.patterns` (use {@link explainMention} for the "why").
 */
export interface Mention {
  entity: string;
  start: number;
  end: number;
  pattern: number;
  /** For an ambiguous alias: what supported it. */
  support?: string;
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
  const { edgeStart, edgeChar, edgeTarget, termStart, terminals, patterns } = dict;
  const n = text.length;
  const raw: { start: number; end: number; candidates: number[] }[] = [];
  const candEnds: number[] = [];
  const candNodes: number[] = [];
  let prevWord = false;

  for (let i = 0; i < n;) {
    const code = text.charCodeAt(i);
    const folded = fold(code);
    if (folded === IGNORABLE) {
      i++;
      continue;
    }
    const word = isWordChar(code);
    if (!word || prevWord) {
      prevWord = word;
      i++;
      continue;
    }
    // Word start: walk the trie as far as the text allows, remembering every whole-word end.
    candEnds.length = 0;
    candNodes.length = 0;
    let node = 0;
    let j = i;
    while (j < n) {
      let c = fold(text.charCodeAt(j));
      if (c === IGNORABLE) {
        j++;
        continue;
      }
      if (c === BREAK) break;
      let next = j + 1;
      if (c === SPACE) {
        while (next < n) {
          const f = fold(text.charCodeAt(next));
          if (f !== SPACE && f !== IGNORABLE) break;
          next++;
        }
        c = SPACE;
      }
      // Binary search the node's sorted edges.
      let lo = edgeStart[node]!;
      let hi = edgeStart[node + 1]!;
      let child = -1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const mc = edgeChar[mid]!;
        if (mc === c) {
          child = edgeTarget[mid]!;
          break;
        }
        if (mc < c) lo = mid + 1;
        else hi = mid;
      }
      if (child < 0) break;
      node = child;
      j = next;
      if (termStart[node + 1]! > termStart[node]! && isWordEnd(text, j)) {
        candEnds.push(j);
        candNodes.push(node);
      }
    }
    let matchedEnd = -1;
    for (let k = candEnds.length - 1; k >= 0 && matchedEnd < 0; k--) {
      const end = candEnds[k]!;
      const node = candNodes[k]!;
      const passing: number[] = [];
      for (let t = termStart[node]!; t < termStart[node + 1]!; t++) {
        const p = terminals[t]!;
        const pattern = patterns[p]!;
        if (pattern.flags & EXACT_CASE && keepCaseKey(text, i, end) !== pattern.exactKey) continue;
        passing.push(p);
      }
      if (passing.length === 0) continue;
      matchedEnd = end;
      // A blocker among equally long forms wins: the phrase means something else.
      if (!passing.some((p) => patterns[p]!.flags & BLOCKER))
        raw.push({ start: i, end, candidates: passing });
    }
    if (matchedEnd < 0) {
      prevWord = true;
      i++;
    } else {
      i = matchedEnd;
      prevWord = true;
    }
  }
  return resolveSupport(text, dict, raw);
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

function resolveSupport(
  text: string,
  dict: Dictionary,
  raw: { start: number; end: number; candidates: number[] }[],
): Mention[] {
  const { patterns, entities } = dict;
  // Entities with at least one unambiguous mention.
  const firm = new Set<number>();
  for (const m of raw) {
    for (const p of m.candidates) if (!(patterns[p]!.flags & AMBIGUOUS)) firm.add(patterns[p]!.entity);
  }
  const out: Mention[] = [];
  for (const m of raw) {
    for (const p of m.candidates) {
      const pattern = patterns[p]!;
      const entity = entities[pattern.entity]!;
      let support: string | undefined;
      if (pattern.flags & AMBIGUOUS) {
        if (firm.has(pattern.entity)) support = `another mention of ${entity.name.en} in the text`;
        else {
          const related = entity.context.find((c) => firm.has(c));
          if (related !== undefined) support = `a mention of ${entities[related]!.name.en} in the text`;
          else if (pattern.flags & CAPITALISED_SUPPORTS && isCapitalisedMidSentence(text, m.start)) {
            support = 'capitalised, not at the start of a sentence';
          } else continue;
        }
      }
      out.push({
        entity: entity.id,
        start: m.start,
        end: m.end,
        pattern: p,
        ...(support ? { support } : {}),
      });
      break;
    }
  }
  return out;
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

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  uk: 'Ukrainian',
  ru: 'Russian',
  de: 'German',
  fr: 'French',
  pl: 'Polish',
  es: 'Spanish',
  it: 'Italian',
};

/**
 * Say in one line why a mention matched: which alias, which rule. Shown in the card ("why is this
 * highlighted?") and printed by the CLI.
 */
export function explainMention(text: string, dict: Dictionary, mention: Mention): string {
  const pattern: Pattern = dict.patterns[mention.pattern]!;
  const lang = LANGUAGE_NAMES[pattern.lang] ?? pattern.lang;
  const parts: string[] = [];
  if (pattern.form !== pattern.alias)
    parts.push(`${lang} form "${pattern.form}" of the alias "${pattern.alias}"`);
  else parts.push(`${lang} alias "${pattern.alias}"`);
  const seen = text.slice(mention.start, mention.end);
  if (pattern.flags & EXACT_CASE) parts.push('exact case');
  else if (seen !== pattern.form) parts.push('matched ignoring case, accents and punctuation variants');
  if (pattern.ambiguous)
    parts.push(`ambiguous (${pattern.ambiguous}), supported by ${mention.support ?? '?'}`);
  return parts.join('; ');
}

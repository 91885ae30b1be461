import type { Lexicon } from './compile';
import type { Quote } from './quotes';
import type { Token } from './tokens';

/** A sentence: tokens `first` to `end` (exclusive), within one paragraph. */
export interface Sentence {
  first: number;
  end: number;
  para: number;
}

const ENDS = new Set(['.', '!', '?', '…']);

/**
 * Cut tokens into sentences. A quotation is never cut (a quote of three sentences stays whole in
 * the sentence that reports it); a period after an abbreviation or an initial ends nothing; a
 * paragraph always ends a sentence.
 */
export function splitSentences(
  text: string,
  tokens: readonly Token[],
  quotes: readonly Quote[],
  inQuote: Int32Array,
  lex: Lexicon,
): Sentence[] {
  const closesTop = new Map<number, Quote>();
  for (const q of quotes) if (q.depth === 0 && !q.unclosed) closesTop.set(q.close, q);
  const sentences: Sentence[] = [];
  let first = 0;
  const cut = (end: number) => {
    if (end > first) sentences.push({ first, end, para: tokens[first]!.para });
    first = end;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    if (next.para !== t.para) {
      cut(i + 1);
      continue;
    }
    if (inQuote[i]! >= 0) continue;
    let endsHere = false;
    if (t.kind === 'p' && ENDS.has(t.norm)) {
      endsHere = !isAbbreviation(tokens, i, lex);
    } else if (closesTop.has(i)) {
      // "…a lie." Next sentence: the quote's last inner token ends it.
      const inner = tokens[i - 1];
      endsHere = !!inner && inner.kind === 'p' && ENDS.has(inner.norm);
    }
    if (!endsHere) continue;
    // Closing marks and brackets right after the period belong to this sentence.
    let j = i + 1;
    while (j < tokens.length && tokens[j]!.para === t.para && isCloser(text, tokens, j, closesTop)) j++;
    const after = tokens[j];
    if (!after || after.para !== t.para) continue;
    if (startsSentence(tokens, j)) {
      cut(j);
      i = j - 1;
    }
  }
  cut(tokens.length);
  return sentences;
}

function isCloser(text: string, tokens: readonly Token[], j: number, closesTop: Map<number, Quote>): boolean {
  const t = tokens[j]!;
  return (
    closesTop.has(j) ||
    (t.kind === 'p' && (t.norm === ')' || t.norm === ']')) ||
    (t.kind === 'q' && !t.space && text.charAt(t.start) !== '«')
  );
}

function startsSentence(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j]!;
  if (t.kind === 'w') return t.upper || /^\d/.test(t.norm);
  if (t.kind === 'q') return true;
  if (t.kind === 'd') {
    const n = tokens[j + 1];
    return !!n && n.kind === 'w' && n.upper;
  }
  return t.kind === 'p' && (t.norm === '(' || t.norm === '[');
}

function isAbbreviation(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  if (tokens[i]!.norm !== '.') return false;
  const prev = tokens[i - 1];
  if (!prev || prev.kind !== 'w' || prev.end !== tokens[i]!.start) return false;
  if (prev.end - prev.start === 1 && prev.upper) return true; // an initial: "A. Khan", "U.S."
  if (lex.abbreviations.has(prev.norm)) return true;
  // Dotted abbreviations: "m.in.", "т.е.".
  const before = tokens[i - 3];
  return (
    tokens[i - 2]?.norm === '.' &&
    before?.kind === 'w' &&
    lex.abbreviations.has(`${before.norm}.${prev.norm}`)
  );
}

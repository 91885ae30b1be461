import type { Token } from './tokens';

/**
 * Quotations: pairs of quote marks within a paragraph, nested ones included. Conventions differ
 * by language ("…", “…”, ‘…’, «…», „…“, „…”, ‚…‘, »…«), and the same mark can open in one and
 * close in another (“ closes „ in German but opens in English), so a mark's role is decided by
 * the quotation it would close and by the space around it.
 */
export interface Quote {
  /** Token indexes of the opening and closing marks. */
  open: number;
  close: number;
  /** 0 for a top-level quotation, 1 for one inside it, … */
  depth: number;
  /** No closing mark before the paragraph's end (a quotation running over paragraphs). */
  unclosed: boolean;
}

const CLOSERS: Record<string, string> = {
  '"': '"',
  "'": "'",
  '“': '”“',
  '„': '“”',
  '‘': '’',
  '‚': '‘’',
  '«': '»',
  '»': '«',
  '‹': '›',
};

/** Guillemets take a space inside in French typography (« Texte »). */
const SPACED = '«»‹›';
const CLOSING_CONTEXT = /[\s.,;:!?…)\]»«"“”’'—–-]/;

/**
 * Find the quotations of a text. `tokens` must come from {@link tokenize}; marks inside words
 * (apostrophes) never reach here as quote tokens.
 */
export function findQuotes(text: string, tokens: readonly Token[]): Quote[] {
  const quotes: Quote[] = [];
  let stack: number[] = [];
  let para = -1;
  const flush = (end: number) => {
    // A quotation opened at a paragraph's start and never closed runs to the paragraph's end
    // (English quotes spanning paragraphs reopen each one without closing the previous).
    const first = stack[0];
    if (first !== undefined && isParagraphStart(tokens, first)) {
      quotes.push({ open: first, close: end, depth: 0, unclosed: true });
    }
    stack = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.para !== para) {
      if (stack.length) flush(i - 1);
      para = t.para;
    }
    if (t.kind !== 'q') continue;
    const ch = text.charAt(t.start);
    const before = t.start > 0 ? text.charAt(t.start - 1) : ' ';
    const after = t.end < text.length ? text.charAt(t.end) : ' ';
    const spaced = SPACED.includes(ch);
    const canClose = (spaced || !/\s/.test(before)) && (t.end >= text.length || CLOSING_CONTEXT.test(after));
    const canOpen =
      (t.start === 0 || /[\s([{—–-]/.test(before) || '"“„«»‚‘\''.includes(before) || before === '\u2029') &&
      (spaced || !/\s/.test(after));
    let closed = false;
    if (canClose) {
      for (let k = stack.length - 1; k >= 0; k--) {
        const opener = text.charAt(tokens[stack[k]!]!.start);
        if (!CLOSERS[opener]!.includes(ch)) continue;
        // Openers above it that never closed are dropped (a stray mark inside).
        quotes.push({ open: stack[k]!, close: i, depth: k, unclosed: false });
        stack.length = k;
        closed = true;
        break;
      }
    }
    if (!closed && canOpen && CLOSERS[ch] !== undefined) stack.push(i);
  }
  if (stack.length) flush(tokens.length - 1);
  return quotes.sort((a, b) => a.open - b.open);
}

function isParagraphStart(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || prev.para !== tokens[i]!.para) return true;
  const prev2 = tokens[i - 2];
  return prev.kind === 'd' && (!prev2 || prev2.para !== prev.para);
}

/**
 * For each token, the index (into `quotes`) of the top-level quotation whose inside it is in, or
 * -1. Marks themselves are outside.
 */
export function topLevelIndex(tokens: readonly Token[], quotes: readonly Quote[]): Int32Array {
  const inside = new Int32Array(tokens.length).fill(-1);
  quotes.forEach((q, k) => {
    if (q.depth !== 0) return;
    const last = q.unclosed ? q.close : q.close - 1;
    for (let i = q.open + 1; i <= last; i++) inside[i] = k;
  });
  return inside;
}

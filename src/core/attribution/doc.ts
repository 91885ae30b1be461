import { lexicon, type Lexicon } from './compile';
import { detectLanguage } from './language';
import { findQuotes, topLevelIndex, type Quote } from './quotes';
import { splitSentences, type Sentence } from './sentences';
import { tokenize, type Token } from './tokens';
import type { AttributionLanguage, EntityInfo, SpeakerMention } from './types';

/** A mention placed on tokens. */
export interface DocMention extends SpeakerMention {
  first: number;
  last: number;
  info: EntityInfo | undefined;
  /** A person or an organisation: something that can speak. */
  canSpeak: boolean;
}

/** Everything the constructions look at, computed once per text. */
export interface Doc {
  text: string;
  lang: AttributionLanguage;
  lex: Lexicon;
  tokens: Token[];
  quotes: Quote[];
  /** Per token: the top-level quotation it is inside (index into `quotes`), or -1. */
  inQuote: Int32Array;
  /** Token index of a top-level quotation's opening / closing mark → the quotation. */
  opens: Map<number, Quote>;
  closes: Map<number, Quote>;
  sentences: Sentence[];
  sentenceOf: Int32Array;
  mentions: DocMention[];
  /** Per token: index into `mentions` of the mention starting / ending there, or -1. */
  mentionFrom: Int32Array;
  mentionTo: Int32Array;
  /** Tokens of reporting verbs whose speaker is someone we do not know ("Ivan Petrov said"). */
  foreignCues: number[];
  /** Per token: 1 inside the content of an attribution found so far (a report inside a report is not attributed). */
  stated: Uint8Array;
}

/** Build the {@link Doc} of a text. */
export function buildDoc(
  text: string,
  mentions: readonly SpeakerMention[],
  entity: (id: string) => EntityInfo | undefined,
  lang?: AttributionLanguage,
  lineBreaks = !text.includes('\u2029'),
): Doc {
  const tokens = tokenize(text, lineBreaks);
  const language = lang ?? detectLanguage(text, tokens);
  const lex = lexicon(language);
  const quotes = findQuotes(text, tokens);
  const inQuote = topLevelIndex(tokens, quotes);
  const opens = new Map<number, Quote>();
  const closes = new Map<number, Quote>();
  for (const q of quotes) {
    if (q.depth !== 0) continue;
    opens.set(q.open, q);
    if (!q.unclosed) closes.set(q.close, q);
  }
  const sentences = splitSentences(text, tokens, quotes, inQuote, lex);
  const sentenceOf = new Int32Array(tokens.length);
  sentences.forEach((s, k) => sentenceOf.fill(k, s.first, s.end));
  const mentionFrom = new Int32Array(tokens.length).fill(-1);
  const mentionTo = new Int32Array(tokens.length).fill(-1);
  const placed: DocMention[] = [];
  // Both lists are sorted by offset: one merge pass.
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  let t = 0;
  for (const m of sorted) {
    while (t < tokens.length && tokens[t]!.start < m.start) t++;
    if (t >= tokens.length || tokens[t]!.start !== m.start) continue;
    let last = t;
    while (last + 1 < tokens.length && tokens[last + 1]!.end <= m.end) last++;
    if (tokens[last]!.end !== m.end) continue;
    const info = entity(m.entity);
    const k = placed.length;
    placed.push({ ...m, first: t, last, info, canSpeak: info?.type === 'person' || info?.type === 'org' });
    mentionFrom[t] = k;
    mentionTo[last] = k;
  }
  return {
    text,
    lang: language,
    lex,
    tokens,
    quotes,
    inQuote,
    opens,
    closes,
    sentences,
    sentenceOf,
    mentions: placed,
    mentionFrom,
    mentionTo,
    foreignCues: [],
    stated: new Uint8Array(tokens.length),
  };
}

/** Token `i`'s text as written. */
export const raw = (doc: Doc, i: number) => doc.text.slice(doc.tokens[i]!.start, doc.tokens[i]!.end);

/** Whether token `i` is the punctuation mark `p`. */
export const isPunct = (doc: Doc, i: number, p: string) => {
  const t = doc.tokens[i];
  return !!t && t.kind === 'p' && t.norm === p;
};

/** Whether token `i` ends a sentence's words (., !, ?, …). */
export const isFinal = (doc: Doc, i: number) => {
  const t = doc.tokens[i];
  return !!t && t.kind === 'p' && (t.norm === '.' || t.norm === '!' || t.norm === '?' || t.norm === '…');
};

/** The mention ending at token `j`, if it can speak. */
export function speakerEndingAt(doc: Doc, j: number): DocMention | undefined {
  const k = j >= 0 ? doc.mentionTo[j]! : -1;
  const m = k >= 0 ? doc.mentions[k] : undefined;
  return m?.canSpeak ? m : undefined;
}

/** The mention starting at token `i`, if it can speak. */
export function speakerStartingAt(doc: Doc, i: number): DocMention | undefined {
  const k = i < doc.tokens.length ? doc.mentionFrom[i]! : -1;
  const m = k >= 0 ? doc.mentions[k] : undefined;
  return m?.canSpeak ? m : undefined;
}

/** Any mention (speaker or not) covering token `i`. */
export function mentionCovering(doc: Doc, i: number): DocMention | undefined {
  for (let j = i; j >= 0 && i - j < 8; j--) {
    const k = doc.mentionFrom[j]!;
    if (k >= 0) return doc.mentions[k]!.last >= i ? doc.mentions[k] : undefined;
  }
  return undefined;
}

import { quoteContent, type Content } from './content';
import { isFinal, isPunct, speakerStartingAt, type Doc, type DocMention } from './doc';
import { makeAttribution } from './make';
import { trapReason } from './speaker';
import type { Attribution } from './types';

/**
 * Signed quotations: a blockquote or a quoted paragraph followed by a signature line,
 *
 *     "It's the same scenario as in Bucha. It's a lie."
 *     — Dmitry Peskov, Kremlin spokesman
 *
 * is a direct statement by the one signing. Pages set epigraphs and pull quotes this way, with no
 * reporting verb at all. Precision first: the signature line is a dash, one of our speakers in its
 * base form, and at most a short description (no verb, question or quotation); the paragraph above
 * is a whole quotation, or an unquoted paragraph that ends a sentence, reports nothing itself and
 * is no list item; and neither neighbour of the signature is another signature line (a list of
 * people, not a signed quote).
 */

/** Most tokens of the description after the name ("Kremlin spokesman, 19 September 2022"). */
const ROLE_MAX = 14;
/** Most words of an unquoted paragraph taken as a signed quotation (a blockquote, not a column). */
const UNQUOTED_MAX_WORDS = 120;

/** Token ranges of the paragraphs: `starts[p]` .. `starts[p + 1]` (exclusive). */
function paragraphStarts(doc: Doc): number[] {
  const starts: number[] = [];
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) while (starts.length <= tokens[i]!.para) starts.push(i);
  starts.push(doc.tokens.length);
  return starts;
}

/** The speaker a paragraph signs for, when it is a signature line (tokens `first`..`end`). */
function signer(doc: Doc, first: number, end: number): DocMention | undefined {
  const { tokens, lex } = doc;
  if (end - first < 2 || tokens[first]!.kind !== 'd') return undefined;
  const m = speakerStartingAt(doc, first + 1);
  if (!m || m.inflected || trapReason(doc, m)) return undefined;
  let i = m.last + 1;
  if (i < end && !isPunct(doc, i, ',') && !isPunct(doc, i, '(')) {
    // Only a full stop may follow the name directly.
    return i === end - 1 && isPunct(doc, i, '.') ? m : undefined;
  }
  if (end - i > ROLE_MAX) return undefined;
  for (; i < end; i++) {
    const t = tokens[i]!;
    if (t.kind === 'q' || (t.kind === 'p' && /[?!:;«»"“”„]/u.test(t.norm))) return undefined;
    if (lex.verbs.at(tokens, i, end)) return undefined;
  }
  return m;
}

/** The paragraph above a signature as a statement, if it can be one. */
function signedContent(doc: Doc, first: number, end: number): Content | undefined {
  const { tokens } = doc;
  if (end <= first || tokens[first]!.kind === 'd') return undefined;
  for (let i = first; i < end; i++) if (doc.stated[i]) return undefined;
  // A whole quotation (its closing mark may be followed by a full stop).
  const q = doc.opens.get(first);
  if (q) {
    let after = q.unclosed ? end : q.close + 1;
    while (after < end && tokens[after]!.kind === 'p') after++;
    return after === end ? quoteContent(doc, q) : undefined;
  }
  // An unquoted paragraph (a blockquote): whole sentences, no quotation, no report of its own.
  let last = end - 1;
  if (!isFinal(doc, last)) return undefined;
  let words = 0;
  for (let i = first; i < end; i++) {
    const t = tokens[i]!;
    if (t.kind === 'w') words++;
    // A quotation inside, or a reporting verb: the paragraph reports someone, it is not a quote.
    if (t.kind === 'q' || doc.opens.has(i) || doc.lex.verbs.at(tokens, i, end)) return undefined;
  }
  if (words < 3 || words > UNQUOTED_MAX_WORDS) return undefined;
  while (last > first && tokens[last]!.kind === 'p' && tokens[last]!.norm !== '.') last--;
  return {
    start: tokens[first]!.start,
    end: tokens[last]!.end,
    kind: 'direct',
    first,
    last,
    notes: ['a blockquote without quotation marks'],
  };
}

/**
 * Add the signed quotations of a text to `found` (after the sentence rules, so a paragraph that
 * already reports a statement is never taken for a signed one).
 */
export function signedQuotations(doc: Doc, found: Attribution[]): void {
  const starts = paragraphStarts(doc);
  const paras = starts.length - 1;
  const isSignature = (p: number) => p >= 0 && p < paras && !!signer(doc, starts[p]!, starts[p + 1]!);
  for (let p = 1; p < paras; p++) {
    const first = starts[p]!;
    const end = starts[p + 1]!;
    const m = signer(doc, first, end);
    if (!m || isSignature(p - 1) || isSignature(p + 1)) continue;
    const content = signedContent(doc, starts[p - 1]!, first);
    if (!content) continue;
    // An organisation named in the description of a person ("Kremlin spokesman").
    let org: string | undefined;
    for (let i = m.last + 1; i < end && !org; i++) {
      const o = speakerStartingAt(doc, i);
      if (o && o.info?.type === 'org' && m.info?.type === 'person') org = o.entity;
    }
    const a = makeAttribution(doc, {
      speaker: {
        entity: m.entity,
        via: 'name',
        start: m.start,
        end: m.end,
        ...(org ? { for: org } : {}),
      },
      content,
      cueFirst: first,
      cueEnd: end,
      rule: 'signature',
      lemma: 'signature',
      stance: 'asserts',
    });
    found.push(a);
    doc.stated.fill(1, content.first, content.last + 1);
  }
}

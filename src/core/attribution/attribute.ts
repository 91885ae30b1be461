import { quoteContent } from './content';
import { fromQuoteRemark, fromVerb } from './constructions';
import { fromColon, fromFrame, fromTrailingFrame } from './frames';
import { buildDoc, isPunct, speakerEndingAt, type Doc } from './doc';
import { makeAttribution, type Finding } from './make';
import type { Quote } from './quotes';
import { signedQuotations } from './signature';
import type { Sentence } from './sentences';
import type { Attribution, AttributionLanguage, EntityInfo, SpeakerMention } from './types';

export interface AttributeOptions {
  /** The text's language; detected when left out. */
  lang?: AttributionLanguage;
  /**
   * Whether a line break ends a paragraph. Default: yes, unless the text has U+2029 block
   * separators (text extracted from a page, where line breaks are the source's wrapping).
   */
  lineBreaks?: boolean;
}

/**
 * Find who said what in `text`: statements whose speaker is one of the mentioned persons or
 * organisations, with the content span, the cue, direct/indirect/mixed, the stance and why.
 *
 * Precision first: every construction answers only when its parts are all in place, and
 * anything uncertain (a pronoun with two candidates, a name that may be someone else's, a
 * negated or hypothetical verb, a report inside someone's quotation) yields nothing.
 *
 * `mentions` are the matcher's (see {@link speakerMentions}); `entity` tells what each id is.
 * Pure and synchronous; linear in the text (a few ms for a 50 KB article).
 */
export function attribute(
  text: string,
  mentions: readonly SpeakerMention[],
  entity: (id: string) => EntityInfo | undefined,
  options: AttributeOptions = {},
): Attribution[] {
  const doc = buildDoc(text, mentions, entity, options.lang, options.lineBreaks ?? !text.includes('\u2029'));
  const found: Attribution[] = [];
  doc.sentences.forEach((sentence, k) => attributeSentence(doc, sentence, k, found));
  signedQuotations(doc, found);
  quotationsOverParagraphs(doc, found);
  return found.sort((a, b) => a.start - b.start || a.cueStart - b.cueStart);
}

/** Whether a sentence asks rather than states ("Did Peskov say …?"). */
function isQuestion(doc: Doc, s: Sentence): boolean {
  for (let i = s.end - 1; i >= s.first; i--) {
    if (doc.inQuote[i]! >= 0 || doc.closes.has(i)) return false;
    const t = doc.tokens[i]!;
    if (t.kind === 'p' && t.norm === '?') return true;
    if (t.kind !== 'p' && t.kind !== 'q') return false;
  }
  return false;
}

function attributeSentence(doc: Doc, sentence: Sentence, k: number, found: Attribution[]): void {
  const { tokens, lex } = doc;
  if (isQuestion(doc, sentence)) return;
  const before = found.length;
  const add = (findings: readonly Finding[]) => {
    for (const f of findings) {
      const a = makeAttribution(doc, f);
      if (a.end <= a.start) continue;
      let clash = false;
      // Only nearby attributions can overlap: the last few are enough.
      for (let j = found.length - 1; j >= 0 && j >= found.length - 16 && !clash; j--) {
        const b = found[j]!;
        clash = b.speaker === a.speaker && b.start < a.end && a.start < b.end;
      }
      if (clash) continue;
      found.push(a);
      doc.stated.fill(1, f.content.first, f.content.last + 1);
    }
  };
  for (let i = sentence.first; i < sentence.end; i++) {
    const q = doc.opens.get(i);
    if (q) add(fromQuoteRemark(doc, sentence, q, found));
    if (doc.inQuote[i]! >= 0 || doc.stated[i]) continue;
    const frame = lex.frames.at(tokens, i, sentence.end);
    if (frame) {
      const r = fromFrame(doc, sentence, i, frame, found);
      if (r.findings.length) {
        add(r.findings);
        i = r.next - 1;
        continue;
      }
    }
    const trailing = speakerEndingAt(doc, i - 1) ? lex.trailingFrames.at(tokens, i, sentence.end) : undefined;
    if (trailing) {
      const f = fromTrailingFrame(doc, sentence, i, trailing, found);
      if (f) {
        add([f]);
        i = trailing.end - 1;
        continue;
      }
    }
    const verb = lex.verbs.at(tokens, i, sentence.end);
    if (verb) {
      add(fromVerb(doc, sentence, i, verb, found));
      i = verb.end - 1;
      continue;
    }
    if (isPunct(doc, i, ':')) {
      const f = fromColon(doc, sentence, i, found);
      if (f) add([f]);
    }
  }
  if (found.length === before) continueReport(doc, sentence, k, found);
}

/**
 * A sentence that only continues the report before it: a quotation alone after a direct quote
 * ("…," Peskov said. "We will defend the truth."), or a dash line after dash dialogue.
 */
function continueReport(doc: Doc, sentence: Sentence, k: number, found: Attribution[]): void {
  const prev = doc.sentences[k - 1];
  const last = found.at(-1);
  if (!prev || !last || prev.para !== sentence.para || last.kind !== 'direct') return;
  if (last.cueStart < doc.tokens[prev.first]!.start) return;
  let first = sentence.first;
  const dash = doc.tokens[first]!.kind === 'd';
  if (dash) first++;
  const q = doc.opens.get(first);
  let content;
  if (q && !dash) {
    let after = q.close + 1;
    while (after < sentence.end && doc.tokens[after]!.kind === 'p') after++;
    if (after < sentence.end) return;
    content = quoteContent(doc, q);
  } else if (dash && last.why.notes.some((n) => n.startsWith('dash dialogue'))) {
    let end = sentence.end - 1;
    while (end > first && doc.tokens[end]!.kind === 'p') end--;
    if (end - first < 2) return;
    content = {
      start: doc.tokens[first]!.start,
      end: doc.tokens[end]!.end,
      kind: 'direct' as const,
      first,
      last: end,
      notes: [],
    };
  }
  if (!content) return;
  found.push({
    ...last,
    start: content.start,
    end: content.end,
    why: {
      ...last.why,
      rule: dash ? 'dash-dialogue' : 'split-quote',
      notes: ['continues the quotation before'],
    },
  });
}

/**
 * English quotations running over paragraphs open each paragraph and close only the last one,
 * where the report stands: `"We will do that…` ⏎ `"I can confirm…," he said.` The paragraphs
 * before belong to the same speaker.
 */
function quotationsOverParagraphs(doc: Doc, found: Attribution[]): void {
  const unclosedByPara = new Map<number, Quote>();
  for (const q of doc.quotes)
    if (q.unclosed && q.depth === 0) unclosedByPara.set(doc.tokens[q.open]!.para, q);
  if (!unclosedByPara.size) return;
  const added: Attribution[] = [];
  for (const a of found) {
    if (a.kind !== 'direct') continue;
    let q = [...doc.opens.values()].find(
      (o) => doc.tokens[o.open]!.end <= a.start && a.start <= doc.tokens[o.open + 1]!.start,
    );
    while (q && isParagraphStart(doc, q.open)) {
      const before = unclosedByPara.get(doc.tokens[q.open]!.para - 1);
      const content = before ? quoteContent(doc, before) : undefined;
      if (!before || !content || found.some((b) => b.start < content.end && content.start < b.end)) break;
      added.push({
        ...a,
        start: content.start,
        end: content.end,
        why: { ...a.why, rule: 'split-quote', notes: ['a quotation running over paragraphs'] },
      });
      q = before;
    }
  }
  found.push(...added);
}

function isParagraphStart(doc: Doc, i: number): boolean {
  return i === 0 || doc.tokens[i - 1]!.para !== doc.tokens[i]!.para;
}

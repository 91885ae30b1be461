import { isPunct, speakerStartingAt, type Doc } from './doc';
import { isLyAdverb } from './speaker';
import type { VerbSource } from './lexicon/types';
import type { Quote } from './quotes';
import type { Sentence } from './sentences';
import type { AttributionKind } from './types';

/**
 * What was said: the content span next to a reporting clause — a quotation, a that-clause, what
 * follows a colon, or the clause before "…, Zelensky said".
 */
export interface Content {
  start: number;
  end: number;
  kind: AttributionKind;
  /** Token range of the content (inclusive). */
  first: number;
  last: number;
  notes: string[];
}

const TRAILING = /[\s.,;:!?…—–-]+$/u;

/** The character span of tokens `first`..`last`, without trailing punctuation. */
function spanOf(doc: Doc, first: number, last: number): { start: number; end: number } {
  const start = doc.tokens[first]!.start;
  let end = doc.tokens[last]!.end;
  const tail = TRAILING.exec(doc.text.slice(start, end));
  if (tail) end -= tail[0].length;
  return { start, end };
}

/** A quotation's inside as content. */
export function quoteContent(doc: Doc, q: Quote): Content | undefined {
  const first = q.open + 1;
  const last = q.unclosed ? q.close : q.close - 1;
  if (last < first) return undefined;
  const start = doc.tokens[first]!.start;
  let end = doc.tokens[last]!.end;
  // Keep the quotation's own full stop; drop the comma that hands over to the reporting clause.
  const tail = /[\s,;:—–-]+$/u.exec(doc.text.slice(start, end));
  if (tail) end -= tail[0].length;
  if (end <= start) return undefined;
  return { start, end, kind: 'direct', first, last, notes: [] };
}

/** Languages whose punctuation puts a comma before "that" (что, що, że, dass). */
const COMMA_BEFORE_THAT = new Set(['uk', 'ru', 'pl', 'de']);

/** Word tokens in a range. */
function words(doc: Doc, first: number, last: number): number {
  let n = 0;
  for (let i = first; i <= last; i++) if (doc.tokens[i]!.kind === 'w') n++;
  return n;
}

/** Whether a top-level quotation lies within the range. */
function hasQuote(doc: Doc, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) if (doc.opens.has(i)) return true;
  return false;
}

/** The first word that marks a denial ("lie", "ложь") in a range, if any. */
export function denialMarker(doc: Doc, first: number, last: number): string | undefined {
  for (let i = first; i <= last; i++) {
    const hit = doc.lex.denialMarkers.at(doc.tokens, i, last + 1);
    if (hit) return doc.text.slice(doc.tokens[i]!.start, doc.tokens[hit.end - 1]!.end);
  }
  return undefined;
}

/**
 * Whether a new reporting clause starts at token `k` (after a comma or a conjunction): a verb of
 * its own ("…, and accused Kyiv"), a participle ("…, adding that"), or a subject and a verb
 * ("…, and Peskov said").
 */
function reportingClauseAt(doc: Doc, k: number, end: number): boolean {
  const { tokens, lex } = doc;
  let i = k;
  if (isPunct(doc, i, ',')) i++;
  const conj = lex.conjunctions.at(tokens, i, end);
  if (conj) i = conj.end;
  if (i === k) return false;
  // A verb of its own needs a strong complement; after a named subject any reporting verb will do.
  const verbAt = (j: number, named = false) => {
    while (j < end && lex.adjuncts.has(tokens, j, end)) j = lex.adjuncts.at(tokens, j, end)!.end;
    const v = lex.verbs.at(tokens, j, end);
    return (
      !!v &&
      (named ||
        v.value.verb.takes !== undefined ||
        v.value.verb.participle ||
        lex.complementizers.has(tokens, v.end, end) ||
        isPunct(doc, v.end, ':'))
    );
  };
  if (verbAt(i)) return true;
  // "…, передает ТАСС." / "…, said Peskov.": a short reporting clause closing the sentence.
  const v = i > k && isPunct(doc, k, ',') ? lex.verbs.at(tokens, i, end) : undefined;
  if (v && end - v.end <= 7) {
    let complement = false;
    for (let j = v.end; j < end; j++)
      if (lex.complementizers.has(tokens, j) || doc.opens.has(j)) complement = true;
    if (!complement) return true;
  }
  const pron = lex.pronouns.at(tokens, i, end);
  if (pron) return verbAt(pron.end);
  // A subject phrase ("Rosatom's chief Alexey Likhachev", "очільник Росатома Олексій Ліхачов"), then a verb.
  let named = false;
  for (let j = i; j < end && j - i < 10; j++) {
    const m = speakerStartingAt(doc, j);
    if (m) {
      named = true;
      j = m.last;
      if (verbAt(j + 1, true)) return true;
      continue;
    }
    const t = tokens[j]!;
    const part =
      t.kind === 'h' ||
      t.norm === "'s" ||
      (t.kind === 'w' &&
        (t.upper ||
          lex.titles.has(tokens, j) ||
          lex.definite.has(tokens, j) ||
          lex.prefixWords.has(tokens, j) ||
          lex.representatives.has(tokens, j)));
    if (!part) break;
    if (named && verbAt(j + 1, true)) return true;
  }
  return false;
}

/** Where content that starts at `from` ends (exclusive): the sentence's end or a new reporting clause. */
export function clauseEnd(doc: Doc, from: number, sentence: Sentence): number {
  const { tokens, lex } = doc;
  for (let k = from + 1; k < sentence.end; k++) {
    if (doc.inQuote[k]! >= 0) continue;
    const t = tokens[k]!;
    if (t.kind === 'p' && t.norm === ';') return k;
    if ((isPunct(doc, k, ',') || lex.conjunctions.has(tokens, k)) && reportingClauseAt(doc, k, sentence.end))
      return k;
  }
  return sentence.end;
}

/** Unquoted content from `first` to `endExcl`, typed as indirect or mixed. */
function plainContent(
  doc: Doc,
  first: number,
  endExcl: number,
  kind: AttributionKind = 'indirect',
): Content | undefined {
  let last = endExcl - 1;
  while (last > first && doc.tokens[last]!.kind === 'p') last--;
  if (last < first) return undefined;
  const { start, end } = spanOf(doc, first, last);
  if (end <= start) return undefined;
  return {
    start,
    end,
    kind: kind === 'indirect' && hasQuote(doc, first, last) ? 'mixed' : kind,
    first,
    last,
    notes: [],
  };
}

/**
 * Content after a reporting verb (or a frame's speaker) at token `from`: recipients and adverbs
 * are skipped (recipients and claim nouns join the cue), then a colon, a quotation, "that", or —
 * where the language allows — a bare clause. Returns where the cue ends too.
 */
export function contentAfter(
  doc: Doc,
  from: number,
  sentence: Sentence,
  verb: VerbSource | undefined,
): { content?: Content; cueEnd: number; reason?: string } {
  const { tokens, lex } = doc;
  const end = sentence.end;
  let i = from;
  let cueEnd = from;
  for (let guard = 0; guard < 8 && i < end; guard++) {
    if (lex.postNegators.has(tokens, i, end)) return { cueEnd, reason: 'negated' };
    const rec = lex.recipients.at(tokens, i, end);
    if (rec) {
      i = cueEnd = rec.end;
      continue;
    }
    const adj = lex.adjuncts.at(tokens, i, end);
    if (adj) {
      i = adj.end;
      continue;
    }
    break;
  }
  const takes = verb?.takes ?? 'clause';
  if (takes !== 'clause') {
    // "rejected allegations that …": the noun joins the cue; "denied the claim", "rejected
    // allegations of war crimes": the noun phrase is what was denied.
    const claim = lex.claimNouns.at(tokens, i, end);
    if (claim) {
      const comp = lex.complementizers.at(tokens, claim.end + (isPunct(doc, claim.end, ',') ? 1 : 0), end);
      if (comp)
        return {
          content: plainContent(doc, comp.end, clauseEnd(doc, comp.end, sentence)),
          cueEnd: claim.end,
        };
      return { content: plainContent(doc, i, clauseEnd(doc, i, sentence)), cueEnd };
    }
  }
  let comma = false;
  if (isPunct(doc, i, ',')) {
    comma = true;
    i++;
  }
  const afterColon = (colon: number) => {
    if (colon + 1 >= end) {
      // "Peskov told reporters:" ⏎ "It's a lie."
      const next = doc.sentences[doc.sentenceOf[end - 1]! + 1];
      const q = next ? doc.opens.get(next.first) : undefined;
      const c = q && next!.para - sentence.para <= 1 ? quoteContent(doc, q) : undefined;
      return c ? { content: c, cueEnd } : { cueEnd, reason: 'nothing after the colon' };
    }
    return { content: quoteOrClause(doc, colon + 1, sentence), cueEnd };
  };
  if (isPunct(doc, i, ':')) return afterColon(i);
  const shortQuote = (j: number) => {
    const q = doc.opens.get(j);
    return q && !q.unclosed && q.close - j <= 5 ? q : undefined;
  };
  if (!comma && (!doc.opens.has(i) || shortQuote(i)) && !lex.complementizers.has(tokens, i)) {
    // "заявив у Радбезі ООН, що …", "said in Kyiv on Monday that …", "заявил телеканалу «Россия 1»,
    // что …": more circumstances, then "that".
    const english = doc.lang === 'en';
    // (English: after a preposition, or after "told" and whom: "told an IAEA conference in Vienna that".)
    if (!english || lex.openers.has(tokens, i) || verb?.lemma === 'tell') {
      for (let j = i; j < end && j - i <= 8; j++) {
        const t = tokens[j]!;
        // A short quoted name on the way ("заявил телеканалу «Россия 1», что …") is passed over.
        const short = shortQuote(j);
        if (short) {
          j = short.close;
          continue;
        }
        if (doc.opens.has(j) || (j > i && lex.verbs.has(tokens, j))) break;
        if (isPunct(doc, j, ':')) {
          // "told reporters on a conference call: …"
          i = j;
          break;
        }
        if (t.kind === 'p' && t.norm !== ',') break;
        if (
          lex.complementizers.has(tokens, j) &&
          (!COMMA_BEFORE_THAT.has(doc.lang) || isPunct(doc, j - 1, ','))
        ) {
          i = j;
          break;
        }
      }
    }
  }
  if (isPunct(doc, i, ':')) return afterColon(i);
  const comp = lex.complementizers.at(tokens, i, end);
  if (comp) return { content: plainContent(doc, comp.end, clauseEnd(doc, comp.end, sentence)), cueEnd };
  if (doc.opens.has(i)) return { content: quoteOrClause(doc, i, sentence), cueEnd };
  const stop = clauseEnd(doc, i, sentence);
  if (stop <= i) return { cueEnd, reason: 'no content' };
  if (takes === 'marker') {
    const c = plainContent(doc, i, stop);
    if (!c) return { cueEnd, reason: 'no content' };
    const marker = denialMarker(doc, c.first, c.last);
    if (!marker && c.kind !== 'mixed') return { cueEnd, reason: 'no quote or denial in what was called' };
    return { content: c, cueEnd };
  }
  const bareOk = takes === 'object' || (doc.lang === 'en' && verb?.bare) || (doc.lang === 'de' && comma);
  if (!bareOk) return { cueEnd, reason: 'no "that", colon or quote' };
  // "responded negatively to the question …", "told Reuters in Kyiv": not a clause that was said.
  const pp =
    (lex.openers.has(tokens, i) && /^(?:a|an|the|his|her|its|their)$/.test(tokens[i + 1]?.norm ?? '')) ||
    // "He said this during a briefing": a pronoun object and circumstances, no statement.
    (/^(?:this|that|so|it|nothing)$/.test(tokens[i]?.norm ?? '') &&
      (i + 1 >= stop || lex.openers.has(tokens, i + 1)));
  if (doc.lang === 'en' && takes === 'clause' && (pp || tokens[i]?.norm === 'to' || isLyAdverb(doc, i)))
    return { cueEnd, reason: 'what follows is not a clause' };
  const c = plainContent(doc, i, stop);
  if (!c) return { cueEnd, reason: 'no content' };
  const n = words(doc, c.first, c.last);
  if (n < (takes === 'object' ? 2 : 3)) return { cueEnd, reason: 'too short to be a statement' };
  return { content: c, cueEnd };
}

/** A quotation standing for the whole clause (direct), or a clause with a quotation in it (mixed). */
function quoteOrClause(doc: Doc, i: number, sentence: Sentence): Content | undefined {
  const q = doc.opens.get(i);
  const stop = clauseEnd(doc, i, sentence);
  if (q) {
    let after = q.close + 1;
    while (after < stop && doc.tokens[after]!.kind === 'p') after++;
    if (after >= stop || q.unclosed) return quoteContent(doc, q);
  }
  return plainContent(doc, i, stop);
}

/**
 * Content before a reporting clause that starts at token `r`: the quotation closing right before
 * it ("…," Peskov said; «…», — заявил Песков), or the clause from the sentence's start ("Forces
 * are retreating, Zelensky said"; "— Это ложь, — заявил Песков": a dash makes it direct).
 */
export function contentBefore(doc: Doc, r: number, sentence: Sentence): Content | undefined {
  const { tokens } = doc;
  let k = r - 1;
  let comma = false;
  let dash = false;
  while (k >= sentence.first && (isPunct(doc, k, ',') || tokens[k]!.kind === 'd')) {
    if (tokens[k]!.kind === 'd') dash = true;
    else comma = true;
    k--;
  }
  const q = doc.closes.get(k);
  if (q) return quoteContent(doc, q);
  if (!comma && !dash) return undefined;
  if (k < sentence.first || doc.inQuote[k]! >= 0) return undefined;
  let first = sentence.first;
  while (first <= k && (tokens[first]!.kind === 'd' || tokens[first]!.kind === 'p')) first++;
  if (first > k) return undefined;
  // "In his nightly address, Zelensky said …": an opening adverbial, not a statement.
  if (!dash && doc.lex.openers.has(tokens, first)) return undefined;
  const c = plainContent(doc, first, k + 1, dash ? 'direct' : 'indirect');
  // A dialogue line ("— Это ложь, — заявил Песков") may be short; a bare clause must say something.
  const dialogue = dash && tokens[sentence.first]!.kind === 'd';
  if (!c || words(doc, c.first, c.last) < (dialogue ? 1 : dash ? 2 : 3)) return undefined;
  if (dash) c.notes.push('dash dialogue: direct speech without quote marks');
  return c;
}

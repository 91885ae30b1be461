/**
 * One sense per page: judges every candidate mention of a page against what the page itself says,
 * however the page is read (in time slices, visible part first, changed blocks again).
 *
 * Rules, in order (each suppression records its rule and a reason):
 * 1. Local (`local.ts`): blocker phrases; the page's language picks among patterns that tie;
 *    a lower-case common noun in its own language ("изюм" on a Russian page); a foreign case form
 *    on a page whose language does not inflect names ("la Macronie"); a surname after a given name
 *    or initial that is not our person's ("Jill Biden"); a one-word place or organisation name after
 *    a title, given name or initial, or before an age (a person: "Mr. Bucha"); a club's name
 *    ("Dynamo Kyiv").
 * 2. Namesakes on the page: when the page names another referent of an alias — a blocker phrase
 *    of a `namesakes` alias ("Novgorod Kremlin", "Paul Bucha") or a full name found by rule 1
 *    ("Vasily Peskov") — the alias's bare uses anywhere on the page follow that referent, unless
 *    our entity (or one related to it) is named unambiguously in the same block. A possessive or a
 *    pronoun after a bare use ("Bucha's", "Bucha said he") keeps it with a person namesake even so.
 * 3. Support (as `findMentions` does): an ambiguous alias is kept only with an unambiguous kept
 *    mention of its entity or a context entity on the page, or where capitalised mid-sentence.
 *
 * Verdicts depend only on the set of blocks fed (and `<html lang>`), never on their order: every
 * page-level fact (language, namesakes, firm entities) is recomputed from all blocks, and an
 * update reports the older verdicts it changed.
 *
 * Feeding judges the new text against what the page has said so far; when it changes a page-level
 * fact (the language, a new namesake) or text is forgotten, the whole page is judged again by
 * {@link PageSense.settle}: at once (the default, as `wsw annotate` needs it), or — with
 * `defer` — when the caller chooses, in steps it can stop between (a page reader's idle slices:
 * judging a 5 MB page again in one task took ~100 ms).
 */
import { AMBIGUOUS, CAPITALISED_SUPPORTS, type Dictionary } from '../dictionary';
import { BREAK } from '../normalize';
import { findCandidates, supportFrom, type Mention } from '../matcher';
import { langFamily, languageOf, LANGUAGES, voteLanguage } from './language';
import { lexiconOf, reason } from './lexicon';
import { judgeLocally, readFacts, type Suppression } from './local';
import type { Entry, Judged, Namesake, SenseOptions, SenseUpdate, Settling } from './entry';

export type { Judged, SenseOptions, SenseUpdate } from './entry';

export class PageSense {
  readonly #dict: Dictionary;
  readonly #declared: string;
  readonly #defer: boolean;
  /** A page-level fact changed since the whole page was last judged. */
  #stale = false;
  #run: Settling | null = null;
  #nextChunk = 0;
  #nextBlock = 0;
  readonly #chunks = new Map<number, { entries: Entry[]; blocks: [number, number, number][] }>();
  readonly #blockEntries = new Map<number, Entry[]>();
  readonly #votes = new Map<number, Float32Array>();
  /** The sum of {@link votes}, kept as blocks come and go. */
  readonly #voteSum = new Float64Array(LANGUAGES.length);
  #lang = '';
  #namesakes = new Map<number, Namesake>();
  #firm = new Set<number>();
  /** Ambiguous entries suppressed for want of support (a later firm mention may release them). */
  #waiting = new Set<Entry>();

  constructor(dict: Dictionary, options: SenseOptions = {}) {
    this.#dict = dict;
    this.#declared = langFamily(options.lang);
    this.#lang = this.#declared;
    this.#defer = options.defer ?? false;
  }

  /** Whether the page waits to be judged again as a whole ({@link settle}). */
  get pending(): boolean {
    return this.#stale;
  }

  /** The page language the rules use now ('' = unknown). */
  get language(): string {
    return this.#lang;
  }

  /** Match `text` (one or more whole blocks, separated by U+2029) and judge its candidates. */
  feed(text: string): SenseUpdate {
    const chunk = this.#nextChunk++;
    // Only the blocks that hold candidates are kept (a 5 MB page has ~100,000 blocks; keeping a
    // record of each made the heap, and the page's major collections, grow).
    const blocks: [number, number, number][] = [];
    const breakChar = String.fromCharCode(BREAK);
    const endOf = (from: number) => {
      const to = text.indexOf(breakChar, from);
      return to < 0 ? text.length : to;
    };
    let block = this.#nextBlock;
    let bs = 0;
    let be = endOf(0);
    const entries: Entry[] = [];
    for (const c of findCandidates(text, this.#dict)) {
      while (be < c.start) {
        bs = be + 1;
        be = endOf(bs);
        block++;
      }
      if (blocks[blocks.length - 1]?.[0] !== block) blocks.push([block, bs, be]);
      const entry: Entry = {
        chunk,
        block,
        start: c.start,
        end: c.end,
        patterns: c.patterns,
        facts: readFacts(text, c.start, c.end, bs, be),
        lang: null,
        pattern: c.patterns[0]!,
        local: null,
        claims: [],
        referent: '',
        person: false,
        confirmed: false,
        commonNoun: false,
        kept: false,
        shown: null,
      };
      entries.push(entry);
      const list = this.#blockEntries.get(block);
      if (list) list.push(entry);
      else this.#blockEntries.set(block, [entry]);
    }
    // Block ids only need to differ between blocks that are kept.
    this.#nextBlock = block + 1;
    // The language is told from the blocks that have candidates (the evidence near the names, and
    // on a long page far less work than reading every block).
    if (!this.#declared)
      for (const [id, bs, be] of blocks) {
        const v = new Float32Array(LANGUAGES.length);
        voteLanguage(text, bs, be, v, lexiconOf(this.#dict).functionWords);
        this.#votes.set(id, v);
        for (let i = 0; i < v.length; i++) this.#voteSum[i]! += v[i]!;
      }
    this.#chunks.set(chunk, { entries, blocks });
    const changed = this.#judge(entries);
    if (!this.#defer) changed.push(...this.settle().changed);
    for (const e of entries) e.shown = e.kept;
    return { chunk, judged: entries.map((e) => this.#verdict(e)), changed };
  }

  /**
   * Drop the candidates of `chunk` that start in `from..to` (text that left the page, or a block
   * about to be read again) and re-judge what depended on them.
   */
  forget(chunk: number, from = 0, to = Infinity): SenseUpdate {
    const c = this.#chunks.get(chunk);
    if (!c) return { chunk: -1, judged: [], changed: [] };
    const gone = new Set(c.entries.filter((e) => e.start >= from && e.start < to));
    for (const e of gone) this.#waiting.delete(e);
    c.entries = c.entries.filter((e) => !gone.has(e));
    for (const [id, bs, be] of c.blocks) {
      if (bs >= from && be <= to) {
        const v = this.#votes.get(id);
        if (v) for (let i = 0; i < v.length; i++) this.#voteSum[i]! -= v[i]!;
        this.#votes.delete(id);
        this.#blockEntries.delete(id);
      } else {
        const list = this.#blockEntries.get(id);
        if (list)
          this.#blockEntries.set(
            id,
            list.filter((e) => !gone.has(e)),
          );
      }
    }
    c.blocks = c.blocks.filter(([, bs, be]) => !(bs >= from && be <= to));
    if (!c.entries.length && !c.blocks.length) this.#chunks.delete(chunk);
    this.#invalidate();
    return { chunk: -1, judged: [], changed: this.#defer ? [] : this.settle().changed };
  }

  /**
   * Judge the whole page again if a page-level fact changed, until done or until `shouldYield`
   * (asked every few candidates) says to stop; a later call goes on where this one stopped. Text
   * fed or forgotten meanwhile starts it over. Returns the reported verdicts that turned.
   */
  settle(shouldYield: () => boolean = () => false): { changed: Judged[]; done: boolean } {
    if (!this.#stale) return { changed: [], done: true };
    if (!this.#run) {
      this.#lang = this.#declared || this.#pageLanguage();
      this.#run = { list: [...this.#all()], phase: 0, i: 0 };
    }
    const run = this.#run;
    const { patternFlags } = this.#dict;
    const ambiguous = (e: Entry) => patternFlags[e.pattern]! & AMBIGUOUS;
    // One phase over every entry; false when stopped before its end.
    const phase = (n: number, judge: (e: Entry) => void): boolean => {
      if (run.phase !== n) return true;
      while (run.i < run.list.length) {
        judge(run.list[run.i++]!);
        if (run.i % 16 === 0 && shouldYield()) return false;
      }
      run.i = 0;
      run.phase++;
      return true;
    };
    const done =
      phase(0, (e) => this.#judgeLocal(e)) &&
      phase(1, () => {
        this.#namesakes = this.#collectNamesakes(run.list);
        this.#firm = new Set();
        this.#waiting = new Set();
        run.i = run.list.length;
      }) &&
      phase(2, (e) => {
        this.#judgePage(e);
        if (e.kept && !ambiguous(e)) this.#firm.add(this.#entityOf(e));
      }) &&
      phase(3, (e) => {
        if (e.kept && ambiguous(e) && !this.#support(e)) this.#waiting.add(e);
      });
    if (!done) return { changed: [], done: false };
    this.#stale = false;
    this.#run = null;
    return { changed: this.#report(run.list), done: true };
  }

  /** Every current verdict of a chunk (or of the whole page), in text order per chunk. */
  verdicts(chunk?: number): Judged[] {
    const out: Judged[] = [];
    for (const [id, c] of this.#chunks)
      if (chunk === undefined || id === chunk) for (const e of c.entries) out.push(this.#verdict(e));
    return out;
  }

  #verdict(e: Entry): Judged {
    const mention: Mention = {
      entity: this.#dict.entities[this.#dict.patternEntity[e.pattern]!]!.id,
      start: e.start,
      end: e.end,
      pattern: e.pattern,
      support: e.kept ? e.support : undefined,
    };
    return e.kept
      ? { chunk: e.chunk, mention, kept: true }
      : { chunk: e.chunk, mention, kept: false, suppressed: e.suppressed! };
  }

  *#all(): Iterable<Entry> {
    for (const c of this.#chunks.values()) yield* c.entries;
  }

  /**
   * Judge `fresh` entries against the page as it stands, releasing older ambiguous entries that
   * new firm mentions support; a changed language or a new namesake leaves the rest of the page
   * to {@link settle}. Returns the reported verdicts that turned.
   */
  #judge(fresh: Entry[]): Judged[] {
    const lang = this.#declared || this.#pageLanguage();
    if (lang !== this.#lang) this.#invalidate();
    this.#lang = lang;
    for (const e of fresh) {
      this.#judgeLocal(e);
      this.#noteNamesakes(e);
    }
    const { patternFlags } = this.#dict;
    for (const e of fresh) this.#judgePage(e);
    const firmBefore = this.#firm.size;
    for (const e of fresh)
      if (e.kept && !(patternFlags[e.pattern]! & AMBIGUOUS)) this.#firm.add(this.#entityOf(e));
    // Support: ambiguous entries just judged, and older ones still waiting for it (which only an
    // entity that became firm just now can release).
    const ambiguous = fresh.filter((e) => e.kept && patternFlags[e.pattern]! & AMBIGUOUS);
    if (this.#firm.size > firmBefore) for (const e of this.#waiting) ambiguous.push(e);
    for (const e of ambiguous) {
      if (this.#support(e)) this.#waiting.delete(e);
      else this.#waiting.add(e);
    }
    return this.#report(ambiguous);
  }

  /** The reported verdicts among `entries` that turned since (now reported as they are). */
  #report(entries: Iterable<Entry>): Judged[] {
    const changed: Judged[] = [];
    for (const e of entries)
      if (e.shown !== null && e.shown !== e.kept) {
        e.shown = e.kept;
        changed.push(this.#verdict(e));
      }
    return changed;
  }

  /** The whole page is to be judged again (and a judgement in progress started over). */
  #invalidate(): void {
    this.#stale = true;
    this.#run = null;
  }

  /** Add the namesakes `e` shows to the page's; a new one means judging the page again. */
  #noteNamesakes(e: Entry): void {
    const groups = [...e.claims];
    if (e.commonNoun) groups.push(this.#dict.patternGroup[e.pattern]!);
    for (const g of groups)
      if (!this.#namesakes.has(g)) {
        this.#namesakes.set(g, this.#collectNamesakes([e]).get(g)!);
        this.#invalidate();
      }
  }

  #pageLanguage(): string {
    return languageOf(this.#voteSum);
  }

  #judgeLocal(e: Entry): void {
    if (e.lang === this.#lang) return;
    const v = judgeLocally(this.#dict, e.patterns, e.facts, this.#lang);
    e.lang = this.#lang;
    e.pattern = v.pattern;
    e.local = v.suppressed;
    e.claims = v.claims;
    e.referent = v.referent;
    e.person = v.person;
    e.confirmed = v.confirmed;
    e.commonNoun = v.commonNoun;
  }

  #collectNamesakes(entries: Iterable<Entry>): Map<number, Namesake> {
    const out = new Map<number, Namesake>();
    for (const e of entries) {
      for (const g of e.claims)
        if (!out.has(g) || (e.person && !out.get(g)!.person))
          out.set(g, { referent: e.referent, person: e.person, word: false });
      if (e.commonNoun) {
        const g = this.#dict.patternGroup[e.pattern]!;
        if (!out.has(g)) out.set(g, { referent: e.facts.text, person: false, word: true });
      }
    }
    return out;
  }

  #entityOf(e: Entry): number {
    return this.#dict.patternEntity[e.pattern]!;
  }

  #related(a: number, b: number): boolean {
    const { entities } = this.#dict;
    return a === b || entities[a]!.context.includes(b) || entities[b]!.context.includes(a);
  }

  /** Local verdict, then the namesake rule; ambiguous entries wait for {@link support}. */
  #judgePage(e: Entry): void {
    e.support = undefined;
    if (e.local) return this.#suppress(e, e.local);
    const namesake = this.#namesakes.get(this.#dict.patternGroup[e.pattern]!);
    if (namesake?.word) {
      if (!e.facts.capitalMid)
        return this.#suppress(e, {
          rule: 'common-noun',
          why: reason(lexiconOf(this.#dict), 'word', namesake.referent),
        });
    } else if (namesake && !e.confirmed) {
      const entity = this.#entityOf(e);
      const named =
        // "Bucha's", "Bucha said he": a person, whatever else the block names.
        !(namesake.person && e.facts.weakPerson && this.#dict.entities[entity]!.type !== 'person') &&
        (this.#blockEntries.get(e.block) ?? []).some(
          (o) =>
            o !== e &&
            !o.local &&
            !(this.#dict.patternFlags[o.pattern]! & AMBIGUOUS) &&
            !this.#namesakes.has(this.#dict.patternGroup[o.pattern]!) &&
            this.#related(this.#entityOf(o), entity),
        );
      if (!named) {
        const name = this.#dict.entities[entity]!.name.en;
        return this.#suppress(e, {
          rule: 'namesake-on-page',
          why: reason(lexiconOf(this.#dict), 'namesake', namesake.referent, name),
        });
      }
    }
    e.kept = true;
    e.suppressed = undefined;
  }

  /** Keep an ambiguous entry if something supports it; returns whether it did. */
  #support(e: Entry): boolean {
    const flags = this.#dict.patternFlags[e.pattern]!;
    let support = supportFrom(this.#dict, this.#firm, e.pattern);
    if (support === undefined && flags & CAPITALISED_SUPPORTS && e.facts.capitalMid)
      support = { kind: 'capitalised' };
    if (support === undefined) {
      this.#suppress(e, { rule: 'unsupported', why: reason(lexiconOf(this.#dict), 'unsupported') });
      return false;
    }
    e.kept = true;
    e.suppressed = undefined;
    e.support = support;
    return true;
  }

  #suppress(e: Entry, why: Suppression): void {
    e.kept = false;
    e.suppressed = why;
  }
}

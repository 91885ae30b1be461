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
 */
import { AMBIGUOUS, CAPITALISED_SUPPORTS, type Dictionary } from '../dictionary';
import { BREAK } from '../normalize';
import { findCandidates, supportFrom, type Mention } from '../matcher';
import type { Support } from '../mention-why';
import { langFamily, languageOf, LANGUAGES, voteLanguage } from './language';
import { lexiconOf } from './lexicon';
import { judgeLocally, readFacts, type Facts, type Suppression } from './local';

/** One candidate's verdict: kept (with its support, for ambiguous aliases) or suppressed and why. */
export interface Judged {
  /** The chunk the mention's offsets refer to (as returned by {@link PageSense.feed}). */
  chunk: number;
  mention: Mention;
  kept: boolean;
  suppressed?: Suppression;
}

/** What feeding or forgetting text changed. */
export interface SenseUpdate {
  /** The chunk fed (-1 for {@link PageSense.forget}). */
  chunk: number;
  /** Verdicts on the candidates of the text just fed, in text order. */
  judged: Judged[];
  /** Earlier verdicts that this text turned (kept → suppressed or back). */
  changed: Judged[];
}

interface Entry {
  chunk: number;
  block: number;
  start: number;
  end: number;
  patterns: number[];
  facts: Facts;
  /** Local verdict, for {@link Entry.lang}. */
  lang: string | null;
  pattern: number;
  local: Suppression | null;
  claims: number[];
  referent: string;
  person: boolean;
  confirmed: boolean;
  commonNoun: boolean;
  kept: boolean;
  suppressed?: Suppression;
  support?: Support;
}

interface Namesake {
  referent: string;
  person: boolean;
  /** The page uses the alias as a common word ("изюм"): only a capitalised use mid-sentence is the name. */
  word: boolean;
}

/** Options of {@link PageSense}. */
export interface SenseOptions {
  /** The page's declared language (`<html lang>`), if any: it wins over the text's own. */
  lang?: string;
}

export class PageSense {
  private readonly declared: string;
  private nextChunk = 0;
  private nextBlock = 0;
  private readonly chunks = new Map<number, { entries: Entry[]; blocks: [number, number, number][] }>();
  private readonly blockEntries = new Map<number, Entry[]>();
  private readonly votes = new Map<number, Float32Array>();
  /** The sum of {@link votes}, kept as blocks come and go. */
  private readonly voteSum = new Float64Array(LANGUAGES.length);
  private lang = '';
  private namesakes = new Map<number, Namesake>();
  private firm = new Set<number>();
  /** Ambiguous entries suppressed for want of support (a later firm mention may release them). */
  private waiting = new Set<Entry>();

  constructor(
    private readonly dict: Dictionary,
    options: SenseOptions = {},
  ) {
    this.declared = langFamily(options.lang);
    this.lang = this.declared;
  }

  /** The page language the rules use now ('' = unknown). */
  get language(): string {
    return this.lang;
  }

  /** Match `text` (one or more whole blocks, separated by U+2029) and judge its candidates. */
  feed(text: string): SenseUpdate {
    const chunk = this.nextChunk++;
    const blocks: [number, number, number][] = [];
    for (let from = 0; from <= text.length;) {
      let to = text.indexOf(String.fromCharCode(BREAK), from);
      if (to < 0) to = text.length;
      blocks.push([this.nextBlock++, from, to]);
      from = to + 1;
    }
    const entries: Entry[] = [];
    let b = 0;
    for (const c of findCandidates(text, this.dict)) {
      while (blocks[b]![2] < c.start) b++;
      const [block, bs, be] = blocks[b]!;
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
      };
      entries.push(entry);
      const list = this.blockEntries.get(block);
      if (list) list.push(entry);
      else this.blockEntries.set(block, [entry]);
    }
    // The language is told from the blocks that have candidates (the evidence near the names, and
    // on a long page far less work than reading every block).
    if (!this.declared)
      for (const [id, bs, be] of blocks) {
        if (!this.blockEntries.has(id)) continue;
        const v = new Float32Array(LANGUAGES.length);
        voteLanguage(text, bs, be, v, lexiconOf(this.dict).functionWords);
        this.votes.set(id, v);
        for (let i = 0; i < v.length; i++) this.voteSum[i]! += v[i]!;
      }
    this.chunks.set(chunk, { entries, blocks });
    const changed = this.judge(entries);
    return { chunk, judged: entries.map((e) => this.verdict(e)), changed };
  }

  /**
   * Drop the candidates of `chunk` that start in `from..to` (text that left the page, or a block
   * about to be read again) and re-judge what depended on them.
   */
  forget(chunk: number, from = 0, to = Infinity): SenseUpdate {
    const c = this.chunks.get(chunk);
    if (!c) return { chunk: -1, judged: [], changed: [] };
    const gone = new Set(c.entries.filter((e) => e.start >= from && e.start < to));
    for (const e of gone) this.waiting.delete(e);
    c.entries = c.entries.filter((e) => !gone.has(e));
    for (const [id, bs, be] of c.blocks) {
      if (bs >= from && be <= to) {
        const v = this.votes.get(id);
        if (v) for (let i = 0; i < v.length; i++) this.voteSum[i]! -= v[i]!;
        this.votes.delete(id);
        this.blockEntries.delete(id);
      } else {
        const list = this.blockEntries.get(id);
        if (list)
          this.blockEntries.set(
            id,
            list.filter((e) => !gone.has(e)),
          );
      }
    }
    c.blocks = c.blocks.filter(([, bs, be]) => !(bs >= from && be <= to));
    if (!c.entries.length && !c.blocks.length) this.chunks.delete(chunk);
    return { chunk: -1, judged: [], changed: this.judge([], true) };
  }

  /** Every current verdict of a chunk (or of the whole page), in text order per chunk. */
  verdicts(chunk?: number): Judged[] {
    const out: Judged[] = [];
    for (const [id, c] of this.chunks)
      if (chunk === undefined || id === chunk) for (const e of c.entries) out.push(this.verdict(e));
    return out;
  }

  private verdict(e: Entry): Judged {
    const mention: Mention = {
      entity: this.dict.entities[this.dict.patternEntity[e.pattern]!]!.id,
      start: e.start,
      end: e.end,
      pattern: e.pattern,
      support: e.kept ? e.support : undefined,
    };
    return e.kept
      ? { chunk: e.chunk, mention, kept: true }
      : { chunk: e.chunk, mention, kept: false, suppressed: e.suppressed! };
  }

  private *all(): Iterable<Entry> {
    for (const c of this.chunks.values()) yield* c.entries;
  }

  /**
   * Judge `fresh` entries; re-judge the whole page when a page-level fact changed (`full`, the
   * language, the namesakes), else only the ambiguous entries that new firm mentions may support.
   * Returns the older verdicts that turned.
   */
  private judge(fresh: Entry[], full = false): Judged[] {
    const before = new Map<Entry, boolean>();
    const touch = (e: Entry) => {
      if (!before.has(e)) before.set(e, e.kept);
    };
    const isFresh = new Set(fresh);
    const lang = this.declared || this.pageLanguage();
    if (lang !== this.lang) full = true;
    this.lang = lang;
    for (const e of fresh) this.judgeLocal(e);
    if (!full)
      for (const e of fresh) {
        for (const g of e.claims) if (!this.namesakes.has(g)) full = true;
        if (e.commonNoun && !this.namesakes.has(this.dict.patternGroup[e.pattern]!)) full = true;
      }
    let scope: Entry[] = fresh;
    if (full) {
      scope = [...this.all()];
      for (const e of scope) {
        if (!isFresh.has(e)) touch(e);
        this.judgeLocal(e);
      }
      this.namesakes = this.collectNamesakes(scope);
      this.firm = new Set();
      this.waiting = new Set();
    }
    const { patternFlags } = this.dict;
    for (const e of scope) this.judgePage(e);
    const firmBefore = this.firm.size;
    for (const e of scope)
      if (e.kept && !(patternFlags[e.pattern]! & AMBIGUOUS)) this.firm.add(this.entityOf(e));
    // Support: ambiguous entries just judged, and older ones still waiting for it.
    const ambiguous = scope.filter((e) => e.kept && patternFlags[e.pattern]! & AMBIGUOUS);
    // Older ones can only be released by an entity that became firm just now.
    if (!full && this.firm.size > firmBefore) for (const e of this.waiting) ambiguous.push(e);
    for (const e of ambiguous) {
      if (!isFresh.has(e)) touch(e);
      if (this.support(e)) this.waiting.delete(e);
      else this.waiting.add(e);
    }
    const changed: Judged[] = [];
    for (const [e, kept] of before) if (e.kept !== kept) changed.push(this.verdict(e));
    return changed;
  }

  private pageLanguage(): string {
    return languageOf(this.voteSum);
  }

  private judgeLocal(e: Entry): void {
    if (e.lang === this.lang) return;
    const v = judgeLocally(this.dict, e.patterns, e.facts, this.lang);
    e.lang = this.lang;
    e.pattern = v.pattern;
    e.local = v.suppressed;
    e.claims = v.claims;
    e.referent = v.referent;
    e.person = v.person;
    e.confirmed = v.confirmed;
    e.commonNoun = v.commonNoun;
  }

  private collectNamesakes(entries: Iterable<Entry>): Map<number, Namesake> {
    const out = new Map<number, Namesake>();
    for (const e of entries) {
      for (const g of e.claims)
        if (!out.has(g) || (e.person && !out.get(g)!.person))
          out.set(g, { referent: e.referent, person: e.person, word: false });
      if (e.commonNoun) {
        const g = this.dict.patternGroup[e.pattern]!;
        if (!out.has(g)) out.set(g, { referent: e.facts.text, person: false, word: true });
      }
    }
    return out;
  }

  private entityOf(e: Entry): number {
    return this.dict.patternEntity[e.pattern]!;
  }

  private related(a: number, b: number): boolean {
    const { entities } = this.dict;
    return a === b || entities[a]!.context.includes(b) || entities[b]!.context.includes(a);
  }

  /** Local verdict, then the namesake rule; ambiguous entries wait for {@link support}. */
  private judgePage(e: Entry): void {
    e.support = undefined;
    if (e.local) return this.suppress(e, e.local);
    const namesake = this.namesakes.get(this.dict.patternGroup[e.pattern]!);
    if (namesake?.word) {
      if (!e.facts.capitalMid)
        return this.suppress(e, {
          rule: 'common-noun',
          why: `the page uses "${namesake.referent}" as a common word, and this use is not capitalised mid-sentence`,
        });
    } else if (namesake && !e.confirmed) {
      const entity = this.entityOf(e);
      const named =
        // "Bucha's", "Bucha said he": a person, whatever else the block names.
        !(namesake.person && e.facts.weakPerson && this.dict.entities[entity]!.type !== 'person') &&
        (this.blockEntries.get(e.block) ?? []).some(
          (o) =>
            o !== e &&
            !o.local &&
            !(this.dict.patternFlags[o.pattern]! & AMBIGUOUS) &&
            !this.namesakes.has(this.dict.patternGroup[o.pattern]!) &&
            this.related(this.entityOf(o), entity),
        );
      if (!named) {
        const name = this.dict.entities[entity]!.name.en;
        return this.suppress(e, {
          rule: 'namesake-on-page',
          why: `the page names "${namesake.referent}", and ${name} is not named unambiguously in this block`,
        });
      }
    }
    e.kept = true;
    e.suppressed = undefined;
  }

  /** Keep an ambiguous entry if something supports it; returns whether it did. */
  private support(e: Entry): boolean {
    const flags = this.dict.patternFlags[e.pattern]!;
    let support = supportFrom(this.dict, this.firm, e.pattern);
    if (support === undefined && flags & CAPITALISED_SUPPORTS && e.facts.capitalMid)
      support = { kind: 'capitalised' };
    if (support === undefined) {
      this.suppress(e, { rule: 'unsupported', why: 'ambiguous alias, and nothing on the page supports it' });
      return false;
    }
    e.kept = true;
    e.suppressed = undefined;
    e.support = support;
    return true;
  }

  private suppress(e: Entry, why: Suppression): void {
    e.kept = false;
    e.suppressed = why;
  }
}

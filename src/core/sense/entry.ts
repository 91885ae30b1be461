/**
 * The shapes `PageSense` works with: what it reports (verdicts, updates) and what it keeps per
 * candidate, apart from the rules themselves so that `page-sense.ts` stays one readable file.
 */
import type { Mention } from '../matcher';
import type { Support } from '../mention-why';
import type { Facts, Suppression } from './local';

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

export interface Entry {
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
  /** The verdict last reported to the caller (null: not reported yet). */
  shown: boolean | null;
  suppressed?: Suppression;
  support?: Support;
}

export interface Namesake {
  referent: string;
  person: boolean;
  /** The page uses the alias as a common word ("изюм"): only a capitalised use mid-sentence is the name. */
  word: boolean;
}

/** Options of {@link PageSense}. */
export interface SenseOptions {
  /** The page's declared language (`<html lang>`), if any: it wins over the text's own. */
  lang?: string;
  /** Leave judging the whole page again to {@link PageSense.settle} (default: done at once). */
  defer?: boolean;
}

/** A whole-page judgement in progress: its entries, its phase and where in them it stopped. */
export interface Settling {
  list: Entry[];
  phase: number;
  i: number;
}

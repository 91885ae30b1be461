import { normalizeAlias } from '../normalize';
import { isFinal, isPunct, speakerEndingAt, speakerStartingAt, type Doc, type DocMention } from './doc';
import { GIVEN_NAMES } from './lexicon/shared';
import type { SpeakerVia } from './types';

/**
 * Who stands in the subject of a reporting verb or in a frame: one of our entities (named, or
 * through a spokesperson), a pronoun or title to resolve later, or nobody we know.
 */

/** A speaker found in the text. */
export interface Speaker {
  entity: string;
  via: SpeakerVia;
  /** Offsets of the words that name or stand for the speaker. */
  start: number;
  end: number;
  antecedent?: { start: number; end: number };
  /** An organisation named with a person ("Kremlin spokesman Dmitry Peskov"). */
  for?: string;
}

/** A pronoun or title that refers back to a person named before. */
export interface Anaphor {
  kind: 'pronoun' | 'title';
  gender?: 'm' | 'f';
  concept?: string;
  start: number;
  end: number;
  /** Token where it stands. */
  tok: number;
}

/** The subject phrase found: tokens `first`..`last`. */
export type NounPhrase =
  | { speaker: Speaker; first: number; last: number }
  | { anaphor: Anaphor; first: number; last: number }
  | { fail: string; foreign?: boolean };

/** Languages whose names decline: a subject must be in its base form (nominative). */
const DECLINING = new Set(['uk', 'ru', 'pl', 'de']);

const GIVEN = new Set(GIVEN_NAMES.map((n) => normalizeAlias(n)));

/** Case forms of a Slavic given name, reduced to nominative candidates (Ивана → Иван, Ольги → Ольга). */
export function isGivenName(norm: string): boolean {
  if (GIVEN.has(norm)) return true;
  if (!/^\p{Script=Cyrillic}+$/u.test(norm)) return false;
  for (const cut of [1, 2]) {
    const stem = norm.slice(0, -cut);
    if (stem.length < 2) continue;
    if (GIVEN.has(stem) || GIVEN.has(`${stem}й`) || GIVEN.has(`${stem}а`) || GIVEN.has(`${stem}о`))
      return true;
  }
  return false;
}

/**
 * Why a mention cannot be its entity speaking, if it cannot: another person with the same
 * surname ("Ivan Peskov", "журналист Песков", "A. Peskov" when Peskov is Dmitry), a compound
 * ("Kremlin-backed"), or someone else's Kremlin ("Kazan's Kremlin").
 */
export function trapReason(doc: Doc, m: DocMention): string | undefined {
  const { tokens, lex, text } = doc;
  const next = tokens[m.last + 1];
  if (next && next.kind === 'h') return 'part of a compound word';
  const prev = tokens[m.first - 1];
  if (!prev || prev.para !== tokens[m.first]!.para) return undefined;
  if (prev.norm === "'s" && speakerEndingAt(doc, m.first - 2) === undefined && tokens[m.first - 2]?.upper)
    return `belongs to "${text.slice(tokens[m.first - 2]!.start, tokens[m.first - 2]!.end)}"`;
  for (let k = m.first - 1; k >= 0 && m.first - k <= 3; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'w' && t.kind !== 'h') break;
    const role = lex.nonSpeakerRoles.endingAt(tokens, k);
    if (role) return `called "${text.slice(tokens[role.start]!.start, t.end)}": someone else`;
    if (doc.mentionTo[k]! >= 0) break;
  }
  if (m.info?.type !== 'person' || m.first !== m.last) return undefined;
  const own = new Set((m.info.givenNames ?? []).map((g) => normalizeAlias(g)));
  const initials = new Set([...own].map((g) => g.charAt(0)));
  // "A. Peskov": an initial that is not the entity's.
  if (prev.norm === '.' && !prev.space) {
    const letter = tokens[m.first - 2];
    if (letter && letter.kind === 'w' && letter.end - letter.start === 1 && letter.upper && initials.size) {
      return initials.has(letter.norm)
        ? undefined
        : `initial "${text.charAt(letter.start)}." is not the entity's`;
    }
  }
  if (prev.kind === 'w' && prev.upper && !own.has(prev.norm) && isGivenName(prev.norm))
    return `"${text.slice(prev.start, prev.end)}" is another given name: another person`;
  return undefined;
}

/** Whether the phrase before token `k` allows a subject to start right after it. */
export function clauseBoundary(doc: Doc, k: number, floor: number): string | undefined {
  const { tokens, lex } = doc;
  if (k < floor) return undefined;
  const t = tokens[k]!;
  // Any punctuation or symbol (a flag emoji, a bullet) ends what came before.
  if (t.kind === 'p') return undefined;
  if (t.kind === 'd' || t.kind === 'q') return undefined;
  if (lex.subordinators.endingAt(tokens, k, floor)) return 'in a subordinate clause';
  if (lex.complementizers.endingAt(tokens, k, floor)) return "inside someone's statement";
  const conj = lex.conjunctions.endingAt(tokens, k, floor);
  if (conj) {
    const before = conj.start - 1;
    const b = tokens[before];
    if (speakerEndingAt(doc, before) || (before > floor && b?.kind === 'w' && b.upper))
      return 'one of several subjects';
    return undefined;
  }
  const adj = lex.adjuncts.endingAt(tokens, k, floor);
  if (adj && (adj.start === floor || clauseBoundary(doc, adj.start - 1, floor) === undefined))
    return undefined;
  // "Про це глава держави повідомив …": "about this" opens the sentence.
  if (lex.anaphoricContent.endingAt(tokens, k, floor)?.start === floor) return undefined;
  // A short opening adverbial: "In Moscow", "На брифинге в Кремле".
  if (k - floor < 5 && lex.openers.has(tokens, floor)) {
    let plain = true;
    for (let i = floor; i <= k; i++) if (doc.mentionFrom[i]! >= 0 || lex.verbs.has(tokens, i)) plain = false;
    if (plain) return undefined;
  }
  return 'not at the start of a clause';
}

/** The phrase of titles and modifiers before a name ("Kremlin spokesman", "Ukrainian President"). */
function prefixStart(
  doc: Doc,
  from: number,
  floor: number,
  person: boolean,
): { first: number; org?: string } {
  const { tokens, lex } = doc;
  let k = from;
  let first = from + 1;
  let org: string | undefined;
  // Outside English, titles take lower-case genitives ("радник керівника Офісу президента",
  // "ministre russe des Affaires étrangères"): such words join the prefix only when a title,
  // a capitalised word or the sentence's start comes before them.
  // In English only behind a title right before the name ("Russia's foreign ministry spokeswoman
  // Maria Zakharova"), never in a plain phrase ("people close to Peskov").
  const chains =
    doc.lang !== 'en' ||
    (from >= floor &&
      (lex.titles.endingAt(doc.tokens, from, floor) ??
        lex.representatives.endingAt(doc.tokens, from, floor)) !== undefined);
  for (let steps = 0; k >= floor && steps < 10; steps++) {
    const t = tokens[k]!;
    if (t.kind === 'h' || t.norm === "'s") {
      k--;
      continue;
    }
    if (t.kind !== 'w') break;
    const mk = doc.mentionTo[k]!;
    if (mk >= 0) {
      const other = doc.mentions[mk]!;
      if (person && other.info?.type === 'org') org ??= other.entity;
      k = other.first - 1;
      first = other.first;
      continue;
    }
    if (lex.subordinators.endingAt(tokens, k, floor) || lex.conjunctions.endingAt(tokens, k, floor)) break;
    const word =
      lex.titles.endingAt(tokens, k, floor) ??
      lex.representatives.endingAt(tokens, k, floor) ??
      lex.prefixWords.endingAt(tokens, k, floor) ??
      lex.definite.endingAt(tokens, k, floor);
    if (word) {
      k = word.start - 1;
      first = word.start;
      continue;
    }
    if (t.upper && !lex.openers.has(tokens, k) && !lex.adjuncts.has(tokens, k)) {
      first = k;
      k--;
      continue;
    }
    if (
      chains &&
      !t.upper &&
      !lex.verbs.has(tokens, k) &&
      !lex.complementizers.has(tokens, k) &&
      !lex.relatives.has(tokens, k) &&
      !lex.adjuncts.has(tokens, k)
    ) {
      k--;
      continue;
    }
    break;
  }
  return { first, ...(org ? { org } : {}) };
}

/** A speaker mention ending a subject phrase, checked and with its titles. */
export function fromMention(doc: Doc, m: DocMention, floor: number, genitiveOk: boolean): NounPhrase {
  const { tokens, lex } = doc;
  const trap = trapReason(doc, m);
  if (trap) return { fail: trap };
  let k = m.first - 1;
  let via: SpeakerVia = 'name';
  const def = lex.definite.endingAt(tokens, k, floor);
  const link = lex.representativeLinks.endingAt(tokens, def ? def.start - 1 : k, floor);
  const rep = lex.representatives.endingAt(tokens, link ? link.start - 1 : def ? def.start - 1 : k, floor);
  if (rep && (link || m.inflected || m.info?.type === 'org')) {
    via = 'spokesperson';
    k = rep.start - 1;
  } else if (
    m.inflected &&
    !genitiveOk &&
    DECLINING.has(doc.lang) &&
    (doc.lang !== 'de' || m.first === m.last)
  ) {
    // (German adjectives decline with the article: only a name's genitive -s tells a non-subject.)
    return { fail: 'not in the nominative: not the subject' };
  }
  const prefix = prefixStart(doc, k, floor, m.info?.type === 'person' && via === 'name');
  const speaker: Speaker = {
    entity: m.entity,
    via,
    start: tokens[via === 'spokesperson' ? rep!.start : m.first]!.start,
    end: tokens[m.last]!.end,
    ...(prefix.org ? { for: prefix.org } : {}),
  };
  return { speaker, first: Math.min(prefix.first, m.first), last: m.last };
}

/** The subject phrase ending at token `j` (inclusive), starting no earlier than `floor`. */
export function phraseEndingAt(doc: Doc, j: number, floor: number): NounPhrase {
  const { tokens, lex } = doc;
  if (j < floor) return { fail: 'no subject' };
  const check = (np: NounPhrase): NounPhrase => {
    if ('fail' in np) return np;
    const why = clauseBoundary(doc, np.first - 1, floor);
    return why ? { fail: why } : np;
  };
  const pron = lex.pronouns.endingAt(tokens, j, floor);
  if (pron) {
    const t = tokens[pron.start]!;
    const anaphor: Anaphor = {
      kind: 'pronoun',
      gender: pron.value,
      start: t.start,
      end: tokens[j]!.end,
      tok: pron.start,
    };
    return check({ anaphor, first: pron.start, last: j });
  }
  const m = speakerEndingAt(doc, j);
  if (m) return check(fromMention(doc, m, floor, false));
  const rep = lex.representatives.endingAt(tokens, j, floor);
  if (rep) {
    let k = rep.start - 1;
    if (tokens[k]?.norm === "'s") k--;
    const owner = speakerEndingAt(doc, k);
    if (owner && !trapReason(doc, owner)) {
      const prefix = prefixStart(doc, owner.first - 1, floor, false);
      const speaker: Speaker = {
        entity: owner.entity,
        via: 'spokesperson',
        start: tokens[owner.first]!.start,
        end: tokens[j]!.end,
      };
      return check({ speaker, first: prefix.first, last: j });
    }
  }
  const title = lex.titles.endingAt(tokens, j, floor);
  if (title) {
    let first = title.start;
    if (lex.source.definite?.length) {
      // "the president", "the French president" (one capitalised modifier).
      let d = first - 1;
      if (tokens[d]?.kind === 'w' && tokens[d]!.upper && !lex.definite.has(tokens, d)) d--;
      const def = lex.definite.endingAt(tokens, d, floor);
      if (!def) return { fail: 'a title without "the": someone new' };
      first = def.start;
    }
    const anaphor: Anaphor = {
      kind: 'title',
      concept: title.value,
      start: tokens[first]!.start,
      end: tokens[j]!.end,
      tok: first,
    };
    return check({ anaphor, first, last: j });
  }
  const t = tokens[j]!;
  return {
    fail: 'no speaker we know',
    foreign: t.kind === 'w' && (t.upper || lex.representatives.has(tokens, j)),
  };
}

/**
 * Start of a prepositional phrase of up to four lower-case words ending at `j` and standing
 * right after a name, or -1.
 */
function prepositionalPhraseStart(doc: Doc, j: number, floor: number): number {
  const { tokens, lex } = doc;
  for (let k = j; k >= floor && j - k < 4; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'w' || t.upper || lex.verbs.has(tokens, k) || lex.complementizers.has(tokens, k))
      return -1;
    if (lex.openers.has(tokens, k) && k > floor && speakerEndingAt(doc, k - 1)) return k;
  }
  return -1;
}

/** An English adverb in -ly ("flatly", "habitually") standing next to a verb. */
export function isLyAdverb(doc: Doc, j: number): boolean {
  const t = doc.tokens[j];
  return doc.lang === 'en' && !!t && t.kind === 'w' && !t.upper && t.norm.length > 4 && t.norm.endsWith('ly');
}

/**
 * The subject of the verb at token `cue`: back over adverbs ("also", "on Monday"), an apposition
 * ("Peskov, the Kremlin's spokesman, said") or a relative pronoun ("Peskov, who said"), to the
 * subject phrase. A negation or a modal on the way cancels the act ("did not say", "may deny").
 */
export function subjectBefore(doc: Doc, cue: number, floor: number): NounPhrase & { blocked?: string } {
  const { tokens, lex } = doc;
  let j = cue - 1;
  while (j >= floor) {
    if (lex.negators.endingAt(tokens, j, floor)) return { fail: 'negated', blocked: 'negated' };
    if (lex.irrealis.endingAt(tokens, j, floor))
      return { fail: 'not said (yet)', blocked: 'hypothetical or refused' };
    const adj = lex.adjuncts.endingAt(tokens, j, floor);
    if (adj) {
      j = adj.start - 1;
      continue;
    }
    if (isLyAdverb(doc, j)) {
      // "she habitually accused", "Peskov flatly denied"
      j--;
      continue;
    }
    // A short prepositional phrase between subject and verb: "Зеленський у вечірньому зверненні заявив".
    const pp = doc.lang === 'en' ? -1 : prepositionalPhraseStart(doc, j, floor);
    if (pp < 0) break;
    j = pp - 1;
  }
  const rel = j >= floor ? lex.relatives.endingAt(tokens, j, floor) : undefined;
  if (rel && isPunct(doc, rel.start - 1, ',')) return phraseEndingAt(doc, rel.start - 2, floor);
  if (isPunct(doc, j, ',')) {
    for (let k = j - 1; k >= floor && j - k <= 16; k--) {
      if (doc.inQuote[k]! >= 0 || isFinal(doc, k) || tokens[k]!.kind === 'q' || lex.verbs.has(tokens, k))
        break;
      if (!isPunct(doc, k, ',')) continue;
      // "Le directeur général de l'AIEA, Rafael Grossi, a averti": the name between the commas.
      const named = speakerStartingAt(doc, k + 1);
      if (named?.info?.type === 'person' && named.last === j - 1 && !trapReason(doc, named)) {
        const prefix = prefixStart(doc, k - 1, floor, true);
        if (prefix.first <= k - 1 && clauseBoundary(doc, prefix.first - 1, floor) === undefined) {
          const speaker: Speaker = {
            entity: named.entity,
            via: 'name',
            start: tokens[named.first]!.start,
            end: tokens[named.last]!.end,
            ...(prefix.org ? { for: prefix.org } : {}),
          };
          return { speaker, first: prefix.first, last: named.last };
        }
      }
      return phraseEndingAt(doc, k - 1, floor);
    }
    return { fail: 'no subject before the comma' };
  }
  return phraseEndingAt(doc, j, floor);
}

import type { Stance } from '../claims';
import type { EntityType } from '../entities';

/**
 * Types of the attribution engine: who said what in a text, where the speaker is one of our
 * entities. Offsets are UTF-16 code units into the text the matcher saw.
 */

/** A grammatical gender as far as pronouns and verb endings tell it (p: plural). */
export type Gender = 'm' | 'f' | 'n' | 'p';

/** Languages with a lexicon. */
export const ATTRIBUTION_LANGUAGES = ['en', 'uk', 'ru', 'de', 'fr', 'pl'] as const;
export type AttributionLanguage = (typeof ATTRIBUTION_LANGUAGES)[number];

/**
 * An entity mention as the engine needs it: the matcher's mention plus whether the form seen is
 * the alias's base form (nominative for Slavic aliases). `inflected` keeps "Пескову заявили"
 * (dative: someone told Peskov) from making Peskov the speaker.
 */
export interface SpeakerMention {
  entity: string;
  start: number;
  end: number;
  inflected: boolean;
}

/** What the engine needs to know of an entity. */
export interface EntityInfo {
  type: EntityType;
  /** English description: a title ("the spokesman") refers back only to a person it describes. */
  description?: string;
  /** Pronoun gender when known ("she" never refers back to Peskov). */
  gender?: 'm' | 'f';
  /** Given names in any script ("Dmitry", "Дмитрий"): another given name before the surname is another person. */
  givenNames?: readonly string[];
}

/** How a statement is reported. */
export type AttributionKind = 'direct' | 'indirect' | 'mixed';

/** How the speaker was found. */
export type SpeakerVia =
  /** Named: "Peskov said". */
  | 'name'
  /** Through a spokesperson or office: "the Kremlin's spokesman said", "пресс-служба Кремля". */
  | 'spokesperson'
  /** A pronoun or a dropped subject referring back to the one person named before. */
  | 'pronoun'
  /** A title referring back to the one person named before, whose description fits it. */
  | 'title'
  /** A second verb or participle of a speaker already found ("denied … and accused …"). */
  | 'coordination';

/** Which construction found the statement. */
export type AttributionRule =
  | 'speaker-verb-content'
  | 'content-speaker-verb'
  | 'content-verb-speaker'
  | 'parenthetical'
  | 'split-quote'
  | 'dash-dialogue'
  | 'frame'
  | 'frame-after'
  | 'anaphoric-content'
  | 'colon'
  | 'coordination'
  | 'signature';

/** A structured account of one attribution, for the card's "why" and for curators. */
export interface AttributionWhy {
  rule: AttributionRule;
  lang: AttributionLanguage;
  speaker: {
    via: SpeakerVia;
    /** The words that named (or stood for) the speaker in the text. */
    start: number;
    end: number;
    text: string;
    /** For pronouns and titles: the earlier mention they refer back to. */
    antecedent?: { start: number; end: number; text: string };
    /** An organisation named with the speaker ("Kremlin spokesman Dmitry Peskov" → kremlin). */
    for?: string;
  };
  /** The reporting verb or frame in its dictionary form ("deny", "according to"). */
  lemma: string;
  /** Short notes on decisions taken (stance changed by content, quote inside, …). */
  notes: string[];
}

/** One statement and its speaker. */
export interface Attribution {
  /** Entity id of the speaker. */
  speaker: string;
  /** What was said: the content span. */
  start: number;
  end: number;
  /** The reporting words as they appear ("told reporters", "— заявил"). */
  cue: string;
  cueStart: number;
  cueEnd: number;
  kind: AttributionKind;
  stance: Stance;
  why: AttributionWhy;
}

import type { Stance } from '../../claims';
import type { AttributionLanguage, Gender } from '../types';

/**
 * The shape of a per-language attribution lexicon. Lexicons are data: every word list is written
 * in one small pattern notation so that a linguist can extend them without touching code.
 *
 * Pattern notation: words separated by spaces are consecutive positions; `a|b` at a position
 * means either word; a position ending in `?` may be left out; `@S` (frames only) is where the
 * speaker stands. Words are compared after the matcher's folding (case, accents, ё→е, dashes and
 * apostrophes unified), so `déclaré` also matches `declare`. Hyphens and apostrophes that split a
 * word in text split it here too: `пресс-секретарь` is three positions, written as is.
 *
 * Example: `in a|an|his|her? video? statement|address` matches "in a statement", "in his video
 * address" and "in statement".
 */
export type Pattern = string;

/** A reporting verb (a speech act) with all the forms we accept. */
export interface VerbSource {
  /** Dictionary form, shown in explanations ("deny"). */
  lemma: string;
  stance: Stance;
  /**
   * Every accepted form. Only finite forms that report a past or present act: infinitives and
   * bare base forms are left out on purpose ("did not say", "will deny", "may confirm").
   */
  forms: Pattern[];
  /**
   * What the statement is:
   * - `clause` (default): a that-clause, a quote, what follows a colon, or (English) a bare clause;
   * - `object`: also a noun phrase ("denied the report", "опроверг сообщения");
   * - `marker`: only a quote or words that deny ("called the report a lie", "назвал это ложью").
   */
  takes?: 'clause' | 'object' | 'marker';
  /** English only: a bare clause may follow ("said the plant had lost power", no "that"). */
  bare?: boolean;
  /** English only: the verb may come before its subject after a quote ("…," said Peskov). */
  inverts?: boolean;
  /** A participle or gerund ("adding", "добавив"): its speaker is the one of its clause. */
  participle?: boolean;
}

/** A frame that introduces a speaker without a verb of its own clause ("according to @S"). */
export interface FrameSource {
  pattern: Pattern;
  /** Default: asserts. */
  stance?: Stance;
  /** Pronoun frames ("по его словам", "selon lui"): the speaker is the person named before. */
  anaphor?: 'm' | 'f';
}

/** Word lists of one language. */
export interface LexiconSource {
  lang: AttributionLanguage;
  verbs: VerbSource[];
  frames: FrameSource[];
  /** "that", "что", "що", "dass", "que", "że". */
  complementizers: Pattern[];
  /** Who was told, between the verb and the statement ("reporters", "журналистам"). */
  recipients: Pattern[];
  /** Phrases of time, place and channel that may stand next to the verb ("on Monday", "в Telegram"). */
  adjuncts: Pattern[];
  /** Words that cancel the act when right before the verb ("not", "never", "не"). */
  negators: Pattern[];
  /** Words that cancel the act when right after the verb (German "nicht", French "pas"). */
  postNegators?: Pattern[];
  /** Words that make the act hypothetical or refused ("will", "refused to", "может"). */
  irrealis: Pattern[];
  /** Subject pronouns by gender ("he", "she"); a dropped subject is read from the verb's ending. */
  pronouns: Partial<Record<'m' | 'f', Pattern[]>>;
  /**
   * Titles that may stand for a person named before ("the spokesman", "пресс-секретарь"), by
   * concept; see `concepts.ts` for which descriptions each concept fits.
   */
  titles: Record<string, Pattern[]>;
  /** Determiners a title needs to refer back (English "the"); empty where there are no articles. */
  definite?: Pattern[];
  /** Nouns for someone who speaks for an entity ("spokesman", "пресс-служба", "Sprecher"). */
  representatives: Pattern[];
  /** Words linking a representative to whom they speak for ("for", "of"). */
  representativeLinks: Pattern[];
  /** People who are never the entity however they are called ("journalist", "корреспондент"). */
  nonSpeakerRoles: Pattern[];
  /** Nouns for what is denied or confirmed ("allegations", "обвинения"): part of the cue. */
  claimNouns: Pattern[];
  /** Words in a statement that make a plain "says" a denial ("a lie", "ложь"). */
  denialMarkers: Pattern[];
  /** Words opening a clause whose subject does not speak ("if", "если", "wenn"). */
  subordinators: Pattern[];
  /** Relative pronouns ("who", "который"): "X, who said" speaks; "people who met X said" not. */
  relatives: Pattern[];
  /** Coordinating conjunctions ("and", "и", "і"). */
  conjunctions: Pattern[];
  /** Prepositions that may open a sentence before its subject ("In Moscow, …", "В понедельник"). */
  openers: Pattern[];
  /** Words that may stand before a name as part of the subject (determiners, adjectives of origin). */
  prefixWords: Pattern[];
  /** Prepositions of "У Кремлі заявили" (impersonal plural verb: the organisation speaks). */
  locatives?: Pattern[];
  /** "about this" + verb + speaker: the statement is the sentence before ("Об этом заявил Песков"). */
  anaphoricContent?: Pattern[];
  /** Abbreviations whose period does not end a sentence ("Mr", "т. е."): without the period. */
  abbreviations: string[];
  /** Frequent short words, to tell the language of a text. */
  stopwords: string[];
  /** Verb endings that tell the subject's gender (Slavic past tense), tried in order. */
  genderEndings?: [string, Gender][];
}

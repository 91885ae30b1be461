import * as v from 'valibot';

/**
 * Why a mention was highlighted, as data: which alias (and which of its forms) matched, how the
 * text was compared, and — for an ambiguous alias — what supported it. Core returns this structure
 * instead of prose so that each interface can say it in its own language: the card in English,
 * Ukrainian or Russian from the locale files, the CLI in English ({@link formatWhyEnglish}).
 */

/** What made an ambiguous alias count (entity ids, never names: names depend on the reader). */
export const SupportSchema = v.variant('kind', [
  /** Another, unambiguous mention of the same entity on the page. */
  v.object({ kind: v.literal('same-entity'), entity: v.pipe(v.string(), v.maxLength(100)) }),
  /** An unambiguous mention of a related (`context`) entity on the page. */
  v.object({ kind: v.literal('related-entity'), entity: v.pipe(v.string(), v.maxLength(100)) }),
  /** Capitalised, and not the first word of a sentence (a name, not the common noun). */
  v.object({ kind: v.literal('capitalised') }),
]);
export type Support = v.InferOutput<typeof SupportSchema>;

/** How the text was compared with the form. */
export const CASE_RULES = ['as-written', 'exact-case', 'folded'] as const;
export type CaseRule = (typeof CASE_RULES)[number];

const Short = v.pipe(v.string(), v.maxLength(300));

/** The explanation of one mention. */
export const MentionWhySchema = v.object({
  /** The alias as listed for the entity (its base form). */
  alias: Short,
  /** The form that matched: the alias itself or one of its inflected forms. */
  form: Short,
  /** Language of the alias (ISO 639-1, as in the entity files). */
  lang: v.pipe(v.string(), v.maxLength(12)),
  /** `alias`: the base form matched; `form`: an inflected form of it. */
  rule: v.picklist(['alias', 'form']),
  /** `exact-case` for acronyms, `folded` when the text differs from the form only in case, accents… */
  caseRule: v.picklist(CASE_RULES),
  /** Why the alias is ambiguous (English, from the entity file), when it is. */
  ambiguous: v.optional(Short),
  /** What supported an ambiguous alias. */
  support: v.optional(SupportSchema),
});
export type MentionWhy = v.InferOutput<typeof MentionWhySchema>;

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  uk: 'Ukrainian',
  ru: 'Russian',
  de: 'German',
  fr: 'French',
  pl: 'Polish',
  es: 'Spanish',
  it: 'Italian',
  cs: 'Czech',
};

/**
 * The explanation in one English line, as the CLI prints it, e.g. `Russian form "Изюме" of the
 * alias "Изюм"; ambiguous (raisins), supported by a mention of Kharkiv Oblast in the text`.
 * `nameOf` gives an entity's English name (for the support).
 */
export function formatWhyEnglish(why: MentionWhy, nameOf: (entityId: string) => string): string {
  const lang = LANGUAGE_NAMES[why.lang] ?? why.lang;
  const parts = [
    why.rule === 'form'
      ? `${lang} form "${why.form}" of the alias "${why.alias}"`
      : `${lang} alias "${why.alias}"`,
  ];
  if (why.caseRule === 'exact-case') parts.push('exact case');
  else if (why.caseRule === 'folded') parts.push('matched ignoring case, accents and punctuation variants');
  if (why.ambiguous !== undefined) {
    const s = why.support;
    const by =
      s === undefined
        ? '?'
        : s.kind === 'capitalised'
          ? 'capitalised, not at the start of a sentence'
          : s.kind === 'same-entity'
            ? `another mention of ${nameOf(s.entity)} in the text`
            : `a mention of ${nameOf(s.entity)} in the text`;
    parts.push(`ambiguous (${why.ambiguous}), supported by ${by}`);
  }
  return parts.join('; ');
}

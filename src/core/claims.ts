import * as v from 'valibot';

/**
 * The claim model: who said what, about which entities, when, where it was published, and how it
 * was fact-checked. Source files live in `assets/data/claims/*.json`; they are validated at build
 * time and compiled into the runtime dataset the extension loads.
 */

/** What a speaker does with a statement (closed vocabulary: the card shows it as a badge). */
export const STANCES = ['asserts', 'accuses', 'denies', 'confirms', 'warns', 'calls-for'] as const;
export type Stance = (typeof STANCES)[number];

/** How an entity figures in a claim. */
export const ROLES = ['subject', 'location', 'target'] as const;

/**
 * Fact-check ratings on one scale, from `../shared/data/verdict-labels` (MIT, Utah NLP; see
 * assets/data/NOTICE.md).
 */
export const VERDICTS = [
  'true',
  'mostly true',
  'partly true/misleading',
  'complicated/hard to categorise',
  'other',
  'mostly false',
  'false',
] as const;
export type Verdict = (typeof VERDICTS)[number];

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a kebab-case id'));
const Day = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a YYYY-MM-DD date'),
  v.check((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real date'),
);
/** WHATWG URL, present in every browser and in Node (typed here: core has no DOM types). */
const URLParser = (
  globalThis as unknown as { URL: new (s: string) => { protocol: string; hostname: string } }
).URL;

/** Only http(s) URLs: `javascript:`, `data:` and the like never reach a link. */
export const HttpUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'URL too long'),
  v.check((s) => {
    try {
      const u = new URLParser(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'not an http(s) URL'),
);
const Text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'), v.maxLength(max, `longer than ${max} characters`));

export const SourceSchema = v.strictObject({
  outlet: Text(200),
  url: HttpUrl,
  published: v.optional(Day),
});

export const ReviewSchema = v.strictObject({
  publisher: Text(200),
  url: HttpUrl,
  date: v.optional(Day),
  /** The publisher's own rating text, as printed. */
  rating: Text(200),
  normalized: v.picklist(VERDICTS, 'not a rating of the verdict scale'),
});

/** Longest verbatim quote we keep (DEVELOPERS: quote only short passages). */
export const MAX_QUOTE_WORDS = 60;

export const ClaimSchema = v.pipe(
  v.strictObject({
    id: Id,
    speaker: Id,
    about: v.pipe(
      v.array(v.strictObject({ entity: Id, role: v.picklist(ROLES) })),
      v.minLength(1, 'a claim is about at least one entity'),
    ),
    kind: v.picklist(['quote', 'paraphrase']),
    text: Text(1000),
    lang: v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'not an ISO 639 language code')),
    date: Day,
    stance: v.picklist(STANCES, `not a stance (${STANCES.join(', ')})`),
    respondsTo: v.optional(Id),
    /**
     * The speaker's role when the statement was made ("head of the Office of the President" for
     * Yermak in 2023): descriptions say what is true now, a claim must say what was true then.
     */
    speakerRole: v.optional(Text(200)),
    /**
     * The organisation a spokesperson or official spoke for (Peskov → kremlin): the claim then
     * also shows on that organisation's card, labelled "Dmitry Peskov, for the Kremlin".
     */
    speaksFor: v.optional(Id),
    source: SourceSchema,
    moreSources: v.optional(v.array(SourceSchema)),
    reviews: v.optional(v.array(ReviewSchema)),
    /** How the claim was checked against its source (for maintainers; not shown to readers). */
    verified: v.optional(v.string()),
  }),
  v.check(
    (c) => c.kind !== 'quote' || c.text.split(/\s+/).length <= MAX_QUOTE_WORDS,
    `a quote is at most ${MAX_QUOTE_WORDS} words: shorten it or paraphrase`,
  ),
);
export type Claim = v.InferOutput<typeof ClaimSchema>;

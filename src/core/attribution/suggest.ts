import * as v from 'valibot';
import { ClaimSchema, MAX_QUOTE_WORDS, type Claim } from '../claims';
import type { EntityType } from '../entities';
import type { Attribution } from './types';

/**
 * Candidate claim records from an article's attributions, in the dataset's schema, for a curator
 * to review: this is how the bundled dataset grows faster than by reading every article by hand.
 * Nothing here is trusted as is — the `verified` note says so, and paraphrases keep the outlet's
 * wording, which a curator must rewrite in our own words.
 */

/** Where the article was published. */
export interface SuggestSource {
  url: string;
  /** YYYY-MM-DD: the publication date, used as the statement date until a curator checks it. */
  published: string;
}

/** A statement that did not become a candidate, and why. */
export interface Skipped {
  attribution: Attribution;
  reason: string;
}

/** WHATWG URL (typed here: core has no DOM types). */
const URLParser = (globalThis as unknown as { URL: new (s: string) => { hostname: string } }).URL;

/** The outlet as the URL's host without "www." ("reuters.com"); a curator writes the real name. */
export function outletOf(url: string): string {
  return new URLParser(url).hostname.replace(/^www\./, '');
}

const slugify = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Turn attributions into candidate claims. `about` lists the entities mentioned inside the
 * statement (not the speaker): places and facilities as subject (the first) or location, people
 * and organisations as target. A statement that mentions no entity is skipped (a claim is about
 * at least one); so is one that does not validate.
 */
export function suggestClaims(
  text: string,
  attributions: readonly Attribution[],
  mentions: readonly { entity: string; start: number; end: number }[],
  typeOf: (id: string) => EntityType | undefined,
  source: SuggestSource,
): { claims: Claim[]; skipped: Skipped[] } {
  const claims: Claim[] = [];
  const skipped: Skipped[] = [];
  const ids = new Set<string>();
  const said = new Set<string>();
  const outlet = outletOf(source.url);
  for (const a of attributions) {
    let about = aboutIn(a.start, a.end, a, mentions, typeOf, false);
    let fromSentence = false;
    if (!about.length) {
      // Nothing named inside the statement: the entities of the sentence around it ("Peskov, the
      // press secretary of Putin, said that his patron will not travel"), flagged for the curator.
      const [from, to] = sentenceAround(text, Math.min(a.start, a.cueStart), Math.max(a.end, a.cueEnd));
      about = aboutIn(from, to, a, mentions, typeOf, true);
      fromSentence = about.length > 0;
    }
    if (!about.length) {
      skipped.push({
        attribution: a,
        reason: 'neither the statement nor its sentence mentions another of our entities',
      });
      continue;
    }
    const words = text.slice(a.start, a.end).replace(/\s+/g, ' ').trim();
    const key = `${a.speaker}\u0000${words}`;
    if (said.has(key)) {
      skipped.push({ attribution: a, reason: 'repeats a statement already suggested' });
      continue;
    }
    said.add(key);
    const tooLong = words.split(' ').length > MAX_QUOTE_WORDS;
    const kind = a.kind === 'direct' && !tooLong ? 'quote' : 'paraphrase';
    const base = `${slugify(a.speaker)}-${source.published}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    const via = a.why.speaker.via === 'name' ? '' : ` (speaker found through a ${a.why.speaker.via})`;
    const candidate = {
      id,
      speaker: a.speaker,
      about,
      kind,
      text: words,
      lang: a.why.lang,
      date: source.published,
      stance: a.stance,
      ...(a.why.speaker.for ? { speaksFor: a.why.speaker.for } : {}),
      source: { outlet, url: source.url, published: source.published },
      verified:
        `UNREVIEWED candidate from wsw attribute --suggest: ${a.kind} speech, cue "${a.cue}"${via}. ` +
        (kind === 'paraphrase' ? "The text is the outlet's wording: rewrite it in our own words. " : '') +
        (tooLong ? `A quote over ${MAX_QUOTE_WORDS} words: shorten it to a quote or paraphrase it. ` : '') +
        (fromSentence ? '"about" comes from the sentence around the statement, not the statement. ' : '') +
        'Check speaker, date, stance and about against the source.',
    };
    const parsed = v.safeParse(ClaimSchema, candidate);
    if (!parsed.success) {
      skipped.push({ attribution: a, reason: parsed.issues.map((i) => i.message).join('; ') });
      continue;
    }
    claims.push(parsed.output);
  }
  return { claims, skipped };
}

/**
 * The entities mentioned in [from, to), with roles, without the speaker (and, around the
 * statement, without whom the speaker spoke for: "Kremlin spokesman Peskov" is not about the Kremlin).
 */
function aboutIn(
  from: number,
  to: number,
  a: Attribution,
  mentions: readonly { entity: string; start: number; end: number }[],
  typeOf: (id: string) => EntityType | undefined,
  around: boolean,
): Claim['about'] {
  const about: Claim['about'] = [];
  const seen = new Set<string>([a.speaker, ...(around && a.why.speaker.for ? [a.why.speaker.for] : [])]);
  for (const m of mentions) {
    if (m.start < from || m.end > to || seen.has(m.entity)) continue;
    seen.add(m.entity);
    const type = typeOf(m.entity);
    const place = type === 'place' || type === 'facility';
    const role = place ? (about.some((x) => x.role === 'subject') ? 'location' : 'subject') : 'target';
    about.push({ entity: m.entity, role });
  }
  return about;
}

/** The sentence (or paragraph line) containing [start, end): from the last stop before to the next. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  while (from > 0 && !/[.!?\n\u2029]/.test(text.charAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !/[.!?\n\u2029]/.test(text.charAt(to))) to++;
  return [from, to];
}

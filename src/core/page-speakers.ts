import * as v from 'valibot';
import type { PageStatement } from './page-statements';

/** Longest statement text the popup shows (it lists a whole article's speakers in a small window). */
export const SPEAKER_TEXT_MAX = 160;

/** One speaker of a page with what the page says they said, as the popup lists them. */
export const PageSpeakerSchema = v.object({
  id: v.string(),
  name: v.string(),
  type: v.string(),
  statements: v.array(
    v.object({
      /** The statement's content, shortened to {@link SPEAKER_TEXT_MAX} characters at a word. */
      text: v.string(),
      stance: v.string(),
      kind: v.picklist(['direct', 'indirect', 'mixed']),
    }),
  ),
});
export type PageSpeaker = v.InferOutput<typeof PageSpeakerSchema>;

/**
 * A statement's content on one line and short enough for a list: white space collapsed, cut at the
 * last word boundary before `max` with an ellipsis (a cut mid-word reads as a typo).
 */
export function shortText(text: string, max = SPEAKER_TEXT_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * The speakers of a page's statements, those the page quotes most first (ties: who speaks first on
 * the page), each with its statements in page order. Why: the popup answers "who said what in this
 * article" at a glance; a statement the page repeats (syndicated copy, a summary box) counts once,
 * as on the card. `entityOf` gives a speaker's name and type in the UI language (none: left out).
 */
export function pageSpeakers(
  statements: readonly PageStatement[],
  entityOf: (id: string) => { name: string; type: string } | undefined,
): PageSpeaker[] {
  const bySpeaker = new Map<string, { speaker: PageSpeaker; first: number }>();
  const seen = new Set<string>();
  statements.forEach((s, i) => {
    const key = `${s.speaker}\u0000${s.quote}`;
    if (seen.has(key)) return;
    seen.add(key);
    let entry = bySpeaker.get(s.speaker);
    if (!entry) {
      const entity = entityOf(s.speaker);
      if (!entity) return;
      entry = { speaker: { id: s.speaker, ...entity, statements: [] }, first: i };
      bySpeaker.set(s.speaker, entry);
    }
    entry.speaker.statements.push({ text: shortText(s.quote), stance: s.stance, kind: s.kind });
  });
  return [...bySpeaker.values()]
    .sort((a, b) => b.speaker.statements.length - a.speaker.statements.length || a.first - b.first)
    .map((e) => e.speaker);
}

import type { Stance } from '../claims';
import { denialMarker, type Content } from './content';
import type { Doc } from './doc';
import type { Speaker } from './speaker';
import type { Attribution, AttributionRule } from './types';

/** What a construction found, before it becomes an {@link Attribution}. */
export interface Finding {
  speaker: Speaker;
  content: Content;
  /** Token range of the cue (end exclusive). */
  cueFirst: number;
  cueEnd: number;
  rule: AttributionRule;
  lemma: string;
  stance: Stance;
  notes?: string[];
}

/**
 * Turn a finding into an attribution: the cue as written, the stance adjusted by the content (a
 * plain "says" of "It's a lie" is a denial), and the `why`.
 */
export function makeAttribution(doc: Doc, f: Finding): Attribution {
  const { tokens, text } = doc;
  const notes = [...(f.notes ?? []), ...f.content.notes];
  let stance = f.stance;
  if (stance === 'asserts') {
    const marker = denialMarker(doc, f.content.first, f.content.last);
    if (marker) {
      stance = 'denies';
      notes.push(`"${marker}" in the statement: a denial`);
    }
  }
  if (f.content.kind === 'mixed') notes.push('paraphrase with quoted words');
  const cueStart = tokens[f.cueFirst]!.start;
  const cueEnd = tokens[f.cueEnd - 1]!.end;
  const s = f.speaker;
  return {
    speaker: s.entity,
    start: f.content.start,
    end: f.content.end,
    cue: text.slice(cueStart, cueEnd),
    cueStart,
    cueEnd,
    kind: f.content.kind,
    stance,
    why: {
      rule: f.rule,
      lang: doc.lang,
      speaker: {
        via: s.via,
        start: s.start,
        end: s.end,
        text: text.slice(s.start, s.end),
        ...(s.antecedent
          ? { antecedent: { ...s.antecedent, text: text.slice(s.antecedent.start, s.antecedent.end) } }
          : {}),
        ...(s.for ? { for: s.for } : {}),
      },
      lemma: f.lemma,
      notes,
    },
  };
}

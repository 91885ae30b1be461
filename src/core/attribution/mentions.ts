import { BLOCKER, patternAt, type Dictionary } from '../dictionary';
import { findMentions, type Mention } from '../matcher';
import { FEMININE_OTHER, MASCULINE_IN_A } from './lexicon/shared';
import type { EntityInfo, SpeakerMention } from './types';

/**
 * Glue between the matcher and the attribution engine: mentions with their grammatical form, and
 * what the engine needs of each entity (type, description, gender, given names).
 */

/** The matcher's mentions as the attribution engine takes them. */
export function speakerMentions(
  text: string,
  dict: Dictionary,
  mentions?: readonly Mention[],
): SpeakerMention[] {
  return (mentions ?? findMentions(text, dict)).map((m) => {
    const p = patternAt(dict, m.pattern);
    return { entity: m.entity, start: m.start, end: m.end, inflected: p.form !== p.alias };
  });
}

const infoCache = new WeakMap<Dictionary, Map<string, EntityInfo>>();

/** Pronoun gender from the Russian name's given name (Мария → f, Дмитрий → m). */
export function genderOfName(ruName: string): 'm' | 'f' {
  const given = ruName.trim().split(/\s+/)[0] ?? '';
  if (FEMININE_OTHER.includes(given)) return 'f';
  if (MASCULINE_IN_A.includes(given)) return 'm';
  return /[ая]$/.test(given) ? 'f' : 'm';
}

/**
 * A lookup of {@link EntityInfo} by entity id for a dictionary, built once per dictionary: given
 * names come from the first word of each person's multi-word aliases ("Dmitry Peskov" →
 * "Dmitry").
 */
export function entityLookup(dict: Dictionary): (id: string) => EntityInfo | undefined {
  let infos = infoCache.get(dict);
  if (!infos) {
    infos = new Map();
    const given = new Map<number, Set<string>>();
    for (let p = 0; p < dict.patternCount; p++) {
      const e = dict.patternEntity[p]!;
      if (dict.entities[e]!.type !== 'person' || dict.patternFlags[p]! & BLOCKER) continue;
      const alias = patternAt(dict, p).alias;
      const words = alias.split(/\s+/);
      if (words.length < 2) continue;
      let set = given.get(e);
      if (!set) given.set(e, (set = new Set()));
      set.add(words[0]!);
    }
    dict.entities.forEach((e, i) => {
      infos!.set(e.id, {
        type: e.type,
        description: e.description.en,
        ...(e.type === 'person'
          ? { gender: genderOfName(e.name.ru), givenNames: [...(given.get(i) ?? [])] }
          : {}),
      });
    });
    infoCache.set(dict, infos);
  }
  const map = infos;
  return (id) => map.get(id);
}

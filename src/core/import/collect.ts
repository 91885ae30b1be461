import * as v from 'valibot';
import { ClaimSchema, type Claim } from '../claims';
import type { Dictionary } from '../dictionary';
import { EntitySchema, type EntitySource } from '../entities';
import { findMentions } from '../matcher';

/** What an importer needs to know about the world it imports into. */
export interface ImportContext {
  /** Matcher dictionary: imported claims get their `about` entities from it, speakers their ids. */
  dictionary: Dictionary;
  /** Ids already taken (bundled and previously imported entities). */
  knownEntityIds: ReadonlySet<string>;
  /** Rating label → verdict table (assets/data/verdict-labels/labels.json). */
  verdictLabels: Record<string, string>;
}

/** One problem with one record, located for the user ("item 3", "row 12", "claims.4"). */
export interface ImportIssue {
  location: string;
  message: string;
}

/** The outcome of an import: what can be stored, and everything that was not, with reasons. */
export interface ImportResult {
  format: string;
  /** Records seen (claims, rows, reviews). */
  total: number;
  claims: Claim[];
  /** Entities created for speakers the dictionary does not know. */
  entities: EntitySource[];
  errors: ImportIssue[];
  warnings: string[];
}

/** One line for the user: "12 claims imported, 3 skipped (see errors), 2 new speakers". */
export function summarize(result: ImportResult): string {
  const skipped = result.total - result.claims.length;
  return (
    `${result.claims.length} of ${result.total} record(s) imported` +
    (skipped ? `, ${skipped} skipped` : '') +
    (result.entities.length ? `, ${result.entities.length} new speaker(s)` : '')
  );
}

/** FNV-1a, for stable ids derived from content. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** A kebab-case slug of a name (Latin letters and digits only), or '' when none remain. */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * Collects claims and new entities for one import, so every importer shares the same rules:
 * output is always schema-valid, ids are unique, speakers resolve to known entities by name or
 * become new entities, and every rejected record leaves a located reason.
 */
export class ImportCollector {
  readonly result: ImportResult;
  private readonly ids = new Set<string>();
  private readonly speakers = new Map<string, string>();
  private readonly entityIds: Set<string>;

  constructor(
    private readonly context: ImportContext,
    format: string,
  ) {
    this.result = { format, total: 0, claims: [], entities: [], errors: [], warnings: [] };
    this.entityIds = new Set(context.knownEntityIds);
  }

  error(location: string, message: string): void {
    this.result.errors.push({ location, message });
  }

  /** Entity ids mentioned in a text (by the matcher), first mention first. */
  entitiesIn(text: string): string[] {
    return [...new Set(findMentions(text, this.context.dictionary).map((m) => m.entity))];
  }

  /**
   * The entity id of a speaker given by name: a known entity when the whole name is one of its
   * aliases, else a new entity (created once per name).
   */
  speaker(name: string, type: 'person' | 'org', lang: string): string {
    const key = name.toLowerCase();
    const cached = this.speakers.get(key);
    if (cached) return cached;
    const mentions = findMentions(name, this.context.dictionary);
    const whole = mentions.length === 1 && mentions[0]!.start === 0 && mentions[0]!.end === name.length;
    let id = whole ? mentions[0]!.entity : '';
    if (!id) {
      const base = slug(name) || `speaker-${hash(name)}`;
      id = base;
      for (let n = 2; this.entityIds.has(id); n++) id = `${base}-${n}`;
      const entity = {
        id,
        type,
        name: { en: name, uk: name, ru: name },
        description: {
          en: 'Speaker from an imported dataset',
          uk: 'Автор заяви з імпортованого набору даних',
          ru: 'Автор заявления из импортированного набора данных',
        },
        aliases: [{ text: name, lang: /^[a-z]{2,3}$/.test(lang) ? lang : 'en' }],
      };
      const checked = v.safeParse(EntitySchema, entity);
      if (!checked.success) throw new Error(`speaker "${name}": ${checked.issues[0].message}`);
      this.result.entities.push(checked.output);
      this.entityIds.add(id);
    }
    this.speakers.set(key, id);
    return id;
  }

  /** A stable, unique claim id from the claim's content. */
  claimId(prefix: string, text: string, date: string, url: string): string {
    const base = `${slug(prefix).slice(0, 24).replace(/-+$/, '') || 'imported'}-${date}-${hash(`${text}\u0000${url}`)}`;
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /**
   * Keep a statement a fact-checker reviewed (ClaimReview, the Fact Check Tools API): the checked
   * text, attributed to whoever made it, is a paraphrase that asserts what it says, about the
   * entities it names. Both formats describe it so; the rules for it live here once. A statement
   * that names none of our entities is rejected: no page could show it.
   */
  addReviewed(
    location: string,
    fields: {
      speakerName: string;
      speaker: string;
      about: readonly string[];
      text: string;
      lang: string;
      date: string;
      source: Record<string, unknown> & { url?: string };
      reviews?: unknown[];
    },
  ): void {
    if (fields.about.length === 0) {
      this.error(
        location,
        'the claim mentions no known person, place or organisation, so no page could show it',
      );
      return;
    }
    this.add(location, {
      id: this.claimId(fields.speakerName, fields.text, fields.date, fields.source.url ?? ''),
      speaker: fields.speaker,
      about: fields.about.map((entity) => ({ entity, role: 'subject' })),
      kind: 'paraphrase',
      text: fields.text,
      lang: fields.lang,
      date: fields.date,
      stance: 'asserts',
      source: fields.source,
      ...(fields.reviews?.length ? { reviews: fields.reviews } : {}),
    });
  }

  /** Validate and keep a claim; a failing claim becomes a located error instead. */
  add(location: string, candidate: unknown): void {
    const checked = v.safeParse(ClaimSchema, candidate);
    if (!checked.success) {
      for (const issue of checked.issues) {
        const path = issue.path?.map((p) => String(p.key)).join('.') || 'claim';
        this.error(location, `${path}: ${issue.message}`);
      }
      return;
    }
    const claim = checked.output;
    if (this.ids.has(claim.id)) {
      this.error(location, `id: duplicate id "${claim.id}"`);
      return;
    }
    for (const id of [claim.speaker, ...claim.about.map((a) => a.entity)]) {
      if (!this.entityIds.has(id)) {
        this.error(location, `unknown entity "${id}"`);
        return;
      }
    }
    this.ids.add(claim.id);
    this.result.claims.push(claim);
  }

  /**
   * The result, without new speakers whose every claim was rejected: a speaker entity is made
   * before its claim is checked, and an entity no kept claim refers to would only clutter the
   * dictionary (highlighted, with nothing to show).
   */
  finish(): ImportResult {
    const used = new Set<string>();
    for (const claim of this.result.claims) {
      used.add(claim.speaker);
      for (const a of claim.about) used.add(a.entity);
    }
    const entities = this.result.entities.filter((e) => used.has(e.id));
    return { ...this.result, entities };
  }

  /** Rating label → verdict, with the context's table. */
  get verdictLabels(): Record<string, string> {
    return this.context.verdictLabels;
  }
}

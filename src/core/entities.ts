import * as v from 'valibot';

/**
 * The entity model: who or what can be mentioned. Source files live in `assets/entities/*.json`
 * (human-edited, validated at build time); the compiled dictionary is derived from them.
 */

/** Languages every entity must name itself in (the UI languages). */
export const UI_LANGUAGES = ['en', 'uk', 'ru'] as const;

/** Kinds of entity; they pick the highlight style. */
export const ENTITY_TYPES = ['person', 'place', 'facility', 'org'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a kebab-case slug'));
const Lang = v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'not an ISO 639 language code'));
const NonEmpty = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty'));
const PerUiLanguage = v.object({ en: NonEmpty, uk: NonEmpty, ru: NonEmpty });

/**
 * One way an entity is written. Inflected forms are `(stem ?? text) + ending` for each ending,
 * plus any explicit `forms` (irregular or multi-word inflections such as Києва, Володимира
 * Зеленського).
 */
export const AliasSchema = v.strictObject({
  text: NonEmpty,
  lang: Lang,
  endings: v.optional(v.array(v.string())),
  stem: v.optional(NonEmpty),
  forms: v.optional(v.array(NonEmpty)),
  /** `exact`: only in the case written here (acronyms). Default: case-insensitive. */
  case: v.optional(v.picklist(['exact', 'any'])),
  /**
   * Why this alias alone often means something else. It then matches only with support: an
   * unambiguous mention of this entity or of one of its `context` entities in the same text, or —
   * if `capitalisedSupports` — a capitalised form that is not at a sentence start.
   */
  ambiguous: v.optional(NonEmpty),
  capitalisedSupports: v.optional(v.boolean()),
  /**
   * Why this alias also names other referents that a page, once it has named one of them in full
   * (a blocker phrase such as "Novgorod Kremlin", "Paul Bucha"), goes on calling by the alias
   * alone. On such a page the alias's bare uses follow that referent (see `core/sense`). A
   * person's one-word aliases (surnames) are treated so without saying it.
   */
  namesakes: v.optional(NonEmpty),
  note: v.optional(v.string()),
});
export type AliasSource = v.InferOutput<typeof AliasSchema>;

/** A phrase that contains an alias but means something else ("Novgorod Kremlin"). */
export const BlockerSchema = v.strictObject({ text: NonEmpty, lang: Lang, note: v.optional(v.string()) });

export const EntitySchema = v.strictObject({
  id: Id,
  type: v.picklist(ENTITY_TYPES),
  name: PerUiLanguage,
  description: PerUiLanguage,
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q[1-9]\d*$/, 'not a Wikidata id'))),
  aliases: v.pipe(v.array(AliasSchema), v.minLength(1, 'no aliases')),
  blockers: v.optional(v.array(BlockerSchema)),
  context: v.optional(v.array(Id)),
  provenance: v.optional(v.array(v.string())),
});
export type EntitySource = v.InferOutput<typeof EntitySchema>;

export const EntityFileSchema = v.strictObject({ entities: v.array(EntitySchema) });

/** A validation problem, located well enough for a maintainer to fix it. */
export interface SourceError {
  file: string;
  /** What the record is ("entity" by default, "claim" for claims). */
  kind?: 'entity' | 'claim';
  record?: string;
  path: string;
  message: string;
}

/** Format errors like `assets/entities/places.json: entity izium: aliases.3.lang: …`. */
export function formatSourceError(e: SourceError): string {
  return `${e.file}: ${e.record ? `${e.kind ?? 'entity'} ${e.record}: ` : ''}${e.path}: ${e.message}`;
}

/** All inflected forms of an alias, the alias text first, without duplicates. */
export function aliasForms(alias: AliasSource): string[] {
  const forms = [alias.text];
  if (alias.endings) {
    const stem = alias.stem ?? alias.text;
    for (const ending of alias.endings) forms.push(stem + ending);
  }
  if (alias.forms) forms.push(...alias.forms);
  return [...new Set(forms)];
}

/**
 * Validate entity source files (name → parsed JSON). Checks the schema and what it cannot express:
 * unique ids, known context ids, endings that reproduce the alias text.
 */
export function validateEntityFiles(files: Record<string, unknown>): {
  entities: EntitySource[];
  errors: SourceError[];
} {
  const entities: EntitySource[] = [];
  const errors: SourceError[] = [];
  const where = new Map<string, string>();
  for (const [file, raw] of Object.entries(files)) {
    const result = v.safeParse(EntityFileSchema, raw);
    if (!result.success) {
      for (const issue of result.issues) {
        const keys = issue.path?.map((p) => String(p.key)) ?? [];
        let record: string | undefined;
        if (keys[0] === 'entities' && keys[1] !== undefined) {
          const entity = (raw as { entities?: { id?: unknown }[] })?.entities?.[Number(keys[1])];
          record = typeof entity?.id === 'string' ? entity.id : `#${keys[1]}`;
          keys.splice(0, 2);
        }
        errors.push({ file, record, path: keys.join('.') || '(file)', message: issue.message });
      }
      continue;
    }
    for (const entity of result.output.entities) {
      if (where.has(entity.id)) {
        errors.push({
          file,
          record: entity.id,
          path: 'id',
          message: `duplicate id (also in ${where.get(entity.id)})`,
        });
        continue;
      }
      where.set(entity.id, file);
      entity.aliases.forEach((alias, i) => {
        if (alias.stem && !alias.endings) {
          errors.push({
            file,
            record: entity.id,
            path: `aliases.${i}.stem`,
            message: 'stem without endings',
          });
        }
        if (alias.endings && !alias.endings.some((e) => (alias.stem ?? alias.text) + e === alias.text)) {
          errors.push({
            file,
            record: entity.id,
            path: `aliases.${i}.endings`,
            message: `no ending gives "${alias.text}" itself`,
          });
        }
      });
      entities.push(entity);
    }
  }
  for (const entity of entities) {
    entity.context?.forEach((id, i) => {
      if (!where.has(id)) {
        errors.push({
          file: where.get(entity.id)!,
          record: entity.id,
          path: `context.${i}`,
          message: `unknown entity "${id}"`,
        });
      }
    });
  }
  return { entities, errors };
}

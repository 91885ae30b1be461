/**
 * An import from file bytes to what would be stored, in one pure step: decode → detect the format
 * → import → the stored form → a preview. The options page shows the preview and stores the
 * dataset when the user confirms; the CLI writes the dataset to a file. Nothing here stores
 * anything, so a failed or cancelled import changes nothing by construction.
 */
import type { EntitySource } from '../entities';
import { compileDictionary } from '../dictionary';
import { toStoredDataset, type StoredDataset } from '../library';
import type { ImportIssue } from './collect';
import { detectFormat, runImport, type ImportFormat, type ImportOutcome } from './registry';
import { decodeBytes } from './safe-input';

/** One claim shown in an import preview. */
export interface PreviewClaim {
  speaker: string;
  stance: string;
  text: string;
  date: string;
}

/** What an import would store, shown before anything is stored. */
export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  /** Records seen in the file. */
  total: number;
  /** Claims and new entities that would be stored. */
  claims: number;
  entities: number;
  /** The first few claims, with speakers named in the preview's language. */
  examples: PreviewClaim[];
  errors: ImportIssue[];
  warnings: string[];
}

/** What an import goes into. */
export interface ImportTarget {
  /** Every entity already known (bundled and imported): speakers resolve to them by name. */
  entities: readonly EntitySource[];
  /** Rating label → verdict table (assets/data/verdict-labels/labels.json). */
  verdictLabels: Record<string, string>;
  /** Claim ids already stored: claims with these ids are skipped. */
  takenClaimIds: ReadonlySet<string>;
  /** Dataset ids already stored: the new one gets another. */
  takenDatasetIds: ReadonlySet<string>;
  now: Date;
  /** Language of the names in the preview. */
  lang: 'en' | 'uk' | 'ru';
}

/** A prepared import: the importer's result, the dataset to store (if any claim survived), its preview. */
export interface PreparedImport {
  format: ImportFormat;
  result: ImportOutcome;
  /** Null when no claim could be imported (nothing to store). */
  dataset: StoredDataset | null;
  preview: ImportPreview;
}

/** Longest claim text in a preview example. */
const EXAMPLE_CHARS = 200;

/**
 * Prepare the import of a file: `format` as chosen, or `auto` to detect it. Throws
 * `ImportInputError` only for bytes that cannot be text at all (too large, binary); every other
 * problem is in the preview's errors and warnings.
 */
export function prepareImport(
  bytes: Uint8Array,
  fileName: string,
  format: ImportFormat | 'auto',
  target: ImportTarget,
): PreparedImport {
  const { text, warning } = decodeBytes(bytes);
  const chosen = format === 'auto' ? detectFormat(fileName, text) : format;
  const result = runImport(chosen, text, {
    dictionary: compileDictionary([...target.entities]),
    knownEntityIds: new Set(target.entities.map((e) => e.id)),
    verdictLabels: target.verdictLabels,
  });
  if (warning) result.warnings.unshift(warning);
  const { dataset, warnings } = toStoredDataset(result, {
    format: chosen,
    fileName,
    takenClaimIds: target.takenClaimIds,
    takenDatasetIds: target.takenDatasetIds,
    now: target.now,
  });
  const names = new Map([...target.entities, ...dataset.entities].map((e) => [e.id, e.name[target.lang]]));
  return {
    format: chosen,
    result,
    dataset: dataset.claims.length > 0 ? dataset : null,
    preview: {
      fileName,
      format: chosen,
      total: result.total,
      claims: dataset.claims.length,
      entities: dataset.entities.length,
      examples: dataset.claims.slice(0, 3).map((c) => ({
        speaker: names.get(c.speaker) ?? c.speaker,
        stance: c.stance,
        text: c.text.length > EXAMPLE_CHARS ? `${c.text.slice(0, EXAMPLE_CHARS)}…` : c.text,
        date: c.date,
      })),
      errors: result.errors,
      warnings: [...result.warnings, ...warnings],
    },
  };
}

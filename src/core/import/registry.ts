/**
 * The one list of import formats: each format's importer, how a file's format is guessed, and how
 * an importer is run so that a whole-file problem becomes a located error instead of an exception.
 * The options page and the CLI both go through it.
 */
import type { DatasetMeta } from '../dataset';
import { importClaimReview } from './claimreview';
import type { ImportContext, ImportResult } from './collect';
import { importCsv } from './csv';
import { importFactCheckApi } from './factcheck-api';
import { importOurs } from './ours';
import { ImportInputError } from './safe-input';

/** What an import may carry besides its claims: the dataset's own description (our format). */
export type ImportOutcome = ImportResult & { meta?: Partial<DatasetMeta> };

/** An importer: text in, everything it could and could not import out. */
export type Importer = (text: string, context: ImportContext) => ImportOutcome;

/** Import formats, in the order a user is offered them (or lets {@link detectFormat} guess). */
export const IMPORT_FORMATS = ['ours', 'csv', 'claimreview', 'factcheck-api'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The importer of each format. */
export const IMPORTERS: Record<ImportFormat, Importer> = {
  ours: importOurs,
  csv: importCsv,
  claimreview: importClaimReview,
  'factcheck-api': importFactCheckApi,
};

/** Whether a string names an import format. */
export const isImportFormat = (name: string): name is ImportFormat => Object.hasOwn(IMPORTERS, name);

/**
 * Guess a file's format from its name and first characters: `.csv` or a header line is CSV; JSON
 * with our format tag is ours; a `claims` array whose items carry `claimReview` is the Fact Check
 * Tools API; anything else JSON is tried as ClaimReview (JSON-LD). The user can override it.
 */
export function detectFormat(fileName: string, text: string): ImportFormat {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/\.csv$/i.test(fileName) || !/^[[{]/.test(head)) return 'csv';
  if (/"format"\s*:\s*"who-said-what\/\d+"/.test(head)) return 'ours';
  if (
    /^\{/.test(head) &&
    /"claims"\s*:\s*\[/.test(text.slice(0, 200_000)) &&
    /"claimReview"\s*:/.test(text.slice(0, 200_000))
  )
    return 'factcheck-api';
  return 'claimreview';
}

/** Run the importer for `format`; a whole-file problem (not JSON, too deep…) becomes an error. */
export function runImport(format: ImportFormat, text: string, context: ImportContext): ImportOutcome {
  try {
    return IMPORTERS[format](text, context);
  } catch (error) {
    const message =
      error instanceof ImportInputError ? error.message : `could not read the file: ${String(error)}`;
    return {
      format,
      total: 0,
      claims: [],
      entities: [],
      errors: [{ location: 'file', message }],
      warnings: [],
    };
  }
}

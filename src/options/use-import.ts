/**
 * The options page's import flow as a hook: read the file with progress, prepare the import (see
 * core/import/prepare.ts), show the preview, and store the dataset only when the user confirms.
 */
import { useRef, useState } from 'preact/hooks';
import verdictLabels from '../../assets/data/verdict-labels/labels.json';
import { prepareImport } from '../core/import/prepare';
import type { ImportFormat } from '../core/import/registry';
import { MAX_IMPORT_BYTES } from '../core/import/safe-input';
import type { Library, StoredDataset } from '../core/library';
import type { Bundled } from '../platform/library-store';
import type { ImportState } from '../ui/DatasetsPanel';
import type { Translate } from '../ui/i18n';

/** Read a file with progress (a 20 MB file takes a moment; the user sees how far it is). */
async function readWithProgress(file: File, onProgress: (loaded: number) => void): Promise<Uint8Array> {
  const reader = file.stream().getReader();
  const out = new Uint8Array(file.size);
  let loaded = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded + value.length > out.length) throw new Error('the file changed while it was read');
    out.set(value, loaded);
    loaded += value.length;
    if (loaded - lastReport > 256 * 1024) {
      lastReport = loaded;
      onProgress(loaded);
    }
  }
  onProgress(loaded);
  return out.subarray(0, loaded);
}

/** Let the page paint (progress) before a long synchronous step. */
export const paint = () => new Promise<void>((r) => setTimeout(r, 30));

/** What the import flow needs from the page. */
export interface ImportDeps {
  t: Translate;
  lang: 'en' | 'uk' | 'ru';
  bundled: Bundled;
  /** The current library (null while it loads: it is read then). */
  library: () => Library | null;
  readLibrary: () => Promise<Library>;
  listDatasets: () => Promise<StoredDataset[]>;
  /** Store the dataset (one atomic library change). */
  store: (dataset: StoredDataset) => Promise<void>;
  /** Read the stored state again after a failed store. */
  reload: () => Promise<void>;
}

/** The import flow's state and its handlers for the datasets panel. */
export function useImport(deps: ImportDeps) {
  const [importState, setImportState] = useState<ImportState>({ stage: 'idle' });
  const pending = useRef<StoredDataset | null>(null);
  const { t } = deps;
  const failed = (fileName: string, error: unknown) =>
    setImportState({
      stage: 'error',
      message: t('importFailed', [fileName, String((error as Error).message ?? error)]),
    });

  const onFile = async (file: File, format: ImportFormat | 'auto') => {
    pending.current = null;
    if (file.size > MAX_IMPORT_BYTES) {
      const size = (file.size / 1048576).toFixed(1);
      setImportState({
        stage: 'error',
        message: t('importTooBig', [file.name, size, String(MAX_IMPORT_BYTES / 1048576)]),
      });
      return;
    }
    try {
      setImportState({ stage: 'reading', fileName: file.name, loaded: 0, total: file.size });
      const bytes = await readWithProgress(file, (loaded) =>
        setImportState({ stage: 'reading', fileName: file.name, loaded, total: file.size }),
      );
      setImportState({ stage: 'checking', fileName: file.name });
      await paint();
      const current = deps.library() ?? (await deps.readLibrary());
      const datasets = await deps.listDatasets();
      const prepared = prepareImport(bytes, file.name, format, {
        entities: current.entities,
        verdictLabels: verdictLabels.labels,
        takenClaimIds: new Set(
          [...deps.bundled.dataset.claims, ...datasets.flatMap((d) => d.claims)].map((c) => c.id),
        ),
        takenDatasetIds: new Set(datasets.map((d) => d.id)),
        now: new Date(),
        lang: deps.lang,
      });
      pending.current = prepared.dataset;
      setImportState({ stage: 'preview', preview: prepared.preview });
    } catch (error) {
      failed(file.name, error);
    }
  };

  const onConfirm = async () => {
    const dataset = pending.current;
    pending.current = null;
    if (!dataset) return;
    setImportState({ stage: 'saving', fileName: dataset.fileName });
    try {
      await paint();
      await deps.store(dataset);
      setImportState({ stage: 'done', fileName: dataset.fileName, claims: dataset.claims.length });
    } catch (error) {
      await deps.reload();
      failed(dataset.fileName, error);
    }
  };

  const onCancel = () => {
    pending.current = null;
    setImportState({ stage: 'idle' });
  };

  return { importState, onFile, onConfirm, onCancel };
}

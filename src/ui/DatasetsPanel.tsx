import { useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../core/import/prepare';
import type { DatasetSummary } from '../core/library';
import { IMPORT_FORMATS, type ImportFormat } from '../core/import/registry';
import type { Translate } from './i18n';

/** Where an import is. Nothing is stored before `saving`. */
export type ImportState =
  | { stage: 'idle' }
  | { stage: 'reading'; fileName: string; loaded: number; total: number }
  | { stage: 'checking'; fileName: string }
  | { stage: 'preview'; preview: ImportPreview }
  | { stage: 'saving'; fileName: string }
  | { stage: 'done'; fileName: string; claims: number }
  | { stage: 'error'; message: string };

/** Props of {@link DatasetsPanel}. */
export interface DatasetsPanelProps {
  t: Translate;
  /** The bundled dataset first, then imports (oldest first). */
  datasets: DatasetSummary[];
  importState: ImportState;
  onFile: (file: File, format: ImportFormat | 'auto') => void;
  onConfirm: () => void;
  onCancel: () => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onExport: (id: string, format: 'ours' | 'claimreview') => void;
}

/** Errors listed in a preview before "N more". */
const SHOWN_ERRORS = 50;

/**
 * The options page's datasets: the list (enable, disable, remove, export) and the import flow
 * (file picker or drop → progress → preview with every error located → confirm or cancel).
 */
export function DatasetsPanel(props: DatasetsPanelProps) {
  const { t, datasets, importState: state } = props;
  const [format, setFormat] = useState<ImportFormat | 'auto'>('auto');
  const [dragging, setDragging] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const busy = state.stage === 'reading' || state.stage === 'checking' || state.stage === 'saving';
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !busy) props.onFile(file, format);
  };
  return (
    <section class="wsw-datasets" aria-labelledby="wsw-datasets-title">
      <h2 id="wsw-datasets-title">{t('datasetsTitle')}</h2>
      <ul class="wsw-dataset-list">
        {datasets.map((d) => (
          <li key={d.id} class="wsw-dataset-item" data-dataset={d.id}>
            <div class="wsw-dataset-head">
              <strong>{d.title}</strong>
              {d.format === 'bundled' ? (
                <span class="wsw-hint"> · {t('datasetBundled')}</span>
              ) : (
                <label class="wsw-switch wsw-inline">
                  <input
                    type="checkbox"
                    checked={d.enabled}
                    onChange={(e) => props.onToggle(d.id, e.currentTarget.checked)}
                  />
                  <span>{t('datasetEnabled')}</span>
                </label>
              )}
            </div>
            <p class="wsw-hint">
              {t('datasetCounts', [String(d.claims), String(d.entities)])}
              {d.version && ` · ${t('datasetVersion', d.version)}`}
              {d.dataAsOf && ` · ${t('datasetAsOf', d.dataAsOf)}`}
              {d.licence && ` · ${t('datasetLicence', d.licence)}`}
              {d.format !== 'bundled' &&
                ` · ${t('datasetImported', [d.fileName, d.importedAt.slice(0, 10)])}`}
            </p>
            <div class="wsw-actions">
              <button
                type="button"
                onClick={() => props.onExport(d.id, 'ours')}
                aria-label={t('datasetExportOursFor', d.title)}
              >
                {t('datasetExportOurs')}
              </button>
              <button
                type="button"
                onClick={() => props.onExport(d.id, 'claimreview')}
                aria-label={t('datasetExportClaimReviewFor', d.title)}
              >
                {t('datasetExportClaimReview')}
              </button>
              {d.format !== 'bundled' &&
                (confirmRemove === d.id ? (
                  <>
                    <button
                      type="button"
                      class="wsw-danger"
                      onClick={() => {
                        setConfirmRemove(null);
                        props.onRemove(d.id);
                      }}
                    >
                      {t('datasetRemoveConfirm', d.title)}
                    </button>
                    <button type="button" onClick={() => setConfirmRemove(null)}>
                      {t('importCancel')}
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    onClick={() => setConfirmRemove(d.id)}
                    aria-label={t('datasetRemoveFor', d.title)}
                  >
                    {t('optionsRemove')}
                  </button>
                ))}
            </div>
          </li>
        ))}
      </ul>
      <h3>{t('importTitle')}</h3>
      <div
        class={`wsw-drop${dragging ? ' wsw-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          take(e.dataTransfer?.files);
        }}
      >
        <p class="wsw-hint">{t('importHint')}</p>
        <div class="wsw-field">
          <label for="wsw-import-format">{t('importFormat')}</label>
          <select
            id="wsw-import-format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as ImportFormat | 'auto')}
          >
            <option value="auto">{t('format_auto')}</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`format_${f.replace('-', '_')}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="wsw-field">
          <label for="wsw-import-file">{t('importChoose')}</label>
          <input
            ref={input}
            id="wsw-import-file"
            type="file"
            accept=".json,.jsonld,.csv,application/json,application/ld+json,text/csv"
            disabled={busy}
            onChange={(e) => {
              take(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </div>
      </div>
      <ImportStatus {...props} />
    </section>
  );
}

function ImportStatus({ t, importState: state, onConfirm, onCancel }: DatasetsPanelProps) {
  switch (state.stage) {
    case 'idle':
      return <div role="status" aria-live="polite" />;
    case 'reading':
      return (
        <div role="status" aria-live="polite" class="wsw-import-status">
          <label for="wsw-import-progress">{t('importReading', state.fileName)}</label>{' '}
          <progress id="wsw-import-progress" max={state.total || 1} value={state.loaded} />
        </div>
      );
    case 'checking':
    case 'saving':
      return (
        <div role="status" aria-live="polite" class="wsw-import-status">
          <label for="wsw-import-progress">
            {t(state.stage === 'checking' ? 'importChecking' : 'importSaving', state.fileName)}
          </label>{' '}
          <progress id="wsw-import-progress" />
        </div>
      );
    case 'done':
      return (
        <div role="status" aria-live="polite" class="wsw-import-status" data-stage="done">
          {t('importDone', [String(state.claims), state.fileName])}
        </div>
      );
    case 'error':
      return (
        <div role="alert" class="wsw-error" data-stage="error">
          {state.message}
        </div>
      );
    case 'preview': {
      const p = state.preview;
      return (
        <div class="wsw-preview" role="region" aria-labelledby="wsw-preview-title" data-stage="preview">
          <h3 id="wsw-preview-title">{t('previewTitle', p.fileName)}</h3>
          <p>
            {t('previewCounts', [
              String(p.claims),
              String(p.total),
              String(p.entities),
              t(`format_${p.format.replace('-', '_')}`),
            ])}
          </p>
          {p.examples.length > 0 && (
            <ul class="wsw-examples">
              {p.examples.map((c, i) => (
                <li key={i}>
                  <strong>{c.speaker}</strong> · {c.date} · {t(`stance_${c.stance.replace('-', '_')}`)}: “
                  {c.text}”
                </li>
              ))}
            </ul>
          )}
          {p.warnings.length > 0 && (
            <ul class="wsw-warnings">
              {p.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {p.errors.length > 0 && (
            <>
              <h4>{t('previewErrors', String(p.errors.length))}</h4>
              <ul class="wsw-import-errors">
                {p.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <li key={i}>
                    <code>{e.location}</code>: {e.message}
                  </li>
                ))}
              </ul>
              {p.errors.length > SHOWN_ERRORS && (
                <p>{t('cardMore', String(p.errors.length - SHOWN_ERRORS))}</p>
              )}
            </>
          )}
          <div class="wsw-actions">
            {p.claims > 0 && (
              <button type="button" id="wsw-import-confirm" class="wsw-primary" onClick={onConfirm}>
                {t('importConfirm', String(p.claims))}
              </button>
            )}
            <button type="button" id="wsw-import-cancel" onClick={onCancel}>
              {t('importCancel')}
            </button>
          </div>
        </div>
      );
    }
  }
}

/**
 * Options page entry: wires `storage.sync` (settings), the library store (IndexedDB) and the
 * importers into the {@link SettingsForm}, {@link DatasetsPanel} and {@link BrowseView} components.
 */
import { render } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import bundledDataset from 'virtual:wsw-dataset';
import bundledEntities from 'virtual:wsw-entity-sources';
import verdictLabels from '../../assets/data/verdict-labels/labels.json';
import { buildCardData } from '../core/card-data';
import type { Claim } from '../core/claims';
import { compileDictionary } from '../core/dictionary';
import { exportClaimReview } from '../core/export';
import { exportOurs } from '../core/import/ours';
import { decodeBytes, MAX_IMPORT_BYTES } from '../core/import/safe-input';
import {
  detectFormat,
  runImport,
  summarizeDataset,
  toStoredDataset,
  type DatasetSummary,
  type ImportFormat,
  type Library,
  type StoredDataset,
} from '../core/library';
import { searchLibrary } from '../core/search';
import type { Settings } from '../core/settings';
import { applyDocumentLanguage, applyTheme, resolveUiLang, translatorFor } from '../platform/i18n';
import { changeLibrary, listDatasets, readLibrary } from '../platform/library-store';
import { LOCALE_TABLES } from '../platform/locale-tables';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings-store';
import { BrowseView } from '../ui/BrowseView';
import { CARD_CSS } from '../ui/card-css';
import { DatasetsPanel, type ImportState } from '../ui/DatasetsPanel';
import type { Translate } from '../ui/i18n';
import { SettingsForm, type SettingsFormProps } from '../ui/SettingsForm';
import { adoptDesign } from '../ui/design';
import '../ui/page.css';

const bundled = { dataset: bundledDataset, entities: bundledEntities };

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
const paint = () => new Promise<void>((r) => setTimeout(r, 30));

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Options({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState<Settings>(initial);
  const [saveState, setSaveState] = useState<SettingsFormProps['saveState']>('idle');
  const [stored, setStored] = useState<StoredDataset[]>([]);
  const [library, setLibrary] = useState<Library | null>(null);
  const [importState, setImportState] = useState<ImportState>({ stage: 'idle' });
  const pending = useRef<StoredDataset | null>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(() => entityFromHash());
  const lang = resolveUiLang(settings.uiLang);
  const t: Translate = useMemo(() => translatorFor(LOCALE_TABLES, settings.uiLang), [settings.uiLang]);

  const reload = async () => {
    const [list, lib] = await Promise.all([listDatasets(), readLibrary(bundled)]);
    setStored(list);
    setLibrary(lib);
  };
  useEffect(() => {
    void reload();
    const onHash = () => setSelected(entityFromHash());
    window.addEventListener('hashchange', onHash);
    const unwatch = watchSettings(setSettings);
    return () => {
      unwatch();
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
  useEffect(() => {
    applyDocumentLanguage(document, t, settings.uiLang);
    applyTheme(document, settings.theme);
  }, [t, settings.theme]);
  useEffect(() => {
    if (selected) document.getElementById('wsw-browse-title')?.scrollIntoView();
  }, [selected, library]);

  const change = async (fn: (current: StoredDataset[]) => StoredDataset[]) => {
    const lib = await changeLibrary(bundled, fn);
    setLibrary(lib);
    setStored(await listDatasets());
  };

  const onFile = async (file: File, chosen: ImportFormat | 'auto') => {
    pending.current = null;
    if (file.size > MAX_IMPORT_BYTES) {
      setImportState({
        stage: 'error',
        message: t('importTooBig', [
          file.name,
          (file.size / 1048576).toFixed(1),
          String(MAX_IMPORT_BYTES / 1048576),
        ]),
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
      const { text, warning } = decodeBytes(bytes);
      const format = chosen === 'auto' ? detectFormat(file.name, text) : chosen;
      const current = library ?? (await readLibrary(bundled));
      const datasets = await listDatasets();
      const result = runImport(format, text, {
        dictionary: compileDictionary(current.entities),
        knownEntityIds: new Set(current.entities.map((e) => e.id)),
        verdictLabels: verdictLabels.labels,
      });
      if (warning) result.warnings.unshift(warning);
      const taken = new Set(
        [...bundled.dataset.claims, ...datasets.flatMap((d) => d.claims)].map((c) => c.id),
      );
      const { dataset, warnings } = toStoredDataset(result, {
        format,
        fileName: file.name,
        takenClaimIds: taken,
        takenDatasetIds: new Set(datasets.map((d) => d.id)),
        now: new Date(),
      });
      const names = new Map([...current.entities, ...dataset.entities].map((e) => [e.id, e.name[lang]]));
      pending.current = dataset.claims.length > 0 ? dataset : null;
      setImportState({
        stage: 'preview',
        preview: {
          fileName: file.name,
          format,
          total: result.total,
          claims: dataset.claims.length,
          entities: dataset.entities.length,
          examples: dataset.claims.slice(0, 3).map((c) => ({
            speaker: names.get(c.speaker) ?? c.speaker,
            stance: c.stance,
            text: c.text.length > 200 ? `${c.text.slice(0, 200)}…` : c.text,
            date: c.date,
          })),
          errors: result.errors,
          warnings: [...result.warnings, ...warnings],
        },
      });
    } catch (error) {
      setImportState({
        stage: 'error',
        message: t('importFailed', [file.name, String((error as Error).message ?? error)]),
      });
    }
  };

  const onConfirm = async () => {
    const dataset = pending.current;
    pending.current = null;
    if (!dataset) return;
    setImportState({ stage: 'saving', fileName: dataset.fileName });
    try {
      await paint();
      await change((list) => [...list, dataset]);
      setImportState({ stage: 'done', fileName: dataset.fileName, claims: dataset.claims.length });
    } catch (error) {
      await reload();
      setImportState({
        stage: 'error',
        message: t('importFailed', [dataset.fileName, String((error as Error).message ?? error)]),
      });
    }
  };

  const onExport = (id: string, format: 'ours' | 'claimreview') => {
    const entities = library?.entities ?? bundled.entities;
    const names = new Map(entities.map((e) => [e.id, e.name.en]));
    const { claims: bundledClaims, byEntity: _index, ...bundledMeta } = bundled.dataset;
    const source = id === 'bundled' ? null : stored.find((d) => d.id === id);
    const claims: Claim[] = source ? source.claims : bundledClaims;
    const used = new Set(claims.flatMap((c) => [c.speaker, ...c.about.map((a) => a.entity)]));
    const meta = source
      ? {
          id: source.id,
          title: source.title,
          version: source.version && /^\d+\.\d+\.\d+$/.test(source.version) ? source.version : '1.0.0',
          dataAsOf:
            source.dataAsOf ??
            claims
              .map((c) => c.date)
              .sort()
              .at(-1) ??
            source.importedAt.slice(0, 10),
          licence: source.licence ?? 'as stated by the original publisher',
          addedBy: `imported from ${source.fileName}`,
        }
      : bundledMeta;
    const text =
      format === 'ours'
        ? exportOurs(meta, source ? source.entities : entities.filter((e) => used.has(e.id)), claims)
        : exportClaimReview(claims, (entityId) => names.get(entityId) ?? entityId);
    download(
      `${meta.id}${format === 'ours' ? '.wsw.json' : '.claimreview.json'}`,
      text,
      format === 'ours' ? 'application/json' : 'application/ld+json',
    );
  };

  const summaries: DatasetSummary[] = [
    {
      id: 'bundled',
      title: bundled.dataset.title,
      format: 'bundled',
      fileName: '',
      importedAt: '',
      enabled: true,
      version: bundled.dataset.version,
      dataAsOf: bundled.dataset.dataAsOf,
      licence: bundled.dataset.licence,
      claims: bundled.dataset.claims.length,
      entities: Object.keys(bundled.dataset.byEntity).length,
    },
    ...stored.map(summarizeDataset),
  ];
  const results = library ? searchLibrary(library.dataset, library.entities, query, lang) : null;
  const card = useMemo(() => {
    if (!library || !selected) return null;
    const dict = compileDictionary(library.entities.filter((e) => e.id === selected));
    return buildCardData(library.dataset, dict.entities, selected, lang);
  }, [library, selected, lang]);

  return (
    <main class="wsw-options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm
        t={t}
        settings={settings}
        saveState={saveState}
        onChange={(c) => {
          setSettings({ ...settings, ...c });
          saveSettings(c).then(
            (s) => {
              setSettings(s);
              setSaveState('saved');
            },
            () => setSaveState('error'),
          );
        }}
      />
      <DatasetsPanel
        t={t}
        datasets={summaries}
        importState={importState}
        onFile={(file, format) => void onFile(file, format)}
        onConfirm={() => void onConfirm()}
        onCancel={() => {
          pending.current = null;
          setImportState({ stage: 'idle' });
        }}
        onToggle={(id, enabled) =>
          void change((list) => list.map((d) => (d.id === id ? { ...d, enabled } : d))).catch(() => reload())
        }
        onRemove={(id) => void change((list) => list.filter((d) => d.id !== id)).catch(() => reload())}
        onExport={onExport}
      />
      {results && (
        <BrowseView
          t={t}
          query={query}
          onQuery={setQuery}
          {...results}
          selected={card}
          onSelect={(id) => {
            setSelected(id);
            history.replaceState(null, '', id ? `#entity=${encodeURIComponent(id)}` : '#');
          }}
          theme={settings.theme}
          cardCss={CARD_CSS}
        />
      )}
    </main>
  );
}

/** The entity named in the address (`#entity=<id>`, from the card's "all claims" link). */
function entityFromHash(): string | null {
  const match = /^#entity=([a-z0-9-]{1,100})$/.exec(location.hash);
  return match ? match[1]! : null;
}

void loadSettings().then((settings) => {
  const t = translatorFor(LOCALE_TABLES, settings.uiLang);
  applyDocumentLanguage(document, t, settings.uiLang);
  applyTheme(document, settings.theme);
  adoptDesign(document);
  render(<Options initial={settings} />, document.getElementById('app')!);
});

/**
 * Options page entry: wires `storage.sync` (settings), the library store (IndexedDB) and the
 * importers into the {@link SettingsForm}, {@link DatasetsPanel} and {@link BrowseView} components.
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import bundledDataset from 'virtual:wsw-dataset';
import bundledEntities from 'virtual:wsw-entity-sources';
import { buildCardData } from '../core/card-data';
import { compileDictionary } from '../core/dictionary';
import { exportDataset, type ExportFormat } from '../core/export';
import { summarizeDataset, type DatasetSummary, type Library, type StoredDataset } from '../core/library';
import { searchLibrary } from '../core/search';
import type { Settings } from '../core/settings';
import { applyDocumentLanguage, applyTheme, resolveUiLang, translatorFor } from '../platform/i18n';
import { changeLibrary, listDatasets, readLibrary } from '../platform/library-store';
import { LOCALE_TABLES } from '../platform/locale-tables';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings-store';
import { BrowseView } from '../ui/BrowseView';
import { CARD_CSS } from '../ui/card-css';
import { DatasetsPanel } from '../ui/DatasetsPanel';
import type { Translate } from '../ui/i18n';
import { SettingsForm, type SettingsFormProps } from '../ui/SettingsForm';
import { useImport } from './use-import';
import { adoptDesign } from '../ui/design';
import '../ui/page.css';

const bundled = { dataset: bundledDataset, entities: bundledEntities };

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

  const { importState, onFile, onConfirm, onCancel } = useImport({
    t,
    lang,
    bundled,
    library: () => library,
    readLibrary: () => readLibrary(bundled),
    listDatasets,
    store: (dataset) => change((list) => [...list, dataset]),
    reload,
  });

  const onExport = (id: string, format: ExportFormat) => {
    const names = new Map((library?.entities ?? bundled.entities).map((e) => [e.id, e.name.en]));
    const imported = stored.find((d) => d.id === id);
    const source =
      id === 'bundled' || !imported ? { bundled: bundled.dataset, entities: bundled.entities } : { imported };
    const file = exportDataset(source, format, (entityId) => names.get(entityId) ?? entityId);
    download(file.fileName, file.text, file.mimeType);
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
        onCancel={onCancel}
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

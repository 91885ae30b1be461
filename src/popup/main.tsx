/** Popup entry: wires the active tab, storage and messaging into the {@link PopupView} component. */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';
import { applyDocumentLanguage, applyTheme, resolveUiLang, translatorFor } from '../platform/i18n';
import { LOCALE_TABLES } from '../platform/locale-tables';
import { send } from '../platform/messaging';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings-store';
import { activeTabId, pageInfo, reveal } from '../platform/tabs';
import { PopupView, type PageState, type PopupViewProps } from '../ui/PopupView';
import { adoptDesign } from '../ui/design';
import '../ui/page.css';

/** The active tab's page: what our content script found there, with names and claim counts. */
async function readPage(tabId: number | null, lang: 'en' | 'uk' | 'ru'): Promise<PageState> {
  if (tabId === null) return { state: 'unavailable' };
  const info = await pageInfo(tabId);
  if (!info) return { state: 'unavailable' };
  // The background orders them for this page (how much the page and the data say about each).
  const mentions = new Map(info.entities.map((e) => [e.id, e.mentions]));
  const summaries = await send('entitySummaries', {
    ids: [...mentions.keys()],
    lang,
    context: { entities: info.entities.filter((e) => e.mentions > 0).slice(0, 500) },
  });
  const entities = (summaries.ok ? summaries.value : []).map((s) => ({
    ...s,
    mentions: mentions.get(s.id) ?? 0,
  }));
  const speakers = info.active ? await send('pageSpeakers', { tabId, lang }) : null;
  return {
    state: info.active ? 'active' : 'off',
    host: info.host,
    entities,
    ...(speakers?.ok ? { speakers: speakers.value } : {}),
  };
}

/**
 * The tab the popup is about: the active tab, or the one named by `?tab=N` when the popup page is
 * opened as a tab of its own (how Firefox's end-to-end tests open it: Firefox shows the real popup
 * only on a user gesture).
 */
function popupTabId(): Promise<number | null> {
  const named = new URLSearchParams(location.search).get('tab');
  return named !== null && /^\d+$/.test(named) ? Promise.resolve(Number(named)) : activeTabId();
}

function Popup({ initial }: { initial: Settings }) {
  const [settings, setSettings] = useState<Settings>(initial);
  const lang = resolveUiLang(settings.uiLang);
  const t = translatorFor(LOCALE_TABLES, settings.uiLang);
  // A ref, not state: the settings listener below must see the id found after it was installed.
  const tabId = useRef<number | null>(null);
  const [page, setPage] = useState<PageState>({ state: 'loading' });
  const [dataset, setDataset] = useState<PopupViewProps['dataset']>(null);
  // Only the answer to the latest question is shown (answers may come back out of order).
  const asked = useRef(0);
  const refresh = (id: number | null) => {
    const question = ++asked.current;
    const show = (state: PageState) => question === asked.current && setPage(state);
    void readPage(id, lang).then(show, () => show({ state: 'unavailable' }));
  };
  useEffect(() => {
    void popupTabId().then((id) => {
      tabId.current = id;
      refresh(id);
    });
    void send('datasetInfo', {}).then((reply) => reply.ok && setDataset(reply.value));
    return watchSettings((s) => {
      setSettings(s);
      // The page applies the stored settings before it answers, so it can be asked at once.
      refresh(tabId.current);
    });
  }, []);
  return (
    <PopupView
      t={t}
      page={page}
      settings={settings}
      dataset={dataset}
      onToggleEnabled={(enabled) => void saveSettings({ enabled }).then(setSettings)}
      onToggleSite={(host, on) => {
        const sites = new Set(settings.disabledSites);
        if (on) sites.delete(host);
        else sites.add(host);
        void saveSettings({ disabledSites: [...sites] }).then((s) => {
          setSettings(s);
          refresh(tabId.current);
        });
      }}
      onReveal={(entityId) => {
        if (tabId.current !== null) void reveal(tabId.current, entityId).then(() => window.close());
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />
  );
}

void loadSettings().then((settings) => {
  applyDocumentLanguage(document, translatorFor(LOCALE_TABLES, settings.uiLang), settings.uiLang);
  applyTheme(document, settings.theme);
  adoptDesign(document);
  render(<Popup initial={settings} />, document.getElementById('app')!);
});

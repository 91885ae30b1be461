/** Popup entry: wires storage and messaging into the {@link PopupView} component. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../core/settings';
import { applyDocumentLanguage, translate } from '../platform/i18n';
import { send } from '../platform/messaging';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings-store';
import { PopupView, type PageState, type PopupViewProps } from '../ui/PopupView';
import '../ui/page.css';

async function activePageState(): Promise<PageState> {
  // The active tab's id needs no "tabs" permission; its URL would, and we don't need it.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return 'unavailable';
  const reply = await send('tabStatus', { tabId: tab.id });
  return reply.ok && reply.value ? 'active' : 'unavailable';
}

function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [page, setPage] = useState<PageState>('loading');
  const [dataset, setDataset] = useState<PopupViewProps['dataset']>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    void activePageState().then(setPage, () => setPage('unavailable'));
    void send('datasetInfo', {}).then((reply) => reply.ok && setDataset(reply.value));
    return watchSettings(setSettings);
  }, []);
  return (
    <PopupView
      t={translate}
      page={page}
      settings={settings}
      dataset={dataset}
      onToggleEnabled={(enabled) => void saveSettings({ enabled }).then(setSettings)}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />
  );
}

applyDocumentLanguage(document);
render(<Popup />, document.getElementById('app')!);

/** Options page entry: wires `storage.sync` into the {@link SettingsForm} component. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { applyDocumentLanguage, applyTheme, translatorFor } from '../platform/i18n';
import { LOCALE_TABLES } from '../platform/locale-tables';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings-store';
import { SettingsForm, type SettingsFormProps } from '../ui/SettingsForm';
import '../ui/page.css';

function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saveState, setSaveState] = useState<SettingsFormProps['saveState']>('idle');
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    if (!settings) return;
    applyDocumentLanguage(document, translatorFor(LOCALE_TABLES, settings.uiLang), settings.uiLang);
    applyTheme(document, settings.theme);
  }, [settings?.uiLang, settings?.theme]);
  if (!settings) return null;
  const t = translatorFor(LOCALE_TABLES, settings.uiLang);
  return (
    <main class="wsw-options">
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm
        t={t}
        settings={settings}
        saveState={saveState}
        onChange={(change) => {
          setSettings({ ...settings, ...change });
          saveSettings(change).then(
            (stored) => {
              setSettings(stored);
              setSaveState('saved');
            },
            () => setSaveState('error'),
          );
        }}
      />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);

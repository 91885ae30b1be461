/** Options page entry: wires `storage.sync` into the {@link SettingsForm} component. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings';
import { applyDocumentLanguage, translate } from '../platform/i18n';
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
  if (!settings) return null;
  return (
    <main class="wsw-options">
      <h1>{translate('optionsTitle')}</h1>
      <SettingsForm
        t={translate}
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

applyDocumentLanguage(document);
render(<Options />, document.getElementById('app')!);

import type { Settings } from '../core/settings';
import type { Translate } from './i18n';

/** Props of {@link SettingsForm}. */
export interface SettingsFormProps {
  t: Translate;
  settings: Settings;
  /** Whether the last change reached storage: shown to the user, who must never lose a change silently. */
  saveState: 'idle' | 'saved' | 'error';
  onChange: (change: Partial<Settings>) => void;
}

/** The options page's settings; every change is saved at once (no "Save" button to forget). */
export function SettingsForm({ t, settings, saveState, onChange }: SettingsFormProps) {
  return (
    <form class="wsw-settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{t('optionsGeneral')}</legend>
        <label class="wsw-switch">
          <input
            type="checkbox"
            id="wsw-enabled"
            checked={settings.enabled}
            onChange={(e) => onChange({ enabled: e.currentTarget.checked })}
          />
          <span>{t('settingEnabled')}</span>
        </label>
        <label class="wsw-field">
          <span>{t('settingHoverDelay')}</span>
          <input
            type="number"
            id="wsw-hover-delay"
            min={0}
            max={2000}
            step={50}
            value={settings.hoverDelayMs}
            onChange={(e) => {
              const value = e.currentTarget.valueAsNumber;
              if (Number.isFinite(value)) onChange({ hoverDelayMs: Math.round(value) });
            }}
          />
        </label>
      </fieldset>
      <p class="wsw-save-state" role="status" aria-live="polite">
        {saveState === 'saved' ? t('optionsSaved') : saveState === 'error' ? t('optionsSaveFailed') : ''}
      </p>
    </form>
  );
}

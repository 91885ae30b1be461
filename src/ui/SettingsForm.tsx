import { useState } from 'preact/hooks';
import { ENTITY_TYPES } from '../core/entities';
import { HIGHLIGHT_STYLES, siteFromInput, THEMES, UI_LANG_SETTINGS, type Settings } from '../core/settings';
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
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState(false);
  const addSite = () => {
    const host = siteFromInput(site);
    setSiteError(host === null);
    if (host === null) return;
    if (!settings.disabledSites.includes(host))
      onChange({ disabledSites: [...settings.disabledSites, host] });
    setSite('');
  };
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
      <fieldset>
        <legend>{t('optionsTypes')}</legend>
        {ENTITY_TYPES.map((type) => (
          <label class="wsw-switch" key={type}>
            <input
              type="checkbox"
              id={`wsw-type-${type}`}
              checked={settings.types.includes(type)}
              onChange={(e) =>
                onChange({
                  types: e.currentTarget.checked
                    ? [...settings.types, type]
                    : settings.types.filter((x) => x !== type),
                })
              }
            />
            <span>{t(`group_${type}`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsStyle')}</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label class="wsw-switch" key={style}>
            <input
              type="radio"
              name="wsw-style"
              id={`wsw-style-${style}`}
              value={style}
              checked={settings.highlightStyle === style}
              onChange={() => onChange({ highlightStyle: style })}
            />
            <span>{t(`style_${style}`)}</span>
          </label>
        ))}
        <p class="wsw-hint">{t('style_bigPage')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('optionsAppearance')}</legend>
        <label class="wsw-field">
          <span>{t('settingLanguage')}</span>
          <select
            id="wsw-ui-lang"
            value={settings.uiLang}
            onChange={(e) => onChange({ uiLang: e.currentTarget.value as Settings['uiLang'] })}
          >
            {UI_LANG_SETTINGS.map((lang) => (
              <option key={lang} value={lang}>
                {t(`lang_${lang}`)}
              </option>
            ))}
          </select>
        </label>
        <label class="wsw-field">
          <span>{t('settingTheme')}</span>
          <select
            id="wsw-theme"
            value={settings.theme}
            onChange={(e) => onChange({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`theme_${theme}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('optionsSites')}</legend>
        {settings.disabledSites.length === 0 ? (
          <p class="wsw-hint">{t('optionsNoSites')}</p>
        ) : (
          <ul class="wsw-sites">
            {settings.disabledSites.map((host) => (
              <li key={host}>
                <span>{host}</span>{' '}
                <button
                  type="button"
                  aria-label={t('optionsRemoveSite', host)}
                  onClick={() =>
                    onChange({ disabledSites: settings.disabledSites.filter((h) => h !== host) })
                  }
                >
                  {t('optionsRemove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div class="wsw-field">
          <label for="wsw-site-input">{t('optionsAddSite')}</label>
          <input
            id="wsw-site-input"
            type="text"
            inputMode="url"
            placeholder="news.example.com"
            value={site}
            aria-invalid={siteError}
            aria-describedby={siteError ? 'wsw-site-error' : undefined}
            onInput={(e) => setSite(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addSite();
              }
            }}
          />
          <button type="button" id="wsw-site-add" onClick={addSite}>
            {t('optionsAdd')}
          </button>
        </div>
        {siteError && (
          <p class="wsw-error" id="wsw-site-error" role="alert">
            {t('optionsSiteInvalid')}
          </p>
        )}
      </fieldset>
      <p class="wsw-save-state" role="status" aria-live="polite">
        {saveState === 'saved' ? t('optionsSaved') : saveState === 'error' ? t('optionsSaveFailed') : ''}
      </p>
    </form>
  );
}

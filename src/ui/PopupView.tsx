import type { Settings } from '../core/settings';
import type { Translate } from './i18n';

/** What the popup knows about the active tab. */
export type PageState = 'loading' | 'active' | 'unavailable';

/** Props of {@link PopupView}. */
export interface PopupViewProps {
  t: Translate;
  page: PageState;
  settings: Settings | null;
  /** The bundled dataset, shown so readers know how current the claims are. */
  dataset: { version: string; dataAsOf: string; claims: number } | null;
  onToggleEnabled: (enabled: boolean) => void;
  onOpenOptions: () => void;
}

/** The toolbar popup: the state of this page and the global on/off switch. */
export function PopupView({ t, page, settings, dataset, onToggleEnabled, onOpenOptions }: PopupViewProps) {
  return (
    <main class="wsw-popup">
      <h1>{t('extName')}</h1>
      <p class="wsw-status" role="status" data-state={page}>
        {page === 'loading'
          ? t('popupLoading')
          : page === 'active'
            ? t('popupActive')
            : t('popupUnavailable')}
      </p>
      {settings && (
        <label class="wsw-switch">
          <input
            type="checkbox"
            id="wsw-enabled"
            checked={settings.enabled}
            onChange={(e) => onToggleEnabled(e.currentTarget.checked)}
          />
          <span>{t('settingEnabled')}</span>
        </label>
      )}
      <button type="button" class="wsw-link" onClick={onOpenOptions}>
        {t('popupOpenOptions')}
      </button>
      {dataset && (
        <p class="wsw-dataset">
          {t('popupDataset', [dataset.version, dataset.dataAsOf, String(dataset.claims)])}
        </p>
      )}
    </main>
  );
}

import type { Settings } from '../core/settings';
import type { Translate } from './i18n';

/** An entity found on the page, as the popup lists it. */
export interface FoundEntity {
  id: string;
  name: string;
  type: string;
  mentions: number;
  claims: number;
}

/** What the popup knows about the active tab. */
export type PageState =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'active' | 'off'; host: string; entities: FoundEntity[] };

/** Props of {@link PopupView}. */
export interface PopupViewProps {
  t: Translate;
  page: PageState;
  settings: Settings | null;
  /** The bundled dataset, shown so readers know how current the claims are. */
  dataset: { version: string; dataAsOf: string; claims: number } | null;
  onToggleEnabled: (enabled: boolean) => void;
  /** Turn the extension on or off for the page's site. */
  onToggleSite: (host: string, on: boolean) => void;
  /** Scroll the page to an entity's first mention and open its card. */
  onReveal: (entityId: string) => void;
  onOpenOptions: () => void;
}

const TYPES = ['person', 'place', 'facility', 'org'] as const;

/** The toolbar popup: this page at a glance, the site switch and the global switch. */
export function PopupView({
  t,
  page,
  settings,
  dataset,
  onToggleEnabled,
  onToggleSite,
  onReveal,
  onOpenOptions,
}: PopupViewProps) {
  const status =
    page.state === 'loading'
      ? t('popupLoading')
      : page.state === 'unavailable'
        ? t('popupUnavailable')
        : settings && !settings.enabled
          ? t('popupPaused')
          : page.state === 'off'
            ? t('popupSiteOff')
            : page.entities.length
              ? t('popupActive')
              : t('popupNothing');
  return (
    <main class="wsw-popup">
      <h1>{t('extName')}</h1>
      <p class="wsw-status" role="status" data-state={page.state}>
        {status}
      </p>
      {page.state === 'active' && page.entities.length > 0 && (
        <nav class="wsw-found" aria-label={t('popupFound')}>
          {TYPES.map((type) => {
            const list = page.entities.filter((e) => e.type === type);
            if (!list.length) return null;
            return (
              <section key={type}>
                <h2>{t(`group_${type}`)}</h2>
                <ul>
                  {list.map((e) => (
                    <li key={e.id}>
                      <button type="button" class="wsw-entity" onClick={() => onReveal(e.id)}>
                        <span class="wsw-entity-name">{e.name}</span>
                        <span class="wsw-entity-counts">
                          {t('popupCounts', [String(e.mentions), String(e.claims)])}
                        </span>
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </nav>
      )}
      {settings && (page.state === 'active' || page.state === 'off') && (
        <label class="wsw-switch">
          <input
            type="checkbox"
            id="wsw-site"
            checked={!settings.disabledSites.includes(page.host)}
            onChange={(e) => onToggleSite(page.host, e.currentTarget.checked)}
          />
          <span>{t('popupOnThisSite', page.host)}</span>
        </label>
      )}
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

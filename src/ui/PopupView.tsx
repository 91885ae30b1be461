import type { TopLine } from '../core/card-data';
import type { PageSpeaker } from '../core/page-speakers';
import type { Settings } from '../core/settings';
import { verdictClass } from './design';
import type { Translate } from './i18n';
import { PopupSpeakers } from './PopupSpeakers';

/** An entity found on the page, as the popup lists it. */
export interface FoundEntity {
  id: string;
  name: string;
  type: string;
  mentions: number;
  claims: number;
  /** Its top fact-check verdict or dispute, ranked for this page. */
  top?: TopLine;
}

/** The row's one line: a verdict badge and the claim, or "A accuses · B denies" and the claim. */
function Top({ t, top }: { t: Translate; top: TopLine }) {
  const stance = (s: string) => t(`stance_${s.replace('-', '_')}`);
  return (
    <span class="wsw-entity-top">
      {top.verdict ? (
        <span class={`wsw-badge ${verdictClass(top.verdict.normalized)}`}>{top.verdict.rating}</span>
      ) : (
        top.reply && (
          <span class="wsw-entity-dispute">
            {top.speaker} {stance(top.stance)} · {top.reply.speaker} {stance(top.reply.stance)}:
          </span>
        )
      )}{' '}
      {top.verdict && `${top.speaker}: `}
      {top.text}
    </span>
  );
}

/** What the popup knows about the active tab. */
export type PageState =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | {
      state: 'active' | 'off';
      host: string;
      entities: FoundEntity[];
      /** Who the page quotes, with their statements (absent until the background attributed the page). */
      speakers?: PageSpeaker[];
    };

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

/**
 * The toolbar popup: this page at a glance (its entities, those the page and the data say most
 * about first, each with its top verdict or dispute; who the article quotes and what they said),
 * the site switch and the global switch.
 */
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
          <ul>
            {page.entities.map((e) => (
              <li key={e.id}>
                <button type="button" class="wsw-entity" data-type={e.type} onClick={() => onReveal(e.id)}>
                  <span class="wsw-entity-head">
                    <span class="wsw-entity-name">{e.name}</span>
                    <span class="wsw-entity-type">{t(`type_${e.type}`)}</span>
                    <span class="wsw-entity-counts">
                      {t('popupCounts', [String(e.mentions), String(e.claims)])}
                    </span>
                  </span>
                  {e.top && <Top t={t} top={e.top} />}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {page.state === 'active' && page.speakers && (
        <PopupSpeakers t={t} speakers={page.speakers} onReveal={onReveal} />
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
      <button type="button" class="wsw-button-link wsw-link" onClick={onOpenOptions}>
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

import type { PageSpeaker } from '../core/page-speakers';
import { counted } from './card-text';
import type { Translate } from './i18n';

/** Props of {@link PopupSpeakers}. */
export interface PopupSpeakersProps {
  t: Translate;
  /** The page's speakers, most quoted first (see `core/page-speakers.ts`). */
  speakers: PageSpeaker[];
  /** Scroll the page to the speaker's first mention and open their card. */
  onReveal: (entityId: string) => void;
}

/**
 * The popup's "who says what in this article": each speaker the page quotes, with what it says they
 * said (stance and the statement's words). Why: the reader sees the article's voices at a glance,
 * before hovering anything. The speaker's name is a button (keyboard reachable, as the entity list);
 * the statements are plain text under it.
 */
export function PopupSpeakers({ t, speakers, onReveal }: PopupSpeakersProps) {
  if (speakers.length === 0) return null;
  return (
    <section class="wsw-speakers" aria-labelledby="wsw-speakers-title">
      <h2 id="wsw-speakers-title">{t('popupSpeakers')}</h2>
      <ul>
        {speakers.map((s) => (
          <li key={s.id} class="wsw-speaker" data-speaker={s.id}>
            <button type="button" class="wsw-speaker-name" data-type={s.type} onClick={() => onReveal(s.id)}>
              <span class="wsw-speaker-label">{s.name}</span>
              <span class="wsw-speaker-counts">
                {counted(t, 'popupCountStatements', s.statements.length)}
              </span>
            </button>
            <ul class="wsw-statements">
              {s.statements.map((st, i) => (
                <li key={i} class="wsw-statement" data-stance={st.stance}>
                  <span class={`wsw-badge wsw-stance-${st.stance}`}>
                    {t(`stance_${st.stance.replace('-', '_')}`)}
                  </span>{' '}
                  <span class="wsw-statement-text">{st.kind === 'direct' ? `“${st.text}”` : st.text}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

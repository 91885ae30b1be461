import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardData, ClaimView } from '../core/card-data';
import type { Translate } from './i18n';

/** Props of {@link Card}. */
export interface CardProps {
  t: Translate;
  /** The card's content; null while it loads, 'error' when the background could not answer. */
  data: CardData | null | 'error';
  onClose: () => void;
  /** Move keyboard focus into the card once it has content (when opened from the keyboard). */
  focus?: boolean;
  /** Colour theme; `system` follows `prefers-color-scheme`. */
  theme?: 'system' | 'light' | 'dark';
  /** Show every claim at once (the browse view), not the first few and "N more". */
  expandAll?: boolean;
  /** Open every claim about the entity in the options page's browse view (omitted: no link). */
  onAllClaims?: (entityId: string) => void;
}

/** How many claims show before "N more". */
const COLLAPSED = 4;
/** How many claims the browse view shows at a time (an imported dataset can have thousands). */
const PAGE = 100;

/** Only http(s) links are ever rendered (data is validated upstream; this is the last line). */
const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

function ClaimItem({ t, claim }: { t: Translate; claim: ClaimView }) {
  return (
    <article class="claim" data-stance={claim.stance}>
      <p class="meta">
        <span class="speaker">{claim.speaker}</span>{' '}
        <span class={`stance stance-${claim.stance}`}>{t(`stance_${claim.stance.replace('-', '_')}`)}</span>
      </p>
      {claim.kind === 'quote' ? (
        <blockquote class="text">“{claim.text}”</blockquote>
      ) : (
        <p class="text paraphrase">
          {claim.text} <span class="kind">{t('cardParaphrase')}</span>
        </p>
      )}
      <p class="source">
        <time dateTime={claim.date}>{claim.date}</time>
        {' · '}
        <a href={safeHref(claim.url)} target="_blank" rel="noopener noreferrer">
          {claim.outlet}
        </a>
        {claim.verdict && (
          <>
            {' · '}
            <a
              class={`verdict verdict-${claim.verdict.normalized.replace(/[^a-z]+/g, '-')}`}
              href={safeHref(claim.verdict.url)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('cardVerdict', [claim.verdict.publisher, claim.verdict.rating])}
            </a>
          </>
        )}
      </p>
    </article>
  );
}

/** The who-said-what card for one entity. All data is rendered as text, never as HTML. */
export function Card({
  t,
  data,
  onClose,
  focus = false,
  theme = 'system',
  expandAll = false,
  onAllClaims,
}: CardProps) {
  const [limit, setLimit] = useState(expandAll ? PAGE : COLLAPSED);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus && data !== null) root.current?.focus();
  }, [focus, data]);
  if (data === null || data === 'error') {
    return (
      <div class="card" data-theme={theme} role="dialog" aria-label={t('extName')} tabIndex={-1} ref={root}>
        <p class="status" role="status">
          {data === null ? t('cardLoading') : t('cardError')}
        </p>
      </div>
    );
  }
  const claims = data.groups.flatMap((g) => g.claims.map((c) => ({ group: g.speakerId, claim: c })));
  const shown = claims.slice(0, limit);
  const hidden = claims.length - shown.length;
  const maxCount = Math.max(1, ...data.timeline.map((b) => b.count));
  return (
    <div
      class="card"
      data-theme={theme}
      role="dialog"
      aria-label={data.entity.name}
      aria-describedby="wsw-card-description"
      tabIndex={-1}
      ref={root}
    >
      <header>
        <h2>
          {data.entity.name} <span class="type">{t(`type_${data.entity.type}`)}</span>
        </h2>
        <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
          ×
        </button>
        <p class="description" id="wsw-card-description">
          {data.entity.description}
        </p>
        {data.why && <p class="why">{t('cardWhy', data.why)}</p>}
      </header>
      {data.contradictions.length > 0 && (
        <section class="pairs" aria-label={t('cardConflicts')}>
          <h3>{t('cardConflicts')}</h3>
          {data.contradictions.map((pair) => (
            <div class="pair" key={pair.answer.id}>
              <ClaimItem t={t} claim={pair.claim} />
              <span class="vs" aria-hidden="true">
                ⇄
              </span>
              <ClaimItem t={t} claim={pair.answer} />
            </div>
          ))}
        </section>
      )}
      {claims.length > 0 && (
        <section class="claims" aria-label={t('cardClaims')}>
          <h3>{t('cardClaims')}</h3>
          {shown.map(({ claim }) => (
            <ClaimItem key={claim.id} t={t} claim={claim} />
          ))}
          {hidden > 0 && (
            <button
              type="button"
              class="more"
              onClick={() => setLimit(expandAll ? limit + PAGE : claims.length)}
            >
              {t('cardMore', String(expandAll ? Math.min(PAGE, hidden) : hidden))}
            </button>
          )}
        </section>
      )}
      {data.timeline.length > 1 && (
        <div class="timeline" role="img" aria-label={t('cardTimeline')}>
          {data.timeline.map((b) => (
            <span
              key={b.month}
              class="bar"
              title={`${b.month}: ${b.count}`}
              style={{ height: `${Math.round((b.count / maxCount) * 100)}%` }}
            />
          ))}
        </div>
      )}
      <footer>
        {t('cardDataAsOf', [data.dataAsOf, String(data.total)])}
        {onAllClaims && (
          <>
            {' · '}
            <button type="button" class="all" onClick={() => onAllClaims(data.entity.id)}>
              {t('cardAllClaims')}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}

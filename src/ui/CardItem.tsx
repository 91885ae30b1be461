import type { CardItem as Item, ClaimView, ReasonView } from '../core/card-data';
import { verdictClass } from './design';
import type { Translate } from './i18n';

/** Only http(s) links are ever rendered (data is validated upstream; this is the last line). */
export const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

/** The short line saying why an item is where it is. */
function reasonText(t: Translate, r: ReasonView): string {
  switch (r.kind) {
    case 'fact-checked':
      return t('cardReasonFactChecked');
    case 'speaker-on-page':
      return t('cardReasonSpeaker', r.name ?? '');
    case 'about-on-page':
      return t('cardReasonAbout', r.name ?? '');
    case 'dispute':
      return t('cardReasonDispute');
    case 'near-article':
      return t('cardReasonNear');
    default:
      return t('cardReasonNewest');
  }
}

/** A verdict badge: the publisher's rating as printed, coloured by the normalised verdict. */
function Verdict({ claim }: { claim: ClaimView }) {
  const v = claim.verdict!;
  return (
    <a
      class={`wsw-badge ${verdictClass(v.normalized)}`}
      href={safeHref(v.url)}
      target="_blank"
      rel="noopener noreferrer"
    >
      {v.rating} · {v.publisher}
    </a>
  );
}

/** One claim: who (with the role at the time, or whom they spoke for), stance, text, date, source. */
function ClaimBody({ t, claim, orgCard }: { t: Translate; claim: ClaimView; orgCard: boolean }) {
  return (
    <article class="claim" data-stance={claim.stance}>
      <p class="meta">
        <span class="speaker">{claim.speaker}</span>
        {claim.speaksFor ? (
          <span class="role">, {t(orgCard ? 'cardForOrg' : 'cardForOther', claim.speaksFor)}</span>
        ) : (
          claim.speakerRole && (
            <span class="role" lang="en">
              , {claim.speakerRole}
            </span>
          )
        )}
        <span class={`wsw-badge wsw-stance-${claim.stance}`}>
          {t(`stance_${claim.stance.replace('-', '_')}`)}
        </span>
        {claim.later && <span class="wsw-badge later-tag">{t('cardLater')}</span>}
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
      </p>
    </article>
  );
}

/**
 * One item of the card: why it is here (a fact-check's verdict badge first), the claim, the claims
 * disputing it, and other outlets that reported the same exchange.
 */
export function CardItem({ t, item, orgCard }: { t: Translate; item: Item; orgCard: boolean }) {
  const checked = [item.claim, ...item.replies].find((c) => c.verdict);
  return (
    <li class="item" data-later={item.later ? 'true' : undefined} tabIndex={-1}>
      <p class="reason">
        {checked && <Verdict claim={checked} />}
        {item.reasons.map((r) => reasonText(t, r)).join(' · ')}
      </p>
      <ClaimBody t={t} claim={item.claim} orgCard={orgCard} />
      {item.replies.length > 0 && (
        <ol class="replies">
          {item.replies.map((reply) => (
            <li key={reply.id}>
              <ClaimBody t={t} claim={reply} orgCard={orgCard} />
            </li>
          ))}
        </ol>
      )}
      {item.alsoReported.length > 0 && (
        <p class="also">
          {t('cardAlsoReported')}{' '}
          {item.alsoReported.map((s, i) => (
            <span key={s.url}>
              {i > 0 && ', '}
              <a href={safeHref(s.url)} target="_blank" rel="noopener noreferrer">
                {s.outlet}
              </a>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

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

/** Date and source link of a claim. */
function Source({ claim }: { claim: ClaimView }) {
  return (
    <>
      <time dateTime={claim.date}>{claim.date}</time>
      {' · '}
      <a href={safeHref(claim.url)} target="_blank" rel="noopener noreferrer">
        {claim.outlet}
      </a>
    </>
  );
}

/** A reply in the compact card: one line, who and how, and the start of what they said. */
function BriefReply({ t, claim, more }: { t: Translate; claim: ClaimView; more: number }) {
  return (
    <p class="brief" data-stance={claim.stance}>
      {more > 0 && <span class="more-replies">+{more}</span>}
      <span class="speaker">{claim.speaker}</span>
      <span class={`wsw-badge wsw-stance-${claim.stance}`}>
        {t(`stance_${claim.stance.replace('-', '_')}`)}
      </span>
      {claim.later && <span class="wsw-badge later-tag">{t('cardLater')}</span>}{' '}
      {claim.kind === 'quote' ? `“${claim.text}”` : claim.text}
    </p>
  );
}

/** One claim: who (with the role at the time, or whom they spoke for), stance, text, date, source. */
function ClaimBody({
  t,
  claim,
  orgCard,
  source = true,
}: {
  t: Translate;
  claim: ClaimView;
  orgCard: boolean;
  /** Show the date and source under the text (the compact card has them beside the reason). */
  source?: boolean;
}) {
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
      {source && (
        <p class="source">
          <Source claim={claim} />
        </p>
      )}
    </article>
  );
}

/**
 * One item of the card: why it is here (a fact-check's verdict badge first), the claim, the claims
 * disputing it, and other outlets that reported the same exchange.
 */
export function CardItem({
  t,
  item,
  orgCard,
  compact,
}: {
  t: Translate;
  item: Item;
  orgCard: boolean;
  /** The compact card: replies in one line each, further sources left for the full list. */
  compact: boolean;
}) {
  const checked = [item.claim, ...item.replies].find((c) => c.verdict);
  // The compact card shows the first reply in one line, and how many more there are.
  const replies = compact ? item.replies.slice(0, 1) : item.replies;
  const more = item.replies.length - replies.length;
  return (
    <li class="item" data-later={item.later ? 'true' : undefined} tabIndex={-1}>
      <p class="reason">
        <span class="why-here">
          {checked && <Verdict claim={checked} />}
          {item.reasons.map((r) => reasonText(t, r)).join(' · ')}
        </span>
        {compact && (
          <span class="where">
            <Source claim={item.claim} />
          </span>
        )}
      </p>
      <ClaimBody t={t} claim={item.claim} orgCard={orgCard} source={!compact} />
      {replies.length > 0 && (
        <ol class="replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              {compact ? (
                <BriefReply t={t} claim={reply} more={more} />
              ) : (
                <ClaimBody t={t} claim={reply} orgCard={orgCard} />
              )}
            </li>
          ))}
        </ol>
      )}
      {!compact && item.alsoReported.length > 0 && (
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

import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CardData } from '../core/card-data';
import type { ClaimHit, EntityHit } from '../core/search';
import { Card } from './Card';
import type { Translate } from './i18n';

/** Props of {@link BrowseView}. */
export interface BrowseViewProps {
  t: Translate;
  query: string;
  onQuery: (query: string) => void;
  entities: EntityHit[];
  claims: ClaimHit[];
  moreEntities: number;
  moreClaims: number;
  /** The entity open in full (all its claims), or null. */
  selected: CardData | null;
  onSelect: (entityId: string | null) => void;
  theme: 'system' | 'light' | 'dark';
  /** The card's styles (adopted into the shadow root that isolates it from this page's CSS). */
  cardCss: string;
}

/**
 * Browse every enabled dataset: search entities and claims, open an entity to see all its claims
 * (the hover card's "all claims" link lands here with the entity open).
 */
export function BrowseView(props: BrowseViewProps) {
  const { t, query, entities, claims, selected } = props;
  return (
    <section class="wsw-browse" aria-labelledby="wsw-browse-title">
      <h2 id="wsw-browse-title">{t('browseTitle')}</h2>
      <div class="wsw-field">
        <label for="wsw-browse-query">{t('browseSearch')}</label>
        <input
          id="wsw-browse-query"
          type="search"
          value={query}
          onInput={(e) => props.onQuery(e.currentTarget.value)}
        />
      </div>
      {selected ? (
        <div class="wsw-browse-entity">
          <button type="button" class="wsw-link" onClick={() => props.onSelect(null)}>
            {t('browseBack')}
          </button>
          <ShadowCard
            t={t}
            data={selected}
            theme={props.theme}
            css={props.cardCss}
            onClose={() => props.onSelect(null)}
          />
        </div>
      ) : (
        <>
          <h3>{t('browseEntities', String(entities.length + props.moreEntities))}</h3>
          <ul class="wsw-browse-list">
            {entities.map((e) => (
              <li key={e.id}>
                <button
                  type="button"
                  class="wsw-entity"
                  data-entity={e.id}
                  onClick={() => props.onSelect(e.id)}
                >
                  <span class="wsw-entity-name">{e.name}</span>
                  <span class="wsw-entity-counts">
                    {t(`type_${e.type}`)} · {t('browseClaimCount', String(e.claims))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {props.moreEntities > 0 && <p class="wsw-hint">{t('cardMore', String(props.moreEntities))}</p>}
          {query.trim() && (
            <>
              <h3>{t('browseClaims', String(claims.length + props.moreClaims))}</h3>
              <ul class="wsw-browse-claims">
                {claims.map(({ claim, speaker }) => (
                  <li key={claim.id}>
                    <strong>{speaker}</strong> · <time dateTime={claim.date}>{claim.date}</time> ·{' '}
                    {claim.kind === 'quote' ? `“${claim.text}”` : claim.text}{' '}
                    <a
                      href={/^https?:\/\//i.test(claim.source.url) ? claim.source.url : undefined}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {claim.source.outlet}
                    </a>
                  </li>
                ))}
              </ul>
              {props.moreClaims > 0 && <p class="wsw-hint">{t('cardMore', String(props.moreClaims))}</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The card, rendered in a shadow root so its styles and this page's stay apart. */
function ShadowCard({
  t,
  data,
  theme,
  css,
  onClose,
}: {
  t: Translate;
  data: CardData;
  theme: 'system' | 'light' | 'dark';
  css: string;
  onClose: () => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const shadow = useRef<ShadowRoot | null>(null);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    if (!shadow.current) {
      shadow.current = el.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css + '\n.card { width: auto; max-height: none; box-shadow: none; }');
      shadow.current.adoptedStyleSheets = [sheet];
    }
    render(<Card t={t} data={data} theme={theme} onClose={onClose} expandAll />, shadow.current);
  }, [data, theme, t]);
  useEffect(() => () => void (shadow.current && render(null, shadow.current)), []);
  return <div ref={host} class="wsw-browse-card" />;
}

import { Component, createRef } from 'preact';
import type { CardData, CardItem as Item } from '../core/card-data';
import type { ArticleItem } from '../core/page-statements';
import { CardItem } from './CardItem';
import { articleLine, summaryLine, whyLine } from './card-text';
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
  /** Show every item at once (the browse view), not the top three and "Show all". */
  expandAll?: boolean;
  /** Open every claim about the entity in the options page's browse view (omitted: no link). */
  onAllClaims?: (entityId: string) => void;
}

/** How many items the compact card shows. */
export const COMPACT_ITEMS = 3;
/** How many items the browse view shows at a time (an imported dataset can have thousands). */
const PAGE = 100;

/** A run of items; the ones made after the article go below a divider. */
function Items({
  t,
  items,
  orgCard,
  compact,
}: {
  t: Translate;
  items: Item[];
  orgCard: boolean;
  compact: boolean;
}) {
  const before = items.filter((i) => !i.later);
  const after = items.filter((i) => i.later);
  return (
    <>
      {before.length > 0 && (
        <ol>
          {before.map((item) => (
            <CardItem key={item.claim.id} t={t} item={item} orgCard={orgCard} compact={compact} />
          ))}
        </ol>
      )}
      {after.length > 0 && (
        <>
          <h3 class="divider">{t('cardAfterArticle')}</h3>
          <ol class="later">
            {after.map((item) => (
              <CardItem key={item.claim.id} t={t} item={item} orgCard={orgCard} compact={compact} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}

/**
 * "In this article": what the page says its speakers said, the quoted part marked (as text: the
 * sentence comes from the page). First in the list, since it is what the reader is looking at.
 */
/** Characters of a statement's lead-in a compact card keeps: the quoted words must fit its two lines. */
const LEAD = 36;

/** The words before a statement, cut to their end (from a word) on a compact card. */
function lead(before: string, compact: boolean): string {
  if (!compact || before.length <= LEAD) return before;
  const tail = before.slice(-LEAD);
  const space = tail.indexOf(' ');
  return `…${space >= 0 ? tail.slice(space + 1) : tail}`;
}

function InArticle({ t, items, compact }: { t: Translate; items: ArticleItem[]; compact: boolean }) {
  return (
    <section class="in-article" aria-label={t('cardInArticle')}>
      <h3 class="divider">{t('cardInArticle')}</h3>
      <ol>
        {(compact ? items.slice(0, 2) : items).map((a, i) => (
          <li key={i} class="item" data-stance={a.stance}>
            <p class="brief">
              <span class="speaker">{a.speaker}</span>
              <span class={`wsw-badge wsw-stance-${a.stance}`}>
                {t(`stance_${a.stance.replace('-', '_')}`)}
              </span>{' '}
              <span class="cue">{a.cue}</span>
            </p>
            <p class="text">
              {lead(a.before, compact)}
              <mark>{a.quote}</mark>
              {a.after}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * The who-said-what card for one entity, compact by default: name, type, a one-line description,
 * why it was highlighted, a one-line summary, the article's age against the data, and the three
 * items that answer this page best; "Show all" expands the list in place (it scrolls, the header
 * stays). All data is rendered as text, never as HTML.
 */
export class Card extends Component<CardProps, { limit: number; focusItem: number }> {
  // A class rather than hooks: the card runs in the content script, which hooks would make ~2 KB larger.
  #root = createRef<HTMLDivElement>();
  #list = createRef<HTMLDivElement>();

  constructor(props: CardProps) {
    super(props);
    // After "Show all", focus moves to the first item that was hidden (keyboard users keep their place).
    this.state = { limit: props.expandAll ? PAGE : COMPACT_ITEMS, focusItem: -1 };
  }

  override componentDidMount(): void {
    this.#focusCard();
  }

  override componentDidUpdate(previous: CardProps): void {
    if (previous.focus !== this.props.focus || previous.data !== this.props.data) this.#focusCard();
    const { focusItem } = this.state;
    if (focusItem < 0) return;
    const list = this.#list.current;
    (list?.querySelectorAll<HTMLElement>('.item')[focusItem] ?? list)?.focus();
    this.setState({ focusItem: -1 });
  }

  #focusCard(): void {
    if (this.props.focus && this.props.data !== null) this.#root.current?.focus();
  }

  override render() {
    const { t, data, onClose, theme = 'system', expandAll = false, onAllClaims } = this.props;
    const { limit } = this.state;
    const root = this.#root;
    const list = this.#list;
    if (data === null || data === 'error') {
      return (
        <div class="card" data-theme={theme} role="dialog" aria-label={t('extName')} tabIndex={-1} ref={root}>
          <p class="status" role="status">
            {data === null ? t('cardLoading') : t('cardError')}
          </p>
        </div>
      );
    }
    const expanded = expandAll || limit > COMPACT_ITEMS;
    const shown = data.items.slice(0, limit);
    const hidden = data.items.length - shown.length;
    const beyond = data.itemsTotal - data.items.length;
    const why = whyLine(t, data.why);
    const article = articleLine(t, data.published, data.dataAsOf);
    const maxCount = Math.max(1, ...data.timeline.map((b) => b.count));
    return (
      <div
        class={expanded ? 'card' : 'card compact'}
        data-theme={theme}
        role="dialog"
        aria-label={data.entity.name}
        aria-describedby="wsw-card-description"
        tabIndex={-1}
        ref={root}
      >
        <header>
          <h2>
            {data.entity.name}
            <span class="type">{t(`type_${data.entity.type}`)}</span>
          </h2>
          <button type="button" class="close" aria-label={t('cardClose')} onClick={onClose}>
            ×
          </button>
          <p class="line description" id="wsw-card-description" title={data.entity.description}>
            {data.entity.description}
          </p>
          {why && (
            <p class="line why" title={why}>
              {why}
            </p>
          )}
          <p class="line summary">{summaryLine(t, data.summary)}</p>
          {article && <p class="article">{article}</p>}
        </header>
        {(shown.length > 0 || data.inArticle) && (
          <div class="list" ref={list} tabIndex={-1} role="region" aria-label={t('cardItems')}>
            {data.inArticle && <InArticle t={t} items={data.inArticle} compact={!expanded} />}
            <Items t={t} items={shown} orgCard={data.entity.type === 'org'} compact={!expanded} />
            {!hidden && beyond > 0 && <p class="source">{t('cardMoreInBrowse', String(beyond))}</p>}
            {expanded && data.timeline.length > 1 && (
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
          </div>
        )}
        <footer class="actions">
          {hidden > 0 ? (
            <button
              type="button"
              class="wsw-button show-all"
              aria-expanded={expanded}
              onClick={() =>
                this.setState({
                  focusItem: shown.length,
                  limit: expandAll ? limit + PAGE : data.items.length,
                })
              }
            >
              {expandAll
                ? t('cardMore', String(Math.min(PAGE, hidden)))
                : t('cardShowAll', String(data.itemsTotal))}
            </button>
          ) : (
            <span />
          )}
          <span>
            {t('cardDataAsOf', data.dataAsOf)}
            {onAllClaims && (
              <>
                {' · '}
                <button type="button" class="wsw-button-link all" onClick={() => onAllClaims(data.entity.id)}>
                  {t('cardAllClaims')}
                </button>
              </>
            )}
          </span>
        </footer>
      </div>
    );
  }
}

/**
 * The page context a card request carries (see `card-rank.ts`): the entities the page mentions
 * with their counts, its publication date and its language. Kept up to date cheaply: mentions are
 * only noted as they change and counted when a card asks; the article's metadata is read once per
 * address (a single-page app's new route is a new article).
 */
import type { PageContextMessage } from '../core/messages';
import { readLanguage, readPublished } from './article-meta';

/** Most entities sent (the most mentioned): a huge page must not make every request huge. */
const MAX_ENTITIES = 200;

export class PageContextReader {
  private counts: ReadonlyMap<string, number> = new Map();
  private counted: PageContextMessage['entities'] | null = [];
  private meta: { href: string; published?: string; lang?: string } | null = null;
  private ids = '';
  private revision = 0;

  constructor(private readonly doc: Document) {}

  /**
   * The page's mentions changed (called with every highlighter update; O(1)): `counts` holds the
   * mentions per entity, kept up to date by the highlighter (read when a card asks).
   */
  note(counts: ReadonlyMap<string, number>): void {
    this.counts = counts;
    this.counted = null;
  }

  /** The context now. */
  read(): PageContextMessage {
    const href = this.doc.location?.href ?? '';
    if (this.meta?.href !== href) {
      const published = readPublished(this.doc);
      const lang = readLanguage(this.doc);
      this.meta = { href, ...(published ? { published } : {}), ...(lang ? { lang } : {}) };
      this.revision++;
    }
    if (!this.counted) {
      this.counted = [...this.counts]
        .map(([id, mentions]) => ({ id, mentions }))
        // Ids are ASCII: code-unit order. (`localeCompare` loads a collator on its first call,
        // ~25 ms of the page's main thread in a trace, for nothing.)
        .sort((a, b) => b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, MAX_ENTITIES);
      const ids = this.counted
        .map((e) => e.id)
        .sort()
        .join();
      if (ids !== this.ids) this.revision++;
      this.ids = ids;
    }
    const { published, lang } = this.meta;
    return {
      entities: this.counted,
      ...(published ? { published } : {}),
      ...(lang ? { lang } : {}),
    };
  }

  /**
   * Changes when what the page is about changes (another set of entities, another address), not
   * with every new mention of the same ones: cards fetched for the old context are stale then.
   */
  get version(): number {
    this.read();
    return this.revision;
  }
}

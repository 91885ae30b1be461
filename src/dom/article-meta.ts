/**
 * What a page says about itself as an article: when it was published and in which language. The
 * card uses the date to tell claims made before the article from claims made after it, and to
 * prefer claims close to it. Read from what publishers already put in pages for search engines
 * and social previews, in this order: the Open Graph `article:published_time` meta tag (and its
 * `itemprop="datePublished"` twin), schema.org JSON-LD `datePublished`, then a `<time datetime>`
 * in the article's header. None of them: the date is unknown (never guessed from the text).
 */

/** Largest JSON-LD block read (news pages embed big ones; the date is near the top of a sane one). */
const MAX_JSON_LD = 200_000;
/** JSON-LD blocks read at most (a page states its date in its first few; each is parsed). */
const MAX_JSON_LD_BLOCKS = 20;
/** Elements of the body looked at, in document order (a page states its date near the top). */
const MAX_BODY_ELEMENTS = 3000;

const META_DATE =
  'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]';
const JSON_LD = 'script[type="application/ld+json"]';
const TIME_DATE =
  'article header time[datetime], article time[itemprop="datePublished"][datetime], article time[pubdate][datetime], main header time[datetime]';

/** Article types of schema.org whose `datePublished` is the article's (not a page or a video's). */
const ARTICLE_TYPE = /(Article|BlogPosting|Report|NewsArticle|ReportageNews|LiveBlogPosting)$/;

/**
 * The calendar date of a machine-readable date or date-time, as the publisher wrote it
 * (`2022-04-04T23:30:00-04:00` → `2022-04-04`: the day the reader of that edition saw), or
 * undefined for anything that is not a real date between 1990 and 2100.
 */
export function parsePublished(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^\s*(\d{4})-?(\d{2})-?(\d{2})(?:$|[T\s]\d{2}:?\d{2}|\s*$)/.exec(text);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const iso = `${y}-${mo}-${d}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return undefined;
  return Number(y) >= 1990 && Number(y) <= 2100 ? iso : undefined;
}

/** The article's `datePublished` in parsed JSON-LD (a node, an array, or a `@graph`), if any. */
export function datePublishedInJsonLd(data: unknown): string | undefined {
  const nodes: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value.slice(0, 100)) visit(v, depth + 1);
      return;
    }
    const node = value as Record<string, unknown>;
    nodes.push(node);
    visit(node['@graph'], depth + 1);
    visit(node['mainEntity'], depth + 1);
  };
  visit(data, 0);
  const types = (n: Record<string, unknown>) =>
    (Array.isArray(n['@type']) ? n['@type'] : [n['@type']]).filter((t) => typeof t === 'string');
  const dated = nodes.filter((n) => typeof n['datePublished'] === 'string');
  // An article node first; a page's own date only when no article node has one.
  const best =
    dated.find((n) => types(n).some((t) => ARTICLE_TYPE.test(t as string))) ??
    dated.find((n) => types(n).includes('WebPage'));
  return parsePublished(best?.['datePublished'] as string | undefined);
}

/** The publication date a document states, or undefined. */
export function readPublished(doc: Document): string | undefined {
  // The head, then the body's first elements in document order: a page states its date near the
  // top, and walking a 5 MB page's whole body with selector queries took 13–50 ms of one task.
  const meta: Element[] = [];
  const jsonLd: Element[] = [];
  const times: Element[] = [];
  const sort = (el: Element) => {
    const name = el.localName;
    if (name === 'meta' && el.matches(META_DATE)) meta.push(el);
    else if (name === 'script' && el.matches(JSON_LD) && jsonLd.length < MAX_JSON_LD_BLOCKS) jsonLd.push(el);
    else if (name === 'time' && el.matches(TIME_DATE)) times.push(el);
  };
  if (doc.head) for (const el of doc.head.querySelectorAll(`${META_DATE}, ${JSON_LD}`)) sort(el);
  if (doc.body) {
    const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let n = 0, el = walker.nextNode(); el && n < MAX_BODY_ELEMENTS; n++, el = walker.nextNode())
      sort(el as Element);
  }
  for (const el of meta) {
    const date = parsePublished(el.getAttribute('content'));
    if (date) return date;
  }
  for (const script of jsonLd) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD) continue;
    try {
      // Some publishers wrap JSON-LD in an HTML comment or CDATA section.
      const json = text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)|(?:-->|\/\/\s*\]\]>)\s*$/g, '');
      const date = datePublishedInJsonLd(JSON.parse(json));
      if (date) return date;
    } catch {
      // not JSON: ignored, as a browser's own reader would
    }
  }
  for (const el of times) {
    const date = parsePublished(el.getAttribute('datetime'));
    if (date) return date;
  }
  return undefined;
}

/** The document's language as an ISO 639 code (`en-GB` → `en`), or undefined when it does not say. */
export function readLanguage(doc: Document): string | undefined {
  const declared =
    doc.documentElement?.getAttribute('lang') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ||
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content') ||
    '';
  const primary = declared
    .trim()
    .split(/[-_,;\s]/)[0]!
    .toLowerCase();
  return /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  datePublishedInJsonLd,
  parsePublished,
  readLanguage,
  readPublished,
} from '../../src/dom/article-meta';

const doc = (head: string, body = '', lang = 'en') =>
  parseHTML(`<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`).document;
const ld = (json: unknown) => `<script type="application/ld+json">${JSON.stringify(json)}</script>`;

describe('parsePublished', () => {
  it.each([
    ['2022-04-05', '2022-04-05'],
    ['2022-04-05T10:00:00Z', '2022-04-05'],
    ['2022-04-05T10:00:00.000+03:00', '2022-04-05'],
    // The publisher's own calendar day, not UTC's (late evening in New York is the next day in UTC).
    ['2022-04-04T23:30:00-04:00', '2022-04-04'],
    ['2022-04-05 10:00:00', '2022-04-05'],
    ['20220405', '2022-04-05'],
    ['  2022-04-05  ', '2022-04-05'],
    ['2022-02-30', undefined],
    ['2022-13-01', undefined],
    ['1850-01-01', undefined],
    ['April 5, 2022', undefined],
    ['yesterday', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %s', (text, expected) => expect(parsePublished(text)).toBe(expected));
});

describe('readPublished: real-world patterns', () => {
  it.each<[string, string, string, string | undefined]>([
    [
      'Open Graph article:published_time (property)',
      '<meta property="article:published_time" content="2022-09-19T14:07:03+00:00">',
      '',
      '2022-09-19',
    ],
    [
      'article:published_time as a name attribute',
      '<meta name="article:published_time" content="2022-09-19T07:12:00Z">',
      '',
      '2022-09-19',
    ],
    ['schema.org microdata meta', '<meta itemprop="datePublished" content="2022-09-18">', '', '2022-09-18'],
    [
      'JSON-LD NewsArticle',
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        datePublished: '2022-04-05T10:00:00+03:00',
      }),
      '',
      '2022-04-05',
    ],
    [
      'JSON-LD @graph (a WebPage and the Article: the article wins)',
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', datePublished: '2022-03-01T00:00:00Z' },
          { '@type': 'Article', datePublished: '2022-04-05T09:00:00Z' },
        ],
      }),
      '',
      '2022-04-05',
    ],
    [
      'JSON-LD array with a type list',
      ld([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': ['NewsArticle', 'ReportageNews'], datePublished: '2022-04-06' },
      ]),
      '',
      '2022-04-06',
    ],
    [
      'JSON-LD in an HTML comment',
      `<script type="application/ld+json"><!--{"@type":"BlogPosting","datePublished":"2023-01-02"}--></script>`,
      '',
      '2023-01-02',
    ],
    [
      'broken JSON-LD, then a time in the article header',
      '<script type="application/ld+json">{nope</script>',
      '<article><header><time datetime="2022-09-16T12:00">16 Sep</time></header><p>x</p></article>',
      '2022-09-16',
    ],
    [
      'a time in the article header',
      '',
      '<article><header><h1>T</h1><time datetime="2022-04-05">5 April</time></header><p>Text</p></article>',
      '2022-04-05',
    ],
    [
      'a time with itemprop=datePublished in the article',
      '',
      '<article><p>By X, <time itemprop="datePublished" datetime="2022-04-07">7 April</time></p></article>',
      '2022-04-07',
    ],
    [
      'meta wins over JSON-LD and time',
      '<meta property="article:published_time" content="2022-01-01">' +
        ld({ '@type': 'NewsArticle', datePublished: '2022-02-02' }),
      '<article><header><time datetime="2022-03-03"></time></header></article>',
      '2022-01-01',
    ],
    [
      'an invalid meta date falls through to JSON-LD',
      '<meta property="article:published_time" content="soon">' +
        ld({ '@type': 'NewsArticle', datePublished: '2022-02-02' }),
      '',
      '2022-02-02',
    ],
    [
      'a time elsewhere in the page (a comment, a sidebar) is not the article date',
      '',
      '<article><p>Text</p></article><aside><time datetime="2021-01-01">old</time></aside>',
      undefined,
    ],
    ['a page with no date at all', '<title>x</title>', '<p>Izium</p>', undefined],
    [
      'JSON-LD in the body, outside the article',
      '',
      '<div>' +
        ld({ '@type': 'NewsArticle', datePublished: '2022-06-01' }) +
        '</div><article><p>x</p></article>',
      '2022-06-01',
    ],
    [
      "a date after the body's first 3,000 elements is not looked for",
      '',
      '<p>x</p>'.repeat(3000) + '<article><header><time datetime="2022-06-04"></time></header></article>',
      undefined,
    ],
    [
      'JSON-LD in the article body',
      '',
      '<article>' + ld({ '@type': 'NewsArticle', datePublished: '2022-06-02' }) + '<p>x</p></article>',
      '2022-06-02',
    ],
    [
      'only the first 20 JSON-LD blocks are read',
      ld({ '@type': 'Thing' }).repeat(20) + ld({ '@type': 'NewsArticle', datePublished: '2022-06-03' }),
      '',
      undefined,
    ],
    [
      'a WebPage date alone counts when there is no article node',
      ld({ '@type': 'WebPage', datePublished: '2022-05-05' }),
      '',
      '2022-05-05',
    ],
    [
      'a video object’s date is not the article’s',
      ld({ '@type': 'VideoObject', datePublished: '2022-05-05' }),
      '',
      undefined,
    ],
  ])('%s', (_what, head, body, expected) => expect(readPublished(doc(head, body))).toBe(expected));
});

describe('datePublishedInJsonLd', () => {
  it('ignores what is not an object and never throws on odd shapes', () => {
    for (const value of [null, 1, 'x', [], [[[]]], { '@graph': 'x' }, { datePublished: 5 }])
      expect(datePublishedInJsonLd(value)).toBeUndefined();
  });
});

describe('readLanguage', () => {
  it.each([
    ['en-GB', '', 'en'],
    ['uk', '', 'uk'],
    ['RU', '', 'ru'],
    ['', '<meta http-equiv="Content-Language" content="uk-UA">', 'uk'],
    ['', '<meta property="og:locale" content="de_DE">', 'de'],
    ['', '', undefined],
    ['x-klingon-long', '', undefined],
  ])('lang=%j %s → %s', (lang, head, expected) => expect(readLanguage(doc(head, '', lang))).toBe(expected));
});

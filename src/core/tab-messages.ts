/**
 * The content script's side of the message protocol, checked by hand (`shape.ts`) rather than with
 * the protocol's schemas: the tab messages it receives, and the replies to the messages it sends.
 * Why: it runs on every page, and the schemas with their library were a tenth of it. The shapes
 * here are those of `protocol` and `tabProtocol` in `messages.ts` — the unit tests give both the
 * same inputs and expect the same answers — and types come from there.
 */
import type { Check } from './envelope';
import type { MessageName, TabMessageName } from './messages';
import {
  anything,
  check,
  count,
  flag,
  list,
  nothing,
  object,
  oneOf,
  optional,
  orNull,
  text,
  textWhere,
  variant,
  type Shape,
} from './shape';

/** WHATWG URL, present in every browser and in Node (typed here: core has no DOM types). */
const URLParser = (
  globalThis as unknown as { URL: new (s: string) => { protocol: string; hostname: string } }
).URL;

/** Only http(s) URLs reach a link (as `HttpUrl` in `claims.ts`). */
const httpUrl = textWhere(
  2048,
  (s) => {
    try {
      const u = new URLParser(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
    } catch {
      return false;
    }
  },
  'an http(s) URL',
);

const str = text();
const num = count();
const entityId = text(100);

const claimView = object({
  id: str,
  speaker: str,
  speakerId: str,
  speakerRole: optional(str),
  speaksFor: optional(str),
  kind: oneOf(['quote', 'paraphrase']),
  text: str,
  date: str,
  stance: str,
  outlet: str,
  url: httpUrl,
  verdict: optional(object({ publisher: str, rating: str, normalized: str, url: httpUrl })),
  later: flag,
});

const short = text(300);
const support = variant('kind', {
  'same-entity': object({ kind: str, entity: entityId }),
  'related-entity': object({ kind: str, entity: entityId }),
  capitalised: object({ kind: str }),
});

/** `CardDataSchema` of `card-data.ts`: what the card shows for one entity. */
const cardData = object({
  why: orNull(
    object({
      alias: short,
      form: short,
      lang: text(12),
      rule: oneOf(['alias', 'form']),
      caseRule: oneOf(['as-written', 'exact-case', 'folded']),
      ambiguous: optional(short),
      support: optional(support),
      supportName: optional(str),
    }),
  ),
  entity: object({ id: str, type: str, name: str, description: str }),
  summary: object({
    claims: num,
    disputes: num,
    factChecks: num,
    verdicts: list(object({ verdict: str, count: num })),
  }),
  inArticle: optional(
    list(
      object({
        speaker: str,
        speakerId: str,
        before: str,
        quote: str,
        after: str,
        cue: str,
        kind: oneOf(['direct', 'indirect', 'mixed']),
        stance: str,
      }),
    ),
  ),
  items: list(
    object({
      claim: claimView,
      replies: list(claimView),
      alsoReported: list(object({ outlet: str, url: httpUrl })),
      reasons: list(
        object({
          kind: oneOf([
            'fact-checked',
            'speaker-on-page',
            'about-on-page',
            'dispute',
            'near-article',
            'newest',
          ]),
          name: optional(str),
        }),
      ),
      later: flag,
    }),
  ),
  itemsTotal: num,
  published: optional(str),
  timeline: list(object({ month: str, count: num })),
  dataAsOf: str,
});

const asCheck =
  (shape: Shape): Check =>
  (raw) =>
    check(shape, raw);

/** The runtime messages a content script sends (the others come from extension pages). */
export type ContentMessageName = Extract<
  MessageName,
  'hello' | 'ensureContentData' | 'openBrowse' | 'pageFound' | 'pageStatements' | 'entityCard'
>;

/** Checks of the replies to the messages a content script sends. */
export const CONTENT_REPLIES: Readonly<Record<ContentMessageName, Check>> = {
  hello: asCheck(object({ version: str })),
  ensureContentData: asCheck(nothing),
  openBrowse: asCheck(nothing),
  pageFound: asCheck(nothing),
  pageStatements: asCheck(object({ statements: count(0), speakers: optional(anything) })),
  entityCard: asCheck(orNull(cardData)),
};

/** Checks of the tab messages a content script receives (requests of `tabProtocol`). */
export const TAB_REQUESTS: Readonly<Record<TabMessageName, Check>> = {
  navigate: asCheck(object({ direction: oneOf(['next', 'previous']) })),
  reveal: asCheck(object({ entityId })),
  pageInfo: asCheck(object({ settled: optional(flag) })),
};

import * as v from 'valibot';
import {
  ENVELOPE_TAG,
  openEnvelope,
  openReply,
  route,
  type Check,
  type Envelope,
  type Opened,
  type ReplyResult,
} from './envelope';
import { CardDataSchema, TopLineSchema } from './card-data';
import { SupportSchema } from './mention-why';
import { PageSpeakerSchema } from './page-speakers';
import { PAGE_TEXT_MAX } from './page-statements';

const EntityId = v.pipe(v.string(), v.maxLength(100));
const Lang = v.picklist(['en', 'uk', 'ru']);

/**
 * What the content script knows about its page, sent with a card request so the card can answer the
 * article (see `card-rank.ts`). It goes to the extension's own background and nowhere else.
 */
export const PageContextSchema = v.object({
  /** Entities found on the page and how often (the most mentioned first, bounded). */
  entities: v.pipe(
    v.array(v.object({ id: EntityId, mentions: v.pipe(v.number(), v.integer(), v.minValue(1)) })),
    v.maxLength(500),
  ),
  /** The article's publication date, when the page states it. */
  published: v.optional(v.pipe(v.string(), v.isoDate())),
  /** The page's language (primary subtag), when it says. */
  lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/))),
});
export type PageContextMessage = v.InferOutput<typeof PageContextSchema>;

/**
 * The one message protocol between the extension's parts: a map of message name to request and
 * response schemas. Types are inferred from the schemas, so what the compiler checks is exactly
 * what the background validates at run time.
 */
export const protocol = {
  /**
   * A content script announces itself, so the background knows which tabs it runs in. It decides
   * itself whether to work on its page, and never waits for this answer.
   */
  hello: {
    request: v.object({ href: v.pipe(v.string(), v.maxLength(8192)) }),
    response: v.object({ version: v.string() }),
  },
  /**
   * A content script found no dictionary or card strings for its build in `storage.local` (only
   * the first pages after an install or update, before the background wrote them): write them now.
   */
  ensureContentData: {
    request: v.object({}),
    response: v.null(),
  },
  /** The card's "all claims" link: open the options page's browse view on an entity. */
  openBrowse: {
    request: v.object({ entityId: v.pipe(v.string(), v.maxLength(100)) }),
    response: v.null(),
  },
  /** A content script reports how many entities its page shows (for the toolbar badge). */
  pageFound: {
    request: v.object({ entities: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100000)) }),
    response: v.null(),
  },
  /** The bundled dataset's identity and the merged counts (with imports), for the popup. */
  datasetInfo: {
    request: v.object({}),
    response: v.object({
      imported: v.number(),
      title: v.string(),
      version: v.string(),
      dataAsOf: v.string(),
      licence: v.string(),
      claims: v.number(),
      entities: v.number(),
    }),
  },
  /**
   * A content script sends its page's text once, after the highlights are placed, so the background
   * attributes its statements off the page's main thread (kept for the tab's cards; nothing heavy back).
   */
  pageStatements: {
    request: v.object({
      url: v.pipe(v.string(), v.maxLength(8192)),
      text: v.pipe(v.string(), v.maxLength(PAGE_TEXT_MAX)),
    }),
    response: v.object({
      statements: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /**
       * The speakers found on the page that the page's dictionary lacks (no claims yet), as a small
       * matching dictionary tagged with the build (`StoredDictionary`; checked where it is used), so
       * the page highlights them too.
       */
      speakers: v.optional(v.unknown()),
    }),
  },
  /** The hover card's content for one entity, in a UI language. */
  entityCard: {
    request: v.object({
      entityId: EntityId,
      lang: Lang,
      /** The matched pattern, the text as seen and the support (for the "why" line). */
      pattern: v.pipe(v.number(), v.integer(), v.minValue(0)),
      seen: v.pipe(v.string(), v.maxLength(300)),
      support: v.optional(SupportSchema),
      /** The page the card opens on (none: the card is ranked without it). */
      context: v.optional(PageContextSchema),
    }),
    response: v.nullable(CardDataSchema),
  },
  /**
   * The popup's page list: the page's entities with names, types and claim counts in a UI language,
   * ordered by how much the page and the data say about them, each with its top verdict or dispute.
   */
  entitySummaries: {
    request: v.object({
      ids: v.pipe(v.array(EntityId), v.maxLength(1000)),
      lang: Lang,
      /** The page's entities with counts (for the order and the top line). */
      context: v.optional(PageContextSchema),
    }),
    response: v.array(
      v.object({
        id: v.string(),
        name: v.string(),
        type: v.string(),
        claims: v.number(),
        top: v.optional(TopLineSchema),
      }),
    ),
  },
  /**
   * The popup's "who speaks in this article": the speakers of a tab's page with their statements,
   * most quoted first. Asked only by the extension's own pages (it names what a tab's page says).
   */
  pageSpeakers: {
    request: v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)), lang: Lang }),
    response: v.pipe(v.array(PageSpeakerSchema), v.maxLength(1000)),
  },
  /** What the background knows about a tab's content script (null: none ran there). */
  tabStatus: {
    request: v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    response: v.nullable(v.object({ href: v.string(), at: v.number() })),
  },
} as const;

/**
 * Messages to a tab's content script (the other direction): keyboard commands from the background,
 * and the popup asking what the page holds or to reveal an entity. The same envelopes, validation
 * and replies as {@link protocol}, since anything could arrive on a tab's message port.
 */
export const tabProtocol = {
  /** Go to the next or previous mention and open its card (the rebindable keyboard commands). */
  navigate: {
    request: v.object({ direction: v.picklist(['next', 'previous']) }),
    response: v.null(),
  },
  /** Scroll to an entity's first mention and open its card (the popup's list). */
  reveal: {
    request: v.object({ entityId: v.pipe(v.string(), v.maxLength(100)) }),
    response: v.null(),
  },
  /**
   * What the page holds, as the popup shows it. `settled`: first apply the stored settings (the
   * page decides itself whether it is active) and finish reading the page, so the answer reflects
   * a change just made.
   */
  pageInfo: {
    request: v.object({ settled: v.optional(v.boolean()) }),
    response: v.object({
      host: v.string(),
      active: v.boolean(),
      entities: v.array(
        v.object({ id: v.string(), mentions: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
      ),
    }),
  },
} as const;

/** A message protocol: each message's request and response schemas. */
export type Protocol = Record<
  string,
  { readonly request: v.GenericSchema; readonly response: v.GenericSchema }
>;
/** The protocol of runtime messages (to the background). */
export type RuntimeProtocol = typeof protocol;
/** The protocol of tab messages (to a content script). */
export type TabProtocol = typeof tabProtocol;

/** Request payload type of message `K` of protocol `P`. */
export type RequestIn<P extends Protocol, K extends keyof P> = v.InferOutput<P[K]['request']>;
/** Response payload type of message `K` of protocol `P`. */
export type ResponseIn<P extends Protocol, K extends keyof P> = v.InferOutput<P[K]['response']>;

/** Names of the messages in the runtime protocol. */
export type MessageName = keyof RuntimeProtocol;
/** Request payload type of runtime message `K`. */
export type RequestOf<K extends MessageName> = RequestIn<RuntimeProtocol, K>;
/** Response payload type of runtime message `K`. */
export type ResponseOf<K extends MessageName> = ResponseIn<RuntimeProtocol, K>;
/** Names of the tab messages. */
export type TabMessageName = keyof TabProtocol;

export { ENVELOPE_TAG, type Envelope };

/** What comes back: a result or an error message, never a thrown exception across contexts. */
export type ReplyIn<P extends Protocol, K extends keyof P> =
  { ok: true; value: ResponseIn<P, K> } | { ok: false; error: string };
/** A reply to runtime message `K`. */
export type Reply<K extends MessageName = MessageName> = ReplyIn<RuntimeProtocol, K>;
/** A reply to tab message `K`. */
export type TabReply<K extends TabMessageName = TabMessageName> = ReplyIn<TabProtocol, K>;

/** Build a request envelope (typed: the payload must fit the message of its protocol). */
export function envelope<K extends MessageName>(name: K, payload: RequestOf<K>): Envelope<K, RequestOf<K>>;
export function envelope<P extends Protocol, K extends keyof P & string>(
  name: K,
  payload: RequestIn<P, K>,
  protocol: P,
): Envelope<K, RequestIn<P, K>>;
export function envelope(name: string, payload: unknown, _protocol?: Protocol): Envelope {
  return { tag: ENVELOPE_TAG, name, payload };
}

/** Result of checking an incoming message. */
export type Checked<P extends Protocol = RuntimeProtocol> = Opened<keyof P & string>;

/** A schema as a {@link Check}: the parsed output, or the first issue with its path. */
export function schemaCheck(schema: v.GenericSchema): Check {
  return (raw) => {
    const result = v.safeParse(schema, raw);
    if (result.success) return { ok: true, value: result.output };
    const issue = result.issues[0];
    const path = issue.path?.map((i) => String(i.key)).join('.') || '(payload)';
    return { ok: false, error: `${path}: ${issue.message}` };
  };
}

const requestChecks = new WeakMap<Protocol, Record<string, Check>>();
/** The request checks of protocol `p` (made once per protocol). */
function requestsOf(p: Protocol): Record<string, Check> {
  let checks = requestChecks.get(p);
  if (!checks) {
    checks = Object.fromEntries(Object.entries(p).map(([name, m]) => [name, schemaCheck(m.request)]));
    requestChecks.set(p, checks);
  }
  return checks;
}

/**
 * Check that an unknown value is one of our envelopes with a valid payload for protocol `p` (the
 * runtime protocol by default), with the protocol's schemas (see `envelope.ts`).
 */
export function checkEnvelope<P extends Protocol = RuntimeProtocol>(
  raw: unknown,
  p: P = protocol as unknown as P,
): Checked<P> {
  return openEnvelope(raw, requestsOf(p)) as Checked<P>;
}

/** Check a reply against the response schema of message `K` (the caller trusts nothing either). */
export function checkReply<
  P extends Protocol = RuntimeProtocol,
  K extends keyof P & string = keyof P & string,
>(name: K, raw: unknown, p: P = protocol as unknown as P): ReplyIn<P, K> {
  return openReply(name, raw, schemaCheck(p[name]!.response)) as ReplyIn<P, K>;
}

/** Typed handlers for every message of protocol `P`; `S` is whatever is known about the sender. */
export type HandlersIn<P extends Protocol, S> = {
  [K in keyof P]: (payload: RequestIn<P, K>, sender: S) => Promise<ResponseIn<P, K>>;
};
/** Handlers for the runtime protocol (the background). */
export type HandlerMap<S> = HandlersIn<RuntimeProtocol, S>;
/** Handlers for the tab protocol (a content script). */
export type TabHandlerMap<S> = HandlersIn<TabProtocol, S>;

/**
 * Route one incoming message to its handler, checked with protocol `p`'s schemas (see `route` in
 * `envelope.ts`: foreign senders, stray messages and invalid payloads are refused).
 */
export async function dispatch<S, P extends Protocol = RuntimeProtocol>(
  handlers: HandlersIn<P, S>,
  raw: unknown,
  sender: S,
  fromThisExtension: boolean,
  p: P = protocol as unknown as P,
): Promise<ReplyResult> {
  return route(handlers, raw, sender, fromThisExtension, requestsOf(p));
}

/** What a page holds, as the popup shows it (answer to `pageInfo`). */
export type PageInfo = ResponseIn<TabProtocol, 'pageInfo'>;

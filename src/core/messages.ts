import * as v from 'valibot';
import { CardDataSchema, TopLineSchema } from './card-data';
import { SupportSchema } from './mention-why';

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
  /** A content script announces itself; the answer tells it whether to do any work. */
  hello: {
    request: v.object({ href: v.pipe(v.string(), v.maxLength(8192)) }),
    /** `imported`: the user imported datasets, so the matching dictionary is in `storage.local`. */
    response: v.object({ version: v.string(), enabled: v.boolean(), imported: v.boolean() }),
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
  /** What the background knows about a tab's content script (null: none ran there). */
  tabStatus: {
    request: v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    response: v.nullable(v.object({ href: v.string(), at: v.number() })),
  },
} as const;

/** Names of the messages in the protocol. */
export type MessageName = keyof typeof protocol;
/** Request payload type of message `K`. */
export type RequestOf<K extends MessageName> = v.InferOutput<(typeof protocol)[K]['request']>;
/** Response payload type of message `K`. */
export type ResponseOf<K extends MessageName> = v.InferOutput<(typeof protocol)[K]['response']>;

/** Tag that marks our envelopes, so a stray message from elsewhere is never mistaken for ours. */
export const ENVELOPE_TAG = 'wsw/1';

/** What goes over `runtime.sendMessage`. */
export interface Envelope<K extends MessageName = MessageName> {
  tag: typeof ENVELOPE_TAG;
  name: K;
  payload: RequestOf<K>;
}

/** What comes back: a result or an error message, never a thrown exception across contexts. */
export type Reply<K extends MessageName = MessageName> =
  { ok: true; value: ResponseOf<K> } | { ok: false; error: string };

/** Build a request envelope (typed: the payload must fit the message). */
export function envelope<K extends MessageName>(name: K, payload: RequestOf<K>): Envelope<K> {
  return { tag: ENVELOPE_TAG, name, payload };
}

/** Result of checking an incoming message. */
export type Checked = { ok: true; name: MessageName; payload: unknown } | { ok: false; error: string };

/**
 * Check that an unknown value is one of our envelopes with a valid payload. Why: messages cross a
 * trust boundary (content scripts run in pages), so the background validates everything it gets.
 */
export function checkEnvelope(raw: unknown): Checked {
  if (raw === null || typeof raw !== 'object') return { ok: false, error: 'not an object' };
  const { tag, name, payload } = raw as Record<string, unknown>;
  if (tag !== ENVELOPE_TAG) return { ok: false, error: 'unknown envelope' };
  if (typeof name !== 'string' || !Object.hasOwn(protocol, name)) {
    return { ok: false, error: `unknown message: ${String(name).slice(0, 40)}` };
  }
  const key = name as MessageName;
  const result = v.safeParse(protocol[key].request, payload);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') || '(payload)';
    return { ok: false, error: `${key}: ${path}: ${issue.message}` };
  }
  return { ok: true, name: key, payload: result.output };
}

/** Check a reply against the response schema of message `K` (the caller trusts nothing either). */
export function checkReply<K extends MessageName>(name: K, raw: unknown): Reply<K> {
  if (raw === null || typeof raw !== 'object') return { ok: false, error: 'no reply' };
  const reply = raw as { ok?: unknown; value?: unknown; error?: unknown };
  if (reply.ok === false) return { ok: false, error: String(reply.error) };
  if (reply.ok !== true) return { ok: false, error: 'malformed reply' };
  const result = v.safeParse(protocol[name].response, reply.value);
  if (!result.success) return { ok: false, error: `${name}: malformed response` };
  return { ok: true, value: result.output as ResponseOf<K> };
}

/** Typed handlers for every message; `S` is whatever the caller knows about the sender. */
export type HandlerMap<S> = {
  [K in MessageName]: (payload: RequestOf<K>, sender: S) => Promise<ResponseOf<K>>;
};

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Route one incoming message to its handler, as the single validating entry point of the
 * background. Refuses senders that are not this extension, anything that is not our envelope, and
 * invalid payloads; a handler's failure becomes an error reply, never an unhandled rejection.
 */
export async function dispatch<S>(
  handlers: HandlerMap<S>,
  raw: unknown,
  sender: S,
  fromThisExtension: boolean,
): Promise<Reply> {
  if (!fromThisExtension) return { ok: false, error: 'foreign sender' };
  const checked = checkEnvelope(raw);
  if (!checked.ok) return { ok: false, error: checked.error };
  const handler = handlers[checked.name] as (payload: unknown, sender: S) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(checked.payload, sender) } as Reply;
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/**
 * Messages to a tab's content script (the other direction): keyboard commands from the background,
 * and the popup asking what the page holds or to reveal an entity. Validated the same way, since
 * anything could arrive on a tab's message port.
 */
export const TabMessageSchema = v.variant('name', [
  v.object({
    tag: v.literal(ENVELOPE_TAG),
    name: v.literal('navigate'),
    payload: v.object({ direction: v.picklist(['next', 'previous']) }),
  }),
  v.object({ tag: v.literal(ENVELOPE_TAG), name: v.literal('pageInfo'), payload: v.object({}) }),
  v.object({
    tag: v.literal(ENVELOPE_TAG),
    name: v.literal('reveal'),
    payload: v.object({ entityId: v.pipe(v.string(), v.maxLength(100)) }),
  }),
]);
export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

/** The tab message, if `raw` is a valid one. */
export function checkTabMessage(raw: unknown): TabMessage | null {
  const result = v.safeParse(TabMessageSchema, raw);
  return result.success ? result.output : null;
}

/** What a page holds, as the popup shows it (answer to `pageInfo`). */
export const PageInfoSchema = v.object({
  host: v.string(),
  active: v.boolean(),
  entities: v.array(v.object({ id: v.string(), mentions: v.pipe(v.number(), v.integer(), v.minValue(0)) })),
});
export type PageInfo = v.InferOutput<typeof PageInfoSchema>;

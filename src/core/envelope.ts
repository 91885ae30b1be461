/**
 * The envelope every message between the extension's parts travels in, and the one way a receiver
 * opens it: tag, name, then the payload through the check of that message. Which checks is up to
 * the receiver — the background and extension pages use the protocol's schemas (`messages.ts`),
 * the content script its own hand-written checks (`tab-messages.ts`), so the schema library stays
 * out of the script that runs on every page. Why a check at all: messages cross a trust boundary
 * (content scripts run in pages, and anything can arrive on a tab's port).
 */

/** Tag that marks our envelopes, so a stray message from elsewhere is never mistaken for ours. */
export const ENVELOPE_TAG = 'wsw/1';

/** What goes over `runtime.sendMessage` or `tabs.sendMessage`. */
export interface Envelope<K extends string = string, T = unknown> {
  tag: typeof ENVELOPE_TAG;
  name: K;
  payload: T;
}

/** A checked value, or why it was refused. */
export type CheckResult<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

/** The check of one message's payload or response: the value to use (a clean copy), or why not. */
export type Check = (raw: unknown) => CheckResult;

/** An opened envelope: the message's name and its checked payload, or why it was refused. */
export type Opened<K extends string = string> =
  { ok: true; name: K; payload: unknown } | { ok: false; error: string };

/** What a receiver answers: a result or an error message, never a thrown exception across contexts. */
export type ReplyResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Open `raw` as one of our envelopes whose payload passes the check of its message in `requests`. */
export function openEnvelope<K extends string>(
  raw: unknown,
  requests: Readonly<Record<K, Check>>,
): Opened<K> {
  if (raw === null || typeof raw !== 'object') return { ok: false, error: 'not an object' };
  const { tag, name, payload } = raw as Record<string, unknown>;
  if (tag !== ENVELOPE_TAG) return { ok: false, error: 'unknown envelope' };
  if (typeof name !== 'string' || !Object.hasOwn(requests, name)) {
    return { ok: false, error: `unknown message: ${String(name).slice(0, 40)}` };
  }
  const result = requests[name as K](payload);
  if (!result.ok) return { ok: false, error: `${name}: ${result.error}` };
  return { ok: true, name: name as K, payload: result.value };
}

/** Check a reply to message `name` with the check of its response (the caller trusts nothing either). */
export function openReply(name: string, raw: unknown, response: Check): ReplyResult {
  if (raw === null || typeof raw !== 'object') return { ok: false, error: 'no reply' };
  const reply = raw as { ok?: unknown; value?: unknown; error?: unknown };
  if (reply.ok === false) return { ok: false, error: String(reply.error) };
  if (reply.ok !== true) return { ok: false, error: 'malformed reply' };
  const result = response(reply.value);
  if (!result.ok) return { ok: false, error: `${name}: malformed response` };
  return { ok: true, value: result.value };
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Route one incoming message to its handler, as the single validating entry point of a receiver.
 * Refuses senders that are not this extension, anything that is not our envelope, and invalid
 * payloads; a handler's failure becomes an error reply, never an unhandled rejection.
 */
export async function route<K extends string, S>(
  handlers: Readonly<Record<K, (payload: never, sender: S) => Promise<unknown>>>,
  raw: unknown,
  sender: S,
  fromThisExtension: boolean,
  requests: Readonly<Record<K, Check>>,
): Promise<ReplyResult> {
  if (!fromThisExtension) return { ok: false, error: 'foreign sender' };
  const opened = openEnvelope(raw, requests);
  if (!opened.ok) return { ok: false, error: opened.error };
  const handler = handlers[opened.name] as (payload: unknown, sender: S) => Promise<unknown>;
  try {
    return { ok: true, value: await handler(opened.payload, sender) };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

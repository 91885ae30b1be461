import browser, { type Runtime } from 'webextension-polyfill';
import {
  checkEnvelope,
  checkReply,
  envelope,
  type MessageName,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../core/messages';

/**
 * Send a typed message to the background and get its validated reply. Never throws: a sleeping or
 * reloaded background, or a malformed answer, comes back as `{ ok: false, error }`.
 */
export async function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<Reply<K>> {
  try {
    const raw: unknown = await browser.runtime.sendMessage(envelope(name, payload));
    return checkReply(name, raw);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Handlers for every message of the protocol; the sender is already known to be ours. */
export type Handlers = {
  [K in MessageName]: (payload: RequestOf<K>, sender: Runtime.MessageSender) => Promise<ResponseOf<K>>;
};

/**
 * Whether a message comes from this extension. Why: other extensions reach us only through
 * `onMessageExternal`, which we never listen to; checking the id anyway makes the refusal explicit
 * rather than an accident of routing, and keeps it true if routing ever changes.
 */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * Install the single validating message handler. Everything that is not our envelope from our own
 * extension is refused with an error reply; valid requests go to their typed handler.
 */
export function listen(handlers: Handlers): () => void {
  const onMessage = (raw: unknown, sender: Runtime.MessageSender): Promise<Reply> => {
    if (!isOwnSender(sender)) return Promise.resolve({ ok: false, error: 'foreign sender' });
    const checked = checkEnvelope(raw);
    if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
    const handler = handlers[checked.name] as (p: unknown, s: Runtime.MessageSender) => Promise<unknown>;
    return handler(checked.payload, sender).then(
      (value) => ({ ok: true, value }) as Reply,
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

import browser, { type Runtime } from 'webextension-polyfill';
import {
  checkReply,
  dispatch,
  envelope,
  type HandlerMap,
  type MessageName,
  type Reply,
  type RequestOf,
} from '../core/messages';

/**
 * Send a typed message to the background and get its validated reply. Never throws: a sleeping or
 * reloaded background, or a malformed answer, comes back as `{ ok: false, error }`.
 */
export async function send<K extends MessageName>(
  name: K,
  payload: RequestOf<K>,
  { timeoutMs = 0 }: { timeoutMs?: number } = {},
): Promise<Reply<K>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const reply = browser.runtime.sendMessage(envelope(name, payload)) as Promise<unknown>;
    // A reply can be lost for good (e.g. a page put in the back/forward cache mid-request, whose
    // message channel the browser closes): a timeout turns that into an error the caller retries.
    const raw: unknown = timeoutMs
      ? await Promise.race([
          reply,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${name}: no reply in ${timeoutMs} ms`)), timeoutMs);
          }),
        ])
      : await reply;
    return checkReply(name, raw);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Handlers for every message of the protocol, given the browser's sender record. */
export type Handlers = HandlerMap<Runtime.MessageSender>;

/**
 * Whether a message comes from this extension. Why: other extensions reach us only through
 * `onMessageExternal`, which we never listen to; checking the id anyway makes the refusal explicit
 * rather than an accident of routing, and keeps it true if routing ever changes.
 */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Install the single validating message handler (see {@link dispatch}); returns its remover. */
export function listen(handlers: Handlers): () => void {
  const onMessage = (raw: unknown, sender: Runtime.MessageSender) =>
    dispatch(handlers, raw, sender, isOwnSender(sender));
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

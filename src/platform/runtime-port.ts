/**
 * Sending and receiving our envelopes over the extension's runtime messaging, whatever checks the
 * caller brings (the protocol's schemas in extension pages and the background, hand-written checks
 * in the content script): timeouts, a sender that must be this extension, errors as replies.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { openReply, route, type Check, type Envelope, type ReplyResult } from '../core/envelope';

/** Options of a request. */
export interface SendOptions {
  /** Give up after this long (0: wait for the answer however long it takes). */
  timeoutMs?: number;
}

/**
 * Wait for `reply`, or at most `timeoutMs`. Why: a reply can be lost for good (e.g. a page put in
 * the back/forward cache mid-request, whose message channel the browser closes); a timeout turns
 * that into an error the caller can retry.
 */
async function answer(name: string, reply: Promise<unknown>, timeoutMs: number): Promise<unknown> {
  if (!timeoutMs) return reply;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      reply,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name}: no reply in ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Send `message` (to the background, or to a tab's content script when `tabId` is given) and check
 * its reply with `response`. Never throws: a sleeping or reloaded receiver, a tab without our
 * content script, or a malformed answer comes back as `{ ok: false, error }`.
 */
export async function request(
  message: Envelope,
  response: Check,
  { timeoutMs = 0 }: SendOptions,
  tabId?: number,
): Promise<ReplyResult> {
  try {
    const reply = (
      tabId === undefined ? browser.runtime.sendMessage(message) : browser.tabs.sendMessage(tabId, message)
    ) as Promise<unknown>;
    return openReply(message.name, await answer(message.name, reply, timeoutMs), response);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Whether a message comes from this extension. Why: other extensions reach us only through
 * `onMessageExternal`, which we never listen to; checking the id anyway makes the refusal explicit
 * rather than an accident of routing, and keeps it true if routing ever changes.
 */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/**
 * Install a single validating handler of runtime messages (see `route` in `envelope.ts`), until
 * `signal` ends if one is given; returns its remover. (The extension may be gone by then: removing
 * the listener of a dead context is allowed to fail.)
 */
export function receive<K extends string>(
  handlers: Readonly<Record<K, (payload: never, sender: Runtime.MessageSender) => Promise<unknown>>>,
  requests: Readonly<Record<K, Check>>,
  signal?: AbortSignal,
): () => void {
  const onMessage = (raw: unknown, sender: Runtime.MessageSender) =>
    route(handlers, raw, sender, isOwnSender(sender), requests);
  const remove = () => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // the extension context is gone, and its listeners with it
    }
  };
  if (signal?.aborted) return () => undefined;
  browser.runtime.onMessage.addListener(onMessage);
  signal?.addEventListener('abort', remove, { once: true });
  return remove;
}

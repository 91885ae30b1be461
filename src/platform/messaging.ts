import browser, { type Runtime } from 'webextension-polyfill';
import {
  checkReply,
  dispatch,
  envelope,
  tabProtocol,
  type HandlerMap,
  type MessageName,
  type Reply,
  type RequestIn,
  type RequestOf,
  type TabHandlerMap,
  type TabMessageName,
  type TabProtocol,
  type TabReply,
} from '../core/messages';

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

const errorReply = (error: unknown) => ({
  ok: false as const,
  error: error instanceof Error ? error.message : String(error),
});

/**
 * Send a typed message to the background and get its validated reply. Never throws: a sleeping or
 * reloaded background, or a malformed answer, comes back as `{ ok: false, error }`.
 */
export async function send<K extends MessageName>(
  name: K,
  payload: RequestOf<K>,
  { timeoutMs = 0 }: SendOptions = {},
): Promise<Reply<K>> {
  try {
    const reply = browser.runtime.sendMessage(envelope(name, payload)) as Promise<unknown>;
    return checkReply(name, await answer(name, reply, timeoutMs));
  } catch (error) {
    return errorReply(error);
  }
}

/**
 * Send a typed message to a tab's content script and get its validated reply. Never throws: a tab
 * without our content script (browser pages, stores, the PDF viewer) answers `{ ok: false }`.
 */
export async function sendToTab<K extends TabMessageName>(
  tabId: number,
  name: K,
  payload: RequestIn<TabProtocol, K>,
  { timeoutMs = 0 }: SendOptions = {},
): Promise<TabReply<K>> {
  try {
    const reply = browser.tabs.sendMessage(tabId, envelope(name, payload, tabProtocol)) as Promise<unknown>;
    return checkReply(name, await answer(name, reply, timeoutMs), tabProtocol);
  } catch (error) {
    return errorReply(error);
  }
}

/** Handlers for every message of the protocol, given the browser's sender record. */
export type Handlers = HandlerMap<Runtime.MessageSender>;
/** Handlers for every tab message, given the browser's sender record. */
export type TabHandlers = TabHandlerMap<Runtime.MessageSender>;

/**
 * Whether a message comes from this extension. Why: other extensions reach us only through
 * `onMessageExternal`, which we never listen to; checking the id anyway makes the refusal explicit
 * rather than an accident of routing, and keeps it true if routing ever changes.
 */
export function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}

/** Install the background's single validating message handler (see {@link dispatch}); returns its remover. */
export function listen(handlers: Handlers): () => void {
  const onMessage = (raw: unknown, sender: Runtime.MessageSender) =>
    dispatch(handlers, raw, sender, isOwnSender(sender));
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}

/**
 * Install a content script's single validating handler of tab messages, until `signal` ends. (The
 * extension may be gone by then: removing the listener of a dead context is allowed to fail.)
 */
export function listenInTab(handlers: TabHandlers, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onMessage = (raw: unknown, sender: Runtime.MessageSender) =>
    dispatch(handlers, raw, sender, isOwnSender(sender), tabProtocol);
  browser.runtime.onMessage.addListener(onMessage);
  signal.addEventListener(
    'abort',
    () => {
      try {
        browser.runtime.onMessage.removeListener(onMessage);
      } catch {
        // the extension context is gone, and its listeners with it
      }
    },
    { once: true },
  );
}

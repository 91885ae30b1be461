/**
 * The content script's messaging: requests to the background and the tab messages it answers,
 * checked with the hand-written checks of `core/tab-messages.ts` (typed by the protocol in
 * `core/messages.ts`), so the schema library is not loaded on every page.
 */
import type { Runtime } from 'webextension-polyfill';
import { ENVELOPE_TAG } from '../core/envelope';
import type { Reply, RequestOf, TabHandlerMap } from '../core/messages';
import { CONTENT_REPLIES, TAB_REQUESTS, type ContentMessageName } from '../core/tab-messages';
import { receive, request, type SendOptions } from './runtime-port';

/**
 * Send a typed message to the background and get its checked reply. Never throws: a sleeping or
 * reloaded background, or a malformed answer, comes back as `{ ok: false, error }`.
 */
export function send<K extends ContentMessageName>(
  name: K,
  payload: RequestOf<K>,
  options: SendOptions = {},
): Promise<Reply<K>> {
  return request({ tag: ENVELOPE_TAG, name, payload }, CONTENT_REPLIES[name], options) as Promise<Reply<K>>;
}

/** Handlers for every tab message, given the browser's sender record. */
export type TabHandlers = TabHandlerMap<Runtime.MessageSender>;

/** Install a content script's single validating handler of tab messages, until `signal` ends. */
export function listenInTab(handlers: TabHandlers, signal: AbortSignal): void {
  receive(handlers, TAB_REQUESTS, signal);
}

/**
 * Messaging for the background and the extension pages, checked with the protocol's schemas
 * (`core/messages.ts`). The content script has its own, lighter side: `content-messaging.ts`.
 */
import type { Runtime } from 'webextension-polyfill';
import {
  envelope,
  protocol,
  schemaCheck,
  tabProtocol,
  type HandlerMap,
  type MessageName,
  type Reply,
  type RequestIn,
  type RequestOf,
  type TabMessageName,
  type TabProtocol,
  type TabReply,
} from '../core/messages';
import { receive, request, type SendOptions } from './runtime-port';

export { isOwnSender, type SendOptions } from './runtime-port';

/**
 * Send a typed message to the background and get its validated reply. Never throws: a sleeping or
 * reloaded background, or a malformed answer, comes back as `{ ok: false, error }`.
 */
export function send<K extends MessageName>(
  name: K,
  payload: RequestOf<K>,
  options: SendOptions = {},
): Promise<Reply<K>> {
  return request(envelope(name, payload), schemaCheck(protocol[name].response), options) as Promise<Reply<K>>;
}

/**
 * Send a typed message to a tab's content script and get its validated reply. Never throws: a tab
 * without our content script (browser pages, stores, the PDF viewer) answers `{ ok: false }`.
 */
export function sendToTab<K extends TabMessageName>(
  tabId: number,
  name: K,
  payload: RequestIn<TabProtocol, K>,
  options: SendOptions = {},
): Promise<TabReply<K>> {
  const message = envelope(name, payload, tabProtocol);
  return request(message, schemaCheck(tabProtocol[name].response), options, tabId) as Promise<TabReply<K>>;
}

/** Handlers for every message of the protocol, given the browser's sender record. */
export type Handlers = HandlerMap<Runtime.MessageSender>;

const runtimeRequests = Object.fromEntries(
  Object.entries(protocol).map(([name, m]) => [name, schemaCheck(m.request)]),
) as Record<MessageName, ReturnType<typeof schemaCheck>>;

/** Install the background's single validating message handler (see `route` in `core/envelope.ts`); returns its remover. */
export function listen(handlers: Handlers): () => void {
  return receive(handlers, runtimeRequests);
}

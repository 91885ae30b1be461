/**
 * The extension API for the content script, in place of webextension-polyfill (the build aliases
 * it there; extension pages and the background keep the polyfill). Why: the polyfill is 10 KB of
 * the script every page evaluates, and what the content script uses already returns promises in
 * Manifest V3 in both browsers. Firefox's `browser` is used as is (as the polyfill does); in
 * Chrome the one difference left is bridged: a `runtime.onMessage` listener that returns a promise
 * answers through `sendResponse`.
 */
import type { Browser, Runtime } from 'webextension-polyfill';

type Listener = (message: unknown, sender: Runtime.MessageSender) => unknown;
type ChromeListener = (
  message: unknown,
  sender: Runtime.MessageSender,
  sendResponse: (response?: unknown) => void,
) => boolean | undefined;
interface ChromeEvent {
  addListener(listener: ChromeListener): void;
  removeListener(listener: ChromeListener): void;
  hasListener(listener: ChromeListener): boolean;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function';

/** `chrome.runtime.onMessage` taking listeners that answer with a promise (or nothing). */
function promiseMessages(event: ChromeEvent) {
  const wrapped = new WeakMap<Listener, ChromeListener>();
  const wrap = (listener: Listener): ChromeListener => {
    let chromeListener = wrapped.get(listener);
    if (!chromeListener) {
      chromeListener = (message, sender, sendResponse) => {
        const result = listener(message, sender);
        if (!isThenable(result)) return undefined;
        // A failed answer is no answer: the sender's promise gets `undefined`.
        result.then(sendResponse, () => sendResponse(undefined));
        return true;
      };
      wrapped.set(listener, chromeListener);
    }
    return chromeListener;
  };
  return {
    addListener: (listener: Listener) => event.addListener(wrap(listener)),
    removeListener: (listener: Listener) => {
      const chromeListener = wrapped.get(listener);
      if (chromeListener) event.removeListener(chromeListener);
    },
    hasListener: (listener: Listener) => {
      const chromeListener = wrapped.get(listener);
      return chromeListener !== undefined && event.hasListener(chromeListener);
    },
  };
}

/** Chrome's `chrome`, with `runtime.onMessage` bridged; every other API as Chrome has it. */
function fromChrome(chrome: Record<string, unknown>): Browser {
  let runtime: Record<string, unknown> | undefined;
  let onMessage: ReturnType<typeof promiseMessages> | undefined;
  const bridged = (real: Record<string, unknown>) =>
    new Proxy(real, {
      get(target, key) {
        if (key === 'onMessage') return (onMessage ??= promiseMessages(target.onMessage as ChromeEvent));
        const value = target[key as string];
        // Native API methods may insist on their own object as `this`, never the proxy.
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return new Proxy(chrome, {
    get(target, key) {
      if (key !== 'runtime') return target[key as string];
      const real = target.runtime as Record<string, unknown> | undefined;
      if (!real) return undefined;
      runtime ??= bridged(real);
      return runtime;
    },
  }) as unknown as Browser;
}

/**
 * The extension API in a context with these globals: `browser` where it is native (Firefox),
 * else `chrome` with its `runtime.onMessage` bridged. Exported for the tests.
 */
export function extensionApi(globals: { browser?: Browser; chrome?: Record<string, unknown> }): Browser {
  return globals.browser?.runtime?.id ? globals.browser : fromChrome(globals.chrome ?? {});
}

const browser: Browser = extensionApi(globalThis as Parameters<typeof extensionApi>[0]);
export default browser;

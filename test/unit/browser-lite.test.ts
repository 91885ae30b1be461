import { describe, expect, it } from 'vitest';
import { extensionApi } from '../../src/platform/browser-lite';

type ChromeListener = (message: unknown, sender: unknown, sendResponse: (r?: unknown) => void) => unknown;

/** A stand-in for Chrome's `chrome` with just what the adapter touches. */
function fakeChrome() {
  const listeners = new Set<ChromeListener>();
  const chrome = {
    runtime: {
      id: 'abc',
      onMessage: {
        addListener: (l: ChromeListener) => listeners.add(l),
        removeListener: (l: ChromeListener) => listeners.delete(l),
        hasListener: (l: ChromeListener) => listeners.has(l),
      },
      sendMessage: (m: unknown) => Promise.resolve({ echoed: m }),
    },
    storage: { local: { marker: 'storage' } },
  };
  /** Deliver a message as Chrome does; resolves with what was sent back (or 'no answer'). */
  const deliver = (message: unknown) =>
    new Promise((resolve) => {
      let kept = false;
      for (const l of listeners) if (l(message, { id: 'abc' }, resolve) === true) kept = true;
      if (!kept) resolve('no answer');
    });
  return { chrome, listeners, deliver };
}

describe('browser-lite (the content script’s extension API)', () => {
  it('uses a native `browser` as it is', () => {
    const browser = { runtime: { id: 'x' } } as never;
    expect(extensionApi({ browser, chrome: {} })).toBe(browser);
  });

  it('answers through sendResponse when a Chrome listener returns a promise', async () => {
    const { chrome, deliver } = fakeChrome();
    const api = extensionApi({ chrome });
    api.runtime.onMessage.addListener(((m: unknown) =>
      m === 'ask' ? Promise.resolve({ page: 1 }) : undefined) as never);
    await expect(deliver('ask')).resolves.toEqual({ page: 1 });
    await expect(deliver('other')).resolves.toBe('no answer');
  });

  it('answers undefined when the promise fails', async () => {
    const { chrome, deliver } = fakeChrome();
    const api = extensionApi({ chrome });
    api.runtime.onMessage.addListener((() => Promise.reject(new Error('x'))) as never);
    await expect(deliver('ask')).resolves.toBeUndefined();
  });

  it('removes the listener it added', () => {
    const { chrome, listeners } = fakeChrome();
    const api = extensionApi({ chrome });
    const listener = (() => undefined) as never;
    api.runtime.onMessage.addListener(listener);
    expect(api.runtime.onMessage.hasListener(listener)).toBe(true);
    expect(listeners.size).toBe(1);
    api.runtime.onMessage.removeListener(listener);
    expect(listeners.size).toBe(0);
    expect(api.runtime.onMessage.hasListener(listener)).toBe(false);
  });

  it('passes every other API through, and reads the runtime id live', async () => {
    const { chrome } = fakeChrome();
    const api = extensionApi({ chrome });
    expect(api.storage.local).toBe(chrome.storage.local);
    await expect(api.runtime.sendMessage('hi')).resolves.toEqual({ echoed: 'hi' });
    expect(api.runtime.id).toBe('abc');
    // An orphaned script: Chrome clears the id.
    (chrome.runtime as { id?: string }).id = undefined;
    expect(api.runtime.id).toBeUndefined();
  });
});

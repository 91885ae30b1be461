/**
 * The extension's life as a content script sees it: one AbortSignal that ends when the extension
 * is reloaded, updated or removed while the page stays open. Chrome then leaves the old script
 * running with a dead `runtime` (it has no event for this), and every extension call throws
 * "Extension context invalidated"; so the script checks before it uses the extension from a page
 * event, when the page becomes visible, and every few seconds, and everything it started ends
 * with the signal.
 */
import browser from 'webextension-polyfill';

/** How often an idle page checks that the extension is still there. */
const CHECK_MS = 5000;

/** A signal to end with, and the check that ends it once the extension is gone. */
export interface Lifetime {
  readonly signal: AbortSignal;
  /** Whether the extension is still there; ends the lifetime when it is not. */
  alive(): boolean;
}

/** Whether this content script was orphaned (see the module comment). */
function orphaned(): boolean {
  try {
    return !browser.runtime?.id;
  } catch {
    return true;
  }
}

/** The lifetime of this content script: until the extension goes away under the page. */
export function extensionLifetime(): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const alive = () => {
    if (signal.aborted) return false;
    if (!orphaned()) return true;
    controller.abort();
    return false;
  };
  const timer = setInterval(alive, CHECK_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  document.addEventListener('visibilitychange', alive, { signal });
  return { signal, alive };
}

/** A part of a lifetime: ends with it, or earlier with `signal` (e.g. a session that restarts). */
export function within(life: Lifetime, signal: AbortSignal): Lifetime {
  return { signal: AbortSignal.any([life.signal, signal]), alive: life.alive };
}

/**
 * Run `cleanup` once `signal` ends (at once if it has). A clean-up step may touch a dead extension
 * context, and must not stop the others: its error is dropped.
 */
export function onAbort(signal: AbortSignal, cleanup: () => void): void {
  const run = () => {
    try {
      cleanup();
    } catch {
      // the extension context is gone; nothing left to undo there
    }
  };
  if (signal.aborted) run();
  else signal.addEventListener('abort', run, { once: true });
}

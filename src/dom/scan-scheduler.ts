/**
 * When the highlighter's work runs, so that the page never waits for it: reading is cut into
 * slices of about {@link SLICE_MS} with a yield to the page between them, a scan and an update
 * never interleave, and reading the page again from scratch (an SPA navigation) starts a new
 * generation that every older scan notices at its next slice.
 *
 * The browser's clock and frames come in as a {@link FrameScheduler}, so tests drive them with
 * plain objects.
 */

/** Budget of one slice of work before yielding to the page. */
export const SLICE_MS = 8;

/** The browser's frames and tasks, as the highlighter uses them. */
export interface FrameScheduler {
  /** Call `callback` at the next animation frame; returns what cancels it. */
  requestFrame(callback: () => void): () => void;
  /** Continue in a new task of ordinary priority. */
  yieldToPage(): Promise<void>;
  /** Resolve once the next frame has been rendered. */
  afterNextPaint(): Promise<void>;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

type PostTask = (callback: () => void, options?: { priority?: string }) => Promise<void>;

/** The real browser's frames and tasks. */
export const browserFrames: FrameScheduler = {
  requestFrame(callback) {
    const frame = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(frame);
  },
  /**
   * `scheduler.postTask` at ordinary priority, else a timer. Not `scheduler.yield()`: its
   * continuations run before the page's own tasks, so while a 5 MB page was read the page's
   * timers waited 3–10 s in Firefox (heavy-pages e2e).
   */
  yieldToPage() {
    const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
    if (scheduler?.postTask) return scheduler.postTask(() => undefined, { priority: 'user-visible' });
    return new Promise((resolve) => setTimeout(resolve, 0));
  },
  /**
   * A task after the next frame's animation frame callbacks, or 100 ms at most (for visible
   * pages only: hidden tabs have no frames and slow timers).
   */
  afterNextPaint() {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        cancelAnimationFrame(frame);
        resolve();
      };
      const timer = setTimeout(done, 100);
      const frame = requestAnimationFrame(() => setTimeout(done, 0));
    });
  },
  now: () => performance.now(),
};

/** What one slice of work is told about its time. */
export interface SliceClock {
  /**
   * Whether extraction should stop at its next block boundary, having read `length` characters:
   * its share of the slice is spent, or the text read is already as much as the rest of the slice
   * can match and place.
   */
  shouldYield(length?: number): boolean;
  /**
   * Say that extraction ended, with `length` characters read, and matching begins (the split and
   * the pace of matching size the next slice's extraction).
   */
  extracted(length?: number): void;
}

/** Characters the first slice may read: cold code matches slowly. */
const FIRST_TEXT_BUDGET = 2_048;
/** Bounds of the text budget (a slow slice once must not starve the next ones, nor a fast one flood them). */
const MIN_TEXT_BUDGET = 512;
const MAX_TEXT_BUDGET = 65_536;

export class ScanScheduler {
  /** Bumped when the page is read again from scratch: work of an older generation stops. */
  #generation = 0;
  #stopped = false;
  /** The work in progress (a scan or an update); at most one at a time. */
  #running: Promise<void> | null = null;

  constructor(readonly frames: FrameScheduler) {}

  /** The generation work started now belongs to. */
  get current(): number {
    return this.#generation;
  }

  /** Start a new generation: everything started before stops at its next slice. */
  renew(): number {
    return ++this.#generation;
  }

  /** Whether work of `generation` should go on. */
  isLive(generation: number): boolean {
    return !this.#stopped && generation === this.#generation;
  }

  /** Stop for good: no generation is live any more. */
  stop(): void {
    this.#stopped = true;
  }

  get isStopped(): boolean {
    return this.#stopped;
  }

  /** Run `work` once no other scan or update is running (they must never interleave). */
  async exclusive(work: () => Promise<void>): Promise<void> {
    while (this.#running) await this.#running;
    const running = work();
    const settled = running.then(
      () => undefined,
      () => undefined,
    );
    this.#running = settled;
    try {
      await running;
    } finally {
      if (this.#running === settled) this.#running = null;
    }
  }

  /**
   * Run `slice` again and again, yielding to the page in between, until it returns true (done)
   * or `generation` ends. Extraction stops at its deadline, but matching and placing come after
   * it; the extraction budget adapts so that the whole slice stays near {@link SLICE_MS} (cold,
   * not yet optimised code matches several times slower than warm code, so the first slices are
   * small).
   */
  async slices(generation: number, slice: (clock: SliceClock) => boolean): Promise<void> {
    const { frames } = this;
    let extractBudget = 1;
    let textBudget = FIRST_TEXT_BUDGET;
    while (this.isLive(generation)) {
      const t0 = frames.now();
      const deadline = t0 + extractBudget;
      let t1 = t0;
      let read = 0;
      const done = slice({
        shouldYield: (length = 0) => length > textBudget || frames.now() > deadline,
        extracted: (length = 0) => {
          t1 = frames.now();
          read = length;
        },
      });
      if (done) return;
      const t2 = frames.now();
      const extractShare = (t1 - t0) / Math.max(0.1, t2 - t0);
      extractBudget = Math.min(SLICE_MS, Math.max(0.5, SLICE_MS * extractShare));
      // Reading a plain block is one native call, so a time budget alone lets a slice read far
      // more text than it can match and place in time: cap the text by the pace matching had.
      if (read > 0) {
        const pace = read / Math.max(0.05, t2 - t1);
        textBudget = Math.min(MAX_TEXT_BUDGET, Math.max(MIN_TEXT_BUDGET, pace * (SLICE_MS - extractBudget)));
      }
      await frames.yieldToPage();
    }
  }

  /** Run `work` on each item in turn, yielding to the page whenever a slice's budget is spent. */
  async each<T>(items: Iterable<T>, work: (item: T) => Promise<void>): Promise<void> {
    const { frames } = this;
    let sliceStart = frames.now();
    for (const item of items) {
      await work(item);
      if (frames.now() - sliceStart > SLICE_MS) {
        await frames.yieldToPage();
        sliceStart = frames.now();
      }
    }
  }
}

/**
 * Runs inside the benchmark page (bundled as an IIFE): the floor, our full pipeline and the
 * mark.js peers, each timed by the page itself. Not part of the extension.
 */
import { loadDictionary } from '../../src/core/dictionary';
import { findMentions } from '../../src/core/matcher';
import { extractText } from '../../src/dom/extract';
import { placeMentions } from '../../src/dom/highlight';
import { HighlightRegistry } from '../../src/dom/highlight-registry';

/** What one timed run reports. */
export interface RunResult {
  ms: number;
  count: number;
  longestTask: number;
  frameMs: number;
  heapBytes: number;
  result?: [string, string][];
  /** For ours: load, extract, match, place, register (ms). */
  phases: number[];
}

interface MarkJs {
  markRegExp(re: RegExp, options: { acrossElements: boolean; each: () => void; done: () => void }): void;
}

type Method = 'floor' | 'ours' | 'markjs' | 'markjs_across';

/** The floor: walk the text nodes and concatenate them. */
function floor(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
  return text.length;
}

/** Ours: load the compiled dictionary, extract, match, register highlights. */
function ours(serialized: string, phases: number[]): [string, string][] {
  const t0 = performance.now();
  const dict = loadDictionary(JSON.parse(serialized));
  const t1 = performance.now();
  const extracted = extractText(document.body);
  const t2 = performance.now();
  const mentions = findMentions(extracted.text, dict);
  const t3 = performance.now();
  const placed = placeMentions(extracted, mentions);
  const t4 = performance.now();
  // Registered as the highlighter does after a page-wide scan: staged, then painted in one go.
  const typeOf = new Map(dict.entities.map((e) => [e.id, e.type]));
  const registry = new HighlightRegistry('underline');
  registry.open(typeOf.values());
  registry.stage();
  for (const p of placed) registry.add(typeOf.get(p.mention.entity)!, p.range);
  registry.commit();
  phases.push(t1 - t0, t2 - t1, t3 - t2, t4 - t3, performance.now() - t4);
  return mentions.map((m) => [m.entity, extracted.text.slice(m.start, m.end)]);
}

async function run(method: Method, input: string, timeoutMs: number): Promise<RunResult> {
  const w = window as unknown as { gc?: () => void; Mark: new (el: Element) => MarkJs };
  w.gc?.();
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTask = Math.max(longestTask, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const memory = () =>
    (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  const heap0 = memory();
  const t0 = performance.now();
  let count = 0;
  let result: [string, string][] | undefined;
  const phases: number[] = [];
  if (method === 'floor') count = floor();
  else if (method === 'ours') {
    result = ours(input, phases);
    count = result.length;
  } else {
    const re = new RegExp(input, 'giu');
    await new Promise<void>((done) => {
      setTimeout(done, timeoutMs);
      new w.Mark(document.body).markRegExp(re, {
        acrossElements: method === 'markjs_across',
        each: () => count++,
        done: () => done(),
      });
    });
  }
  const ms = performance.now() - t0;
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  const frameMs = performance.now() - t0;
  // Let the long-task observer deliver.
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return { ms, count, longestTask, frameMs, heapBytes: memory() - heap0, result, phases };
}

(window as unknown as { wswBench: unknown }).wswBench = { run };

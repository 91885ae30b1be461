/**
 * Chromium trace analysis for `npm run bench:extension`: which main-thread tasks of a page ran the
 * extension's code, how long they took, and what they consisted of.
 *
 * A content script runs on the page's renderer main thread, in an isolated world, so the page's
 * long tasks alone cannot say whose they are. The trace says it two ways:
 * - trace events that name a script: `EvaluateScript`, `v8.compile`, `v8.run`, `FunctionCall`…
 *   with a `chrome-extension://` URL (the content script's first run);
 * - the V8 CPU profile recorded into the trace (`disabled-by-default-v8.cpu_profiler`): samples
 *   whose stack contains a frame of an extension script. This is what catches the later tasks,
 *   which carry no URL in their events (a `scheduler.yield()` continuation is `RunYieldContinuation`
 *   and then plain JS; a message reply is `Receive mojo message`).
 * A top-level task (`RunTask` and the like) counts as the extension's if either says so.
 */

/** Categories to record: task structure, script events, rendering phases, marks and JS samples. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'extensions',
  'disabled-by-default-v8.cpu_profiler',
  // LocalFrameView::Run*LifecyclePhase: the compositing-inputs phase is where Chromium rebuilds
  // the custom-highlight markers (HighlightRegistry::ValidateHighlightMarkers).
  'benchmark',
];

/** One event of the Chrome trace event format (the fields we read). */
export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

/** A complete event on the main thread with its nested events. */
interface Node {
  name: string;
  ts: number;
  end: number;
  /** Thread (CPU) time, µs, when the trace has it. */
  cpu?: number;
  args: TraceEvent['args'];
  children: Node[];
}

interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber?: number;
  columnNumber?: number;
  codeType?: string;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

/** Rendering phases: work the browser does for the page, wherever its cause. */
const RENDER_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'UpdateLayer',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
]);
/** Phases nested in the rendering events above, reported apart (not added to the total). */
const RENDER_SUBPHASES: Record<string, string> = {
  'LocalFrameView::RunCompositingInputsLifecyclePhase': 'CompositingInputs',
};
/** Work on the whole heap: a full collection, or a step of the incremental marking before one. */
const isHeapGc = (name: string) => name === 'MajorGC' || /^V8\.(GCIncrementalMarking|GC_MC_)/.test(name);

/** Garbage collection (any V8 GC event, outermost only). */
const isGc = (name: string) => /^(V8\.GC|MajorGC|MinorGC|V8\.GCIncremental|V8\.GC_)/.test(name);

/** A top-level task of the page's main thread. */
export interface Task {
  /** ms from DOMContentLoaded (negative: before it). */
  at: number;
  /** Wall time, ms. */
  ms: number;
  /**
   * Thread (CPU) time, ms, when the trace has it: far below `ms` means the thread was waiting for
   * a core (other processes), not working.
   */
  cpuMs: number | null;
  /** Whether it ran extension code (see the file comment). */
  extension: boolean;
  /** Trace events that name an extension script (e.g. `v8.compile`). */
  evidence: string[];
  /** Sampled time in extension JS (its frames and what they called), ms. */
  extensionJsMs: number;
  /** Time in rendering phases (style, layout, pre-paint, paint, layerize, commit…), ms. */
  renderMs: number;
  /**
   * Rendering time by phase, ms; `CompositingInputs` (part of another phase, usually `PrePaint`)
   * is where highlight markers are rebuilt.
   */
  render: Record<string, number>;
  /** Time in garbage collection events, ms. */
  gcMs: number;
  /**
   * Thread time in full (mark-compact) collections, ms: a collection of the whole renderer heap,
   * whose length is set by the page's own DOM (~60 ms on the 5 MB page), run in whichever task is
   * executing script when marking completes.
   */
  majorGcCpuMs: number;
  /**
   * Thread time in work on the whole heap, ms: full collections and the incremental marking steps
   * that prepare them (they trace the page's DOM too, so their length follows the page's size;
   * they run in whichever task allocates when a step is due). Scavenges of new objects are not
   * in it.
   */
  heapGcCpuMs: number;
  node: Node;
}

/** What one traced page load shows. */
export interface TraceAnalysis {
  pid: number;
  tid: number;
  /** Trace timestamps (µs) of the page's navigation start, DOMContentLoaded and load. */
  navigationStart: number;
  dcl: number;
  load: number;
  /** ms from DOMContentLoaded to the first and to the end of the last extension task. */
  firstExtensionAt: number | null;
  lastExtensionEnd: number | null;
  tasks: Task[];
  extensionTasks: Task[];
  /** Describe a task: its event tree and where its JS time went (by sampled frames). */
  describe(task: Task, source?: string): string[];
  /**
   * The first evaluation of the script at `url` (compile + run, the cost every page pays before
   * the script can do anything), or null when the trace has no event naming it.
   */
  evaluation(url: string): ScriptEvaluation | null;
}

/** What evaluating one script cost: wall time, its compile part, and thread time (ms). */
export interface ScriptEvaluation {
  ms: number;
  compileMs: number;
  cpuMs: number | null;
}

/** Events that compile or run a script as a whole (nested ones are parts of the outer). */
const EVALUATION_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.run', 'v8.evaluateModule']);

/** Sampled stacks of the main thread: times (µs) and leaf node ids, sorted by time. */
interface Samples {
  times: number[];
  leaves: number[];
  nodes: Map<number, ProfileNode>;
}

const urlOf = (args: TraceEvent['args']): string => {
  const data = (args?.data ?? {}) as { url?: unknown };
  const begin = (args?.beginData ?? {}) as { url?: unknown };
  const file = args?.fileName;
  for (const u of [data.url, begin.url, file]) if (typeof u === 'string' && u) return u;
  return '';
};

/**
 * Analyse a trace of one page load: `pageUrl` is the page's URL (finds its renderer main thread),
 * `extensionOrigin` the `chrome-extension://<id>` whose code counts as the extension's.
 */
export function analyseTrace(events: TraceEvent[], pageUrl: string, extensionOrigin: string): TraceAnalysis {
  // The page's main thread: where its HTML was parsed (the last such thread if it moved).
  const parse = events.filter((e) => e.name === 'ParseHTML' && urlOf(e.args) === pageUrl);
  const at = parse.at(-1);
  if (!at) throw new Error(`no ParseHTML for ${pageUrl} in the trace`);
  const { pid, tid } = at;
  const own = events.filter((e) => e.pid === pid && e.tid === tid);

  const mark = (names: string[]) =>
    own.filter((e) => names.includes(e.name)).reduce((t, e) => Math.max(t, e.ts), 0);
  const dcl = mark(['MarkDOMContent']);
  const navigationStart = own
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === pageUrl,
    )
    .reduce((t, e) => Math.max(t, e.ts), 0);
  const load = mark(['MarkLoad']);
  const rel = (ts: number) => (ts - dcl) / 1000;

  const roots = buildTree(own);
  const samples = readSamples(events, pid, tid);
  const isExtUrl = (u: string | undefined) => !!u && u.startsWith(extensionOrigin);
  const stackOf = (leaf: number): CallFrame[] => {
    const out: CallFrame[] = [];
    for (let n = samples.nodes.get(leaf); n; n = n.parent ? samples.nodes.get(n.parent) : undefined)
      out.push(n.callFrame);
    return out;
  };
  const extLeaf = new Map<number, boolean>();
  const sampleIsExt = (leaf: number) => {
    let v = extLeaf.get(leaf);
    if (v === undefined) extLeaf.set(leaf, (v = stackOf(leaf).some((f) => isExtUrl(f.url))));
    return v;
  };

  /** Samples inside [ts, end], each weighted by the time to the next sample (clipped to end). */
  const samplesIn = (ts: number, end: number) => {
    const out: { leaf: number; us: number }[] = [];
    let i = lowerBound(samples.times, ts);
    for (; i < samples.times.length && samples.times[i]! < end; i++) {
      const next = Math.min(samples.times[i + 1] ?? end, end);
      out.push({ leaf: samples.leaves[i]!, us: Math.max(0, next - samples.times[i]!) });
    }
    return out;
  };

  const tasks: Task[] = roots
    .filter((n) => n.end > n.ts)
    .map((node) => {
      const evidence: string[] = [];
      const render: Record<string, number> = {};
      let renderUs = 0;
      let gcUs = 0;
      let majorUs = 0;
      let heapUs = 0;
      walk(node, (n, inRender, inGc) => {
        const u = urlOf(n.args);
        if (isExtUrl(u)) evidence.push(`${n.name} ${shortUrl(u)}`);
        if (!inRender && RENDER_EVENTS.has(n.name)) {
          render[n.name] = (render[n.name] ?? 0) + (n.end - n.ts) / 1000;
          renderUs += n.end - n.ts;
        }
        const sub = RENDER_SUBPHASES[n.name];
        if (sub) render[sub] = (render[sub] ?? 0) + (n.end - n.ts) / 1000;
        if (!inGc && isGc(n.name)) gcUs += n.end - n.ts;
        if (!inGc && n.name === 'MajorGC') majorUs += n.cpu ?? n.end - n.ts;
        if (!inGc && isHeapGc(n.name)) heapUs += n.cpu ?? n.end - n.ts;
      });
      let extUs = 0;
      // A sample right at the task's edge may belong to its neighbour: keep 50 µs inside.
      for (const s of samplesIn(node.ts + 50, node.end - 50)) if (sampleIsExt(s.leaf)) extUs += s.us;
      return {
        at: rel(node.ts),
        ms: (node.end - node.ts) / 1000,
        cpuMs: node.cpu === undefined ? null : node.cpu / 1000,
        extension: evidence.length > 0 || extUs > 0,
        evidence: [...new Set(evidence)],
        extensionJsMs: extUs / 1000,
        renderMs: renderUs / 1000,
        render,
        gcMs: gcUs / 1000,
        majorGcCpuMs: majorUs / 1000,
        heapGcCpuMs: heapUs / 1000,
        node,
      };
    });
  const extensionTasks = tasks.filter((t) => t.extension);

  return {
    pid,
    tid,
    navigationStart,
    dcl,
    load,
    firstExtensionAt: extensionTasks.length ? extensionTasks[0]!.at : null,
    lastExtensionEnd: extensionTasks.length ? extensionTasks.at(-1)!.at + extensionTasks.at(-1)!.ms : null,
    tasks,
    extensionTasks,
    evaluation(url) {
      const task = tasks.find((t) => {
        let found = false;
        walk(t.node, (n) => (found ||= EVALUATION_EVENTS.has(n.name) && urlOf(n.args) === url));
        return found;
      });
      if (!task) return null;
      let us = 0;
      let compileUs = 0;
      let cpuUs: number | null = 0;
      const visit = (n: Node, inside: boolean) => {
        const counts = EVALUATION_EVENTS.has(n.name) && urlOf(n.args) === url;
        if (counts && !inside) {
          us += n.end - n.ts;
          cpuUs = n.cpu === undefined || cpuUs === null ? null : cpuUs + n.cpu;
        }
        if (counts && n.name === 'v8.compile') compileUs += n.end - n.ts;
        for (const c of n.children) visit(c, inside || counts);
      };
      visit(task.node, false);
      return { ms: us / 1000, compileMs: compileUs / 1000, cpuMs: cpuUs === null ? null : cpuUs / 1000 };
    },
    describe(task, source) {
      const lines: string[] = [];
      // The event tree, down to 1 ms events (siblings of the same name are summed).
      const tree = (n: Node, depth: number) => {
        const groups = new Map<string, { ms: number; count: number; first: Node }>();
        for (const c of n.children) {
          const u = urlOf(c.args);
          const fn = (c.args?.data as { functionName?: string } | undefined)?.functionName;
          const key = `${c.name}${u ? ` ${shortUrl(u)}` : ''}${fn ? ` ${fn}()` : ''}`;
          const g = groups.get(key) ?? { ms: 0, count: 0, first: c };
          g.ms += (c.end - c.ts) / 1000;
          g.count++;
          groups.set(key, g);
        }
        for (const [key, g] of [...groups].sort((a, b) => b[1].ms - a[1].ms)) {
          if (g.ms < 1) continue;
          lines.push(
            `${'  '.repeat(depth)}${key}${g.count > 1 ? ` ×${g.count}` : ''}: ${g.ms.toFixed(1)} ms`,
          );
          if (depth < 5 && g.count === 1) tree(g.first, depth + 1);
        }
      };
      const cpu = task.cpuMs === null ? '' : ` (thread time ${task.cpuMs.toFixed(1)} ms)`;
      lines.push(`task at ${task.at.toFixed(0)} ms from DOMContentLoaded, ${task.ms.toFixed(1)} ms${cpu}:`);
      tree(task.node, 1);
      // Where the sampled time went: by leaf frame (self time) and by innermost extension frame.
      const within = samplesIn(task.node.ts, task.node.end);
      const total = within.reduce((s, x) => s + x.us, 0);
      if (total > 0) {
        const bySelf = new Map<string, number>();
        const byExt = new Map<string, number>();
        const byStack = new Map<string, number>();
        for (const s of within) {
          const stack = stackOf(s.leaf);
          const self = frameKey(stack[0]);
          bySelf.set(self, (bySelf.get(self) ?? 0) + s.us);
          const chain = stack
            .slice(0, 8)
            .map((f) => f.functionName || '(anonymous)')
            .join(' < ');
          byStack.set(chain, (byStack.get(chain) ?? 0) + s.us);
          const inner = stack.find((f) => isExtUrl(f.url));
          if (inner) byExt.set(frameKey(inner), (byExt.get(frameKey(inner)) ?? 0) + s.us);
        }
        const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
        lines.push(`  sampled ${(total / 1000).toFixed(1)} ms; self time by frame:`);
        for (const [k, us] of top(bySelf, 8)) lines.push(`    ${(us / 1000).toFixed(1)} ms  ${k}`);
        if (byExt.size) {
          lines.push('  by innermost extension frame (incl. what it called):');
          for (const [k, us] of top(byExt, 8)) {
            lines.push(`    ${(us / 1000).toFixed(1)} ms  ${k}`);
            const col = /:(\d+):(\d+)$/.exec(k);
            if (source && col)
              lines.push(`        ${snippet(source, Number(col[1]) - 1, Number(col[2]) - 1)}`);
          }
        }
        lines.push('  most sampled stacks (innermost first):');
        for (const [k, us] of top(byStack, 3)) lines.push(`    ${(us / 1000).toFixed(1)} ms  ${k}`);
      }
      return lines;
    },
  };
}

/** Nest the thread's complete events (X, or B/E pairs) by time; returns the top-level ones. */
function buildTree(own: TraceEvent[]): Node[] {
  const spans: Node[] = [];
  const open: TraceEvent[] = [];
  for (const e of [...own].sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X')
      spans.push({
        name: e.name,
        ts: e.ts,
        end: e.ts + (e.dur ?? 0),
        cpu: e.tdur,
        args: e.args,
        children: [],
      });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts, args: { ...b.args, ...e.args }, children: [] });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const s of spans) {
    while (stack.length && stack.at(-1)!.end <= s.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent && s.end <= parent.end) parent.children.push(s);
    else if (!parent) roots.push(s);
    else continue; // overlaps its would-be parent without nesting: ignore
    stack.push(s);
  }
  return roots;
}

function walk(node: Node, visit: (n: Node, inRender: boolean, inGc: boolean) => void): void {
  const go = (n: Node, inRender: boolean, inGc: boolean) => {
    visit(n, inRender, inGc);
    for (const c of n.children) go(c, inRender || RENDER_EVENTS.has(n.name), inGc || isGc(n.name));
  };
  go(node, false, false);
}

/** The V8 CPU profile of the main thread `pid`/`tid`, as recorded in the trace. */
function readSamples(events: TraceEvent[], pid: number, tid: number): Samples {
  const nodes = new Map<number, ProfileNode>();
  const pairs: [number, number][] = [];
  const profiles = events.filter((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  for (const profile of profiles) {
    let t = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts);
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === pid && e.id === profile.id);
    for (const c of chunks) {
      const data = c.args?.data as {
        cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const s = data.cpuProfile?.samples ?? [];
      const d = data.timeDeltas ?? [];
      for (let i = 0; i < s.length; i++) {
        t += d[i] ?? 0;
        pairs.push([t, s[i]!]);
      }
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { times: pairs.map((p) => p[0]), leaves: pairs.map((p) => p[1]), nodes };
}

function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function shortUrl(u: string): string {
  return u.replace(/^chrome-extension:\/\/[a-p]{32}\//, 'ext:').replace(/^https?:\/\/[^/]+\//, 'page:');
}

function frameKey(f: CallFrame | undefined): string {
  if (!f) return '?';
  const name = f.functionName || (f.url ? '(anonymous)' : '');
  if (!f.url) return name || '?';
  return `${name} ${shortUrl(f.url)}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}`;
}

/** The source text at a 0-based line and column, on one line, to recognise minified code. */
function snippet(source: string, line: number, column: number): string {
  const text = source.split('\n')[line] ?? '';
  return JSON.stringify(text.slice(column, column + 110));
}

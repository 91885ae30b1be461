/**
 * Deterministic news-like test pages for the benchmark: nested inline markup, Latin and Cyrillic
 * paragraphs, entity mentions (some split across inline elements), and decoys in `<script>` and
 * JSON-LD that must not count. Returns the page and its ground truth: the mentions, in order.
 */

import { AMBIGUOUS, BLOCKER, patternAt, type Dictionary, type Pattern } from '../../src/core/dictionary';
import { normalizeAlias } from '../../src/core/normalize';

/** A form the generator may insert, and the entity it must be found as. */
export interface MentionForm {
  entity: string;
  form: string;
  script: 'latin' | 'cyrillic';
}

/**
 * What the generator may insert for a dictionary: forms that are unambiguous, not blockers, and
 * whose normalised key means one entity (so the ground truth is unambiguous), plus every word of
 * every form, which filler text must avoid.
 */
export function mentionFormsOf(dict: Dictionary): {
  forms: MentionForm[];
  forbiddenWords: Set<string>;
  patterns: Pattern[];
} {
  const patterns = Array.from({ length: dict.patternCount }, (_, i) => patternAt(dict, i));
  const keyEntities = new Map<string, Set<number>>();
  const forbiddenWords = new Set<string>();
  for (const p of patterns) {
    const key = normalizeAlias(p.form);
    for (const w of key.split(/[\s'-]+/)) forbiddenWords.add(w);
    if (!keyEntities.has(key)) keyEntities.set(key, new Set());
    keyEntities.get(key)!.add(p.flags & BLOCKER ? -1 : p.entity);
  }
  const forms = patterns
    .filter((p) => !(p.flags & (AMBIGUOUS | BLOCKER)) && keyEntities.get(normalizeAlias(p.form))!.size === 1)
    .map((p) => ({
      entity: dict.entities[p.entity]!.id,
      form: p.form,
      script: /[\u0400-\u04ff]/.test(p.form) ? ('cyrillic' as const) : ('latin' as const),
    }));
  return { forms, forbiddenWords, patterns };
}

/** Mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Filler syllables avoid q, x, z, щ, ж, ц, which the synthetic aliases use, so filler can never
// spell an alias by accident; words that appear in any real form are rejected too.
const LATIN = [
  'ta',
  'ne',
  'ro',
  'mi',
  'sa',
  'lo',
  'ver',
  'an',
  'te',
  'pol',
  'di',
  'ka',
  'ri',
  'mo',
  'un',
  'bel',
  'fo',
  'gra',
  'se',
  'tu',
];
const CYRILLIC = [
  'та',
  'не',
  'ро',
  'ми',
  'са',
  'ло',
  'вер',
  'ан',
  'те',
  'пол',
  'ди',
  'ка',
  'ри',
  'мо',
  'ун',
  'бел',
  'фо',
  'гра',
  'се',
  'ту',
];

/** Synthetic alias names: two capitalised pseudo-words built from syllables no filler uses. */
export function syntheticNames(count: number, seed = 7): string[] {
  const next = rng(seed);
  const latin = ['qa', 'xo', 'zu', 'qe', 'xi', 'zo', 'quor', 'xan', 'zel', 'qis'];
  const cyr = ['жа', 'що', 'цу', 'же', 'щи', 'цо', 'жор', 'щан', 'цел', 'жис'];
  const out = new Set<string>();
  while (out.size < count) {
    const syl = next() < 0.5 ? latin : cyr;
    const word = () => {
      const w = Array.from(
        { length: 2 + Math.floor(next() * 2) },
        () => syl[Math.floor(next() * syl.length)],
      ).join('');
      return w[0]!.toUpperCase() + w.slice(1);
    };
    out.add(`${word()} ${word()}`);
  }
  return [...out];
}

/** Share of words that are mentions: a dense news page (~1 mention per 70 words). */
const MENTION_RATE = 0.015;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Generate a page with about `textBytes` characters of visible text.
 * `forbiddenWords`: lower-cased words that filler must not produce (every word of every form).
 */
export function generatePage(
  textBytes: number,
  forms: MentionForm[],
  forbiddenWords: Set<string>,
  seed = 42,
): { html: string; truth: [string, string][]; textLength: number; blocks: string[] } {
  const next = rng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(next() * a.length)]!;
  const latinForms = forms.filter((f) => f.script === 'latin');
  const cyrForms = forms.filter((f) => f.script === 'cyrillic');
  const truth: [string, string][] = [];
  const body: string[] = [];
  /** Each paragraph and heading as plain text, in page order. */
  const blocks: string[] = [];
  let textLength = 0;

  const fillerWord = (syl: string[]) => {
    for (;;) {
      const w = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(syl)).join('');
      if (!forbiddenWords.has(w)) return w;
    }
  };
  // Wrap some words in nested inline markup.
  const inline = (html: string) => {
    const r = next();
    if (r < 0.04) return `<b>${html}</b>`;
    if (r < 0.07) return `<a href="#n${Math.floor(next() * 1000)}">${html}</a>`;
    if (r < 0.09) return `<em><span class="x">${html}</span></em>`;
    return html;
  };
  const mention = (f: MentionForm) => {
    truth.push([f.entity, f.form]);
    textLength += f.form.length;
    // One mention in five is split across inline elements, inside a word.
    if (f.form.length > 3 && next() < 0.2) {
      const cut = 1 + Math.floor(next() * (f.form.length - 2));
      return `${escapeHtml(f.form.slice(0, cut))}<i>${escapeHtml(f.form.slice(cut))}</i>`;
    }
    return inline(escapeHtml(f.form));
  };

  let paragraphs = 0;
  while (textLength < textBytes) {
    const cyrillic = next() < 0.4 && cyrForms.length > 0;
    const syl = cyrillic ? CYRILLIC : LATIN;
    const pool = cyrillic ? cyrForms : latinForms;
    const words: string[] = [];
    const plain: string[] = [];
    const n = 40 + Math.floor(next() * 60);
    for (let i = 0; i < n; i++) {
      if (i > 0 && i < n - 1 && next() < MENTION_RATE) {
        const f = pick(pool);
        plain.push(f.form);
        words.push(mention(f));
      } else {
        const w = fillerWord(syl);
        textLength += w.length;
        plain.push(w);
        words.push(inline(w));
      }
      textLength += 1;
    }
    body.push(`<p>${words.join(' ')}.</p>`);
    blocks.push(`${plain.join(' ')}.`);
    paragraphs++;
    if (paragraphs % 10 === 0) {
      const decoy = pick(forms).form;
      body.push(`<script>window.__decoy = ${JSON.stringify(decoy)};</script>`);
      body.push(
        `<script type="application/ld+json">{"@type":"NewsArticle","about":${JSON.stringify(decoy)}}</script>`,
      );
    }
    if (paragraphs % 25 === 0) {
      const heading = `${fillerWord(syl)} ${fillerWord(syl)}`;
      body.push(`<h2>${escapeHtml(heading)}</h2>`);
      blocks.push(heading);
    }
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><article>${body.join('\n')}</article></body></html>`;
  return { html, truth, textLength, blocks };
}

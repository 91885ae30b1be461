/**
 * Reader of the annotated attribution set (`test/fixtures/attribution/*.txt`, format in the
 * README there): documents with their clean text and the marked statements.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURE_DIR = resolve(import.meta.dirname, '../test/fixtures/attribution');

export interface GoldStatement {
  speaker: string;
  stance?: string;
  start: number;
  end: number;
}

export interface FixtureDoc {
  lang: string;
  /** "development" (the rules were tuned on it) or "held-out" (written after, never tuned on). */
  set: 'development' | 'held-out';
  /** 1-based line of the document's first line in its file, for messages. */
  line: number;
  text: string;
  gold: GoldStatement[];
}

const MARK = /\{\{([a-z0-9]+(?:-[a-z0-9]+)*)(?: ([a-z-]+))?\|([^{}]*)\}\}/g;

/** Strip the markup of one document: clean text and gold spans on it. */
export function parseDocument(marked: string): { text: string; gold: GoldStatement[] } {
  const gold: GoldStatement[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const start = text.length;
    text += m[3]!;
    gold.push({ speaker: m[1]!, ...(m[2] ? { stance: m[2] } : {}), start, end: text.length });
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  if (/\{\{|\}\}/.test(text))
    throw new Error(`malformed markup near: ${text.slice(text.search(/\{\{|\}\}/), 60)}`);
  return { text, gold };
}

/** Every document of one language file. */
export function readFixtureFile(file: string, lang: string, set: FixtureDoc['set']): FixtureDoc[] {
  const docs: FixtureDoc[] = [];
  let lines: string[] = [];
  let firstLine = 1;
  const flush = () => {
    const body = lines
      .filter((l) => !l.startsWith('#'))
      .join('\n')
      .trim();
    if (body) {
      try {
        docs.push({ lang, set, line: firstLine, ...parseDocument(body) });
      } catch (error) {
        throw new Error(`${file}:${firstLine}: ${(error as Error).message}`, { cause: error });
      }
    }
    lines = [];
  };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '---') {
        flush();
        firstLine = i + 2;
      } else lines.push(line);
    });
  flush();
  return docs;
}

/** All fixture documents: the development files, then the held-out ones (`heldout/`). */
export function readFixtures(dir = FIXTURE_DIR): FixtureDoc[] {
  const read = (folder: string, set: FixtureDoc['set']) =>
    readdirSync(folder)
      .filter((f) => /^[a-z]{2}\.txt$/.test(f))
      .sort()
      .flatMap((f) => readFixtureFile(join(folder, f), f.slice(0, 2), set));
  return [...read(dir, 'development'), ...read(join(dir, 'heldout'), 'held-out')];
}

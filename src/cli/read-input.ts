/**
 * Reading the files maintainers point the CLI at: .txt as is, .html/.htm as the visible text the
 * content script would see (through linkedom and the same extraction). Shared by `annotate` and
 * `attribute`, so both work on exactly the same text and offsets.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractText } from '../dom/extract';

/** Larger inputs are refused (a news page is far smaller; this guards against mistakes). */
export const MAX_BYTES = 50 * 1024 * 1024;

/** A problem with the user's input: reported as one line, never as a stack trace. */
export class UserError extends Error {}

/** A file's text as the extension sees it, and the language the page declares (`<html lang>`). */
export function readInput(file: string): { text: string; lang?: string } {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError(`${file}: not a file`);
    size = st.size;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: no such file`);
  }
  if (size > MAX_BYTES)
    throw new UserError(`${file}: too large (${(size / 1048576).toFixed(1)} MB; limit 50 MB)`);
  const ext = extname(file).toLowerCase();
  if (!['.html', '.htm', '.txt'].includes(ext)) {
    throw new UserError(`${file}: unsupported type "${ext}" (use .html, .htm or .txt)`);
  }
  const bytes = readFileSync(file);
  if (bytes.includes(0)) throw new UserError(`${file}: looks binary (contains NUL bytes)`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${file}: not valid UTF-8`);
  }
  if (ext === '.txt') return { text: text.replace(/^\uFEFF/, '') };
  const { document } = parseHTML(text);
  const lang = document.documentElement?.getAttribute('lang') ?? undefined;
  return {
    text: extractText(document.body ?? document.documentElement ?? document).text,
    lang: lang || undefined,
  };
}

/** Bundled as an IIFE by extract-worlds.ts and run in a page: exposes the text extractor. */
import { TextExtractor } from '../../src/dom/extract';

(globalThis as unknown as { wswTextExtractor: typeof TextExtractor }).wswTextExtractor = TextExtractor;

/**
 * Content script at `document_start`: starts reading the stored data the main script needs, so
 * the read overlaps the page's own loading (see `early-read.ts`). Nothing else runs here.
 */
import { startEarlyRead } from '../platform/early-read';

startEarlyRead();

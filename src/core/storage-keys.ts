/**
 * Keys of the derived library items in `storage.local` (kept apart from the library module so
 * the content script can import them without pulling in the importers).
 */

/** The matching dictionary including imported entities (absent: use the bundled one). */
export const DICTIONARY_KEY = 'wsw-dictionary';
/** The library revision, bumped by every change to imported datasets (0 or absent: none). */
export const REVISION_KEY = 'wsw-library-revision';

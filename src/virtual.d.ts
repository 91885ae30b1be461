/**
 * The compiled entity dictionary (matching-only form), generated at build time by vite.config.ts;
 * parsed on call (not while the content script is evaluated).
 */
declare module 'virtual:wsw-dictionary' {
  import type { SerializedDictionary } from './core/dictionary';
  const dictionary: () => SerializedDictionary;
  export default dictionary;
}

/** The compiled claim dataset, generated at build time by vite.config.ts. */
declare module 'virtual:wsw-dataset' {
  import type { Dataset } from './core/dataset';
  const dataset: Dataset;
  export default dataset;
}

/** The compiled entity dictionary with pattern texts and all names, for the background. */
declare module 'virtual:wsw-dictionary-full' {
  import type { SerializedDictionary } from './core/dictionary';
  const dictionary: SerializedDictionary;
  export default dictionary;
}

/** The bundled entity sources (for re-compiling the dictionary with imported entities). */
declare module 'virtual:wsw-entity-sources' {
  import type { EntitySource } from './core/entities';
  const entities: EntitySource[];
  export default entities;
}

/** The card's `_locales` strings in every UI language (content script). */
declare module 'virtual:wsw-card-messages' {
  import type { LocaleTable } from './core/messages-format';
  const tables: Record<'en' | 'uk' | 'ru', LocaleTable>;
  export default tables;
}

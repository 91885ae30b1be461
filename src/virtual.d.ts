/**
 * The compiled entity dictionary (matching-only form), generated at build time (build/); parsed
 * on call. The background writes it to `storage.local`, where content scripts read it.
 */
declare module 'virtual:wsw-dictionary' {
  import type { SerializedDictionary } from './core/dictionary';
  const dictionary: () => SerializedDictionary;
  export default dictionary;
}

/** The identity of this build's content-script data (tags what it writes to `storage.local`). */
declare module 'virtual:wsw-content-data-id' {
  const id: string;
  export default id;
}

/** The compiled claim dataset, generated at build time (build/). */
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

/** Every entity's dictionary, claims or not, for attribution (null: every entity has claims). */
declare module 'virtual:wsw-dictionary-speakers' {
  import type { SerializedDictionary } from './core/dictionary';
  const dictionary: SerializedDictionary | null;
  export default dictionary;
}

/** The bundled entity sources (for re-compiling the dictionary with imported entities). */
declare module 'virtual:wsw-entity-sources' {
  import type { EntitySource } from './core/entities';
  const entities: EntitySource[];
  export default entities;
}

/** The card's `_locales` strings in every UI language (written to `storage.local` for content scripts). */
declare module 'virtual:wsw-card-messages' {
  import type { LocaleTable } from './core/messages-format';
  const tables: Record<'en' | 'uk' | 'ru', LocaleTable>;
  export default tables;
}

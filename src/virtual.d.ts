/** The compiled entity dictionary (matching-only form), generated at build time by vite.config.ts. */
declare module 'virtual:wsw-dictionary' {
  import type { SerializedDictionary } from './core/dictionary';
  const dictionary: SerializedDictionary;
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

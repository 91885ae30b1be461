/**
 * The data the extension ships, compiled from `assets/` at build time into virtual modules: the
 * claim dataset, the entity sources, and the entity dictionary (full, and matching-only). The
 * sources are read and validated once per build, however many bundles import them; an invalid
 * source fails the build with every error located.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { highlightableEntities } from '../src/core/dataset';
import { compileDictionary, serializeDictionary } from '../src/core/dictionary';
import { readDataset } from '../src/node/dataset-files';
import { CARD_CSS } from '../src/ui/card-css';
import { readCardTables } from './card-messages';
import { ROOT } from './manifest';

/** Matching-only dictionary (no pattern texts or descriptions), parsed when first asked for. */
export const DICTIONARY_MODULE = 'virtual:wsw-dictionary';
/**
 * The identity of what content scripts read from `storage.local` (a hash of the matching
 * dictionary, the card's strings and stylesheet, and the extension's version): an item there tagged with another
 * one was written by another build.
 */
export const CONTENT_DATA_ID_MODULE = 'virtual:wsw-content-data-id';
/** Full dictionary: pattern texts and names in every language, for cards and explanations. */
export const FULL_DICTIONARY_MODULE = 'virtual:wsw-dictionary-full';
/**
 * Every entity, claims or not (full form), for finding who speaks on a page: a person quoted in an
 * article is worth showing even before the dataset has a claim of theirs. `null` when every entity
 * has claims (then it equals the full dictionary above, and is not shipped twice).
 */
export const SPEAKER_DICTIONARY_MODULE = 'virtual:wsw-dictionary-speakers';
/** The compiled claim dataset. */
export const DATASET_MODULE = 'virtual:wsw-dataset';
/** The validated entity sources (to compile the dictionary again with imported entities). */
export const ENTITY_SOURCES_MODULE = 'virtual:wsw-entity-sources';

const MODULES = [
  DICTIONARY_MODULE,
  CONTENT_DATA_ID_MODULE,
  FULL_DICTIONARY_MODULE,
  SPEAKER_DICTIONARY_MODULE,
  DATASET_MODULE,
  ENTITY_SOURCES_MODULE,
];

/** Each module's code, from one read of the sources. */
function compileModules(): Record<string, string> {
  const { dataset, entities } = readDataset();
  // Only entities with claims are highlighted (nothing is highlighted that has no card to show).
  const highlightable = highlightableEntities(entities, dataset);
  const dictionary = compileDictionary(highlightable);
  const speakers =
    highlightable.length < entities.length ? serializeDictionary(compileDictionary(entities)) : null;
  const matching = JSON.stringify(serializeDictionary(dictionary, { matchingOnly: true }));
  const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  const strings = JSON.stringify(readCardTables());
  const id = createHash('sha256')
    .update(`${version}\0${matching}\0${strings}\0${CARD_CSS}`)
    .digest('hex')
    .slice(0, 16);
  // JSON.parse of a string literal loads faster than the same data as an object literal.
  const parsed = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
  return {
    [DICTIONARY_MODULE]: `const json = ${JSON.stringify(matching)};\nexport default () => JSON.parse(json);`,
    [CONTENT_DATA_ID_MODULE]: `export default ${JSON.stringify(id)};`,
    [FULL_DICTIONARY_MODULE]: parsed(serializeDictionary(dictionary)),
    [SPEAKER_DICTIONARY_MODULE]: parsed(speakers),
    [DATASET_MODULE]: parsed(dataset),
    [ENTITY_SOURCES_MODULE]: parsed(entities),
  };
}

/** The virtual modules above; one instance may serve several builds (the data is read once). */
export function bundledData(): Plugin {
  let modules: Record<string, string> | undefined;
  return {
    name: 'wsw:bundled-data',
    resolveId: {
      filter: { id: /^virtual:wsw-/ },
      handler: (id) => (MODULES.includes(id) ? '\0' + id : null),
    },
    load: {
      filter: { id: /^\0virtual:wsw-/ },
      handler(id) {
        const name = id.slice(1);
        if (!MODULES.includes(name)) return null;
        try {
          modules ??= compileModules();
        } catch (error) {
          this.error((error as Error).message);
        }
        return modules[name];
      },
    },
  };
}

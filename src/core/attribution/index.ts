/**
 * Attribution: who said what in a text, where the speaker is one of our entities. Pure: no DOM,
 * no Node; the CLI and the extension share it.
 */
export { attribute, type AttributeOptions } from './attribute';
export { explainAttribution } from './explain';
export { entityLookup, genderOfName, speakerMentions } from './mentions';
export { LEXICONS } from './compile';
export { pageStatements } from './page';
export { outletOf, suggestClaims, type Skipped, type SuggestSource } from './suggest';
export * from './types';

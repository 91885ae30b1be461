/**
 * One sense per page: the rules that decide, for each candidate mention, whether the page means
 * our entity or a namesake, a club, a common word, a derived word. See `page-sense.ts`.
 */
export { PageSense, type Judged, type SenseOptions, type SenseUpdate } from './page-sense';
export { type SenseRule, type Suppression } from './local';
export { langFamily, LANGUAGES } from './language';

/**
 * Look up a UI string by its `_locales` key. Components receive it as a prop so they stay free of
 * extension APIs (and can be rendered in tests with a plain dictionary).
 */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/**
 * One visual language for the card, the popup and the options page: colours (light and dark), a
 * type scale, spacing, buttons and badges. Written once here and adopted by all three — the card
 * inside its closed shadow root (`.card` carries the tokens there, where page CSS cannot reach),
 * the extension pages on `:root` — so a badge or a button looks the same wherever a reader meets it.
 * Sizes are in rem/em so the reader's text size setting applies.
 */
const LIGHT = `
  --wsw-bg: #ffffff; --wsw-fg: #1d2330; --wsw-muted: #5b6474; --wsw-accent: #2358c4; --wsw-on-accent: #ffffff;
  --wsw-border: #d5dae3; --wsw-surface: #f4f6fa; --wsw-deny: #b3261e; --wsw-assert: #1f6f43; --wsw-mixed: #8a4b00;
  --wsw-shadow: 0 8px 28px rgba(0, 0, 0, 0.18);`;
const DARK = `
  --wsw-bg: #1b1e24; --wsw-fg: #e7eaf0; --wsw-muted: #a3abb9; --wsw-accent: #8fb3ff; --wsw-on-accent: #10151f;
  --wsw-border: #3a404b; --wsw-surface: #242832; --wsw-deny: #ff8a80; --wsw-assert: #7fd3a0; --wsw-mixed: #f2b866;
  --wsw-shadow: 0 8px 28px rgba(0, 0, 0, 0.5);`;

export const DESIGN_CSS = `
:root, .card {${LIGHT}
  --wsw-font: system-ui, -apple-system, 'Segoe UI', sans-serif;
  --wsw-text-xs: 0.8em; --wsw-text-s: 0.875em; --wsw-text-l: 1.125em; --wsw-text-xl: 1.3em;
  --wsw-space-1: 0.25em; --wsw-space-2: 0.5em; --wsw-space-3: 0.75em; --wsw-space-4: 1em;
  --wsw-radius: 6px;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme='light']), .card:not([data-theme='light']) {${DARK} }
}
:root[data-theme='dark'], .card[data-theme='dark'] {${DARK} }
:root { color-scheme: light dark; }
:root[data-theme='light'] { color-scheme: light; }
:root[data-theme='dark'] { color-scheme: dark; }

.wsw-button {
  display: inline-flex; align-items: center; gap: var(--wsw-space-1); min-height: 2em;
  padding: var(--wsw-space-1) var(--wsw-space-3); border: 1px solid var(--wsw-border);
  border-radius: var(--wsw-radius); background: var(--wsw-bg); color: var(--wsw-fg);
  font: inherit; font-size: var(--wsw-text-s); cursor: pointer;
}
.wsw-button:hover { border-color: var(--wsw-accent); }
.wsw-button-primary { background: var(--wsw-accent); border-color: var(--wsw-accent); color: var(--wsw-on-accent); font-weight: 600; }
.wsw-button-danger { color: var(--wsw-deny); border-color: currentColor; }
.wsw-button-link {
  border: none; background: none; padding: 0; min-height: 0; color: var(--wsw-accent);
  font: inherit; text-decoration: underline; cursor: pointer;
}
.wsw-badge {
  display: inline-block; padding: 0 0.45em; border: 1px solid currentColor; border-radius: 999px;
  font-size: var(--wsw-text-xs); font-weight: 600; line-height: 1.5; white-space: nowrap; color: var(--wsw-muted);
  text-decoration: none;
}
.wsw-stance-denies, .wsw-verdict-false, .wsw-verdict-mostly-false { color: var(--wsw-deny); }
.wsw-stance-asserts, .wsw-stance-accuses, .wsw-stance-confirms, .wsw-verdict-true, .wsw-verdict-mostly-true {
  color: var(--wsw-assert);
}
.wsw-verdict-partly-true-misleading, .wsw-verdict-complicated-hard-to-categorise, .wsw-verdict-other {
  color: var(--wsw-mixed);
}
.wsw-verdict-false, .wsw-verdict-mostly-false, .wsw-verdict-true, .wsw-verdict-mostly-true,
.wsw-verdict-partly-true-misleading, .wsw-verdict-complicated-hard-to-categorise, .wsw-verdict-other {
  background: color-mix(in srgb, currentColor 10%, transparent);
}
`;

/** The class of a normalised verdict's badge (`partly true/misleading` → `wsw-verdict-partly-true-misleading`). */
export const verdictClass = (normalized: string) =>
  `wsw-verdict-${normalized.toLowerCase().replace(/[^a-z]+/g, '-')}`;

/** The locale key of a normalised verdict's name. */
export const verdictKey = (normalized: string) =>
  `cardVerdict_${normalized.toLowerCase().replace(/[^a-z]+/g, '_')}`;

/** Adopt the shared design into an extension page (after its own stylesheet, so tokens win). */
export function adoptDesign(doc: Document): void {
  const sheet = new (doc.defaultView ?? window).CSSStyleSheet();
  sheet.replaceSync(DESIGN_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

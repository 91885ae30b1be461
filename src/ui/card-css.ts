import { DESIGN_CSS } from './design';

/**
 * Styles of the hover card, adopted into its closed shadow root (page CSS cannot reach in, and a
 * page CSP cannot strip an adopted stylesheet). Compact by design: at most 380 px wide and 45 % of
 * the viewport high; text in rem (never below 12 px, whatever the page does to its root size).
 * Header on top, the items below it scroll when "Show all" expands them. Content scripts get it
 * as data: the background writes it to `storage.local` (see `platform/library-store.ts`).
 */
export const CARD_CSS =
  DESIGN_CSS +
  `
:host { all: initial; }
.card {
  box-sizing: border-box; display: flex; flex-direction: column;
  width: min(23.75rem, 380px, calc(100vw - 16px));
  max-height: min(45vh, var(--wsw-max-height, 45vh));
  overflow: hidden; padding: 0.6em var(--wsw-space-3) 0.4em;
  border: 1px solid var(--wsw-border); border-radius: 8px;
  background: var(--wsw-bg); color: var(--wsw-fg); box-shadow: var(--wsw-shadow);
  font: max(0.8125rem, 12px)/1.35 var(--wsw-font); text-align: left;
}
header { position: relative; padding-right: 1.6em; flex: none; }
h2 { margin: 0; font-size: var(--wsw-text-l); line-height: 1.25; }
.type { font-size: var(--wsw-text-xs); font-weight: normal; color: var(--wsw-muted); margin-left: var(--wsw-space-1); }
.line { margin: 0.1em 0 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.description, .why, .article { color: var(--wsw-muted); }
.why, .article { font-size: var(--wsw-text-xs); }
.article { margin: 0.1em 0 0; }
.summary { font-weight: 600; font-size: var(--wsw-text-s); }
.close { position: absolute; top: -0.3em; right: -0.4em; border: none; background: none; color: var(--wsw-muted);
  font-size: 1.3em; line-height: 1; cursor: pointer; padding: 0.1em 0.35em; border-radius: 4px; }
button:focus-visible, a:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--wsw-accent); outline-offset: 1px; }
.list { flex: 1 1 auto; min-height: 0; overflow: auto; margin-top: 0.35em; padding-top: 0.35em;
  border-top: 1px solid var(--wsw-border); overscroll-behavior: contain; }
ol { list-style: none; margin: 0; padding: 0; }
.item { padding: 0.3em 0; border-top: 1px solid var(--wsw-border); }
ol:first-child > .item:first-child { border-top: none; padding-top: 0; }
.reason { line-height: 1.3; display: flex; gap: var(--wsw-space-2); margin: 0 0 0.1em; font-size: var(--wsw-text-xs); color: var(--wsw-muted); }
.why-here { flex: 1 1 auto; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.where { flex: 0 1 auto; max-width: 40%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.more-replies { float: right; margin-left: var(--wsw-space-1); font-size: var(--wsw-text-xs); color: var(--wsw-muted); }
.reason .wsw-badge { margin-right: var(--wsw-space-1); }
.claim { margin: 0; }
.meta, .source, .text { margin: 0; }
.speaker { font-weight: 600; }
.role { color: var(--wsw-muted); }
.meta .wsw-badge { margin-left: var(--wsw-space-1); }
.text { margin: 0.05em 0; }
blockquote.text { font-style: italic; }
.in-article mark { background: none; color: inherit; font-style: italic; text-decoration: underline; }
.in-article .cue { opacity: 0.75; }
.brief { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.brief .wsw-badge { margin: 0 0 0 var(--wsw-space-1); }
.compact .meta { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.compact .text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-clamp: 2; overflow: hidden; }
.kind, .source, .also { font-size: var(--wsw-text-xs); color: var(--wsw-muted); }
.also { margin: 0.15em 0 0; }
.replies { margin: 0.15em 0 0 0.6em; padding-left: var(--wsw-space-2); border-left: 2px solid var(--wsw-border); }
.replies > li + li { margin-top: 0.3em; }
.later-tag { margin-left: var(--wsw-space-1); }
.divider { display: flex; align-items: center; gap: var(--wsw-space-2); margin: var(--wsw-space-2) 0 0;
  font-size: var(--wsw-text-xs); font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--wsw-muted); }
.divider::before, .divider::after { content: ''; flex: 1; border-top: 1px dashed var(--wsw-muted); }
a { color: var(--wsw-accent); }
.actions { flex: none; display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center;
  gap: var(--wsw-space-2); margin-top: var(--wsw-space-1); padding-top: var(--wsw-space-1);
  border-top: 1px solid var(--wsw-border); font-size: var(--wsw-text-xs); color: var(--wsw-muted); }
.actions .wsw-button { font-size: 1em; min-height: 0; line-height: 1.4; padding: 0.1em var(--wsw-space-2); font-weight: 600;
  color: var(--wsw-accent); border-color: currentColor; border-radius: 999px; }
.timeline { display: flex; align-items: flex-end; gap: 2px; height: 1.6em; margin-top: var(--wsw-space-2); }
.bar { flex: 1; min-height: 2px; background: var(--wsw-accent); opacity: 0.6; border-radius: 1px; }
.status { margin: 0; color: var(--wsw-muted); }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }
`;

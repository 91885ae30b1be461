/**
 * Styles of the hover card, adopted into its closed shadow root (page CSS cannot reach in, and a
 * page CSP cannot strip an adopted stylesheet). Light and dark follow the reader's system.
 */
export const CARD_CSS = `
:host { all: initial; }
.card {
  --bg: #ffffff; --fg: #1d2330; --muted: #5b6474; --accent: #2358c4; --border: #d5dae3;
  --deny: #b3261e; --assert: #1f6f43; --pair: #f4f6fa;
  box-sizing: border-box; width: min(26rem, calc(100vw - 16px)); max-height: var(--wsw-max-height, 28rem);
  overflow: auto; padding: 0.75rem 0.9rem; border: 1px solid var(--border); border-radius: 8px;
  background: var(--bg); color: var(--fg); box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18);
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; text-align: left;
}
@media (prefers-color-scheme: dark) {
  .card:not([data-theme=light]) { --bg: #1b1e24; --fg: #e7eaf0; --muted: #a3abb9; --accent: #8fb3ff; --border: #3a404b;
    --deny: #ff8a80; --assert: #7fd3a0; --pair: #242832; }
}
.card[data-theme=dark] { --bg: #1b1e24; --fg: #e7eaf0; --muted: #a3abb9; --accent: #8fb3ff; --border: #3a404b;
  --deny: #ff8a80; --assert: #7fd3a0; --pair: #242832; }
.all { border: none; background: none; padding: 0; color: var(--accent); font: inherit; text-decoration: underline;
  cursor: pointer; }
header { position: relative; padding-right: 1.5rem; }
h2 { margin: 0; font-size: 1.05rem; }
h3 { margin: 0.7rem 0 0.3rem; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.type { font-size: 0.75rem; font-weight: normal; color: var(--muted); }
.description, .why { margin: 0.15rem 0; color: var(--muted); }
.why { font-size: 0.75rem; }
.close { position: absolute; top: -0.2rem; right: -0.3rem; border: none; background: none; color: var(--muted);
  font-size: 1.2rem; cursor: pointer; padding: 0.1rem 0.35rem; border-radius: 4px; }
button:focus-visible, a:focus-visible, .card:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.pair { display: grid; grid-template-columns: 1fr auto 1fr; gap: 0.4rem; background: var(--pair);
  border-radius: 6px; padding: 0.4rem; margin-bottom: 0.4rem; }
.vs { align-self: center; color: var(--muted); }
.claim { margin: 0 0 0.45rem; }
.meta, .source { margin: 0; }
.speaker { font-weight: 600; }
.stance { display: inline-block; font-size: 0.7rem; padding: 0 0.35rem; border-radius: 999px;
  border: 1px solid currentColor; color: var(--muted); }
.stance-denies { color: var(--deny); }
.stance-asserts, .stance-accuses, .stance-confirms { color: var(--assert); }
.text { margin: 0.15rem 0; }
blockquote.text { font-style: italic; }
.kind { font-size: 0.7rem; color: var(--muted); }
.source { font-size: 0.75rem; color: var(--muted); }
a { color: var(--accent); }
.verdict { font-weight: 600; }
.verdict-false, .verdict-mostly-false { color: var(--deny); }
.more { border: none; background: none; color: var(--accent); cursor: pointer; padding: 0; font: inherit; text-decoration: underline; }
.timeline { display: flex; align-items: flex-end; gap: 2px; height: 1.6rem; margin-top: 0.5rem; }
.bar { flex: 1; min-height: 2px; background: var(--accent); opacity: 0.6; border-radius: 1px; }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
footer { margin-top: 0.5rem; font-size: 0.7rem; color: var(--muted); }
.status { margin: 0; color: var(--muted); }
`;

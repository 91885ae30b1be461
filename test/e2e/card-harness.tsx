/**
 * The card component alone on a plain page, in an open shadow root with the card's own styles, for
 * axe-core: the live card sits in a closed shadow root that no page script (axe included) can
 * enter. Bundled by card.e2e.ts; the data and locale table come in `window.WSW_CARD`.
 */
import { h, render } from 'preact';
import type { CardData } from '../../src/core/card-data';
import { formatMessage, type LocaleTable } from '../../src/core/messages-format';
import { Card } from '../../src/ui/Card';
import { CARD_CSS } from '../../src/ui/card-css';

const { data, table, theme } = (
  window as unknown as { WSW_CARD: { data: CardData; table: LocaleTable; theme: 'light' | 'dark' } }
).WSW_CARD;
const host = document.createElement('div');
host.id = 'card-host';
document.body.append(host);
const root = host.attachShadow({ mode: 'open' });
const sheet = new CSSStyleSheet();
sheet.replaceSync(CARD_CSS);
root.adoptedStyleSheets = [sheet];
const t = (key: string, subs?: string | string[]) => formatMessage(table, key, subs) ?? key;
render(h(Card, { t, data, theme, onClose: () => undefined, onAllClaims: () => undefined }), root);

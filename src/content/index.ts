/**
 * Content script entry. For now it only announces itself to the background (which records the tab
 * as covered) and learns whether the extension is paused; matching and highlighting come later.
 */
import { send } from '../platform/messaging';

void send('hello', { href: location.href });

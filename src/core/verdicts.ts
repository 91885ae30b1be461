import { VERDICTS, type Verdict } from './claims';

/**
 * Map a fact-checker's own rating text ("Pants on Fire!", "Fałsz", "Misleading") to our one scale,
 * using the label table derived from the verdict-labels dataset (MIT; assets/data/NOTICE.md).
 * Unknown labels become "other": the publisher's own text is always kept beside it.
 */
export function normalizeVerdict(label: string, labels: Record<string, string>): Verdict {
  const key = label.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  const candidates = [key, key.replace(/[.!?…]+$/, ''), key.replace(/^["'«“]+|["'»”]+$/g, '')];
  for (const candidate of candidates) {
    const found = Object.hasOwn(labels, candidate) ? labels[candidate] : undefined;
    if (found && (VERDICTS as readonly string[]).includes(found)) return found as Verdict;
  }
  return 'other';
}

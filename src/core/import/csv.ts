import Papa from 'papaparse';
import { STANCES } from '../claims';
import { normalizeVerdict } from '../verdicts';
import { hostOf } from './claimreview';
import { ImportCollector, type ImportContext, type ImportResult } from './collect';
import { str } from './safe-input';

/**
 * The CSV columns, in the documented order (README, "Importing claims"). Required: speaker, text,
 * date, source_url. `speaker` is an entity id or a name (unknown names become new speakers);
 * `about` is a `;`-separated list of entity ids (empty: found by the matcher in `text`).
 */
export const CSV_COLUMNS = [
  'speaker',
  'text',
  'date',
  'source_url',
  'source_outlet',
  'source_published',
  'kind',
  'lang',
  'stance',
  'about',
  'id',
  'responds_to',
  'review_publisher',
  'review_url',
  'review_date',
  'review_rating',
] as const;

const REQUIRED = ['speaker', 'text', 'date', 'source_url'];

/** Import claims from CSV text with the {@link CSV_COLUMNS} header (any order, extra columns refused). */
export function importCsv(text: string, context: ImportContext): ImportResult {
  const c = new ImportCollector(context, 'CSV');
  const body = text.replace(/^\uFEFF/, '');
  // Read the header alone first: duplicate columns are an error here, not something to rename.
  const first = Papa.parse<string[]>(body, { preview: 1 }).data[0] ?? [];
  const names = first.map((h) => h.trim().toLowerCase());
  const duplicates = [...new Set(names.filter((h, i) => names.indexOf(h) !== i))];
  if (duplicates.length) {
    c.error('header', `duplicate column(s): ${duplicates.join(', ')}`);
    return c.result;
  }
  const parsed = Papa.parse<Record<string, string>>(body, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const header = parsed.meta.fields ?? [];
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((h) => !header.includes(h));
  if (unknown.length || missing.length) {
    c.error(
      'header',
      [
        missing.length ? `missing column(s): ${missing.join(', ')}` : '',
        unknown.length ? `unknown column(s): ${unknown.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ') + ` (expected: ${CSV_COLUMNS.join(',')})`,
    );
    return c.result;
  }
  const rowErrors = new Map<number, string>();
  for (const e of parsed.errors) if (e.row !== undefined && e.row !== null) rowErrors.set(e.row, e.message);
  parsed.data.forEach((row, i) => {
    const location = `row ${i + 1}`;
    c.result.total++;
    if (rowErrors.has(i)) return c.error(location, `malformed CSV: ${rowErrors.get(i)}`);
    try {
      const get = (k: (typeof CSV_COLUMNS)[number]) => str(Object.hasOwn(row, k) ? row[k] : undefined, 2000);
      const claimText = get('text');
      const speakerField = get('speaker');
      const date = get('date');
      const url = get('source_url');
      if (!claimText || !speakerField || !date || !url) {
        return c.error(
          location,
          `required column(s) empty: ${REQUIRED.filter((k) => !get(k as never)).join(', ')}`,
        );
      }
      const lang = get('lang') ?? 'en';
      const speaker = context.knownEntityIds.has(speakerField)
        ? speakerField
        : c.speaker(speakerField, 'person', lang);
      const aboutField = get('about');
      const about = aboutField
        ? aboutField
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean)
        : c.entitiesIn(claimText).filter((id) => id !== speaker);
      if (about.length === 0) {
        return c.error(
          location,
          'about: empty, and the text mentions no known person, place or organisation',
        );
      }
      const stance = get('stance') ?? 'asserts';
      if (!(STANCES as readonly string[]).includes(stance))
        return c.error(location, `stance: "${stance}" is not one of ${STANCES.join(', ')}`);
      const rating = get('review_rating');
      const reviewUrl = get('review_url');
      c.add(location, {
        id: get('id') ?? c.claimId(speakerField, claimText, date, url),
        speaker,
        about: about.map((entity) => ({ entity, role: 'subject' })),
        kind: get('kind') ?? 'paraphrase',
        text: claimText,
        lang,
        date,
        stance,
        ...(get('responds_to') ? { respondsTo: get('responds_to') } : {}),
        source: {
          outlet: get('source_outlet') ?? hostOf(url) ?? 'unknown',
          url,
          ...(get('source_published') ? { published: get('source_published') } : {}),
        },
        ...(rating && reviewUrl
          ? {
              reviews: [
                {
                  publisher: get('review_publisher') ?? hostOf(reviewUrl) ?? 'unknown',
                  url: reviewUrl,
                  ...(get('review_date') ? { date: get('review_date') } : {}),
                  rating,
                  normalized: normalizeVerdict(rating, c.verdictLabels),
                },
              ],
            }
          : {}),
      });
    } catch (error) {
      c.error(location, error instanceof Error ? error.message : String(error));
    }
  });
  return c.finish();
}

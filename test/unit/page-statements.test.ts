import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { pageStatements } from '../../src/core/attribution';
import { buildCardData, CardDataSchema } from '../../src/core/card-data';
import { compileDictionary } from '../../src/core/dictionary';
import { checkEnvelope, envelope } from '../../src/core/messages';
import { PAGE_TEXT_MAX } from '../../src/core/page-statements';
import { readDataset } from '../../src/node/dataset-files';
import { readEntitySources } from '../../src/node/entity-files';

const dict = compileDictionary(readEntitySources().entities);
const { dataset } = readDataset();

// Blocks as the content script extracts them (U+2029 between paragraphs).
const PAGE = [
  'Ukrainian President Volodymyr Zelensky said on Sunday that Russian troops had tortured people in Izium.',
  "Asked on Monday about Zelensky's statements, Kremlin spokesman Dmitry Peskov told reporters: \"It's the same scenario as in Bucha. It's a lie, and of course we will defend the truth in this story.\"",
  'The weather in Kyiv was mild.',
].join('\u2029');

describe('pageStatements', () => {
  const statements = pageStatements(PAGE, dict);
  const peskov = statements.find((s) => s.speaker === 'dmitry-peskov');

  it("finds Peskov's quote with its sentence, cue and the entities it mentions", () => {
    expect(peskov).toBeDefined();
    expect(peskov!.quote).toContain("It's the same scenario as in Bucha");
    expect(peskov!.before).toContain('Kremlin spokesman Dmitry Peskov told reporters');
    expect(peskov!.before).not.toContain('Izium');
    expect(peskov!.after).not.toContain('weather');
    expect(peskov!.cue).toContain('told');
    expect(peskov!.kind).toBe('direct');
    expect(peskov!.about).toContain('bucha');
    expect(peskov!.about).not.toContain('dmitry-peskov');
  });

  it('finds a blockquote signed on the line below, its signature as the context after it', () => {
    const signed = pageStatements(
      'The Kremlin again answered questions.\u2029"It\'s a lie."\u2029— Dmitry Peskov, Kremlin spokesman',
      dict,
    );
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({ speaker: 'dmitry-peskov', quote: "It's a lie.", kind: 'direct' });
    expect(signed[0]!.after).toBe('" — Dmitry Peskov, Kremlin spokesman');
    expect(signed[0]!.before).toBe('"');
  });

  it('cuts the text at the page limit', () => {
    const long = 'x'.repeat(PAGE_TEXT_MAX) + '\u2029' + PAGE;
    expect(pageStatements(long, dict)).toEqual([]);
  });
});

describe('the card with the page statements', () => {
  const statements = pageStatements(PAGE, dict);

  it("opens Peskov's card with what this page says he said", () => {
    const card = buildCardData(dataset, dict.entities, 'dmitry-peskov', 'en', { statements })!;
    expect(v.safeParse(CardDataSchema, card).success).toBe(true);
    const items = card.inArticle ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.speakerId === 'dmitry-peskov')).toBe(true);
    expect(items[0]!.speaker).toBe(dict.entities.find((e) => e.id === 'dmitry-peskov')!.name.en);
    expect(items.map((i) => i.quote).join(' ')).toContain("It's the same scenario as in Bucha");
  });

  it("a place's card shows what the page's speakers said about it", () => {
    const card = buildCardData(dataset, dict.entities, 'bucha', 'uk', { statements })!;
    expect(card.inArticle?.map((i) => i.speakerId)).toContain('dmitry-peskov');
  });

  it('no statements, or none by or about the entity: no section', () => {
    expect(buildCardData(dataset, dict.entities, 'dmitry-peskov', 'en')!.inArticle).toBeUndefined();
    expect(buildCardData(dataset, dict.entities, 'kyiv', 'en', { statements })!.inArticle).toBeUndefined();
  });
});

describe('the pageStatements message', () => {
  it('accepts a page text up to the limit, and refuses more', () => {
    expect(checkEnvelope(envelope('pageStatements', { url: 'https://x.test/', text: PAGE })).ok).toBe(true);
    const tooLong = { url: 'https://x.test/', text: 'a'.repeat(PAGE_TEXT_MAX + 1) };
    expect(checkEnvelope(envelope('pageStatements', tooLong)).ok).toBe(false);
  });
});

describe('the sentence around a statement', () => {
  it('ends where a quoted content ends its sentence, and a repeated paragraph shows once', () => {
    const text =
      'The Kremlin on Monday rejected allegations as a "lie." The Kremlin said the weather was fine.';
    const [first] = pageStatements(text, dict);
    expect(first?.after).not.toContain('weather');
    const twice = pageStatements(`${PAGE}\u2029${PAGE}`, dict);
    const card = buildCardData(dataset, dict.entities, 'dmitry-peskov', 'en', { statements: twice })!;
    expect(twice.filter((s) => s.speaker === 'dmitry-peskov').length).toBe(2);
    expect(card.inArticle?.length).toBe(1);
  });
});

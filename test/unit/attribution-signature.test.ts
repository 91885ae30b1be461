import { describe, expect, it } from 'vitest';
import {
  attribute,
  entityLookup,
  explainAttribution,
  speakerMentions,
  type AttributionLanguage,
} from '../../src/core/attribution';
import { compileDictionary } from '../../src/core/dictionary';
import { readEntitySources } from '../../src/node/entity-files';

const dict = compileDictionary(readEntitySources().entities);
const lookup = entityLookup(dict);

const run = (text: string, lang: AttributionLanguage) =>
  attribute(text, speakerMentions(text, dict), lookup, { lang });
/** [speaker, content, stance] triples of the signed quotations found. */
const signed = (text: string, lang: AttributionLanguage) =>
  run(text, lang)
    .filter((a) => a.why.rule === 'signature')
    .map((a) => [a.speaker, text.slice(a.start, a.end), a.stance]);

describe('attribution: a quotation signed on the line below', () => {
  it.each<[string, AttributionLanguage, string, [string, string, string][]]>([
    [
      'a quoted paragraph, then name and role',
      'en',
      '"It\'s the same scenario as in Bucha. It\'s a lie."\n— Dmitry Peskov, Kremlin spokesman',
      [['dmitry-peskov', "It's the same scenario as in Bucha. It's a lie.", 'denies']],
    ],
    [
      'Russian guillemets and a bare name',
      'ru',
      '«Это ложь, и мы будем защищать правду».\n— Дмитрий Песков',
      [['dmitry-peskov', 'Это ложь, и мы будем защищать правду', 'denies']],
    ],
    [
      'Ukrainian, an en dash, the name in the base form',
      'uk',
      '«Ми повернемо кожне місто».\n– Володимир Зеленський, президент України',
      [['volodymyr-zelensky', 'Ми повернемо кожне місто', 'asserts']],
    ],
    [
      'a blockquote without quotation marks (blocks as the page extractor separates them)',
      'en',
      'Background paragraph.\u2029We will not allow the plant to become a weapon. Safety comes first.\u2029— Rafael Grossi, IAEA Director General',
      [['rafael-grossi', 'We will not allow the plant to become a weapon. Safety comes first.', 'asserts']],
    ],
    [
      'an organisation signing',
      'en',
      '"The strike hit a residential block."\n— Kremlin',
      [['kremlin', 'The strike hit a residential block.', 'asserts']],
    ],
    [
      'a name with a full stop',
      'en',
      '"Russia will answer."\n— Dmitry Peskov.',
      [['dmitry-peskov', 'Russia will answer.', 'asserts']],
    ],
  ])('%s', (_what, lang, text, expected) => expect(signed(text, lang)).toEqual(expected));

  it.each<[string, AttributionLanguage, string]>([
    [
      'a list of people (the neighbour is a signature too)',
      'en',
      'Taking part:\n— Dmitry Peskov, Kremlin spokesman\n— Volodymyr Zelensky, President of Ukraine',
    ],
    ['a paragraph that ends with a colon', 'en', 'The speakers were:\n— Dmitry Peskov, Kremlin spokesman'],
    [
      'dialogue: the dash line goes on with a verb',
      'ru',
      '«Это ложь».\n— Дмитрий Песков заявил журналистам, что это ложь.',
    ],
    ['a question to the person named', 'en', '"Is this a lie?"\n— Dmitry Peskov, will you answer?'],
    ['a surname in an oblique case', 'ru', '«Это ложь».\n— Дмитрию Пескову'],
    ['another person of that surname', 'en', '"It is a lie."\n— Ivan Peskov, journalist'],
    [
      'an unquoted paragraph that reports someone',
      'en',
      'The minister said the talks had failed.\n— Volodymyr Zelensky',
    ],
    ['an unquoted paragraph with no sentence end (a heading)', 'en', 'Talks in Istanbul\n— Dmitry Peskov'],
    ['a description quoting someone', 'en', '"We will answer."\n— Dmitry Peskov, quoting "a source"'],
  ])('not: %s', (_what, lang, text) => expect(signed(text, lang)).toEqual([]));

  it('keeps what a sentence already reports: a reported quotation is not signed again', () => {
    const text = 'Peskov told reporters: "It\'s a lie."\n— Dmitry Peskov, Kremlin spokesman';
    const found = run(text, 'en');
    expect(found.map((a) => a.why.rule)).not.toContain('signature');
    expect(found).toHaveLength(1);
  });

  it('says why, with the signature as the cue and the organisation the person speaks for', () => {
    const text = '"It\'s a lie."\n— Dmitry Peskov, Kremlin spokesman';
    const [a] = run(text, 'en');
    expect(a).toMatchObject({ kind: 'direct', cue: '— Dmitry Peskov, Kremlin spokesman' });
    expect(a!.why).toMatchObject({ rule: 'signature', speaker: { via: 'name', for: 'kremlin' } });
    expect(explainAttribution(a!)).toMatch(/signed on the line below/);
  });
});

import { describe, expect, it } from 'vitest';
import { validateEntityFiles } from '../../src/core/entities';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import { explainMention, findMentions, isCapitalisedMidSentence } from '../../src/core/matcher';
import { formatWhyEnglish } from '../../src/core/mention-why';
import { TEST_ENTITIES } from '../fixtures/test-entities';

// Round-trip through the serialised form, as the extension loads it.
const dict = loadDictionary(
  JSON.parse(JSON.stringify(serializeDictionary(compileDictionary(TEST_ENTITIES)))),
);
const found = (text: string) => findMentions(text, dict).map((m) => [m.entity, text.slice(m.start, m.end)]);

describe('the test entity set', () => {
  it('is valid', () => {
    expect(validateEntityFiles({ 'test.json': { entities: TEST_ENTITIES } }).errors).toEqual([]);
  });
});

describe('findMentions: spellings, scripts and case endings', () => {
  it.each([
    ['en', 'Ukraine retook Izyum this month.', [['izium', 'Izyum']]],
    ['en', 'Graves were found near Izium.', [['izium', 'Izium']]],
    [
      'en',
      'IZIUM, Ukraine — and izium in lower case',
      [
        ['izium', 'IZIUM'],
        ['izium', 'izium'],
      ],
    ],
    ['de', 'Massengräber bei Isjum entdeckt', [['izium', 'Isjum']]],
    ['fr', "Des charniers près d'Izioum", [['izium', 'Izioum']]],
    [
      'pl',
      'Ekshumacje w Izjumie i koło Izjumu',
      [
        ['izium', 'Izjumie'],
        ['izium', 'Izjumu'],
      ],
    ],
    [
      'uk',
      'Поховання в Ізюмі та біля Ізюма',
      [
        ['izium', 'Ізюмі'],
        ['izium', 'Ізюма'],
      ],
    ],
    [
      'ru',
      'В Изюме найдены захоронения. Харьковская область.',
      [
        ['izium', 'Изюме'],
        ['kharkiv-oblast', 'Харьковская область'],
      ],
    ],
    [
      'uk',
      'Удар по Києву, новини з Києва',
      [
        ['kyiv', 'Києву'],
        ['kyiv', 'Києва'],
      ],
    ],
    ['ru', 'в Киеве заявили', [['kyiv', 'Киеве']]],
    [
      'pl',
      'w Kijowie i w Kijowa okolicach; Kijow bez akcentu',
      [
        ['kyiv', 'Kijowie'],
        ['kyiv', 'Kijowa'],
        ['kyiv', 'Kijow'],
      ],
    ],
    ['de', 'Selenskyj sagte in Kiews Zentrum', [['volodymyr-zelensky', 'Selenskyj']]],
    ['pl', 'Zełenski powiedział', [['volodymyr-zelensky', 'Zełenski']]],
    ['uk', 'Заява Зеленського', [['volodymyr-zelensky', 'Зеленського']]],
    ['ru', 'слова Зеленского', [['volodymyr-zelensky', 'Зеленского']]],
    [
      'uk',
      'Буча, Бучі, Бучею',
      [
        ['bucha', 'Буча'],
        ['bucha', 'Бучі'],
        ['bucha', 'Бучею'],
      ],
    ],
    [
      'pl',
      'w Buczy i pod Buczą',
      [
        ['bucha', 'Buczy'],
        ['bucha', 'Buczą'],
      ],
    ],
    ['ru', 'в Кремле заявили', [['kremlin', 'Кремле']]],
    [
      'uk',
      'на Харківщині та з Харківщини',
      [
        ['kharkiv-oblast', 'Харківщині'],
        ['kharkiv-oblast', 'Харківщини'],
      ],
    ],
  ])('%s: %s', (_lang, text, expected) => expect(found(text)).toEqual(expected));
});

describe('findMentions: normalisation', () => {
  it.each([
    ['ё as е', 'переговоры с Кремлём', [['kremlin', 'Кремлём']]],
    ['typographic apostrophe in a possessive', 'Zelensky’s speech', [['volodymyr-zelensky', 'Zelensky']]],
    [
      'non-breaking space inside a name',
      'Volodymyr\u00a0Zelensky spoke',
      [['volodymyr-zelensky', 'Volodymyr\u00a0Zelensky']],
    ],
    [
      'several spaces and a newline',
      'Volodymyr  \n Zelensky',
      [['volodymyr-zelensky', 'Volodymyr  \n Zelensky']],
    ],
    ['a soft hyphen inside a word', 'Zel\u00adensky', [['volodymyr-zelensky', 'Zel\u00adensky']]],
    [
      'a stress accent',
      'Изю́м, Харьковская область',
      [
        ['izium', 'Изю́м'],
        ['kharkiv-oblast', 'Харьковская область'],
      ],
    ],
    ['decomposed diacritics', 'Kijo\u0301w', [['kyiv', 'Kijo\u0301w']]],
  ])('%s', (_what, text, expected) => expect(found(text)).toEqual(expected));
});

describe('findMentions: whole words only', () => {
  it.each([
    ['a longer word', 'Kyivan and Kievan Rus', []],
    ['a letter before', 'xKyiv', []],
    ['a digit after', 'Kyiv2022', []],
    ['an underscore', 'Kyiv_Independent', []],
    ['a hyphenated compound still counts', 'pro-Kremlin media', [['kremlin', 'Kremlin']]],
    [
      'punctuation around',
      '(Kyiv), «Київ»',
      [
        ['kyiv', 'Kyiv'],
        ['kyiv', 'Київ'],
      ],
    ],
    ['a Ukrainian word that only starts like a form', 'Бучанський район', []],
    [
      'emoji right next to names',
      'Zelensky🇺🇦 visited Kyiv🔥',
      [
        ['volodymyr-zelensky', 'Zelensky'],
        ['kyiv', 'Kyiv'],
      ],
    ],
    ['a modifier-letter apostrophe after a name', 'Kyivʼs mayor', [['kyiv', 'Kyiv']]],
  ])('%s', (_what, text, expected) => expect(found(text)).toEqual(expected));
});

describe('findMentions: leftmost-longest and blockers', () => {
  it.each([
    ['the region, not the city', 'in the Kharkiv region', [['kharkiv-oblast', 'Kharkiv region']]],
    ['the city alone', 'in Kharkiv itself', [['kharkiv', 'Kharkiv']]],
    [
      'full name over surname',
      'Volodymyr Zelensky and Zelensky',
      [
        ['volodymyr-zelensky', 'Volodymyr Zelensky'],
        ['volodymyr-zelensky', 'Zelensky'],
      ],
    ],
    ['another kremlin is blocked', 'the Novgorod Kremlin is a museum', []],
    ['blocked in Russian too', 'Новгородский кремль', []],
    ['a blocker after the alias', 'the Kremlin of Novgorod', []],
    ['the real one still matches', 'the Kazan Kremlin and the Kremlin', [['kremlin', 'Kremlin']]],
    ['a person sharing a town name', 'Medal of Honor recipient Paul Bucha', []],
    ['a region named after a city is not the city', 'across the Kyiv region and in Kyiv', [['kyiv', 'Kyiv']]],
    ['no match across a block boundary', 'Kharkiv\u2029region', [['kharkiv', 'Kharkiv']]],
  ])('%s', (_what, text, expected) => expect(found(text)).toEqual(expected));
});

describe('findMentions: exact-case aliases', () => {
  it.each([
    ['the acronym', 'the IAEA said', [['iaea', 'IAEA']]],
    ['lower case is a different word', 'iaea', []],
    ['French acronym', "l'AIEA a dit", [['iaea', 'AIEA']]],
    ['mixed case is not the acronym', 'Iaea', []],
  ])('%s', (_what, text, expected) => expect(found(text)).toEqual(expected));
});

describe('findMentions: ambiguous aliases need support', () => {
  it.each([
    ['a recipe: raisins at a sentence start', 'Изюм — две ложки. Мука — стакан.', []],
    ['raisins in lower case', 'добавьте изюм и орехи', []],
    [
      'supported by a related entity',
      'Бои под Изюмом, Харьковская область',
      [
        ['izium', 'Изюмом'],
        ['kharkiv-oblast', 'Харьковская область'],
      ],
    ],
    ['supported by capitalisation mid-sentence', 'Войска вошли в Изюм в сентябре', [['izium', 'Изюм']]],
    ['a surname alone is not enough', 'Imran Khan and Sadiq Khan spoke', []],
    [
      'a surname with the full name present',
      'Karim Khan visited. Khan said',
      [
        ['karim-khan', 'Karim Khan'],
        ['karim-khan', 'Khan'],
      ],
    ],
    [
      'a surname with a related entity',
      'the International Criminal Court prosecutor Khan',
      [
        ['icc', 'International Criminal Court'],
        ['karim-khan', 'Khan'],
      ],
    ],
    ['a cricket ICC', 'the ICC World Cup final', []],
    [
      'a court ICC',
      'The ICC, the International Criminal Court',
      [
        ['icc', 'ICC'],
        ['icc', 'International Criminal Court'],
      ],
    ],
  ])('%s', (_what, text, expected) => expect(found(text)).toEqual(expected));
});

describe('offsets and explanations', () => {
  it('gives UTF-16 offsets into the text', () => {
    const text = '😀 Ізюм';
    const [m] = findMentions(text, dict);
    expect(m).toMatchObject({ entity: 'izium', start: 3, end: 7 });
  });

  it.each([
    ['Izyum', 'English alias "Izyum"'],
    ['IZYUM', 'English alias "Izyum"; matched ignoring case, accents and punctuation variants'],
    ['Ізюмі', 'Ukrainian form "Ізюмі" of the alias "Ізюм"'],
    ['IAEA', 'English alias "IAEA"; exact case'],
    [
      'Войска вошли в Изюм',
      'Russian alias "Изюм"; ambiguous (raisins), supported by capitalised, not at the start of a sentence',
    ],
    [
      'Karim Khan. Khan',
      'English alias "Khan"; ambiguous (a very common surname), supported by another mention of Karim Khan in the text',
    ],
  ])('explains %s (in English, for the CLI)', (text, why) => {
    const mentions = findMentions(text, dict);
    const names = new Map(dict.entities.map((e) => [e.id, e.name.en]));
    expect(formatWhyEnglish(explainMention(text, dict, mentions.at(-1)!), (id) => names.get(id)!)).toBe(why);
  });

  it.each([
    ['Izyum', { alias: 'Izyum', form: 'Izyum', lang: 'en', rule: 'alias', caseRule: 'as-written' }],
    ['IZYUM', { alias: 'Izyum', form: 'Izyum', lang: 'en', rule: 'alias', caseRule: 'folded' }],
    ['Ізюмі', { alias: 'Ізюм', form: 'Ізюмі', lang: 'uk', rule: 'form', caseRule: 'as-written' }],
    ['IAEA', { alias: 'IAEA', form: 'IAEA', lang: 'en', rule: 'alias', caseRule: 'exact-case' }],
    [
      'Войска вошли в Изюм',
      {
        alias: 'Изюм',
        form: 'Изюм',
        lang: 'ru',
        rule: 'alias',
        caseRule: 'as-written',
        ambiguous: 'raisins',
        support: { kind: 'capitalised' },
      },
    ],
    [
      'Karim Khan. Khan',
      {
        alias: 'Khan',
        form: 'Khan',
        lang: 'en',
        rule: 'alias',
        caseRule: 'as-written',
        ambiguous: 'a very common surname',
        support: { kind: 'same-entity', entity: 'karim-khan' },
      },
    ],
  ])('explains %s as data (for the card, in any language)', (text, why) => {
    const mentions = findMentions(text, dict);
    expect(explainMention(text, dict, mentions.at(-1)!)).toEqual(why);
  });
});

describe('isCapitalisedMidSentence', () => {
  it.each([
    ['Изюм — две ложки', 0, false],
    ['Он сказал. Изюм', 11, false],
    ['Войска вошли в Изюм', 15, true],
    ['«Изюм»', 1, false],
    ['в изюм', 2, false],
    ['a\u2029Izium', 2, false],
  ])('%j at %i → %s', (text, at, expected) => expect(isCapitalisedMidSentence(text, at)).toBe(expected));
});

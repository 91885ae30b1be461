/**
 * The 2025 entities on real-world ambiguities: surnames that are common words or other people's
 * names, a city and its oblast, a city and its river, acronyms. Loads the bundled entity files.
 */
import { describe, expect, it } from 'vitest';
import { readEntitySources } from '../../src/node/entity-files';
import { compileDictionary } from '../../src/core/dictionary';
import { findMentions } from '../../src/core/matcher';

const { entities } = readEntitySources();
const dict = compileDictionary(entities);
const found = (text: string) => findMentions(text, dict).map((m) => [m.entity, text.slice(m.start, m.end)]);
const ids = (text: string) => found(text).map((m) => m[0]);

describe('2025 entities', () => {
  it.each([
    'donald-trump',
    'steve-witkoff',
    'marco-rubio',
    'jd-vance',
    'jared-kushner',
    'keith-kellogg',
    'dan-driscoll',
    'kirill-dmitriev',
    'yuri-ushakov',
    'vladimir-medinsky',
    'andrei-belousov',
    'dmitry-medvedev',
    'rustem-umerov',
    'kyrylo-budanov',
    'oleksandr-syrskyi',
    'yulia-svyrydenko',
    'andrii-sybiha',
    'mark-rutte',
    'ursula-von-der-leyen',
    'kaja-kallas',
    'keir-starmer',
    'friedrich-merz',
    'recep-tayyip-erdogan',
    'viktor-orban',
    'alexander-lukashenko',
    'kim-jong-un',
    'karoline-leavitt',
    'denys-shmyhal',
    'nato',
    'european-union',
    'european-commission',
    'white-house',
    'russian-foreign-ministry',
    'united-states',
    'north-korea',
    'pokrovsk',
    'myrnohrad',
    'kostiantynivka',
    'huliaipole',
    'siversk',
    'sumy',
    'sumy-oblast',
    'kursk-oblast',
    'donetsk-oblast',
    'odesa',
    'dnipro',
  ])('has %s', (id) => {
    expect(entities.filter((e) => e.id === id)).toHaveLength(1);
  });

  // [language, text, expected [entity, matched text] pairs, in order]
  it.each<[string, string, [string, string][]]>([
    // Sumy: the city, and the oblast only in its longer names.
    ['en', 'Russian drones hit Sumy overnight.', [['sumy', 'Sumy']]],
    [
      'en',
      'Shelling in the Sumy region and in Sumy Oblast.',
      [
        ['sumy-oblast', 'Sumy region'],
        ['sumy-oblast', 'Sumy Oblast'],
      ],
    ],
    [
      'uk',
      'Удар по Сумах. У Сумській області оголошено тривогу.',
      [
        ['sumy', 'Сумах'],
        ['sumy-oblast', 'Сумській області'],
      ],
    ],
    [
      'uk',
      'Сумщина під обстрілом, у Сумах вибухи',
      [
        ['sumy-oblast', 'Сумщина'],
        ['sumy', 'Сумах'],
      ],
    ],
    [
      'ru',
      'Обстрел Сум и Сумской области',
      [
        ['sumy', 'Сум'],
        ['sumy-oblast', 'Сумской области'],
      ],
    ],
    ['uk', 'Великі суми грошей і сума виплат', []],
    ['ru', 'сумы и сумки на рынке', []],
    // Kursk: only "Kursk region/Oblast" is the oblast; the city and the submarine are not it.
    [
      'en',
      'Fighting in the Kursk region continued; Kursk Oblast governor spoke.',
      [
        ['kursk-oblast', 'Kursk region'],
        ['kursk-oblast', 'Kursk Oblast'],
      ],
    ],
    ['en', 'The Kursk submarine sank in 2000. Flights from Kursk resumed.', []],
    [
      'uk',
      'Бої на Курщині та в Курській області',
      [
        ['kursk-oblast', 'Курщині'],
        ['kursk-oblast', 'Курській області'],
      ],
    ],
    ['ru', 'В Курской области и в Курске', [['kursk-oblast', 'Курской области']]],
    // Dnipro: the city, not the river; Dnipropetrovsk Oblast is not the city.
    ['en', 'A missile hit Dnipro on Monday.', [['dnipro', 'Dnipro']]],
    ['en', 'Troops crossed the Dnipro River; the river Dnipro is wide.', []],
    ['en', 'Strikes on the Dnipropetrovsk region.', []],
    ['en', 'He was born in Dnipropetrovsk.', [['dnipro', 'Dnipropetrovsk']]],
    [
      'uk',
      'Вибухи у Дніпрі. Обстріл Дніпра.',
      [
        ['dnipro', 'Дніпрі'],
        ['dnipro', 'Дніпра'],
      ],
    ],
    ['uk', 'Бої на лівому березі Дніпра; річка Дніпро розлилася; острови на Дніпрі.', []],
    ['uk', 'Дніпропетровська область під ударом', []],
    [
      'ru',
      'Взрывы в Днепре. Атака на Днепропетровск.',
      [
        ['dnipro', 'Днепре'],
        ['dnipro', 'Днепропетровск'],
      ],
    ],
    ['ru', 'на левом берегу Днепра; город на Днепре', []],
    // Odesa, not Odessa, Texas, nor the oblast.
    [
      'en',
      'Port of Odesa attacked; Odessa residents sheltered.',
      [
        ['odesa', 'Odesa'],
        ['odesa', 'Odessa'],
      ],
    ],
    ['en', 'Oil prices in Odessa, Texas rose. Villages in the Odesa region.', []],
    [
      'uk',
      'Атака на Одесу, в Одесі світло',
      [
        ['odesa', 'Одесу'],
        ['odesa', 'Одесі'],
      ],
    ],
    ['ru', 'В Одессе прогремели взрывы', [['odesa', 'Одессе']]],
    // Trump: the president, not the card word or his relatives.
    ['en', 'Trump said the talks went well.', [['donald-trump', 'Trump']]],
    ['en', 'Playing the trump card, she won.', []],
    ['en', 'Ivanka Trump and Melania Trump attended; Donald Trump Jr. spoke.', []],
    [
      'uk',
      'Заява Трампа щодо України; Трамп зустрівся з Путіним.',
      [
        ['donald-trump', 'Трампа'],
        ['donald-trump', 'Трамп'],
        ['vladimir-putin', 'Путіним'],
      ],
    ],
    ['ru', 'Иванка Трамп и Мелания Трамп', []],
    // Kellogg: the envoy only with support, not the company.
    ['en', "Kellogg Company reported profits. Kellogg's cereal sells well.", []],
    [
      'en',
      'Keith Kellogg met Zelensky. Kellogg said talks continue.',
      [
        ['keith-kellogg', 'Keith Kellogg'],
        ['volodymyr-zelensky', 'Zelensky'],
        ['keith-kellogg', 'Kellogg'],
      ],
    ],
    // Vance, Rubio, Merz, Kushner bare: need support.
    ['en', 'Cyrus Vance was Secretary of State. Vance Joy sang.', []],
    ['en', 'Vance spoke in Ohio.', []],
    [
      'en',
      'JD Vance met Zelensky. Vance said the talks were useful.',
      [
        ['jd-vance', 'JD Vance'],
        ['volodymyr-zelensky', 'Zelensky'],
        ['jd-vance', 'Vance'],
      ],
    ],
    ['en', 'El pelo rubio. Rubio is a common surname.', []],
    [
      'en',
      'Trump and Rubio discussed Ukraine.',
      [
        ['donald-trump', 'Trump'],
        ['marco-rubio', 'Rubio'],
      ],
    ],
    ['en', 'Merz is a German surname.', []],
    [
      'en',
      'Friedrich Merz met Macron; Merz later spoke.',
      [
        ['friedrich-merz', 'Friedrich Merz'],
        ['emmanuel-macron', 'Macron'],
        ['friedrich-merz', 'Merz'],
      ],
    ],
    ['en', 'Tony Kushner wrote the play. Kushner is a playwright.', []],
    [
      'en',
      'Witkoff and Kushner met Putin in Moscow.',
      [
        ['steve-witkoff', 'Witkoff'],
        ['jared-kushner', 'Kushner'],
        ['vladimir-putin', 'Putin'],
      ],
    ],
    // Other common surnames.
    ['en', 'Daniil Medvedev won the match.', []],
    ['ru', 'Даниил Медведев выиграл матч. Медведев доволен.', []],
    [
      'ru',
      'Дмитрий Медведев заявил… Медведев также пригрозил.',
      [
        ['dmitry-medvedev', 'Дмитрий Медведев'],
        ['dmitry-medvedev', 'Медведев'],
      ],
    ],
    ['ru', 'Орден Ушакова вручили морякам.', []],
    [
      'ru',
      'Песков и Ушаков прокомментировали встречу',
      [
        ['dmitry-peskov', 'Песков'],
        ['yuri-ushakov', 'Ушаков'],
      ],
    ],
    [
      'uk',
      'Помічник Путіна Юрій Ушаков заявив',
      [
        ['vladimir-putin', 'Путіна'],
        ['yuri-ushakov', 'Юрій Ушаков'],
      ],
    ],
    [
      'uk',
      'Кирило Буданов очолив Офіс Президента; Буданова привітали',
      [
        ['kyrylo-budanov', 'Кирило Буданов'],
        ['kyrylo-budanov', 'Буданова'],
      ],
    ],
    ['ru', 'Мария Каллас пела в Ла Скала.', []],
    [
      'en',
      'Kaja Kallas said the EU will act.',
      [
        ['kaja-kallas', 'Kaja Kallas'],
        ['european-union', 'EU'],
      ],
    ],
    // Acronyms: exact case.
    [
      'en',
      'NATO allies met; the Nato summit.',
      [
        ['nato', 'NATO'],
        ['nato', 'Nato'],
      ],
    ],
    ['it', 'Nato a Roma nel 1950.', []],
    ['en', 'nato and eu in lower case', []],
    [
      'uk',
      'Саміт НАТО і рішення ЄС',
      [
        ['nato', 'НАТО'],
        ['european-union', 'ЄС'],
      ],
    ],
    [
      'ru',
      'Саммит НАТО и санкции ЕС',
      [
        ['nato', 'НАТО'],
        ['european-union', 'ЕС'],
      ],
    ],
    [
      'de',
      'Die EU-Kommission und die NATO',
      [
        ['european-commission', 'EU-Kommission'],
        ['nato', 'NATO'],
      ],
    ],
    // White House: the Russian "Белый дом" needs support (it is also Moscow's government building).
    ['ru', 'Белый дом на Краснопресненской набережной', []],
    [
      'ru',
      'Трамп и Белый дом',
      [
        ['donald-trump', 'Трамп'],
        ['white-house', 'Белый дом'],
      ],
    ],
    ['uk', 'Заява Білого дому', [['white-house', 'Білого дому']]],
    // Places with other namesakes.
    ['ru', 'Северск Томской области — закрытый город', []],
    [
      'uk',
      'Бої за Сіверськ і Покровськ',
      [
        ['siversk', 'Сіверськ'],
        ['pokrovsk', 'Покровськ'],
      ],
    ],
    ['ru', 'Георгий Димитров — болгарский политик', []],
    [
      'ru',
      'Бои за Красноармейск и Димитров в Донецкой области',
      [
        ['pokrovsk', 'Красноармейск'],
        ['myrnohrad', 'Димитров'],
        ['donetsk-oblast', 'Донецкой области'],
      ],
    ],
  ])('%s: %s', (_lang, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('keeps the other people out of the new entities', () => {
    expect(ids('Ludovic Orban, Romanian prime minister, and Viktor Orbán')).toEqual(['viktor-orban']);
    expect(ids('Siim Kallas was EU commissioner.')).toEqual(['european-union']);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileDictionary, loadDictionary, serializeDictionary } from '../../src/core/dictionary';
import { validateEntityFiles } from '../../src/core/entities';
import { PageSense, type SenseRule } from '../../src/core/sense';
import { SENSE_ENTITIES } from '../fixtures/sense-entities';

// Round-trip through the matching-only serialised form, as the content script loads it.
const dict = loadDictionary(
  JSON.parse(JSON.stringify(serializeDictionary(compileDictionary(SENSE_ENTITIES), { matchingOnly: true }))),
);
const P = '\u2029';

/** Judge a page fed in one piece: kept as [entity, text], suppressed as [text, rule]. */
function judge(text: string, lang?: string) {
  const sense = new PageSense(dict, { lang });
  const { judged } = sense.feed(text);
  return {
    kept: judged
      .filter((j) => j.kept)
      .map((j) => [j.mention.entity, text.slice(j.mention.start, j.mention.end)]),
    suppressed: judged
      .filter((j) => !j.kept)
      .map((j) => [text.slice(j.mention.start, j.mention.end), j.suppressed!.rule]),
    sense,
  };
}

describe('the sense test entity set', () => {
  it('is valid', () => {
    expect(validateEntityFiles({ 'sense.json': { entities: SENSE_ENTITIES } }).errors).toEqual([]);
  });
});

type Row = [string, string, string | undefined, [string, string][], [string, SenseRule][]];

describe('PageSense: a surname after a given name or initial that is not our person’s', () => {
  it.each<Row>([
    ['en', 'Jill Biden visited a school in Ohio.', undefined, [], [['Biden', 'other-person']]],
    ['en', 'The first lady, Dr. Jill Biden, spoke.', undefined, [], [['Biden', 'other-person']]],
    ['en', 'Hunter Biden’s laptop was in the news.', undefined, [], [['Biden', 'other-person']]],
    ['en', 'H. Biden testified.', undefined, [], [['Biden', 'other-person']]],
    ['en', 'President Joe Biden met Zelensky.', undefined, [['joe-biden', 'Joe Biden']], []],
    ['en', 'Later President Biden said so.', undefined, [['joe-biden', 'Biden']], []],
    ['fr', 'Brigitte Macron a visité une école.', 'fr', [], [['Macron', 'other-person']]],
    ['fr', 'M. Macron a répondu.', 'fr', [['emmanuel-macron', 'Macron']], []],
    ['fr', 'Mme Macron a répondu.', 'fr', [], [['Macron', 'other-person']]],
    ['ru', 'Людмила Путина дала интервью.', undefined, [], [['Путина', 'other-person']]],
    ['ru', 'Речь Владимира Путина.', undefined, [['vladimir-putin', 'Владимира Путина']], []],
    ['ru', 'Встреча с В. Путиным.', undefined, [['vladimir-putin', 'Путиным']], []],
    ['ru', 'Заявление Путина.', undefined, [['vladimir-putin', 'Путина']], []],
    ['ru', 'Книгу написал Василий Песков.', undefined, [], [['Песков', 'other-person']]],
    ['ru', 'Книга Василия Пескова.', undefined, [], [['Пескова', 'other-person']]],
    ['de', 'Der Schriftsteller Wassili Peskow las vor.', 'de', [], [['Peskow', 'other-person']]],
    ['en', 'The writer Vassili Peskov signed books.', undefined, [], [['Peskov', 'other-person']]],
  ])('%s: %s', (_lang, text, lang, kept, suppressed) => {
    const r = judge(text, lang);
    expect(r.kept).toEqual(kept);
    expect(r.suppressed).toEqual(suppressed);
  });
});

describe('PageSense: person cues, clubs, derived words and the page’s language', () => {
  it.each<Row>([
    ['en', 'Mr. Bucha served in Vietnam.', undefined, [], [['Bucha', 'person-not-place']]],
    ['en', 'Sgt. Bucha led the platoon.', undefined, [], [['Bucha', 'person-not-place']]],
    ['en', 'Bucha, 76, recalled the battle.', undefined, [], [['Bucha', 'person-not-place']]],
    [
      'en',
      'Graves were found in Bucha, near Irpin.',
      undefined,
      [
        ['bucha', 'Bucha'],
        ['irpin', 'Irpin'],
      ],
      [],
    ],
    ['en', 'Dynamo Kyiv won 2-0.', undefined, [], [['Dynamo Kyiv', 'blocker']]],
    ['uk', '«Динамо» Київ перемогло вдома.', 'uk', [], [['Київ', 'team-name']]],
    ['ru', 'Матч «Динамо» (Киев) перенесли.', undefined, [], [['Киев', 'team-name']]],
    ['fr', 'Selon la Macronie, tout va bien.', undefined, [], [['Macronie', 'derived-word']]],
    ['fr', 'Les fidèles de Macronie', 'fr', [], [['Macronie', 'derived-word']]],
    [
      'pl',
      'Rozmawiano o Macronie i Putinie.',
      'pl',
      [
        ['emmanuel-macron', 'Macronie'],
        ['vladimir-putin', 'Putinie'],
      ],
      [],
    ],
    [
      'ru',
      'В кекс добавили изюм и орехи, было вкусно. Мы были в Харькове.',
      undefined,
      [['kharkiv', 'Харькове']],
      [['изюм', 'common-noun']],
    ],
    ['ru', 'изюм и орехи', 'ru', [], [['изюм', 'common-noun']]],
    [
      'ru',
      'В Харькове и в Изюме бои.',
      undefined,
      [
        ['kharkiv', 'Харькове'],
        ['izium', 'Изюме'],
      ],
      [],
    ],
    ['bg', 'Изюм е освободен.', 'bg', [['izium', 'Изюм']], []],
    [
      'bg',
      'Войските влязоха в Изюм, заяви Кремъл.',
      undefined,
      [
        ['izium', 'Изюм'],
        ['kremlin', 'Кремъл'],
      ],
      [],
    ],
    ['de', 'Der Kremlsprecher wies das zurück.', 'de', [['kremlin', 'Kremlsprecher']], []],
    [
      'de',
      'Kreml-Chef Putin',
      'de',
      [
        ['kremlin', 'Kreml'],
        ['vladimir-putin', 'Putin'],
      ],
      [],
    ],
  ])('%s: %s', (_lang, text, lang, kept, suppressed) => {
    const r = judge(text, lang);
    expect(r.kept).toEqual(kept);
    expect(r.suppressed).toEqual(suppressed);
  });

  it('tells the language from the text when the page does not say it', () => {
    expect(judge('Это было сказано вчера в Харькове.').sense.language).toBe('ru');
    expect(judge('Це було сказано вчора в Києві.').sense.language).toBe('uk');
    expect(judge('Това беше казано вчера в Харков и в Изюм, съобщи Кремъл.').sense.language).toBe('bg');
    expect(judge('The mayor said that the town of Bucha was shelled.').sense.language).toBe('en');
    expect(judge('Der Bürgermeister sagte, dass die Stadt Kiew nicht sicher ist.').sense.language).toBe('de');
    expect(judge('Kyiv').sense.language).toBe('');
    // Only blocks with candidate mentions vote; the page's own declaration wins.
    expect(judge('The mayor said that the town was shelled.').sense.language).toBe('');
    expect(judge('The mayor said that the town was shelled.', 'fr-FR').sense.language).toBe('fr');
  });
});

describe('PageSense: a namesake the page names takes the alias’s bare uses', () => {
  it.each<Row>([
    [
      'en',
      `Paul Bucha received the Medal of Honor.${P}Bucha later ran a company.${P}Bucha said he was proud.`,
      'en',
      [],
      [
        ['Paul Bucha', 'blocker'],
        ['Bucha', 'namesake-on-page'],
        ['Bucha', 'namesake-on-page'],
      ],
    ],
    [
      'en',
      `Visitors toured the Novgorod Kremlin.${P}The Kremlin walls date from the 11th century.`,
      'en',
      [],
      [
        ['Novgorod Kremlin', 'blocker'],
        ['Kremlin', 'namesake-on-page'],
      ],
    ],
    [
      'en',
      `Putin once toured the Kazan Kremlin.${P}Putin's Kremlin denied it.`,
      'en',
      [
        ['vladimir-putin', 'Putin'],
        ['vladimir-putin', 'Putin'],
        ['kremlin', 'Kremlin'],
      ],
      [['Kazan Kremlin', 'blocker']],
    ],
    [
      'ru',
      `Казанский кремль открыт для туристов.${P}Кремль построен в XVI веке.`,
      undefined,
      [],
      [
        ['Казанский кремль', 'blocker'],
        ['Кремль', 'namesake-on-page'],
      ],
    ],
    [
      'ru',
      `Василий Песков, писатель, умер.${P}Пескова хоронили в Москве.${P}Дмитрий Песков заявил, что Пескова знал лично.`,
      undefined,
      [
        ['dmitry-peskov', 'Дмитрий Песков'],
        ['dmitry-peskov', 'Пескова'],
      ],
      [
        ['Песков', 'other-person'],
        ['Пескова', 'namesake-on-page'],
      ],
    ],
    [
      'en',
      `Sadiq Khan spoke in London.${P}Khan said the city was open.${P}Prosecutor Karim Khan of the International Criminal Court said Khan would travel.`,
      'en',
      [
        ['karim-khan', 'Karim Khan'],
        ['icc', 'International Criminal Court'],
        ['karim-khan', 'Khan'],
      ],
      [
        ['Sadiq Khan', 'blocker'],
        ['Khan', 'namesake-on-page'],
      ],
    ],
    [
      'en',
      `Kyiv Oblast was shelled.${P}Dynamo Kyiv fans left Kyiv.`,
      'en',
      [['kyiv', 'Kyiv']],
      [
        ['Kyiv Oblast', 'blocker'],
        ['Dynamo Kyiv', 'blocker'],
      ],
    ],
    [
      'en',
      `Jill Biden read to children.${P}Biden said reading matters.${P}Joe Biden and Biden's aides left.`,
      'en',
      [
        ['joe-biden', 'Joe Biden'],
        ['joe-biden', 'Biden'],
      ],
      [
        ['Biden', 'other-person'],
        ['Biden', 'namesake-on-page'],
      ],
    ],
  ])('%s: %s', (_lang, text, lang, kept, suppressed) => {
    const r = judge(text, lang);
    expect(r.kept).toEqual(kept);
    expect(r.suppressed).toEqual(suppressed);
  });

  it('reads a capitalised word at a sentence start as the common word the page uses', () => {
    const text = `Изюм промойте и замочите.${P}Добавьте изюм в тесто.${P}Свет вернули в Изюм, сообщили в Харькове.`;
    const r = judge(text, 'ru');
    expect(r.suppressed).toEqual([
      ['Изюм', 'common-noun'],
      ['изюм', 'common-noun'],
    ]);
    expect(r.kept).toEqual([
      ['izium', 'Изюм'],
      ['kharkiv', 'Харькове'],
    ]);
  });

  it('keeps "M. Macron" on a page that names Brigitte Macron', () => {
    const r = judge(`Brigitte Macron voyage.${P}M. Macron parle.${P}Macron se tait.`, 'fr');
    expect(r.kept).toEqual([['emmanuel-macron', 'Macron']]);
    expect(r.suppressed).toEqual([
      ['Macron', 'other-person'],
      ['Macron', 'namesake-on-page'],
    ]);
  });

  it('takes a surname for a namesake only from a blocker that ends with it', () => {
    expect(judge(`The Biden Foundation closed.${P}Biden spoke.`, 'en').kept).toEqual([
      ['joe-biden', 'Biden'],
    ]);
    expect(judge(`Ashley Biden painted.${P}Biden spoke.`, 'en').suppressed).toEqual([
      ['Ashley Biden', 'blocker'],
      ['Biden', 'namesake-on-page'],
    ]);
  });

  it('keeps a person namesake’s bare use with a possessive even near our entity', () => {
    const r = judge(`Paul Bucha was decorated.${P}Bucha's platoon fought near Irpin.`, 'en');
    expect(r.suppressed).toContainEqual(['Bucha', 'namesake-on-page']);
    expect(r.kept).toEqual([['irpin', 'Irpin']]);
  });

  it('says why, naming the referent the page named', () => {
    const sense = new PageSense(dict, { lang: 'en' });
    const text = `Paul Bucha was decorated.${P}Bucha retired.`;
    const { judged } = sense.feed(text);
    expect(judged[1]!.suppressed!.why).toContain('"Paul Bucha"');
    expect(judged[0]!.suppressed!.why).toContain('"Paul Bucha"');
  });
});

describe('PageSense across time slices', () => {
  it('turns earlier verdicts when a later slice names a namesake, and back when it leaves', () => {
    const sense = new PageSense(dict, { lang: 'en' });
    const first = sense.feed(`Bucha later ran a company.${P}Bucha retired.`);
    expect(first.judged.map((j) => j.kept)).toEqual([true, true]);
    const second = sense.feed('Paul Bucha received the Medal of Honor.');
    expect(second.changed.map((j) => [j.chunk, j.kept, j.suppressed?.rule])).toEqual([
      [first.chunk, false, 'namesake-on-page'],
      [first.chunk, false, 'namesake-on-page'],
    ]);
    const gone = sense.forget(second.chunk);
    expect(gone.changed.map((j) => j.kept)).toEqual([true, true]);
  });

  it('releases an ambiguous alias when support arrives in a later slice', () => {
    const sense = new PageSense(dict, { lang: 'en' });
    const first = sense.feed('Khan said so.');
    expect(first.judged[0]!.suppressed!.rule).toBe('unsupported');
    const second = sense.feed('The International Criminal Court met.');
    expect(second.changed).toHaveLength(1);
    expect(second.changed[0]!.kept).toBe(true);
    expect(second.changed[0]!.mention.support).toMatchObject({ kind: 'related-entity' });
  });

  it('forgets part of a slice (a block read again) and re-judges', () => {
    const sense = new PageSense(dict, { lang: 'en' });
    const text = `Bucha retired.${P}Paul Bucha was decorated.`;
    const { chunk, judged } = sense.feed(text);
    expect(judged[0]!.kept).toBe(false);
    const { changed } = sense.forget(chunk, text.indexOf(P) + 1);
    expect(changed.map((j) => [text.slice(j.mention.start, j.mention.end), j.kept])).toEqual([
      ['Bucha', true],
    ]);
  });

  const BLOCKS = [
    'Paul Bucha received the Medal of Honor.',
    'Bucha said he was proud.',
    'Graves were found in Bucha, near Irpin.',
    'Visitors toured the Novgorod Kremlin.',
    'The Kremlin walls are old.',
    'Putin and the Kremlin denied it.',
    'Khan said so.',
    'Karim Khan of the International Criminal Court spoke.',
    'Jill Biden read.',
    'Biden spoke.',
    'В кекс добавили изюм.',
    'Бои под Изюмом и Харьковом.',
  ];

  it('reaches the same verdicts whatever order the blocks arrive in, in whatever slices', () => {
    const whole = new PageSense(dict);
    whole.feed(BLOCKS.join(P));
    // Per-block keys of the whole-page verdicts.
    const expected = whole
      .verdicts()
      .map((j) => {
        const text = BLOCKS.join(P);
        const blockStart = text.lastIndexOf(P, j.mention.start) + 1;
        return `${text.slice(j.mention.start, j.mention.end)}@${text.slice(blockStart, blockStart + 12)}:${j.kept}`;
      })
      .sort();
    expect(expected.filter((k) => k.endsWith(':true')).length).toBeGreaterThan(3);
    expect(expected.filter((k) => k.endsWith(':false')).length).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(BLOCKS, { minLength: BLOCKS.length, maxLength: BLOCKS.length }),
        fc.integer({ min: 1, max: 4 }),
        (order, per) => {
          const sense = new PageSense(dict);
          const texts = new Map<number, string>();
          for (let i = 0; i < order.length; i += per) {
            const text = order.slice(i, i + per).join(P);
            const { chunk } = sense.feed(text);
            texts.set(chunk, text);
          }
          const got = sense
            .verdicts()
            .map((j) => {
              const text = texts.get(j.chunk)!;
              const blockStart = text.lastIndexOf(P, j.mention.start) + 1;
              return `${text.slice(j.mention.start, j.mention.end)}@${text.slice(blockStart, blockStart + 12)}:${j.kept}`;
            })
            .sort();
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('deferred: settles in as many small steps as asked, to the verdicts of the whole page at once', () => {
    const blocks = [...BLOCKS, ...BLOCKS, ...BLOCKS];
    const whole = new PageSense(dict).feed(blocks.join(P)).judged.map((j) => j.kept);
    const sense = new PageSense(dict, { defer: true });
    // The namesakes' blocks come last: the first slice is judged without them.
    const order = [
      ...blocks.filter((b) => !/Paul|Novgorod|Jill/u.test(b)),
      ...blocks.filter((b) => /Paul|Novgorod|Jill/u.test(b)),
    ];
    const first = sense.feed(order.slice(0, 27).join(P));
    const shown = new Map(first.judged.map((j) => [j.mention.start, j.kept]));
    const second = sense.feed(order.slice(27).join(P));
    expect(sense.pending).toBe(true);
    let steps = 0;
    for (let done = false; !done; steps++) {
      const update = sense.settle(() => true);
      for (const j of update.changed) if (j.chunk === first.chunk) shown.set(j.mention.start, j.kept);
      done = update.done;
    }
    expect(steps).toBeGreaterThan(3);
    expect(sense.pending).toBe(false);
    expect([...shown.values()]).toEqual(sense.verdicts(first.chunk).map((j) => j.kept));
    expect([...shown.values()]).not.toEqual(first.judged.map((j) => j.kept));
    const kept = [...shown.values(), ...sense.verdicts(second.chunk).map((j) => j.kept)];
    expect(kept.filter(Boolean).length).toBe(whole.filter(Boolean).length);
    expect(kept.length).toBe(whole.length);
  });

  it('deferred: the Novgorod Kremlin read after a bare "Kremlin" turns it once settled, not before', () => {
    const sense = new PageSense(dict, { lang: 'en', defer: true });
    const first = sense.feed('The Kremlin walls are old.');
    expect(first.judged.map((j) => j.kept)).toEqual([true]);
    const second = sense.feed('Visitors toured the Novgorod Kremlin.');
    expect(second.changed).toEqual([]);
    expect(sense.pending).toBe(true);
    const { changed, done } = sense.settle();
    expect(done).toBe(true);
    expect(changed.map((j) => [j.chunk, j.kept, j.suppressed?.rule])).toEqual([
      [first.chunk, false, 'namesake-on-page'],
    ]);
  });
});

describe('the serialised dictionary', () => {
  // Every array round-trips (test/unit/dictionary-codec.test.ts); here, what the sense rules need.
  it('carries the sense word lists and the namesake blockers', () => {
    const compiled = compileDictionary(SENSE_ENTITIES);
    const loaded = loadDictionary(JSON.parse(JSON.stringify(serializeDictionary(compiled))));
    // The word lists travel with it (the content script reads them from storage, not as code).
    expect(loaded.lexicon?.given).toContain('vasily');
    expect(loaded.lexicon).toEqual(compiled.lexicon);
    // Blockers that name a namesake claim the alias they contain: "Novgorod Kremlin" → "Kremlin".
    const claimed = Object.values(compiled.blockerGroups).flat();
    expect(claimed.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import {
  attribute,
  entityLookup,
  explainAttribution,
  LEXICONS,
  speakerMentions,
  type Attribution,
  type AttributionLanguage,
} from '../../src/core/attribution';
import { expandPattern, lexicon } from '../../src/core/attribution/compile';
import { detectLanguage } from '../../src/core/attribution/language';
import { findQuotes } from '../../src/core/attribution/quotes';
import { tokenize } from '../../src/core/attribution/tokens';
import { STANCES } from '../../src/core/claims';
import { compileDictionary } from '../../src/core/dictionary';
import { readEntitySources } from '../../src/node/entity-files';

const dict = compileDictionary(readEntitySources().entities);
const lookup = entityLookup(dict);

function run(text: string, lang?: AttributionLanguage): Attribution[] {
  return attribute(text, speakerMentions(text, dict), lookup, lang ? { lang } : {});
}
/** [speaker, content] pairs, the compact form the tables below compare. */
const said = (text: string, lang?: AttributionLanguage) =>
  run(text, lang).map((a) => [a.speaker, text.slice(a.start, a.end)]);

describe('attribution: constructions', () => {
  it.each<[string, AttributionLanguage, string, [string, string][]]>([
    [
      'quote after a colon',
      'en',
      'Kremlin spokesman Dmitry Peskov told reporters: "It\'s a lie."',
      [['dmitry-peskov', "It's a lie."]],
    ],
    [
      'quote, then speaker and verb; the next quote continues it',
      'en',
      '"We are not discussing a ceasefire," Peskov said. "Nothing has changed."',
      [
        ['dmitry-peskov', 'We are not discussing a ceasefire'],
        ['dmitry-peskov', 'Nothing has changed.'],
      ],
    ],
    [
      'inverted verb and a split quote',
      'en',
      '"Russia wants this war to last," said Volodymyr Zelensky, "and we answer with pressure."',
      [
        ['volodymyr-zelensky', 'Russia wants this war to last'],
        ['volodymyr-zelensky', 'and we answer with pressure.'],
      ],
    ],
    [
      'indirect speech without "that", and a second verb',
      'en',
      'Zelensky said air defence had shot down most drones and urged allies to send more systems.',
      [
        ['volodymyr-zelensky', 'air defence had shot down most drones'],
        ['volodymyr-zelensky', 'allies to send more systems'],
      ],
    ],
    [
      'clause, then the report',
      'en',
      'Russian forces are retreating from the river, Zelensky said on Monday.',
      [['volodymyr-zelensky', 'Russian forces are retreating from the river']],
    ],
    [
      '"according to" at the start',
      'en',
      'According to the IAEA, the plant lost external power for eight hours.',
      [['iaea', 'the plant lost external power for eight hours']],
    ],
    [
      "an organisation's spokesman",
      'en',
      "The Kremlin's spokesman said the offensive would continue.",
      [['kremlin', 'the offensive would continue']],
    ],
    [
      'a pronoun refers back to the one person named',
      'en',
      'Grossi visited the Zaporizhzhia plant with IAEA inspectors. He said the situation was fragile.',
      [['rafael-grossi', 'the situation was fragile']],
    ],
    [
      'a title refers back when the description fits',
      'en',
      'Dmitry Peskov said Putin had no plans to travel. The spokesman added that talks would continue.',
      [
        ['dmitry-peskov', 'Putin had no plans to travel'],
        ['dmitry-peskov', 'talks would continue'],
      ],
    ],
    [
      'dash dialogue with a continuation',
      'ru',
      '— Это ложь, — заявил Песков. — Мы будем защищать правду.',
      [
        ['dmitry-peskov', 'Это ложь'],
        ['dmitry-peskov', 'Мы будем защищать правду'],
      ],
    ],
    [
      '«…», — заявил',
      'ru',
      '«Это та же постановка, что и в Буче», — заявил журналистам Песков.',
      [['dmitry-peskov', 'Это та же постановка, что и в Буче']],
    ],
    [
      'по словам',
      'ru',
      'По словам Пескова, переговоры зашли в тупик.',
      [['dmitry-peskov', 'переговоры зашли в тупик']],
    ],
    [
      'об этом заявил: the sentence before',
      'ru',
      'Россия не будет участвовать в переговорах. Об этом заявил Дмитрий Песков.',
      [['dmitry-peskov', 'Россия не будет участвовать в переговорах']],
    ],
    [
      'в Кремле заявили',
      'ru',
      'В Кремле заявили, что не видят оснований для перемирия.',
      [['kremlin', 'не видят оснований для перемирия']],
    ],
    [
      'за словами',
      'uk',
      'За словами Зеленського, Україна отримала нові системи ППО.',
      [['volodymyr-zelensky', 'Україна отримала нові системи ППО']],
    ],
    [
      'a remark between dashes inside the quotation marks',
      'uk',
      '«Ми готові до переговорів, — сказав Зеленський, — але не до капітуляції».',
      [
        ['volodymyr-zelensky', 'Ми готові до переговорів'],
        ['volodymyr-zelensky', 'але не до капітуляції'],
      ],
    ],
    [
      'a press secretary of an organisation speaks for it',
      'uk',
      '«Операція триватиме», — сказав прессекретар Кремля.',
      [['kremlin', 'Операція триватиме']],
    ],
    [
      'a dropped subject in Polish takes the one person named before',
      'pl',
      'Ławrow wystąpił po spotkaniu w Antalyi. „Zachód nie chce pokoju” – dodał.',
      [['sergey-lavrov', 'Zachód nie chce pokoju']],
    ],
    [
      'laut, without a comma',
      'de',
      'Laut Selenskyj hat Russland Truppen zusammengezogen.',
      [['volodymyr-zelensky', 'hat Russland Truppen zusammengezogen']],
    ],
    [
      'a French inverted verb carrying its pronoun',
      'fr',
      "Sergueï Lavrov s'est exprimé après la réunion. « L'Occident ne veut pas la paix », a-t-il ajouté.",
      [['sergey-lavrov', "L'Occident ne veut pas la paix"]],
    ],
    [
      'a name between commas after a title',
      'fr',
      "Le directeur général de l'AIEA, Rafael Grossi, a averti que la situation restait dangereuse.",
      [['rafael-grossi', 'la situation restait dangereuse']],
    ],
  ])('%s (%s)', (_name, lang, text, expected) => {
    expect(said(text, lang)).toEqual(expected);
  });
});

describe('attribution: what must not be attributed', () => {
  it.each<[string, AttributionLanguage, string]>([
    ['a negated report', 'en', 'Peskov did not say that the negotiations had collapsed.'],
    ['"never"', 'en', 'He has never claimed that. Peskov has never claimed that Moscow would withdraw.'],
    ['a Russian negation', 'ru', 'Песков не заявлял, что переговоры провалились.'],
    ['a hypothetical', 'en', 'Putin may announce new measures. Peskov declined to confirm the reports.'],
    ['a question', 'en', 'Did Peskov say that Russia would withdraw its troops?'],
    [
      'a namesake with another given name',
      'en',
      'Ivan Peskov, a reporter, said the mood in Moscow was calm.',
    ],
    ['a journalist with the same surname', 'uk', 'Журналіст Пєсков додав, що переговорів ніхто не очікує.'],
    ['someone else’s kremlin', 'en', 'A guide at the Kremlin of Kazan said the towers were very old.'],
    [
      'a compound with the name',
      'en',
      'Kremlin-backed officials in Donetsk said the water supply was restored.',
    ],
    ['two subjects for one statement', 'en', 'Lavrov and Peskov said the proposals were unacceptable.'],
    [
      'a pronoun with two persons before',
      'en',
      'Zelensky and Macron met in Paris. He said the talks were good.',
    ],
    [
      'a pronoun after someone we do not know spoke',
      'en',
      'Blinken met allies on Monday. Jens Stoltenberg said the alliance would respond. He said NATO was united.',
    ],
    [
      'a report inside a report',
      'en',
      'Moscow newspapers published reports that Peskov had called the plan unworkable.',
    ],
    ['a place for a government', 'en', 'Kyiv said the strike had hit a hospital.'],
    ['scare quotes without a report', 'uk', 'Зеленський провів «Ставку» і заслухав доповіді командувачів.'],
  ])('%s (%s)', (_name, lang, text) => {
    const found = said(text, lang).filter(([speaker]) => !(lang === 'en' && speaker === 'antony-blinken'));
    expect(found).toEqual([]);
  });

  it('does not attribute a statement inside a quotation to the name inside it', () => {
    const text =
      'Peskov said: "Zelensky said yesterday that he wants peace, but his actions show otherwise."';
    expect(said(text, 'en')).toEqual([
      ['dmitry-peskov', 'Zelensky said yesterday that he wants peace, but his actions show otherwise.'],
    ]);
  });
});

describe('attribution: output', () => {
  it('gives UTF-16 offsets into the text, the cue, kind, stance and a structured why', () => {
    const text =
      '🇺🇦 Kremlin spokesman Dmitry Peskov told reporters: "It\'s the same scenario as in Bucha. It\'s a lie."';
    const [a] = run(text);
    expect(a).toMatchObject({
      speaker: 'dmitry-peskov',
      cue: 'told reporters',
      kind: 'direct',
      stance: 'denies',
    });
    expect(text.slice(a!.start, a!.end)).toBe("It's the same scenario as in Bucha. It's a lie.");
    expect(text.slice(a!.cueStart, a!.cueEnd)).toBe('told reporters');
    expect(a!.why).toMatchObject({
      rule: 'speaker-verb-content',
      lang: 'en',
      speaker: { via: 'name', text: 'Dmitry Peskov', for: 'kremlin' },
      lemma: 'tell',
    });
    expect(a!.why.notes.join(' ')).toMatch(/"a lie" in the statement/);
    expect(explainAttribution(a!)).toMatch(/named "Dmitry Peskov".*speaking for kremlin/);
  });

  it('tells direct, indirect and mixed speech apart, and maps speech acts to stances', () => {
    const text =
      'Lavrov accused the West of "waging a hybrid war". Guterres called for an end to the strikes. ' +
      'IAEA chief Rafael Grossi warned that the plant was at risk. Energoatom confirmed the reactor was shut down.';
    expect(run(text).map((a) => [a.speaker, a.kind, a.stance])).toEqual([
      ['sergey-lavrov', 'mixed', 'accuses'],
      ['antonio-guterres', 'indirect', 'calls-for'],
      ['rafael-grossi', 'indirect', 'warns'],
      ['energoatom', 'indirect', 'confirms'],
    ]);
  });

  it('resolves a pronoun to its antecedent and says so', () => {
    const text = 'Maria Zakharova rejected the accusations. She said Kyiv had destroyed the dam.';
    const pronoun = run(text).find((a) => a.why.speaker.via === 'pronoun')!;
    expect(pronoun.speaker).toBe('maria-zakharova');
    expect(pronoun.why.speaker.antecedent?.text).toBe('Maria Zakharova');
    // "he" does not fit her.
    expect(run('Maria Zakharova rejected the accusations. He said Kyiv had destroyed the dam.')).toHaveLength(
      1,
    );
  });

  it('is empty for a text without mentions, and for an empty text', () => {
    expect(run('"It is a lie," the spokesman said.')).toEqual([]);
    expect(run('')).toEqual([]);
  });
});

describe('attribution: language, quotes, tokens', () => {
  it.each<[string, AttributionLanguage]>([
    ['Песков заявил, что переговоры продолжаются', 'ru'],
    ['Пєсков заявив, що переговори тривають', 'uk'],
    ['Peskov said the talks would continue.', 'en'],
    ['Peskow sagte, die Gespräche würden fortgesetzt.', 'de'],
    ['Peskov a déclaré que les négociations continuaient.', 'fr'],
    ['Pieskow powiedział, że rozmowy będą kontynuowane.', 'pl'],
  ])('detects the language of %j', (text, lang) => {
    expect(detectLanguage(text, tokenize(text))).toBe(lang);
  });

  it('pairs quote marks of every convention, nested ones included', () => {
    const text = '«Они говорят „мы за мир“», and “he said ‘no’”, and „ja“ and « oui » and »nein«';
    const quotes = findQuotes(text, tokenize(text)).map((q) => q.depth);
    expect(quotes).toEqual([0, 1, 0, 1, 0, 0, 0]);
  });

  it('keeps apostrophes inside words and cuts possessives and French elisions', () => {
    expect(tokenize("Ukraine's d'après п'ять").map((t) => t.norm)).toEqual([
      'ukraine',
      "'s",
      "d'",
      'apres',
      "п'ять",
    ]);
  });
});

describe('attribution lexicons (data)', () => {
  it.each(Object.keys(LEXICONS))('%s: every pattern expands to words, every stance has verbs', (lang) => {
    const source = LEXICONS[lang as AttributionLanguage];
    const lists = Object.entries(source).filter(([, v]) => Array.isArray(v) && typeof v[0] === 'string') as [
      string,
      string[],
    ][];
    for (const [name, patterns] of lists) {
      if (name === 'abbreviations' || name === 'stopwords') continue;
      for (const p of patterns) {
        const seqs = expandPattern(p);
        expect(seqs.length, `${lang}.${name}: ${p}`).toBeGreaterThan(0);
        for (const seq of seqs)
          for (const t of seq) expect(t, `${lang}.${name}: ${p}`).toMatch(/^[\p{L}\p{N}'\-.]+$/u);
      }
    }
    const stances = new Set(source.verbs.map((v) => v.stance));
    for (const s of STANCES) expect(stances, `${lang} has a verb for ${s}`).toContain(s);
    for (const verb of source.verbs)
      for (const p of verb.forms) expect(expandPattern(p).length).toBeGreaterThan(0);
  });

  it('reads the gender of Slavic past-tense forms from their endings', () => {
    const gender = (lang: AttributionLanguage, word: string) =>
      lexicon(lang).verbs.at(tokenize(word), 0)?.value.gender;
    expect(['заявил', 'заявила', 'заявило', 'заявили'].map((w) => gender('ru', w))).toEqual([
      'm',
      'f',
      'n',
      'p',
    ]);
    expect(['заявив', 'заявила', 'заявили'].map((w) => gender('uk', w))).toEqual(['m', 'f', 'p']);
    expect(['powiedział', 'powiedziała', 'powiedzieli'].map((w) => gender('pl', w))).toEqual(['m', 'f', 'p']);
    expect(lexicon('fr').verbs.at(tokenize('a-t-elle ajouté'), 0)?.value.pronoun).toBe('f');
  });

  it('leaves out base forms, so "did not say" and "will deny" have no cue', () => {
    const en = lexicon('en');
    for (const word of ['say', 'deny', 'confirm', 'warn', 'accuse'])
      expect(en.verbs.at(tokenize(word), 0)).toBeUndefined();
  });
});

describe('attribution: robustness', () => {
  it('never throws, and every span lies inside the text, on texts made of reporting fragments', async () => {
    const fc = await import('fast-check');
    const fragments = [
      'Peskov',
      'Zelensky',
      'the Kremlin',
      'Песков',
      'Зеленський',
      'said',
      'told reporters',
      'заявил',
      'заявив, що',
      'according to',
      'he',
      'він',
      '"',
      '«',
      '»',
      '„',
      '“',
      "'",
      ' — ',
      ', ',
      ': ',
      '. ',
      '?',
      '\n',
      '\u2029',
      'it is a lie',
      'это ложь',
      'did not say',
      'не заявлял',
      'Ivan',
      '🇺🇦',
      '',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...fragments), { maxLength: 40 }),
        fc.boolean(),
        (parts, lineBreaks) => {
          const text = parts.join(' ');
          for (const a of attribute(text, speakerMentions(text, dict), lookup, { lineBreaks })) {
            expect(0 <= a.start && a.start < a.end && a.end <= text.length).toBe(true);
            expect(0 <= a.cueStart && a.cueStart < a.cueEnd && a.cueEnd <= text.length).toBe(true);
            expect(lookup(a.speaker)?.type).toMatch(/person|org/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

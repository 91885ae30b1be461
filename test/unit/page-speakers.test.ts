import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { pageStatements } from '../../src/core/attribution';
import { compileDictionary } from '../../src/core/dictionary';
import { checkReply } from '../../src/core/messages';
import { pageSpeakers, PageSpeakerSchema, shortText, SPEAKER_TEXT_MAX } from '../../src/core/page-speakers';
import type { PageStatement } from '../../src/core/page-statements';
import { readEntitySources } from '../../src/node/entity-files';

const dict = compileDictionary(readEntitySources().entities);
const byId = new Map(dict.entities.map((e) => [e.id, e]));
const entityOf = (lang: 'en' | 'uk' | 'ru') => (id: string) => {
  const e = byId.get(id);
  return e && { name: e.name[lang], type: e.type };
};

const statement = (speaker: string, quote: string, stance = 'asserts'): PageStatement => ({
  speaker,
  before: '',
  quote,
  after: '',
  cue: 'said',
  kind: 'indirect',
  stance,
  about: [],
});

// Blocks as the content script extracts them (U+2029 between paragraphs), reporting as the seed does.
const PAGE = [
  'The Kremlin on Monday rejected allegations that Russian forces had committed war crimes in Kharkiv province. The Kremlin denied its forces were responsible for the killings and accused Kyiv of fabricating its discoveries.',
  'Ukrainian President Volodymyr Zelensky said investigators had found evidence of torture, and accused Russian troops of committing war crimes.',
  "Asked on Monday about Zelensky's statements, Kremlin spokesman Dmitry Peskov told reporters: \"It's the same scenario as in Bucha. It's a lie.\"",
].join('\u2029');

describe('pageSpeakers', () => {
  it("lists a page's speakers, the most quoted first, each with its statements' text and stance", () => {
    const speakers = pageSpeakers(pageStatements(PAGE, dict), entityOf('en'));
    expect(speakers.map((s) => s.id)).toEqual(['kremlin', 'volodymyr-zelensky', 'dmitry-peskov']);
    expect(speakers.map((s) => s.statements.length)).toEqual([3, 2, 1]);
    expect(speakers[0]!.name).toBe('Kremlin');
    expect(speakers[0]!.type).toBe('org');
    expect(speakers[0]!.statements.map((s) => s.stance)).toEqual(['denies', 'denies', 'accuses']);
    const peskov = speakers[2]!.statements[0]!;
    expect(peskov).toMatchObject({ kind: 'direct', stance: 'denies' });
    expect(peskov.text).toContain("It's the same scenario as in Bucha");
    for (const s of speakers) expect(v.safeParse(PageSpeakerSchema, s).success).toBe(true);
  });

  it('names speakers in the UI language', () => {
    const speakers = pageSpeakers(pageStatements(PAGE, dict), entityOf('uk'));
    expect(speakers.find((s) => s.id === 'dmitry-peskov')?.name).toBe(byId.get('dmitry-peskov')!.name.uk);
    expect(speakers.find((s) => s.id === 'dmitry-peskov')?.name).toMatch(/Пєсков/);
  });

  it('counts a repeated statement once (a page that repeats a paragraph), and breaks ties by page order', () => {
    const speakers = pageSpeakers(
      [
        statement('volodymyr-zelensky', 'one'),
        statement('dmitry-peskov', 'two', 'denies'),
        statement('dmitry-peskov', 'two', 'denies'),
        statement('volodymyr-zelensky', 'three'),
        statement('dmitry-peskov', 'four', 'warns'),
        statement('kremlin', 'five'),
      ],
      entityOf('en'),
    );
    expect(speakers.map((s) => [s.id, s.statements.map((t) => t.text)])).toEqual([
      ['volodymyr-zelensky', ['one', 'three']],
      ['dmitry-peskov', ['two', 'four']],
      ['kremlin', ['five']],
    ]);
  });

  it('leaves out a speaker the entity list does not know', () => {
    expect(pageSpeakers([statement('nobody-known', 'x')], entityOf('en'))).toEqual([]);
    expect(pageSpeakers([], entityOf('en'))).toEqual([]);
  });

  it('passes the popup reply check', () => {
    const value = pageSpeakers(pageStatements(PAGE, dict), entityOf('ru'));
    expect(checkReply('pageSpeakers', { ok: true, value })).toEqual({ ok: true, value });
    expect(checkReply('pageSpeakers', { ok: true, value: [{ id: 1 }] }).ok).toBe(false);
  });
});

describe('shortText', () => {
  it.each([
    ['short', 'short'],
    ['  spread\n over\tlines ', 'spread over lines'],
  ])('keeps %j as %j', (text, expected) => expect(shortText(text)).toBe(expected));

  it('cuts a long statement at a word, with an ellipsis, within the bound', () => {
    const long = 'word, '.repeat(60);
    const short = shortText(long);
    expect(short.length).toBeLessThanOrEqual(SPEAKER_TEXT_MAX);
    expect(short.endsWith('word…')).toBe(true);
  });

  it('cuts one long word where it must', () => {
    expect(shortText('x'.repeat(500), 20)).toBe(`${'x'.repeat(19)}…`);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { runAttribute } from '../../src/cli/attribute';
import { readEntitySources } from '../../src/node/entity-files';
import { ClaimSchema, STANCES } from '../../src/core/claims';
import { readFixtures } from '../../scripts/attribution-fixtures';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, '../shared/seed/article.txt');
const tmp = mkdtempSync(join(tmpdir(), 'wsw-attribute-'));

/** Run `wsw attribute` in this process, collecting its output. */
function wsw(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAttribute(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface Row {
  speaker: string;
  start: number;
  end: number;
  cue: string;
  kind: string;
  stance: string;
  text: string;
  why: { rule: string; speaker: { via: string } };
}

describe('wsw attribute: the seed article', () => {
  const { code, out } = wsw('--json', SEED);
  const { file, attributions } = JSON.parse(out) as { file: string; attributions: Row[] };
  const text = readFileSync(SEED, 'utf8');
  const of = (speaker: string) => attributions.filter((a) => a.speaker === speaker);

  it('prints one JSON line whose offsets point into the text', () => {
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(file).toBe(SEED);
    for (const a of attributions) {
      expect(text.slice(a.start, a.end)).toBe(a.text);
      expect(STANCES).toContain(a.stance);
      expect(['direct', 'indirect', 'mixed']).toContain(a.kind);
      expect(text).toContain(a.cue);
    }
  });

  it('attributes "It\'s the same scenario as in Bucha… a lie" to Peskov, as a direct quote that denies', () => {
    const quote = of('dmitry-peskov').find((a) => a.text.startsWith("It's the same scenario as in Bucha"));
    expect(quote).toMatchObject({ kind: 'direct', stance: 'denies', cue: 'told reporters' });
    expect(quote!.text).toContain("It's a lie");
  });

  it('attributes the torture statement to Zelensky and the accusation that follows it', () => {
    const zelensky = of('volodymyr-zelensky');
    expect(zelensky.some((a) => /found evidence of torture/.test(a.text) && a.stance === 'asserts')).toBe(
      true,
    );
    expect(zelensky.some((a) => /committing war crimes/.test(a.text) && a.stance === 'accuses')).toBe(true);
  });

  it("attributes the Kremlin's denial to the Kremlin", () => {
    const kremlin = of('kremlin');
    expect(kremlin.some((a) => /committed war crimes/.test(a.text) && a.stance === 'denies')).toBe(true);
    expect(
      kremlin.some(
        (a) => /forces were responsible for large-scale killings/.test(a.text) && a.stance === 'denies',
      ),
    ).toBe(true);
  });

  it('attributes nothing to "Ukraine said" (a country is not one of our speakers) or to anyone else', () => {
    expect(new Set(attributions.map((a) => a.speaker))).toEqual(
      new Set(['kremlin', 'volodymyr-zelensky', 'dmitry-peskov']),
    );
  });
});

describe('wsw attribute: files and errors', () => {
  it('reads HTML as its visible text, with offsets into that text', () => {
    const html = join(tmp, 'page.html');
    writeFileSync(
      html,
      '<html><body><script>"Peskov said: \\"no\\""</script><p>Peskov <b>told</b> reporters: “It is a lie.”</p></body></html>',
    );
    const { code, out } = wsw('--json', html);
    expect(code).toBe(0);
    const { attributions } = JSON.parse(out) as { attributions: Row[] };
    expect(attributions).toEqual([
      expect.objectContaining({
        speaker: 'dmitry-peskov',
        text: 'It is a lie.',
        cue: 'told reporters',
        start: 24,
        end: 36,
      }),
    ]);
  });

  it("treats line breaks inside a page's paragraph as the source's wrapping, not as paragraph ends", () => {
    const html = join(tmp, 'wrapped.html');
    writeFileSync(
      html,
      '<html><body><p>Zelensky said investigators had found\n      signs of torture near Izium.</p></body></html>',
    );
    const { attributions } = JSON.parse(wsw('--json', html).out) as { attributions: Row[] };
    expect(attributions.map((a) => [a.speaker, a.text.replace(/\s+/g, ' ')])).toEqual([
      ['volodymyr-zelensky', 'investigators had found signs of torture near Izium'],
    ]);
    // The same words in a .txt file: a line break ends a paragraph.
    const txt = join(tmp, 'wrapped.txt');
    writeFileSync(txt, 'Zelensky said investigators had found\nsigns of torture near Izium.');
    const plain = JSON.parse(wsw('--json', txt).out) as { attributions: Row[] };
    expect(plain.attributions.map((a) => a.text)).toEqual(['investigators had found']);
  });

  it('prints a readable list with the why of each statement', () => {
    const { code, out } = wsw(SEED);
    expect(code).toBe(0);
    expect(out).toMatch(/article\.txt: \d+ attribution\(s\)/);
    expect(out).toMatch(/dmitry-peskov {2}\[direct, denies\] {2}"told reporters"/);
    expect(out).toMatch(/named "Dmitry Peskov"/);
  });

  it.each([
    [[], /needs at least one FILE/, 2],
    [['--suggest', SEED], /needs --url/, 2],
    [['--suggest', '--url', 'https://example.org/a', SEED], /needs --date/, 2],
    [['--suggest', '--url', 'javascript:alert(1)', '--date', '2025-01-01', SEED], /not an http\(s\) URL/, 2],
    [
      ['--suggest', '--url', 'https://example.org/a', '--date', '2025-02-30', SEED],
      /not a real YYYY-MM-DD date/,
      2,
    ],
    [
      ['--suggest', '--url', 'https://example.org/a', '--date', '2025-01-01', SEED, SEED],
      /exactly one FILE/,
      2,
    ],
    [['--url', 'https://example.org/a', SEED], /go with --suggest/, 2],
    [['--lang', 'xx', SEED], /--lang must be one of/, 2],
    [['--bogus', SEED], /Unknown option/, 2],
    [[join(tmp, 'missing.txt')], /missing\.txt: no such file/, 1],
  ])('refuses %j with a clear message', (args, message, exit) => {
    const { code, err } = wsw(...args);
    expect(code).toBe(exit);
    expect(err).toMatch(message);
    expect(err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('reports a bad file and goes on with the others', () => {
    const binary = join(tmp, 'bin.txt');
    writeFileSync(binary, Buffer.from([0x50, 0, 0x51]));
    const { code, out, err } = wsw('--json', binary, SEED);
    expect(code).toBe(1);
    expect(err).toMatch(/bin\.txt: looks binary/);
    expect(JSON.parse(out).file).toBe(SEED);
  });
});

describe('wsw attribute --suggest', () => {
  const url = 'https://www.example-news.org/2025/03/11/talks';
  const { code, out, err } = wsw('--suggest', '--url', url, '--date', '2025-03-11', SEED);
  const { claims } = JSON.parse(out) as { claims: unknown[] };
  const known = new Set(readEntitySources().entities.map((e) => e.id));

  it('prints candidate claims that validate against the dataset schema', () => {
    expect(code).toBe(0);
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) {
      const parsed = v.safeParse(ClaimSchema, c);
      expect(parsed.success, JSON.stringify(parsed.issues)).toBe(true);
    }
    expect(err).toMatch(/\d+ statement\(s\), \d+ candidate claim\(s\)/);
  });

  it('fills speaker, about, kind, stance and source from the article', () => {
    const peskov = (claims as Record<string, unknown>[]).find((c) => c.speaker === 'dmitry-peskov')!;
    expect(peskov).toMatchObject({
      kind: 'quote',
      stance: 'denies',
      date: '2025-03-11',
      lang: 'en',
      speaksFor: 'kremlin',
      source: { outlet: 'example-news.org', url, published: '2025-03-11' },
      about: [{ entity: 'bucha', role: 'subject' }],
    });
    expect(peskov.verified).toMatch(/UNREVIEWED/);
    for (const c of claims as { speaker: string; about: { entity: string }[]; id: string }[]) {
      expect(known).toContain(c.speaker);
      for (const a of c.about) {
        expect(known).toContain(a.entity);
        expect(a.entity).not.toBe(c.speaker);
      }
    }
    const ids = (claims as { id: string }[]).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("takes 'about' from the sentence when the statement names no entity, and says so", () => {
    const file = join(tmp, 'patron.txt');
    writeFileSync(
      file,
      'Dmitry Peskov, the press secretary of Vladimir Putin, said that his patron will not travel to the summit.',
    );
    const result = wsw('--suggest', '--url', url, '--date', '2025-05-15', file);
    const [claim] = (JSON.parse(result.out) as { claims: Record<string, unknown>[] }).claims;
    expect(claim).toMatchObject({
      speaker: 'dmitry-peskov',
      about: [{ entity: 'vladimir-putin', role: 'target' }],
      text: 'his patron will not travel to the summit',
    });
    expect(claim!.verified).toMatch(/"about" comes from the sentence/);
  });

  it('does not repeat a statement the article repeats', () => {
    const texts = (claims as { speaker: string; text: string }[]).map((c) => `${c.speaker} ${c.text}`);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('the annotated attribution set', () => {
  const docs = readFixtures();
  const known = new Set(readEntitySources().entities.map((e) => e.id));
  const count = (langs: string[]) =>
    docs.filter((d) => langs.includes(d.lang)).reduce((n, d) => n + d.gold.length, 0);

  it('has at least 200 statements in English, Ukrainian and Russian and 60 in German, French and Polish', () => {
    expect(count(['en', 'uk', 'ru'])).toBeGreaterThanOrEqual(200);
    expect(count(['de', 'fr', 'pl'])).toBeGreaterThanOrEqual(60);
    expect(docs.some((d) => d.set === 'held-out')).toBe(true);
  });

  it('names only known speakers and stances, on non-empty spans', () => {
    for (const d of docs) {
      for (const g of d.gold) {
        expect(known, `${d.lang}:${d.line}`).toContain(g.speaker);
        if (g.stance) expect(STANCES).toContain(g.stance);
        expect(d.text.slice(g.start, g.end).trim().length).toBeGreaterThan(0);
      }
    }
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/wsw';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = resolve(ROOT, '../shared/seed/article.txt');
const tmp = mkdtempSync(join(tmpdir(), 'wsw-cli-'));

/** Run a command line in-process, as the binary would: exit code and what it printed. */
function wsw(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { out: (text) => out.push(text + '\n'), err: (text) => err.push(text + '\n') });
  return { code, out: out.join(''), err: err.join('') };
}

describe('the wsw binary', () => {
  // The one test that starts the real program: the entry point wires run() to the process.
  it('prints to stdout and stderr and exits with the command’s code', () => {
    const bin = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'src/cli/wsw.ts'), ...args],
        { encoding: 'utf8', cwd: ROOT },
      );
    const ok = bin('validate');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(wsw('validate').out);
    const bad = bin('frobnicate');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^wsw: unknown command "frobnicate"/);
  }, 60_000);
});

describe('wsw annotate', () => {
  it('annotates the seed article as JSON lines with offsets into its text', () => {
    const { code, out } = wsw('annotate', '--json', SEED);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const { file, mentions } = JSON.parse(lines[0]!);
    expect(file).toBe(SEED);
    const entities = new Set(mentions.map((m: { entity: string }) => m.entity));
    for (const id of [
      'kremlin',
      'kharkiv-oblast',
      'kyiv',
      'izium',
      'volodymyr-zelensky',
      'dmitry-peskov',
      'bucha',
    ]) {
      expect(entities).toContain(id);
    }
    const text = readFileSync(SEED, 'utf8');
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      expect(m.why).toMatch(/alias/);
    }
    // "Izyum" and "Izium" are both the town; "Kharkiv region/province" the oblast, never the city.
    expect(
      mentions
        .filter((m: { text: string }) => m.text === 'Izyum')
        .every((m: { entity: string }) => m.entity === 'izium'),
    ).toBe(true);
    expect(entities).not.toContain('kharkiv');
  });

  it('reads HTML as visible text, skipping scripts and editors', () => {
    const html = join(tmp, 'page.html');
    writeFileSync(
      html,
      '<html><head><title>Kyiv</title><script>"Bucha"</script></head><body><p>Vo<b>lodymyr</b> Zelensky</p><textarea>Izium</textarea></body></html>',
    );
    const { code, out } = wsw('annotate', '--json', html);
    expect(code).toBe(0);
    const { mentions } = JSON.parse(out);
    expect(mentions).toEqual([
      expect.objectContaining({
        entity: 'volodymyr-zelensky',
        text: 'Volodymyr Zelensky',
        start: 0,
        end: 18,
      }),
    ]);
  });

  it('prints a readable list without --json', () => {
    const { code, out } = wsw('annotate', SEED);
    expect(code).toBe(0);
    expect(out).toMatch(/^.*article\.txt: \d+ mention\(s\)$/m);
    expect(out).toMatch(/izium\s+"Izyum"/);
  });

  it('judges a page by its own sense and, with --explain-suppressed, says what it left out and why', () => {
    const html = join(tmp, 'bucha.html');
    writeFileSync(
      html,
      '<html lang="en"><body><p>Paul Bucha received the Medal of Honor.</p><p>Bucha said he was proud.</p>' +
        '<p>Kremlin spokesman Dmitry Peskov spoke.</p></body></html>',
    );
    const plain = wsw('annotate', '--json', html);
    expect(plain.code).toBe(0);
    const without = JSON.parse(plain.out.trim());
    expect(without.mentions.map((m: { text: string }) => m.text)).toEqual(['Kremlin', 'Dmitry Peskov']);
    expect(without.suppressed).toBeUndefined();
    const explained = JSON.parse(wsw('annotate', '--json', '--explain-suppressed', html).out.trim());
    expect(explained.mentions).toEqual(without.mentions);
    expect(explained.suppressed.map((m: { text: string; rule: string }) => [m.text, m.rule])).toEqual([
      ['Paul Bucha', 'blocker'],
      ['Bucha', 'namesake-on-page'],
    ]);
    expect(explained.suppressed[1].why).toContain('Paul Bucha');
    const text = wsw('annotate', '--explain-suppressed', html).out;
    expect(text).toMatch(/suppressed: 2 \(page language: en\)/);
    expect(text).toMatch(/bucha\s+"Bucha"\s+— namesake-on-page: /);
  });

  it('takes the page language from --lang when a text file cannot say it', () => {
    const txt = join(tmp, 'raisins.txt');
    writeFileSync(txt, 'изюм и орехи');
    const guessed = JSON.parse(wsw('annotate', '--json', '--explain-suppressed', txt).out.trim());
    const told = JSON.parse(
      wsw('annotate', '--json', '--explain-suppressed', '--lang', 'ru', txt).out.trim(),
    );
    expect(guessed.suppressed[0].rule).toBe('unsupported');
    expect(told.suppressed[0].rule).toBe('common-noun');
  });

  it.each([
    ['a missing file', ['annotate', join(tmp, 'nope.txt')], /wsw: .*nope\.txt: no such file/],
    [
      'a binary file',
      [
        'annotate',
        (() => {
          const f = join(tmp, 'bin.txt');
          writeFileSync(f, Buffer.from([0x4b, 0, 1, 2]));
          return f;
        })(),
      ],
      /looks binary/,
    ],
    [
      'invalid UTF-8',
      [
        'annotate',
        (() => {
          const f = join(tmp, 'latin1.txt');
          writeFileSync(f, Buffer.from([0x4b, 0x69, 0xe9, 0x76]));
          return f;
        })(),
      ],
      /not valid UTF-8/,
    ],
    [
      'an unsupported type',
      [
        'annotate',
        (() => {
          const f = join(tmp, 'x.pdf');
          writeFileSync(f, 'x');
          return f;
        })(),
      ],
      /unsupported type/,
    ],
    ['a directory', ['annotate', tmp], /not a file/],
    ['no files', ['annotate'], /needs at least one FILE/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['an unknown option', ['annotate', '--frob', SEED], /Unknown option/],
  ])('fails clearly on %s', (_what, args, message) => {
    const { code, err, out } = wsw(...args);
    expect(code).not.toBe(0);
    expect(err).toMatch(message);
    expect(err + out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses a huge file', () => {
    const f = join(tmp, 'huge.txt');
    writeFileSync(f, Buffer.alloc(51 * 1024 * 1024, 0x61));
    const { code, err } = wsw('annotate', f);
    expect(code).toBe(1);
    expect(err).toMatch(/too large \(51\.0 MB; limit 50 MB\)/);
  });
});

describe('wsw dataset commands', () => {
  it('validates the bundled dataset', () => {
    const { code, out } = wsw('validate');
    expect(code).toBe(0);
    expect(out).toMatch(/^ok: \d+ claims valid$/m);
  });

  it('reports every error of a bad claim file with file, claim and field, and exits 1', () => {
    const f = join(tmp, 'bad-claims.json');
    writeFileSync(
      f,
      JSON.stringify({
        claims: [
          {
            id: 'izium-peskov-2022-09-19',
            speaker: 'dmitry-peskov',
            about: [{ entity: 'izium', role: 'subject' }],
            kind: 'quote',
            text: "It's a lie.",
            lang: 'en',
            date: '2022-09-19',
            stance: 'denies',
            source: { outlet: 'X', url: 'javascript:alert(1)' },
          },
        ],
      }),
    );
    const { code, err } = wsw('validate', f);
    expect(code).toBe(1);
    expect(err).toContain(`${f}: claim izium-peskov-2022-09-19: source.url: not an http(s) URL`);
  });

  it('prints the stats line', () => {
    const { code, out } = wsw('stats', '--json');
    expect(code).toBe(0);
    const stats = JSON.parse(out);
    expect(Object.keys(stats)).toEqual([
      'entities',
      'claims',
      'claims_with_source_url',
      'entities_with_claims',
      'entities_with_3_claims',
      'contradiction_pairs',
      'core_entities_without_claims',
      'data_as_of',
      'claims_since_2025',
      'claims_with_review',
      'entities_with_5_claims',
      'newest_statement',
      'claims_by_entity',
      'claims_by_quarter',
    ]);
    expect(stats.newest_statement).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(stats.claims_by_entity['dmitry-peskov']).toBeGreaterThan(0);
    expect(stats.claims).toBeGreaterThanOrEqual(150);
  });

  it('imports a Fact Check API file, summarising what was skipped and why', () => {
    const out = join(tmp, 'imported.json');
    const r = wsw(
      'import',
      '--from',
      'factcheck-api',
      resolve(ROOT, 'test/fixtures/import/factcheck-api.json'),
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 of 4 record\(s\) imported, 2 skipped/);
    expect(r.err).toMatch(/skipped: .*claims\[2\]: claimant: missing/);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.format).toBe('who-said-what/1');
    expect(file.claims).toHaveLength(2);
  });

  it('exports ClaimReview JSON-LD that imports back whole', () => {
    const jsonld = join(tmp, 'export.jsonld');
    expect(wsw('export', '--to', 'claimreview', jsonld).code).toBe(0);
    const doc = JSON.parse(readFileSync(jsonld, 'utf8'));
    expect(doc['@context']).toBe('https://schema.org');
    const back = wsw('import', '--from', 'claimreview', jsonld, '--out', join(tmp, 'back.json'));
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/^.*: (\d+) of \1 record\(s\) imported$/m);
  });

  it('refuses an import without --from or with a truncated file', () => {
    expect(wsw('import', SEED, '--out', join(tmp, 'x.json')).err).toMatch(/import needs --from/);
    const f = join(tmp, 'cut.jsonld');
    writeFileSync(f, '{"@type": "ClaimReview", "claimRevi');
    const r = wsw('import', '--from', 'claimreview', f, '--out', join(tmp, 'y.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/wsw: not valid JSON .*is the file complete\?/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

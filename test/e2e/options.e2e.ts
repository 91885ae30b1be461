/**
 * The options page as a user drives it, in both browsers: import a ClaimReview file through the
 * file picker (preview, then confirm) and see its claim in a hover card on a local page; an
 * invalid file shows its errors and leaves stored datasets exactly as they were; disabling and
 * removing a dataset; the UI-language switch; the browse view; axe-core on the page.
 *
 * Card text is read with `window.find` (the browser's find-in-page over what is rendered): the
 * card lives in a closed shadow root, so page scripts cannot read it any other way.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { readDataset } from '../../src/node/dataset-files';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  distFor,
  highlightedTexts,
  launchWithExtension,
  locatePhrase,
  ROOT,
  serveStatic,
  rendersText,
  runAxe,
  waitFor,
  type ExtensionBrowser,
} from './harness';

const FIXTURES = `${ROOT}/test/fixtures/import/e2e`;
const IMPORTED_TEXT = 'Izium was never shelled by anyone';

/** What IndexedDB and storage hold, serialised (compared before and after a failed import). */
function storedState(page: Page): Promise<string> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('wsw-library', 3);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const all = (store) => new Promise((resolve) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => resolve(r.result);
    });
    const datasets = await all('datasets');
    const claims = await all('claims');
    // The same claims grouped by entity: which claims each record holds (their content is
    // compared in 'claims'; serialising it twice made the 20 MB import's state too big to compare).
    const entityClaims = (await all('entityClaims')).map((r) => [r.dataset, r.entity, r.schema, r.claims.map((c) => c.id)]);
    const derived = await all('derived');
    db.close();
    const local = await (globalThis.browser ?? chrome).storage.local.get(null);
    const sync = await (globalThis.browser ?? chrome).storage.sync.get(null);
    return JSON.stringify({ datasets, claims, entityClaims, derived, local, sync });
  })()`) as Promise<string>;
}

/**
 * The library's revision (raised once a change is saved and the pages' dictionary rewritten): a
 * checkbox shows its new state at the click, before the change is stored.
 */
function libraryRevision(page: Page): Promise<number> {
  return page.evaluate(`(async () => {
    const local = await (globalThis.browser ?? chrome).storage.local.get('wsw-library-revision');
    return local['wsw-library-revision'] ?? 0;
  })()`) as Promise<number>;
}

/** Run axe-core on a page; the violations (after checking that it really ran rules). */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await runAxe(page);
  expect(result.passes).toBeGreaterThan(10);
  return result.violations;
}

describe.each(BROWSERS)('%s: options page, datasets and import', (name) => {
  let ext: ExtensionBrowser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let options: Page;

  const upload = async (file: string) => {
    const input = (await options.$('#wsw-import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(`${FIXTURES}/${file}`);
  };
  const stage = () => options.$eval('[data-stage]', (el) => el.getAttribute('data-stage')).catch(() => null);
  const cardShows = async (page: Page, phrase: string, text: string) => {
    await page.mouse.move(5, 5);
    await new Promise((r) => setTimeout(r, 400));
    const at = await locatePhrase(page, phrase);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor('card', () =>
      page.evaluate(() => {
        const host = document.querySelector('wsw-card');
        return !!host && host.getBoundingClientRect().width > 0;
      }),
    );
    // Let the content arrive (the card shows "Loading…" first; every loaded card ends with the data's date).
    await waitFor('card content', () => rendersText(page, 'Data as of'));
    return rendersText(page, text);
  };

  beforeAll(async () => {
    server = await serveStatic(`${ROOT}/test/fixtures/pages`);
    ext = await launchWithExtension(name, distFor(name));
    options = await ext.open(`${ext.extensionOrigin}/src/options/index.html`);
    await options.setViewport({ width: 1000, height: 900 });
    await options.waitForSelector('.wsw-datasets');
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('has no axe-core violations (settings, datasets, browse)', async () => {
    expect(await axeViolations(options)).toEqual([]);
  });

  it('shows errors for an invalid file and leaves everything stored exactly as it was', async () => {
    const before = await storedState(options);
    await upload('invalid.jsonld');
    await waitFor('preview', async () => (await stage()) === 'preview');
    const errors = await options.$$eval('.wsw-import-errors li', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(errors.length).toBeGreaterThanOrEqual(3);
    expect(errors.join('\n')).toMatch(/item 1/);
    // Nothing can be imported: only Cancel is offered.
    expect(await options.$('#wsw-import-confirm')).toBeNull();
    await options.click('#wsw-import-cancel');
    // A truncated file: one clear error, nothing stored.
    await upload('truncated.jsonld');
    await waitFor('preview', async () => (await stage()) === 'preview');
    expect(await options.$eval('.wsw-import-errors', (el) => el.textContent)).toMatch(/file/);
    await options.click('#wsw-import-cancel');
    // 50 levels of nesting: refused as a whole file, with the reason.
    const dir = mkdtempSync(join(tmpdir(), 'wsw-deep-'));
    writeFileSync(join(dir, 'deep.jsonld'), `${'{"a":'.repeat(50)}1${'}'.repeat(50)}`);
    const deep = (await options.$('#wsw-import-file')) as ElementHandle<HTMLInputElement>;
    await deep.uploadFile(join(dir, 'deep.jsonld'));
    await waitFor('preview', async () => (await stage()) === 'preview');
    expect(await options.$eval('.wsw-import-errors', (el) => el.textContent)).toMatch(/file.*nest/i);
    await options.click('#wsw-import-cancel');
    expect(await storedState(options)).toBe(before);
    expect(await options.$$('.wsw-dataset-item')).toHaveLength(1);
    // The hostile strings were shown as text, never run.
    expect(await options.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
  });

  it('imports a ClaimReview file after a preview; its claim shows in the card on an open tab', async () => {
    const page = await ext.open(`${server.origin}/imported.html`);
    await page.setViewport({ width: 1000, height: 700 });
    await waitFor('highlight', async () => (await highlightedTexts(page)).includes('Izyum'));
    // Before: the bundled card has no such claim, and the new speaker is unknown.
    expect(await cardShows(page, 'Izyum', IMPORTED_TEXT)).toBe(false);
    expect(await highlightedTexts(page)).not.toContain('Testy McTestface');

    await options.bringToFront();
    await upload('izium-review.jsonld');
    await waitFor('preview', async () => (await stage()) === 'preview');
    const preview = await options.$eval('.wsw-preview', (el) => el.textContent ?? '');
    expect(preview).toContain('1 of 1 records can be imported, 1 new entities (ClaimReview JSON-LD)');
    expect(preview).toContain('Testy McTestface');
    await options.click('#wsw-import-confirm');
    await waitFor('import done', async () => (await stage()) === 'done');
    expect(await options.$$('.wsw-dataset-item')).toHaveLength(2);

    // The open tab's card shows the imported claim without a reload…
    await page.bringToFront();
    expect(await cardShows(page, 'Izyum', IMPORTED_TEXT)).toBe(true);
    // …and after a reload the new speaker is highlighted too.
    await page.reload({ waitUntil: 'load' });
    await waitFor('new entity highlighted', async () =>
      (await highlightedTexts(page)).includes('Testy McTestface'),
    );
    await page.close();
  });

  it('disables, re-enables and removes an imported dataset', async () => {
    // A fresh tab for each check (a tab in the background gets no pointer events).
    const check = async () => {
      const page = await ext.open(`${server.origin}/imported.html`);
      await page.setViewport({ width: 1000, height: 700 });
      await waitFor('highlight', async () => (await highlightedTexts(page)).includes('Izyum'));
      const result = {
        card: await cardShows(page, 'Izyum', IMPORTED_TEXT),
        speaker: (await highlightedTexts(page)).includes('Testy McTestface'),
      };
      await page.close();
      await options.bringToFront();
      return result;
    };
    const toggle = '.wsw-dataset-item:nth-child(2) input[type=checkbox]';
    await options.bringToFront();
    let revision = await libraryRevision(options);
    await options.click(toggle);
    await waitFor('disabled', () => options.$eval(toggle, (el) => !(el as HTMLInputElement).checked));
    await waitFor('disabled and saved', async () => (await libraryRevision(options)) > revision);
    expect(await check()).toEqual({ card: false, speaker: false });
    revision = await libraryRevision(options);
    await options.click(toggle);
    await waitFor('enabled', () => options.$eval(toggle, (el) => (el as HTMLInputElement).checked));
    await waitFor('enabled and saved', async () => (await libraryRevision(options)) > revision);
    expect(await check()).toEqual({ card: true, speaker: true });
    // Remove asks for confirmation first.
    const buttons = await options.$$('.wsw-dataset-item:nth-child(2) .wsw-actions button');
    await buttons[buttons.length - 1]!.click();
    await options.click('.wsw-dataset-item:nth-child(2) .wsw-danger');
    await waitFor('removed', async () => (await options.$$('.wsw-dataset-item')).length === 1);
    expect(await check()).toEqual({ card: false, speaker: false });
  });

  it('browses entities and opens one with all its claims', async () => {
    await options.bringToFront();
    await options.type('#wsw-browse-query', 'izyum');
    await waitFor('search result', async () =>
      (
        await options.$$eval('.wsw-browse-list .wsw-entity', (els) =>
          els.map((e) => e.getAttribute('data-entity')),
        )
      ).includes('izium'),
    );
    await options.click('.wsw-browse-list .wsw-entity[data-entity=izium]');
    const shown = await waitFor('entity card', () =>
      options.evaluate(() => {
        const root = document.querySelector('.wsw-browse-card')?.shadowRoot;
        return root ? root.querySelectorAll('.claim').length : 0;
      }),
    );
    // Every claim is shown (no "N more" in the browse view).
    expect(shown).toBeGreaterThanOrEqual(10);
    expect(await options.evaluate(() => location.hash)).toBe('#entity=izium');
    expect(await axeViolations(options)).toEqual([]);
  });

  it("opens the browse view on an entity for a card's 'All claims' (through the background)", async () => {
    const before = new Set(await ext.browser.pages());
    await options.evaluate(`(globalThis.browser ?? chrome).runtime.sendMessage({
      tag: 'wsw/1', name: 'openBrowse', payload: { entityId: 'dmitry-peskov' } })`);
    // Firefox reports extension pages' URLs as about:blank to the driver: ask each page itself.
    const opened = await waitFor('browse tab', async () => {
      for (const p of await ext.browser.pages()) {
        if (before.has(p)) continue;
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href === `${ext.extensionOrigin}/src/options/index.html#entity=dmitry-peskov`) return p;
      }
      return null;
    });
    const claims = await waitFor('entity shown', () =>
      opened.evaluate(
        () => document.querySelector('.wsw-browse-card')?.shadowRoot?.querySelectorAll('.claim').length ?? 0,
      ),
    );
    expect(claims).toBeGreaterThanOrEqual(5);
    await opened.close();
    await options.bringToFront();
  });

  it('switches the interface language to Ukrainian', async () => {
    await options.select('#wsw-ui-lang', 'uk');
    await waitFor(
      'Ukrainian strings',
      async () => (await options.$eval('h1', (el) => el.textContent)) === 'Хто що сказав — налаштування',
    );
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('uk');
    expect(await options.$eval('#wsw-datasets-title', (el) => el.textContent)).toBe('Набори даних');
    await options.select('#wsw-ui-lang', 'auto');
    await waitFor(
      'English again',
      async () => (await options.$eval('h1', (el) => el.textContent)) === 'Who Said What — settings',
    );
  });

  it('imports a 20 MB CSV with progress, and refuses a 60 MB file with a clear message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsw-big-'));
    const rows = ['speaker,text,date,source_url'];
    let size = rows[0]!.length;
    for (let i = 0; size < 20_000_000; i++) {
      const row = `dmitry-peskov,"Statement ${i} about Izium and the roads around it, recorded for a load test of the importer; ${'x'.repeat(150)}",2024-0${1 + (i % 9)}-1${i % 10},https://example.org/load/${i}`;
      rows.push(row);
      size += row.length + 1;
    }
    writeFileSync(join(dir, 'big.csv'), rows.join('\n'));
    writeFileSync(join(dir, 'huge.json'), Buffer.alloc(60 * 1024 * 1024, 0x20));
    await options.bringToFront();
    await options.evaluate(`(() => {
      window.wswSawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector('.wsw-datasets progress')) window.wswSawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    const input = (await options.$('#wsw-import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(join(dir, 'big.csv'));
    await waitFor('preview of the big file', async () => (await stage()) === 'preview', 120_000);
    expect(await options.evaluate('window.wswSawProgress')).toBe(true);
    const preview = await options.$eval('.wsw-preview', (el) => el.textContent ?? '');
    expect(preview).toContain(`${rows.length - 1} of ${rows.length - 1} records can be imported`);
    await options.click('#wsw-import-confirm');
    await waitFor('big import done', async () => (await stage()) === 'done', 120_000);
    expect(await options.$$('.wsw-dataset-item')).toHaveLength(2);

    const before = await storedState(options);
    const again = (await options.$('#wsw-import-file')) as ElementHandle<HTMLInputElement>;
    await again.uploadFile(join(dir, 'huge.json'));
    await waitFor('refusal', async () => (await stage()) === 'error');
    expect(await options.$eval('[data-stage=error]', (el) => el.textContent)).toBe(
      'huge.json is 60.0 MB; the limit is 32 MB. Split it into smaller files.',
    );
    expect(await storedState(options)).toBe(before);
    // Clean up for later tests: remove the big dataset.
    const buttons = await options.$$('.wsw-dataset-item:nth-child(2) .wsw-actions button');
    await buttons[buttons.length - 1]!.click();
    await options.click('.wsw-dataset-item:nth-child(2) .wsw-danger');
    await waitFor('removed', async () => (await options.$$('.wsw-dataset-item')).length === 1, 60_000);
  }, 300_000);

  it('imports hostile data safely: markup stays text, no script runs, no prototype is polluted', async () => {
    await options.bringToFront();
    await upload('hostile.jsonld');
    await waitFor('preview', async () => (await stage()) === 'preview');
    const errors = await options.$$eval('.wsw-import-errors li', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    // The javascript: source is refused with its location; the markup claim is kept as text.
    expect(errors.join('\n')).toMatch(/@graph\[1\]: source.url: not an http/);
    expect(await options.$eval('.wsw-preview', (el) => el.textContent)).toContain('<img src=x');
    await options.click('#wsw-import-confirm');
    await waitFor('import done', async () => (await stage()) === 'done');
    const page = await ext.open(`${server.origin}/imported.html`);
    await page.setViewport({ width: 1000, height: 700 });
    await waitFor('highlight', async () => (await highlightedTexts(page)).includes('Izyum'));
    expect(await cardShows(page, 'Izyum', '<img src=x onerror')).toBe(true);
    for (const p of [page, options]) {
      expect(
        await p.evaluate(
          '[typeof window.wswCanary, typeof ({}).polluted, typeof Object.prototype.polluted].join()',
        ),
      ).toBe('undefined,undefined,undefined');
      expect(await p.evaluate(() => document.querySelectorAll('img[src=x], b[onmouseover]').length)).toBe(0);
    }
    await page.close();
    // Remove it again (later tests expect the bundled dataset alone).
    await options.bringToFront();
    const buttons = await options.$$('.wsw-dataset-item:nth-child(2) .wsw-actions button');
    await buttons[buttons.length - 1]!.click();
    await options.click('.wsw-dataset-item:nth-child(2) .wsw-danger');
    await waitFor('removed', async () => (await options.$$('.wsw-dataset-item')).length === 1);
  });

  it('reads a Latin-1 CSV (with a warning) and a UTF-16 JSON-LD file', async () => {
    await upload('latin1.csv');
    await waitFor('preview', async () => (await stage()) === 'preview');
    const latin = await options.$eval('.wsw-preview', (el) => el.textContent ?? '');
    expect(latin).toMatch(/Windows-1252|Latin-1/i);
    expect(latin).toContain('Café talk about Izium');
    await options.click('#wsw-import-cancel');
    await upload('utf16.jsonld');
    await waitFor('preview', async () => (await stage()) === 'preview');
    const utf16 = await options.$eval('.wsw-preview', (el) => el.textContent ?? '');
    expect(utf16).toContain('1 of 1 records can be imported');
    expect(utf16).toContain('Ізюм — UTF-16 test claim');
    await options.click('#wsw-import-cancel');
    expect(await options.$$('.wsw-dataset-item')).toHaveLength(1);
  });

  it('exports the bundled dataset in our format and as ClaimReview (what would be downloaded)', async () => {
    await options.bringToFront();
    // Capture the file the page hands to the browser's download (the Blob behind the link).
    await options.evaluate(`(() => {
      window.wswDownloads = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => { blob.text().then((t) => window.wswDownloads.push(t)); return create(blob); };
      HTMLAnchorElement.prototype.click = function () { window.wswDownloads.push('name:' + this.download); };
    })()`);
    const buttons = await options.$$('.wsw-dataset-item:nth-child(1) .wsw-actions button');
    await buttons[0]!.click();
    await buttons[1]!.click();
    const files = await waitFor('downloads', async () => {
      const d = (await options.evaluate('window.wswDownloads')) as string[];
      return d.length === 4 ? d : null;
    });
    const names = files.filter((f) => f.startsWith('name:')).sort();
    expect(names).toEqual(
      ['name:who-said-what-core.claimreview.json', 'name:who-said-what-core.wsw.json'].sort(),
    );
    const bodies = files
      .filter((f) => !f.startsWith('name:'))
      .map((f) => JSON.parse(f) as Record<string, unknown>);
    const ours = bodies.find((b) => b.format === 'who-said-what/1') as {
      claims: unknown[];
      entities: unknown[];
    };
    const { dataset } = readDataset();
    expect(ours.claims).toHaveLength(dataset.claims.length);
    expect(ours.entities.length).toBeGreaterThan(50);
    // One ClaimReview per fact-check review; claims without one are plain schema.org Claim nodes.
    const graph = (bodies.find((b) => b.format === undefined) as { '@graph': { '@type': string }[] })[
      '@graph'
    ];
    const reviews = dataset.claims.reduce((n, c) => n + (c.reviews?.length ?? 0), 0);
    const unreviewed = dataset.claims.filter((c) => !c.reviews?.length).length;
    expect(graph.filter((n) => n['@type'] === 'ClaimReview')).toHaveLength(reviews);
    expect(graph.filter((n) => n['@type'] === 'Claim')).toHaveLength(unreviewed);
    expect(graph).toHaveLength(reviews + unreviewed);
  });

  it('applies highlight style and entity types on an open tab at once', async () => {
    const page = await ext.open(`${server.origin}/imported.html`);
    const names = () => page.evaluate(() => [...CSS.highlights.keys()].sort().join());
    await waitFor('highlights', async () => (await highlightedTexts(page)).includes('Izyum'));
    expect(await names()).toBe('wsw-facility,wsw-org,wsw-person,wsw-place');
    await options.bringToFront();
    await options.click('#wsw-style-tint');
    await waitFor(
      'tint',
      async () => (await names()) === 'wsw-facility-tint,wsw-org-tint,wsw-person-tint,wsw-place-tint',
    );
    await options.click('#wsw-style-none');
    await waitFor('no visible highlights', async () => (await names()) === '');
    await options.click('#wsw-style-underline');
    await waitFor(
      'underline again',
      async () => (await names()) === 'wsw-facility,wsw-org,wsw-person,wsw-place',
    );
    // Places off: Izyum is no longer found (nor reachable); back on: found again.
    await options.click('#wsw-type-place');
    await waitFor('places off', async () => !(await highlightedTexts(page)).includes('Izyum'));
    expect(await names()).not.toContain('wsw-place');
    await options.click('#wsw-type-place');
    await waitFor('places on', async () => (await highlightedTexts(page)).includes('Izyum'));
    await page.close();
  });
});

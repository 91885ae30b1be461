import { describe, expect, it } from 'vitest';
import {
  checkEnvelope,
  checkReply,
  dispatch,
  envelope,
  tabProtocol,
  type HandlerMap,
  type TabHandlerMap,
} from '../../src/core/messages';

const handlers: HandlerMap<string> = {
  entityCard: async () => null,
  pageFound: async () => null,
  pageStatements: async () => ({ statements: 0 }),
  pageSpeakers: async () => [],
  entitySummaries: async () => [],
  openBrowse: async () => null,
  ensureContentData: async () => null,
  datasetInfo: async () => ({
    imported: 0,
    title: 't',
    version: '1.0.0',
    dataAsOf: '2026-01-01',
    licence: 'l',
    claims: 1,
    entities: 1,
  }),
  hello: async ({ href }, sender) => ({ version: `${sender}:${href}` }),
  tabStatus: async ({ tabId }) => {
    if (tabId === 13) throw new Error('storage unavailable');
    return tabId === 1 ? { href: 'https://example.org/', at: 5 } : null;
  },
};

describe('checkEnvelope', () => {
  it.each([
    ['null', null, 'not an object'],
    ['a string', 'hello', 'not an object'],
    ['a foreign envelope', { type: 'hello' }, 'unknown envelope'],
    ['an unknown name', { tag: 'wsw/1', name: 'steal', payload: {} }, 'unknown message: steal'],
    ['a prototype key as name', { tag: 'wsw/1', name: 'toString', payload: {} }, 'unknown message: toString'],
    ['a missing payload', { tag: 'wsw/1', name: 'hello' }, /^hello: \(payload\): /],
    [
      'a wrongly typed field',
      { tag: 'wsw/1', name: 'tabStatus', payload: { tabId: '1' } },
      /^tabStatus: tabId: /,
    ],
    ['a negative tab id', { tag: 'wsw/1', name: 'tabStatus', payload: { tabId: -1 } }, /^tabStatus: tabId: /],
    [
      'an oversized href',
      { tag: 'wsw/1', name: 'hello', payload: { href: 'x'.repeat(9000) } },
      /^hello: href: /,
    ],
  ])('refuses %s', (_, raw, error) => {
    const result = checkEnvelope(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('accepts a valid envelope and drops unknown payload keys', () => {
    const result = checkEnvelope({
      ...envelope('hello', { href: 'https://a.test/' }),
      payload: { href: 'https://a.test/', x: 1 },
    });
    expect(result).toEqual({ ok: true, name: 'hello', payload: { href: 'https://a.test/' } });
  });
});

describe('checkReply', () => {
  it('passes a valid reply and refuses malformed ones', () => {
    expect(checkReply('tabStatus', { ok: true, value: null })).toEqual({ ok: true, value: null });
    expect(checkReply('tabStatus', { ok: false, error: 'boom' })).toEqual({ ok: false, error: 'boom' });
    expect(checkReply('tabStatus', undefined)).toEqual({ ok: false, error: 'no reply' });
    expect(checkReply('tabStatus', { ok: 'yes' })).toEqual({ ok: false, error: 'malformed reply' });
    expect(checkReply('hello', { ok: true, value: { version: 1 } })).toEqual({
      ok: false,
      error: 'hello: malformed response',
    });
  });
});

describe('dispatch', () => {
  it('routes valid messages to their handler with the sender', async () => {
    expect(await dispatch(handlers, envelope('hello', { href: 'h' }), 'me', true)).toEqual({
      ok: true,
      value: { version: 'me:h' },
    });
    expect(await dispatch(handlers, envelope('tabStatus', { tabId: 2 }), 'me', true)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses foreign senders before looking at the message', async () => {
    expect(await dispatch(handlers, envelope('tabStatus', { tabId: 1 }), 'other', false)).toEqual({
      ok: false,
      error: 'foreign sender',
    });
  });

  it('turns a failing handler into an error reply', async () => {
    expect(await dispatch(handlers, envelope('tabStatus', { tabId: 13 }), 'me', true)).toEqual({
      ok: false,
      error: 'storage unavailable',
    });
  });
});

describe('the tab protocol', () => {
  const tabHandlers: TabHandlerMap<string> = {
    navigate: async () => null,
    reveal: async ({ entityId }) => {
      if (entityId === 'boom') throw new Error('no such mention');
      return null;
    },
    pageInfo: async ({ settled }, sender) => ({
      host: `${sender}${settled ? ':settled' : ''}`,
      active: true,
      entities: [{ id: 'izium', mentions: 4 }],
    }),
  };

  it('validates tab messages with the same envelopes, and keeps the two protocols apart', () => {
    expect(checkEnvelope(envelope('navigate', { direction: 'next' }, tabProtocol), tabProtocol)).toEqual({
      ok: true,
      name: 'navigate',
      payload: { direction: 'next' },
    });
    const sideways = checkEnvelope(
      { tag: 'wsw/1', name: 'navigate', payload: { direction: 'up' } },
      tabProtocol,
    );
    expect(sideways.ok).toBe(false);
    if (!sideways.ok) expect(sideways.error).toMatch(/^navigate: direction: /);
    // A runtime message is not a tab message, nor the other way round.
    expect(checkEnvelope(envelope('hello', { href: 'h' }), tabProtocol)).toEqual({
      ok: false,
      error: 'unknown message: hello',
    });
    expect(checkEnvelope(envelope('pageInfo', {}, tabProtocol))).toEqual({
      ok: false,
      error: 'unknown message: pageInfo',
    });
  });

  it('dispatches to the content script handlers and checks their replies', async () => {
    const reply = await dispatch(
      tabHandlers,
      envelope('pageInfo', { settled: true }, tabProtocol),
      'tab',
      true,
      tabProtocol,
    );
    expect(reply).toEqual({
      ok: true,
      value: { host: 'tab:settled', active: true, entities: [{ id: 'izium', mentions: 4 }] },
    });
    expect(checkReply('pageInfo', reply, tabProtocol)).toEqual(reply);
    expect(checkReply('pageInfo', { ok: true, value: { host: 'x' } }, tabProtocol)).toEqual({
      ok: false,
      error: 'pageInfo: malformed response',
    });
    expect(
      await dispatch(
        tabHandlers,
        envelope('reveal', { entityId: 'boom' }, tabProtocol),
        'tab',
        true,
        tabProtocol,
      ),
    ).toEqual({ ok: false, error: 'no such mention' });
    expect(
      await dispatch(
        tabHandlers,
        envelope('navigate', { direction: 'next' }, tabProtocol),
        'page',
        false,
        tabProtocol,
      ),
    ).toEqual({ ok: false, error: 'foreign sender' });
  });
});

import { describe, expect, it } from 'vitest';
import { isNavigation } from '../../src/core/navigation';

describe('isNavigation', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/y', true],
    ['https://a.example/x?id=1', 'https://a.example/x?id=2', true],
    ['https://a.example/x', 'https://a.example/x#section-2', false],
    ['https://a.example/x#one', 'https://a.example/x#two', false],
    ['https://a.example/#/story/1', 'https://a.example/#/story/2', true],
    ['https://a.example/#!story-1', 'https://a.example/#!story-2', true],
    ['https://a.example/x', 'https://a.example/x', false],
  ])('%s → %s: %s', (a, b, expected) => expect(isNavigation(a, b)).toBe(expected));
});

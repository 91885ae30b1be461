import type { Attribution } from './types';

const RULES: Record<Attribution['why']['rule'], string> = {
  'speaker-verb-content': 'speaker, then the verb, then the statement',
  'content-speaker-verb': 'the statement, then speaker and verb',
  'content-verb-speaker': 'the statement, then the verb and speaker',
  parenthetical: 'the report stands inside the statement',
  'split-quote': 'a quotation split or continued around the report',
  'dash-dialogue': 'dash dialogue',
  frame: 'a frame such as "according to"',
  'frame-after': 'a frame such as "according to" after the statement',
  'anaphoric-content': '"about this": the statement is the sentence before',
  colon: 'speaker, colon, quotation',
  coordination: 'a second verb or participle of the same speaker',
  signature: 'a quotation signed on the line below it',
};

/**
 * One line saying why a statement was attributed, for the CLI and the card: how the speaker was
 * found (and to whom a pronoun or title refers), by which construction, and any notes.
 */
export function explainAttribution(a: Attribution): string {
  const s = a.why.speaker;
  const who =
    s.via === 'name'
      ? `named "${s.text}"`
      : s.via === 'spokesperson'
        ? `through "${s.text}"`
        : s.via === 'coordination'
          ? `same speaker as "${s.text}"`
          : `"${s.text}" refers back to "${s.antecedent?.text ?? '?'}"`;
  const parts = [`${who}; ${RULES[a.why.rule]}`];
  if (s.for) parts.push(`speaking for ${s.for}`);
  parts.push(...a.why.notes);
  return parts.join('; ');
}

/**
 * Dictionaries stored by earlier builds. The derived dictionary (bundled entities plus imports) is
 * kept in the extension's database across updates, so a format 3 one may still be there after an
 * update; it is upgraded here, apart from the codec, so that the content script (which only ever
 * reads format 4, written for its own build) does not carry this code.
 */
import { encodeBase64 } from './base64';
import {
  decodeUints,
  encodeLabels,
  encodeUints,
  labelEdges,
  type SerializedDictionary,
} from './dictionary-codec';

/** Format 3: per-node pattern offsets (`termStart`) and 16-bit edge characters (`edgeChar`). */
export interface LegacySerializedDictionary extends Omit<
  SerializedDictionary,
  'format' | 'arrays' | 'alphabet'
> {
  format: 3;
  arrays: Record<
    'patternFlags' | 'patternEntity' | 'edgeStart' | 'edgeChar' | 'termStart' | 'terminals',
    string
  >;
}

/** A stored dictionary in the current format (format 3 converted; format 4 as it is). */
export function upgradeDictionary(
  s: SerializedDictionary | LegacySerializedDictionary,
): SerializedDictionary {
  if (s.format !== 3) return s;
  const { termStart: encodedStarts, edgeChar: encodedChars, ...arrays } = s.arrays;
  const termStart = decodeUints(encodedStarts);
  const nodes = termStart.length - 1;
  const terminalBits = new Uint8Array((nodes + 7) >> 3);
  const termNode = new Uint32Array(termStart[nodes]!);
  for (let n = 0; n < nodes; n++) {
    if (termStart[n + 1]! > termStart[n]!) terminalBits[n >> 3]! |= 1 << (n & 7);
    termNode.fill(n, termStart[n]!, termStart[n + 1]!);
  }
  const { alphabet, edgeLabel } = labelEdges(decodeUints(encodedChars));
  return {
    ...s,
    format: 4,
    alphabet,
    arrays: {
      ...arrays,
      terminalBits: encodeBase64(terminalBits),
      termNode: encodeUints(termNode),
      edgeLabel: encodeLabels(edgeLabel),
    },
  };
}

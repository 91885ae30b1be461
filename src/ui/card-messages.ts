/**
 * The `_locales` keys the hover card uses. The content script cannot afford the whole locale
 * tables, so the build ships only these (in every UI language) for the card's language setting;
 * a key the card uses but this list lacks would show as the bare key, which the locale test
 * catches by reading the card's source.
 */
export const CARD_MESSAGE_KEYS = [
  'extName',
  'cardLoading',
  'cardError',
  'cardClose',
  'cardWhy',
  'cardConflicts',
  'cardClaims',
  'cardMore',
  'cardParaphrase',
  'cardVerdict',
  'cardTimeline',
  'cardDataAsOf',
  'cardAllClaims',
  'stance_asserts',
  'stance_accuses',
  'stance_denies',
  'stance_confirms',
  'stance_warns',
  'stance_calls_for',
  'type_person',
  'type_place',
  'type_facility',
  'type_org',
] as const;

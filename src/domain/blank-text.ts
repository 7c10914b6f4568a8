/**
 * Whether text has nothing storage would count as content. The entity store refuses a
 * string attribute without a non-whitespace character, and its docs do not say whose
 * definition of whitespace applies; JavaScript's `trim` keeps the information separators
 * U+001C–U+001F, which Java counts as whitespace. The stricter reading: whitespace of
 * either kind and control characters are all blank.
 */
export function isBlank(text: string): boolean {
  return /^[\s\p{Cc}]*$/u.test(text);
}

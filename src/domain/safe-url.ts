/**
 * Link safety, kept free of zod (and of every other import) so the Custom UI can check
 * a link before rendering it without pulling the schema library into its first paint.
 */

/**
 * True only for absolute http(s) URLs with a host and no embedded credentials.
 * Everything else (`javascript:`, `data:`, `vbscript:`, relative paths, any casing
 * trick) is refused, because a stored link is later rendered as a clickable anchor.
 * Credentials are refused because `https://trusted.com@evil.example` misleads readers.
 */
export function isSafeHttpUrl(value: string): boolean {
  // URL parsing silently strips surrounding whitespace and inner tabs/newlines; a value
  // that needs that treatment is not one we want to store verbatim.
  // eslint-disable-next-line no-control-regex
  if (value !== value.trim() || /[\u0000-\u001f\u007f\s]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return false;
  return true;
}

/** The meta tag a sandbox page carries its session token in (read by bridge.js and shell.js). */
export const TOKEN_META = 'sandbox-token';

/**
 * Puts the session token first in <head>, as a meta tag: HTML is readable only by pages
 * of the same origin, unlike a script (which any site may include and run), so no other
 * site can learn it. The token is base64url, safe inside an attribute.
 */
export function withSessionToken(html: string, token: string): string {
  const tag = `<meta name="${TOKEN_META}" content="${token}">`;
  return html.includes('<head>') ? html.replace('<head>', `<head>${tag}`) : `${tag}${html}`;
}

/**
 * Prepares a production Custom UI page for a frame: the sandbox's bridge must exist
 * before the bundle runs (`@forge/bridge` resolves `window.__bridge` on import), so its
 * script goes first in <head>, after the session token it sends. The bundle itself is
 * served unmodified.
 */
export function injectBridge(html: string, token: string): string {
  const tag = '<script src="/sandbox/bridge.js"></script>';
  const withBridge = html.includes('<head>') ? html.replace('<head>', `<head>${tag}`) : `${tag}${html}`;
  return withSessionToken(withBridge, token);
}

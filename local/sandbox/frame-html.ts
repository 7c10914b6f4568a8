/**
 * Prepares a production Custom UI page for a frame: the sandbox's bridge must exist
 * before the bundle runs (`@forge/bridge` resolves `window.__bridge` on import), so its
 * script goes first in <head>. The bundle itself is served unmodified.
 */
export function injectBridge(html: string): string {
  const tag = '<script src="/sandbox/bridge.js"></script>';
  return html.includes('<head>') ? html.replace('<head>', `<head>${tag}`) : `${tag}${html}`;
}

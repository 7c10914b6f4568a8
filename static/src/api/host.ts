import { router, showFlag, view } from '@forge/bridge';
import { isSafeHttpUrl } from '../../../src/domain/safe-url';

/** Wrappers over the host (Jira) side of the bridge, so components never touch it. */

let theming: Promise<void> | undefined;

/**
 * Makes Atlaskit tokens follow Jira's light/dark theme. A boot script starts it before
 * the app has loaded and mount() asks again: the host is asked once per page. A host
 * that refuses leaves the light defaults, which is no reason to fail the app.
 */
export function enableTheming(): Promise<void> {
  theming ??= (async () => {
    try {
      await view.theme.enable();
    } catch {
      // Tokens fall back to their light values; the app stays usable.
    }
  })();
  return theming;
}

/**
 * Opens an external source link in a new tab through the host (a Custom UI iframe
 * cannot navigate the top window itself). Refuses anything that is not an absolute
 * http(s) URL, even though the server already did: this is the last line before a
 * click turns a stored string into a navigation.
 */
export async function openExternal(url: string): Promise<void> {
  if (!isSafeHttpUrl(url)) throw new Error('Only http:// and https:// links can be opened.');
  await router.open(url);
}

/**
 * Opens a Jira issue in the host (the app's iframe cannot navigate the top window).
 * By key, which is what Jira's router takes; the key is fetched fresh, never stored.
 */
export async function openIssue(issueKey: string): Promise<void> {
  await router.navigate({ target: 'issue', issueKey });
}

let site: Promise<string | undefined> | undefined;

/**
 * The Jira site the app runs in (from the host's context), to give issue keys real
 * links. Asked once per page; a host that does not say leaves keys as buttons.
 */
export function siteUrl(): Promise<string | undefined> {
  site ??= (async () => {
    try {
      const context = await view.getContext();
      return typeof context.siteUrl === 'string' && isSafeHttpUrl(context.siteUrl)
        ? context.siteUrl.replace(/\/+$/, '')
        : undefined;
    } catch {
      // Keys stay buttons that open the issue through the router.
      return undefined;
    }
  })();
  return site;
}

export type FlagKind = 'success' | 'error' | 'info' | 'warning';

let flagSequence = 0;

/** Shows a Jira flag. Each flag gets its own id so a second one never replaces the first. */
export function notify(kind: FlagKind, title: string, description?: string): void {
  flagSequence += 1;
  try {
    showFlag({
      id: `customer-evidence-${Date.now()}-${flagSequence}`,
      title,
      ...(description === undefined ? {} : { description }),
      type: kind,
      appearance: kind,
      isAutoDismiss: kind === 'success' || kind === 'info'
    });
  } catch {
    // A host without flags (local previews) must not turn a finished action into a failure.
  }
}

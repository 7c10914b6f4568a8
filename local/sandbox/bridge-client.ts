/// <reference lib="dom" />
/**
 * The `window.__bridge` a Custom UI frame expects from its Jira host, for the local
 * sandbox. Loaded before the production bundle (which resolves the bridge on import).
 * Calls that need the backend go to the sandbox server; UI-only calls (flags,
 * navigation, theming) go to the parent shell page, as they would to Jira.
 */
interface FrameSite {
  module: string;
  issueId?: string;
  projectId?: string;
  accountId?: string;
  theme: 'light' | 'dark';
}

declare global {
  interface Window {
    __bridge?: { callBridge: (name: string, payload?: unknown) => Promise<unknown> };
  }
}

const params = new URLSearchParams(window.location.search);
const site: FrameSite = {
  module: params.get('module') ?? 'panel',
  theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  ...(params.get('issueId') ? { issueId: params.get('issueId') ?? '' } : {}),
  ...(params.get('projectId') ? { projectId: params.get('projectId') ?? '' } : {}),
  ...(params.get('accountId') ? { accountId: params.get('accountId') ?? '' } : {})
};

// The sandbox server refuses API calls without this run's token, which it writes into
// the pages it serves (never into a script another site could include).
const token = document.querySelector<HTMLMetaElement>('meta[name="sandbox-token"]')?.content ?? '';

async function server(name: string, payload: unknown): Promise<unknown> {
  const response = await fetch('/api/bridge', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-sandbox-token': token },
    body: JSON.stringify({ name, payload, site })
  });
  const answer = (await response.json()) as { value?: unknown; error?: string };
  if (!response.ok) throw new Error(answer.error ?? `Bridge call ${name} failed`);
  return answer.value;
}

function toShell(name: string, payload: unknown): void {
  window.parent.postMessage({ source: 'forge-sandbox-frame', name, payload }, window.location.origin);
}

function applyTheme(): void {
  // What Jira does when an app enables theming: the token themes follow the site.
  const root = document.documentElement;
  if (!document.getElementById('sandbox-tokens')) {
    const link = document.createElement('link');
    link.id = 'sandbox-tokens';
    link.rel = 'stylesheet';
    link.href = `/sandbox/tokens.css?theme=${site.theme}`;
    document.head.append(link);
  }
  root.setAttribute('data-color-mode', site.theme);
  root.setAttribute(
    'data-theme',
    `${site.theme}:${site.theme} light:light dark:dark spacing:spacing typography:typography`
  );
}

window.__bridge = {
  callBridge: async (name: string, payload?: unknown): Promise<unknown> => {
    switch (name) {
      case 'invoke':
      case 'getContext':
      case 'fetchProduct':
        return server(name, payload);
      case 'enableTheming':
        applyTheme();
        return undefined;
      case 'showFlag':
      case 'closeFlag':
      case 'open':
      case 'navigate':
        toShell(name, payload);
        return undefined;
      case 'getUrl':
        return `${window.location.origin}/browse/`;
      case 'resize':
      case 'emitReadyEvent':
      case 'initFeatureFlags':
      case 'on':
      case 'onPublic':
      case 'emit':
      case 'emitFrontendCustomMetric':
        return undefined;
      default:
        throw new Error(`The local sandbox does not support the bridge call "${name}" yet.`);
    }
  }
};

export {};

/// <reference lib="dom" />
import { renderRovoView } from './rovo-view';
/**
 * The sandbox's Jira-like shell: pick a user, project and issue, and see the app's
 * modules framed as Jira frames them. Flags and navigation requested by a frame arrive
 * here by postMessage, as they would reach Jira.
 */
interface ShellIssue {
  id: string;
  key: string;
  summary: string;
  type: string;
  hierarchyLevel: number;
  parentId?: string;
  status: string;
  statusCategory: string;
  customerImpact?: number;
  comments?: { id: string; author: string; body: string; internal: boolean; created: string }[];
}
interface ShellState {
  users: { accountId: string; displayName: string }[];
  projects: { id: string; key: string; name: string }[];
  issues: ShellIssue[];
}
type Tab = 'panel' | 'project' | 'admin' | 'rovo';
/** What the shell frames: the three pages, and the issue action's modal on a request. */
type FrameModule = Tab | 'request';

/** A Jira Service Management request: an issue of the service project's request type. */
const SERVICE_REQUEST_TYPE = 'Service request';

/** How often the shell re-reads the site, so changes made by the app show up (Customer impact). */
const POLL_MS = 4000;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`missing #${id}`);
  return element as T;
};

const query = new URLSearchParams(window.location.search);
// The API answers only calls that carry this run's token, written into this page.
const sessionToken = document.querySelector<HTMLMetaElement>('meta[name="sandbox-token"]')?.content ?? '';
const ui = {
  user: byId<HTMLSelectElement>('user'),
  project: byId<HTMLSelectElement>('project'),
  theme: byId<HTMLSelectElement>('theme'),
  filter: byId<HTMLInputElement>('filter'),
  issues: byId<HTMLUListElement>('issues'),
  view: byId<HTMLElement>('view'),
  flags: byId<HTMLDivElement>('flags')
};
let state: ShellState = { users: [], projects: [], issues: [] };
let tab: Tab = (query.get('tab') as Tab | null) ?? 'panel';
let issueId = query.get('issueId') ?? '';
ui.theme.value = query.get('theme') === 'dark' ? 'dark' : 'light';

function remember(): void {
  const next = new URLSearchParams({
    accountId: ui.user.value,
    projectId: ui.project.value,
    theme: ui.theme.value,
    tab
  });
  if (issueId) next.set('issueId', issueId);
  window.history.replaceState(null, '', `/?${next.toString()}`);
}

async function fetchState(accountId: string, projectId: string | null): Promise<ShellState> {
  const params = new URLSearchParams({ accountId });
  if (projectId) params.set('projectId', projectId);
  const headers = { 'x-sandbox-token': sessionToken };
  return (await (await fetch(`/api/sandbox/state?${params.toString()}`, { headers })).json()) as ShellState;
}

async function load(accountId: string, projectId: string | null): Promise<void> {
  state = await fetchState(accountId, projectId);
  ui.user.replaceChildren(
    ...state.users.map((u) => new Option(u.displayName, u.accountId, false, u.accountId === accountId))
  );
  ui.project.replaceChildren(
    ...state.projects.map((p) => new Option(`${p.name} (${p.key})`, p.id, false, p.id === projectId))
  );
  if (!state.issues.some((i) => i.id === issueId)) issueId = state.issues[0]?.id ?? '';
  renderIssues();
  renderView();
}

function depth(issue: ShellIssue): number {
  return issue.hierarchyLevel >= 1 ? 0 : issue.hierarchyLevel === 0 ? 1 : 2;
}

function renderIssues(): void {
  const words = ui.filter.value.toLowerCase();
  const items = state.issues
    .filter((i) => !words || `${i.key} ${i.summary}`.toLowerCase().includes(words))
    .map((issue) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.dataset.issueKey = issue.key;
      button.style.paddingLeft = `${8 + depth(issue) * 14}px`;
      button.setAttribute('aria-current', String(issue.id === issueId));
      const key = Object.assign(document.createElement('span'), { className: 'key', textContent: issue.key });
      const summary = Object.assign(document.createElement('span'), { textContent: issue.summary });
      const type = Object.assign(document.createElement('span'), {
        className: 'type',
        textContent: issue.type
      });
      // Jira's Customer impact field as the app last set it, beside each issue.
      const impact = Object.assign(document.createElement('span'), {
        className: 'impact',
        textContent: issue.customerImpact === undefined ? '' : String(issue.customerImpact),
        title: 'Customer impact'
      });
      impact.dataset.testid = 'issue-impact';
      const status = Object.assign(document.createElement('span'), {
        className: `status ${issue.statusCategory}`,
        textContent: issue.status
      });
      button.append(key, summary, status, type, impact);
      button.addEventListener('click', () => {
        issueId = issue.id;
        // In the Rovo view, picking an issue opens the chat on it; elsewhere it opens the issue.
        if (tab !== 'rovo') tab = 'panel';
        renderIssues();
        renderView();
      });
      li.append(button);
      return li;
    });
  ui.issues.replaceChildren(...items);
}

function frameUrl(module: FrameModule): string {
  const params = new URLSearchParams({
    module,
    accountId: ui.user.value,
    theme: ui.theme.value,
    projectId: ui.project.value
  });
  if (module === 'panel' || module === 'request') params.set('issueId', issueId);
  return `/module/${module}/index.html?${params.toString()}`;
}

function frame(module: FrameModule, title: string): HTMLElement {
  const box = Object.assign(document.createElement('div'), { className: 'frame-box' });
  const heading = Object.assign(document.createElement('h3'), { textContent: title });
  const iframe = document.createElement('iframe');
  iframe.src = frameUrl(module);
  iframe.title = title;
  iframe.dataset.testid = `frame-${module}`;
  // Jira sizes app frames to their content; same-origin here, so measure it directly.
  const fit = (): void => {
    const content = iframe.contentDocument?.getElementById('root');
    if (content)
      iframe.style.height = `${Math.max(240, Math.ceil(content.getBoundingClientRect().height) + 16)}px`;
  };
  iframe.addEventListener('load', () => window.setInterval(fit, 300));
  box.append(heading, iframe);
  return box;
}

function renderView(): void {
  for (const name of ['panel', 'project', 'admin', 'rovo'] as const)
    byId(`tab-${name}`).setAttribute('aria-pressed', String(tab === name));
  document.body.classList.toggle('dark', ui.theme.value === 'dark');
  remember();
  if (tab === 'panel') {
    const issue = state.issues.find((i) => i.id === issueId);
    if (!issue) {
      ui.view.replaceChildren(
        Object.assign(document.createElement('p'), {
          textContent: 'This user can see no issues in this project.'
        })
      );
      return;
    }
    const heading = Object.assign(document.createElement('h2'), { textContent: issue.summary });
    heading.dataset.testid = 'issue-heading';
    const meta = Object.assign(document.createElement('div'), { className: 'meta', id: 'issue-meta' });
    meta.dataset.testid = 'issue-meta';
    const apps = issue.type === SERVICE_REQUEST_TYPE ? [appsMenu()] : [];
    ui.view.replaceChildren(heading, meta, ...apps, frame('panel', 'Customer evidence'));
    renderMeta(issue);
  } else if (tab === 'rovo') {
    const issue = state.issues.find((i) => i.id === issueId);
    const userName = state.users.find((u) => u.accountId === ui.user.value)?.displayName ?? '';
    void renderRovoView(ui.view, {
      accountId: ui.user.value,
      userName,
      token: sessionToken,
      ...(issue ? { issue: { id: issue.id, key: issue.key } } : {})
    });
  } else if (tab === 'project') {
    ui.view.replaceChildren(frame('project', 'Customer evidence — project page'));
  } else {
    ui.view.replaceChildren(frame('admin', 'Customer evidence settings'));
  }
}

/**
 * Jira's "Apps" menu on a request's view: the app's issue actions (here, one). Choosing
 * one opens its resource in a modal dialog, as Jira does.
 */
function appsMenu(): HTMLElement {
  const box = Object.assign(document.createElement('div'), { className: 'apps' });
  const toggle = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Apps' });
  toggle.dataset.testid = 'apps-menu';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'apps-list');
  const list = Object.assign(document.createElement('ul'), { id: 'apps-list', hidden: true });
  const item = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: 'Send to customer evidence'
  });
  item.dataset.testid = 'action-send-to-customer-evidence';
  const entry = document.createElement('li');
  entry.append(item);
  list.append(entry);
  toggle.addEventListener('click', () => {
    list.hidden = !list.hidden;
    toggle.setAttribute('aria-expanded', String(!list.hidden));
    if (!list.hidden) item.focus();
  });
  item.addEventListener('click', () => {
    list.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    openActionDialog('Send to customer evidence', toggle);
  });
  box.append(toggle, list);
  return box;
}

/** The issue action's frame in a modal dialog; closing it returns focus to the menu. */
function openActionDialog(title: string, returnTo: HTMLElement): void {
  const dialog = Object.assign(document.createElement('dialog'), { className: 'action-dialog' });
  dialog.dataset.testid = 'action-dialog';
  dialog.setAttribute('aria-label', title);
  const close = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Close' });
  close.dataset.testid = 'action-dialog-close';
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    returnTo.focus();
    void refresh();
  });
  dialog.append(frame('request', title), close);
  document.body.append(dialog);
  dialog.showModal();
}

/** The line under the issue's title: key, type, status with its control, and the impact field. */
function renderMeta(issue: ShellIssue): void {
  const meta = document.getElementById('issue-meta');
  if (!meta) return;
  // The native field Jira would show next to the issue, kept in sync by the app's queue.
  const impact = issue.customerImpact === undefined ? '' : ` · Customer impact ${issue.customerImpact}`;
  const text = document.createElement('span');
  text.textContent = `${issue.key} · ${issue.type} · ${issue.status}${impact}`;
  const done = issue.statusCategory === 'done';
  const control = Object.assign(document.createElement('button'), {
    type: 'button',
    textContent: done ? 'Reopen' : 'Move to Done'
  });
  control.dataset.testid = 'issue-transition';
  control.addEventListener('click', () => {
    control.disabled = true;
    void transition(issue.id, done ? 'open' : 'done');
  });
  meta.replaceChildren(text, control, ...comments(issue));
}

/** The issue's comments, as Jira lists them under an issue (internal ones marked so). */
function comments(issue: ShellIssue): HTMLElement[] {
  if (!issue.comments?.length) return [];
  const section = Object.assign(document.createElement('section'), { className: 'comments' });
  section.setAttribute('aria-label', 'Comments');
  section.dataset.testid = 'issue-comments';
  const list = document.createElement('ul');
  for (const comment of issue.comments) {
    const item = document.createElement('li');
    const who = Object.assign(document.createElement('strong'), {
      textContent: `${comment.author}${comment.internal ? ' · Internal note' : ''}`
    });
    const body = Object.assign(document.createElement('p'), { textContent: comment.body });
    item.append(who, body);
    list.append(item);
  }
  section.append(Object.assign(document.createElement('h3'), { textContent: 'Comments' }), list);
  return [section];
}

function showFlag(type: string, title: string, description?: string): void {
  const flag = Object.assign(document.createElement('div'), { className: `flag ${type}` });
  flag.dataset.testid = 'flag';
  flag.append(Object.assign(document.createElement('strong'), { textContent: title }));
  if (description) flag.append(document.createTextNode(description));
  ui.flags.append(flag);
  window.setTimeout(() => flag.remove(), 6000);
}

/** Moves the issue as the acting user; Jira then tells the app, as for any other change. */
async function transition(id: string, to: 'done' | 'open'): Promise<void> {
  const answer = await fetch('/api/sandbox/transition', {
    method: 'POST',
    headers: { 'x-sandbox-token': sessionToken, 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: ui.user.value, issueId: id, to })
  });
  const body = (await answer.json()) as { status?: string; error?: string };
  if (answer.ok) showFlag('success', `Moved to ${body.status ?? to}`);
  else showFlag('error', 'The issue was not moved', body.error);
  await refresh();
}

/**
 * Re-reads the site and updates the issue list and the selected issue's line in place
 * (the app's frame stays: re-rendering it would reload the app). Cheap when nothing
 * changed: the page is touched only when the answer differs from the last one.
 */
async function refresh(): Promise<void> {
  const [accountId, projectId] = [ui.user.value, ui.project.value];
  const next = await fetchState(accountId, projectId);
  // The user or project changed meanwhile: that change loads its own state.
  if (accountId !== ui.user.value || projectId !== ui.project.value) return;
  if (JSON.stringify(next.issues) === JSON.stringify(state.issues)) return;
  state = next;
  renderIssues();
  const issue = state.issues.find((i) => i.id === issueId);
  if (issue && tab === 'panel') renderMeta(issue);
}

window.setInterval(() => {
  if (document.visibilityState === 'visible') void refresh();
}, POLL_MS);

interface FrameMessage {
  source?: string;
  name?: string;
  // `router.navigate({ target: 'issue', issueKey })` arrives as `{ target, issueKey, type }`.
  payload?: {
    title?: string;
    description?: string;
    type?: string;
    url?: string;
    target?: string;
    issueKey?: string;
  };
}

window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
  if (event.origin !== window.location.origin || event.data.source !== 'forge-sandbox-frame') return;
  const { name, payload } = event.data;
  if (name === 'showFlag') showFlag(payload?.type ?? 'info', payload?.title ?? '', payload?.description);
  if (name === 'open' || name === 'navigate') {
    const url = payload?.url;
    // Only web links leave the sandbox; anything else is ignored like Jira's router would.
    if (url && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener');
    const key = payload?.target === 'issue' ? payload.issueKey : undefined;
    const target = key ? state.issues.find((i) => i.key === key) : undefined;
    if (target) {
      issueId = target.id;
      tab = 'panel';
      renderIssues();
      renderView();
    }
  }
});

ui.user.addEventListener('change', () => void load(ui.user.value, ui.project.value));
ui.project.addEventListener('change', () => void load(ui.user.value, ui.project.value));
ui.theme.addEventListener('change', renderView);
ui.filter.addEventListener('input', renderIssues);
for (const name of ['panel', 'project', 'admin', 'rovo'] as const) {
  byId(`tab-${name}`).addEventListener('click', () => {
    tab = name;
    renderView();
    // The view the button opened is where a keyboard user carries on, not the button row.
    ui.view.focus();
  });
}

void load(query.get('accountId') ?? '557058:b0b00000-0000-4000-8000-000000000002', query.get('projectId'));

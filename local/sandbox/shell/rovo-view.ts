/// <reference lib="dom" />
/**
 * The shell's Rovo view: run the app's Rovo actions as the acting user, the way an agent
 * invokes them. The form is built from each action's inputs in manifest.yml (title,
 * type, required, description), so it shows exactly what an agent is told; the answer
 * is shown as the function returned it. Optionally the chat is "opened on" the selected
 * issue, which puts that issue in the payload's context as Rovo does.
 */
interface RovoInput {
  name: string;
  title: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  required: boolean;
  description?: string;
}
interface RovoAction {
  key: string;
  name: string;
  actionVerb: string;
  description: string;
  inputs: RovoInput[];
}
export interface RovoViewContext {
  accountId: string;
  userName: string;
  /** The issue selected in the shell, if any. */
  issue?: { id: string; key: string };
  token: string;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

async function fetchActions(token: string): Promise<RovoAction[]> {
  const answer = await fetch('/api/sandbox/rovo/actions', { headers: { 'x-sandbox-token': token } });
  return ((await answer.json()) as { actions: RovoAction[] }).actions;
}

function field(action: RovoAction, input: RovoInput): HTMLElement {
  const id = `rovo-${action.key}-${input.name}`;
  const hintId = `${id}-hint`;
  const control =
    input.type === 'boolean'
      ? element('input', { type: 'checkbox', id, name: input.name })
      : element('input', {
          type: input.type === 'string' ? 'text' : 'number',
          id,
          name: input.name,
          ...(input.type === 'integer' ? { step: '1' } : {})
        });
  if (input.description) control.setAttribute('aria-describedby', hintId);
  const label = element('label', { htmlFor: id }, input.title, input.required ? ' (required)' : '');
  const hint = input.description
    ? [element('span', { id: hintId, className: 'hint' }, input.description)]
    : [];
  return element('div', { className: 'rovo-field' }, label, control, ...hint);
}

/** The inputs as an agent would send them: what was typed, nothing for an empty field. */
function inputsOf(form: HTMLFormElement, action: RovoAction): Record<string, string | number | boolean> {
  const inputs: Record<string, string | number | boolean> = {};
  for (const input of action.inputs) {
    const control = form.elements.namedItem(input.name);
    if (!(control instanceof HTMLInputElement)) continue;
    if (input.type === 'boolean') inputs[input.name] = control.checked;
    else if (control.value.trim() !== '')
      inputs[input.name] = input.type === 'string' ? control.value : Number(control.value);
  }
  return inputs;
}

function describeAnswer(answer: unknown): string {
  const result = answer as { ok?: boolean; error?: { code?: string; message?: string } } | undefined;
  if (result?.ok === true) return 'The action answered.';
  if (result?.ok === false)
    return `The action refused: ${result.error?.message ?? ''} (${result.error?.code ?? ''})`;
  return 'The action answered in an unexpected shape.';
}

/** Renders the Rovo view into `view` for the acting user. */
export async function renderRovoView(view: HTMLElement, context: RovoViewContext): Promise<void> {
  const actions = await fetchActions(context.token);
  const heading = element('h2', { textContent: 'Rovo actions' });
  const intro = element('p', {
    className: 'meta',
    textContent: `Run the app's Rovo actions as ${context.userName}, with the inputs an agent would write.`
  });
  const picker = element(
    'select',
    { id: 'rovo-action' },
    ...actions.map((a) => new Option(`${a.name} (${a.actionVerb})`, a.key))
  );
  const pick = element(
    'div',
    { className: 'rovo-field' },
    element('label', { htmlFor: 'rovo-action' }, 'Action'),
    picker
  );
  const formHost = element('div');
  const status = element('p', { id: 'rovo-status', className: 'rovo-status' });
  status.setAttribute('role', 'status');
  const output = element('pre', { id: 'rovo-answer', className: 'rovo-answer', tabIndex: 0 });
  output.setAttribute('aria-label', 'Answer as returned');
  const answerBox = element(
    'section',
    { className: 'frame-box rovo-box' },
    element('h3', {}, 'Answer'),
    status,
    output
  );

  const renderForm = (): void => {
    const action = actions.find((a) => a.key === picker.value);
    if (!action) return;
    const description = element('p', { className: 'hint', textContent: action.description });
    const onIssue = context.issue
      ? [
          element(
            'div',
            { className: 'rovo-field rovo-check' },
            element('input', { type: 'checkbox', id: 'rovo-on-issue', name: 'rovo-on-issue', checked: true }),
            element('label', { htmlFor: 'rovo-on-issue' }, `Chat opened on ${context.issue.key}`)
          )
        ]
      : [];
    const run = element('button', { type: 'submit', textContent: `Run ${action.name}` });
    const form = element(
      'form',
      { className: 'rovo-form' },
      description,
      ...action.inputs.map((input) => field(action, input)),
      ...onIssue,
      run
    );
    form.setAttribute('aria-label', action.name);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run.disabled = true;
      status.textContent = 'Running…';
      const onChatIssue = form.elements.namedItem('rovo-on-issue');
      const issueId =
        context.issue && onChatIssue instanceof HTMLInputElement && onChatIssue.checked
          ? context.issue.id
          : undefined;
      void fetch('/api/sandbox/rovo/run', {
        method: 'POST',
        headers: { 'x-sandbox-token': context.token, 'content-type': 'application/json' },
        body: JSON.stringify({
          accountId: context.accountId,
          action: action.key,
          inputs: inputsOf(form, action),
          ...(issueId ? { issueId } : {})
        })
      })
        .then(async (response) => {
          const body = (await response.json()) as { answer?: unknown; error?: string };
          status.textContent = response.ok
            ? describeAnswer(body.answer)
            : `The sandbox refused: ${body.error ?? ''}`;
          output.textContent = JSON.stringify(response.ok ? body.answer : body, null, 2);
        })
        .catch((error: unknown) => {
          status.textContent = `The action could not be run: ${String(error)}`;
        })
        .finally(() => {
          run.disabled = false;
        });
    });
    formHost.replaceChildren(form);
  };
  picker.addEventListener('change', () => {
    status.textContent = '';
    output.textContent = '';
    renderForm();
  });
  renderForm();
  view.replaceChildren(heading, intro, pick, formHost, answerBox);
}

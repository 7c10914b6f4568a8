/**
 * The subset of Jira expressions a trigger's `filter.expression` may use here, parsed
 * once when the manifest is loaded and evaluated against each event as `event`:
 * literals (strings, numbers, `true`, `false`, `null`), member access (`.` and `?.`),
 * array literals, `==` `!=` `&&` `||` `!`, parentheses, and the list methods `some`,
 * `every` (with a one-parameter arrow function) and `includes`. Anything else is refused
 * with a `JiraExpressionSyntaxError` at load time: an expression the local host cannot
 * evaluate as Jira would must not silently pass or drop events.
 *
 * As in Jira expressions, reading a property of `null` with `.` is an evaluation error
 * (the trigger's `onError` decides what happens then); `?.` yields `null` instead, and a
 * missing property reads as `null`.
 */
export class JiraExpressionSyntaxError extends Error {}
export class JiraExpressionEvaluationError extends Error {}

type Node =
  | { type: 'literal'; value: unknown }
  | { type: 'name'; name: string }
  | { type: 'member'; object: Node; property: string; optional: boolean }
  | { type: 'array'; items: Node[] }
  | { type: 'call'; object: Node; method: 'some' | 'every' | 'includes'; optional: boolean; args: Node[] }
  | { type: 'arrow'; param: string; body: Node }
  | { type: 'not'; operand: Node }
  | { type: 'binary'; operator: '==' | '!=' | '&&' | '||'; left: Node; right: Node };

interface Token {
  kind: 'punct' | 'string' | 'number' | 'word';
  text: string;
  at: number;
}

const PUNCTUATION = ['?.', '=>', '==', '!=', '&&', '||', '(', ')', '[', ']', ',', '.', '!'];
const METHODS = new Set(['some', 'every', 'includes']);

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const string = /^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/.exec(rest);
    if (string) {
      const body = string[1] ?? string[2] ?? '';
      tokens.push({ kind: 'string', text: body.replace(/\\(.)/g, '$1'), at: i });
      i += string[0].length;
      continue;
    }
    const number = /^-?\d+(?:\.\d+)?/.exec(rest);
    if (number) {
      tokens.push({ kind: 'number', text: number[0], at: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], at: i });
      i += word[0].length;
      continue;
    }
    const punct = PUNCTUATION.find((p) => rest.startsWith(p));
    if (!punct) throw new JiraExpressionSyntaxError(`Unsupported syntax at ${i}: "${rest.slice(0, 12)}"`);
    tokens.push({ kind: 'punct', text: punct, at: i });
    i += punct.length;
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string
  ) {}

  parse(): Node {
    const node = this.or();
    if (this.peek()) this.fail('unexpected', this.peek());
    return node;
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.position + offset];
  }

  private fail(what: string, token: Token | undefined): never {
    const where = token ? `"${token.text}" at ${token.at}` : 'the end';
    throw new JiraExpressionSyntaxError(`Unsupported Jira expression (${what} ${where}): ${this.source}`);
  }

  private accept(text: string): boolean {
    const token = this.peek();
    if (token?.kind === 'punct' && token.text === text) {
      this.position += 1;
      return true;
    }
    return false;
  }

  private expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected "${text}" before`, this.peek());
  }

  private or(): Node {
    let left = this.and();
    while (this.accept('||')) left = { type: 'binary', operator: '||', left, right: this.and() };
    return left;
  }

  private and(): Node {
    let left = this.equality();
    while (this.accept('&&')) left = { type: 'binary', operator: '&&', left, right: this.equality() };
    return left;
  }

  private equality(): Node {
    let left = this.unary();
    for (;;) {
      if (this.accept('==')) left = { type: 'binary', operator: '==', left, right: this.unary() };
      else if (this.accept('!=')) left = { type: 'binary', operator: '!=', left, right: this.unary() };
      else return left;
    }
  }

  private unary(): Node {
    if (this.accept('!')) return { type: 'not', operand: this.unary() };
    return this.postfix(this.primary());
  }

  private postfix(start: Node): Node {
    let node = start;
    for (;;) {
      const optional = this.accept('?.');
      if (!optional && !this.accept('.')) return node;
      const name = this.peek();
      if (name?.kind !== 'word') this.fail('expected a property name, got', name);
      this.position += 1;
      if (this.accept('(')) {
        if (!METHODS.has(name.text)) this.fail('unsupported method', name);
        const args: Node[] = [];
        if (!this.accept(')')) {
          do args.push(this.argument());
          while (this.accept(','));
          this.expect(')');
        }
        node = {
          type: 'call',
          object: node,
          method: name.text as 'some' | 'every' | 'includes',
          optional,
          args
        };
      } else node = { type: 'member', object: node, property: name.text, optional };
    }
  }

  private argument(): Node {
    const param = this.peek();
    const arrow = this.peek(1);
    if (param?.kind === 'word' && arrow?.kind === 'punct' && arrow.text === '=>') {
      this.position += 2;
      return { type: 'arrow', param: param.text, body: this.or() };
    }
    return this.or();
  }

  private primary(): Node {
    const token = this.peek();
    if (!token) this.fail('expected a value at', token);
    this.position += 1;
    if (token.kind === 'string') return { type: 'literal', value: token.text };
    if (token.kind === 'number') return { type: 'literal', value: Number(token.text) };
    if (token.kind === 'word') {
      if (token.text === 'true') return { type: 'literal', value: true };
      if (token.text === 'false') return { type: 'literal', value: false };
      if (token.text === 'null') return { type: 'literal', value: null };
      return { type: 'name', name: token.text };
    }
    if (token.text === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token.text === '[') {
      const items: Node[] = [];
      if (!this.accept(']')) {
        do items.push(this.or());
        while (this.accept(','));
        this.expect(']');
      }
      return { type: 'array', items };
    }
    return this.fail('unexpected', token);
  }
}

/** A parsed expression, ready to evaluate against events. */
export interface JiraExpression {
  readonly source: string;
  /** Evaluates with `event` bound; throws `JiraExpressionEvaluationError`. */
  evaluate(event: unknown): unknown;
}

export function parseJiraExpression(source: string): JiraExpression {
  const root = new Parser(tokenize(source), source).parse();
  checkNames(root, new Set(['event']));
  return { source, evaluate: (event) => evaluate(root, new Map([['event', event]])) };
}

/** Every name must be `event` or an arrow's parameter: a typo is a load-time error. */
function checkNames(node: Node, scope: ReadonlySet<string>): void {
  switch (node.type) {
    case 'name':
      if (!scope.has(node.name)) throw new JiraExpressionSyntaxError(`Unknown name "${node.name}"`);
      return;
    case 'member':
      return checkNames(node.object, scope);
    case 'array':
      return node.items.forEach((item) => checkNames(item, scope));
    case 'call':
      checkNames(node.object, scope);
      return node.args.forEach((arg) => checkNames(arg, scope));
    case 'arrow':
      return checkNames(node.body, new Set([...scope, node.param]));
    case 'not':
      return checkNames(node.operand, scope);
    case 'binary':
      checkNames(node.left, scope);
      return checkNames(node.right, scope);
    case 'literal':
      return;
  }
}

function isNull(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function truthy(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean')
    throw new JiraExpressionEvaluationError(`${what} must be a Boolean, got ${JSON.stringify(value)}`);
  return value;
}

function evaluate(node: Node, scope: ReadonlyMap<string, unknown>): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'name':
      return scope.get(node.name) ?? null;
    case 'array':
      return node.items.map((item) => evaluate(item, scope));
    case 'member': {
      const object = evaluate(node.object, scope);
      if (isNull(object)) {
        if (node.optional) return null;
        throw new JiraExpressionEvaluationError(`Cannot read "${node.property}" of null`);
      }
      if (typeof object !== 'object') return null;
      return (object as Record<string, unknown>)[node.property] ?? null;
    }
    case 'call': {
      const object = evaluate(node.object, scope);
      if (isNull(object)) {
        if (node.optional) return null;
        throw new JiraExpressionEvaluationError(`Cannot call "${node.method}" on null`);
      }
      if (!Array.isArray(object))
        throw new JiraExpressionEvaluationError(`"${node.method}" needs a list, got ${typeof object}`);
      if (node.method === 'includes') {
        if (node.args.length !== 1) throw new JiraExpressionEvaluationError('includes takes one argument');
        const wanted = evaluate(node.args[0]!, scope);
        return object.some((item) => item === wanted);
      }
      const [arrow] = node.args;
      if (node.args.length !== 1 || arrow?.type !== 'arrow')
        throw new JiraExpressionEvaluationError(`${node.method} takes one arrow function`);
      const test = (item: unknown): boolean =>
        truthy(evaluate(arrow.body, new Map([...scope, [arrow.param, item]])), `${node.method}'s function`);
      return node.method === 'some' ? object.some(test) : object.every(test);
    }
    case 'arrow':
      throw new JiraExpressionEvaluationError('An arrow function is only allowed as a list method argument');
    case 'not':
      return !truthy(evaluate(node.operand, scope), '"!"');
    case 'binary': {
      if (node.operator === '&&')
        return truthy(evaluate(node.left, scope), '"&&"') && truthy(evaluate(node.right, scope), '"&&"');
      if (node.operator === '||')
        return truthy(evaluate(node.left, scope), '"||"') || truthy(evaluate(node.right, scope), '"||"');
      const left = evaluate(node.left, scope);
      const right = evaluate(node.right, scope);
      const equal = (isNull(left) && isNull(right)) || left === right;
      return node.operator === '==' ? equal : !equal;
    }
  }
}

/**
 * A parser for the JQL subset the app and its tests use: clauses joined by AND / OR /
 * NOT and parentheses, value lists, functions such as `currentUser()`, and ORDER BY.
 * It knows nothing about fields: those are resolved by the engine, so new fields
 * (entity-property aliases, custom fields) need no grammar change.
 */

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export type JqlOperator =
  '=' | '!=' | '~' | '!~' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'is' | 'is not';

export type JqlOperand =
  | { kind: 'value'; text: string }
  | { kind: 'function'; name: string; args: string[] }
  | { kind: 'empty' }
  | { kind: 'list'; items: JqlOperand[] };

export interface JqlClause {
  kind: 'clause';
  field: string;
  operator: JqlOperator;
  operand: JqlOperand;
}

export type JqlExpression =
  | JqlClause
  | { kind: 'and'; items: JqlExpression[] }
  | { kind: 'or'; items: JqlExpression[] }
  | { kind: 'not'; item: JqlExpression };

export interface JqlOrderItem {
  field: string;
  direction: 'asc' | 'desc';
}

export interface JqlQuery {
  where?: JqlExpression;
  orderBy: JqlOrderItem[];
}

type TokenKind = 'word' | 'string' | 'op' | '(' | ')' | ',' | 'end';

interface Token {
  kind: TokenKind;
  text: string;
  /** 1-based character position, as Jira reports it. */
  at: number;
}

const OPERATOR_CHARS = new Set(['=', '!', '~', '<', '>']);
const STOP_CHARS = new Set([' ', '\t', '\n', '\r', '(', ')', ',', '"', "'", '=', '!', '~', '<', '>']);
const OPERATORS = new Set(['=', '!=', '~', '!~', '>', '>=', '<', '<=']);
const VALID_OPERATORS =
  "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const at = i + 1;
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch, text: ch, at });
      i += 1;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      i += 1;
      while (i < jql.length && jql.charAt(i) !== ch) {
        if (jql.charAt(i) === '\\' && i + 1 < jql.length) i += 1;
        text += jql.charAt(i);
        i += 1;
      }
      if (i >= jql.length) throw syntax(`The quoted string '${text}' has not been completed.`, at);
      i += 1;
      tokens.push({ kind: 'string', text, at });
    } else if (OPERATOR_CHARS.has(ch)) {
      const two = jql.slice(i, i + 2);
      const text = OPERATORS.has(two) ? two : ch;
      if (!OPERATORS.has(text)) throw syntax(`Expecting operator but got '${text}'. ${VALID_OPERATORS}`, at);
      tokens.push({ kind: 'op', text, at });
      i += text.length;
    } else {
      let text = '';
      // Brackets belong to words so `cf[10100]` and `issue.property[x].y` stay whole.
      while (i < jql.length && !STOP_CHARS.has(jql.charAt(i))) {
        text += jql.charAt(i);
        i += 1;
      }
      tokens.push({ kind: 'word', text, at });
    }
  }
  tokens.push({ kind: 'end', text: '', at: jql.length + 1 });
  return tokens;
}

function syntax(message: string, at: number): JqlError {
  return new JqlError(`Error in the JQL Query: ${message} (line 1, character ${at})`);
}

function isKeyword(token: Token, keyword: string): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === keyword;
}

const RESERVED = new Set(['and', 'or', 'not', 'in', 'is', 'order', 'by', 'empty', 'null']);

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): JqlQuery {
    const query: JqlQuery = { orderBy: [] };
    if (!this.atOrderBy() && this.peek().kind !== 'end') query.where = this.parseOr();
    if (this.atOrderBy()) {
      this.index += 2;
      query.orderBy = this.parseOrderBy();
    }
    const rest = this.peek();
    if (rest.kind !== 'end') {
      throw syntax(`Expecting either 'OR' or 'AND' but got '${rest.text}'.`, rest.at);
    }
    return query;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private take(): Token {
    const token = this.peek();
    this.index += 1;
    return token;
  }

  private atOrderBy(): boolean {
    return isKeyword(this.peek(), 'order') && isKeyword(this.peek(1), 'by');
  }

  private parseOr(): JqlExpression {
    const items = [this.parseAnd()];
    while (isKeyword(this.peek(), 'or')) {
      this.take();
      items.push(this.parseAnd());
    }
    return items.length === 1 ? (items[0] as JqlExpression) : { kind: 'or', items };
  }

  private parseAnd(): JqlExpression {
    const items = [this.parseNot()];
    while (isKeyword(this.peek(), 'and')) {
      this.take();
      items.push(this.parseNot());
    }
    return items.length === 1 ? (items[0] as JqlExpression) : { kind: 'and', items };
  }

  private parseNot(): JqlExpression {
    if (isKeyword(this.peek(), 'not')) {
      this.take();
      return { kind: 'not', item: this.parseNot() };
    }
    if (this.peek().kind === '(') {
      this.take();
      const inner = this.parseOr();
      const close = this.take();
      if (close.kind !== ')')
        throw syntax(`Expecting ')' but got '${close.text || 'end of query'}'.`, close.at);
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): JqlClause {
    const fieldToken = this.take();
    if (
      (fieldToken.kind !== 'word' && fieldToken.kind !== 'string') ||
      (fieldToken.kind === 'word' && RESERVED.has(fieldToken.text.toLowerCase()))
    ) {
      throw syntax(`Expecting a field name but got '${fieldToken.text || 'end of query'}'.`, fieldToken.at);
    }
    const operator = this.parseOperator();
    // IN takes a list or a function returning one (`issuetype in standardIssueTypes()`).
    const listOperator = operator === 'in' || operator === 'not in';
    const operand = listOperator && this.peek().kind === '(' ? this.parseList() : this.parseOperand(operator);
    return { kind: 'clause', field: fieldToken.text, operator, operand };
  }

  private parseOperator(): JqlOperator {
    const token = this.take();
    if (token.kind === 'op') return token.text as JqlOperator;
    if (isKeyword(token, 'in')) return 'in';
    if (isKeyword(token, 'not') && isKeyword(this.peek(), 'in')) {
      this.take();
      return 'not in';
    }
    if (isKeyword(token, 'is')) {
      if (isKeyword(this.peek(), 'not')) {
        this.take();
        return 'is not';
      }
      return 'is';
    }
    throw syntax(
      `Expecting operator but got '${token.text || 'end of query'}'. ${VALID_OPERATORS}`,
      token.at
    );
  }

  private parseList(): JqlOperand {
    const open = this.take();
    if (open.kind !== '(') throw syntax(`Expecting '(' but got '${open.text || 'end of query'}'.`, open.at);
    const items: JqlOperand[] = [this.parseOperand('in')];
    while (this.peek().kind === ',') {
      this.take();
      items.push(this.parseOperand('in'));
    }
    const close = this.take();
    if (close.kind !== ')')
      throw syntax(`Expecting ')' but got '${close.text || 'end of query'}'.`, close.at);
    return { kind: 'list', items };
  }

  private parseOperand(operator: JqlOperator): JqlOperand {
    const token = this.take();
    if (token.kind === 'string') return { kind: 'value', text: token.text };
    if (token.kind === '(' && operator !== 'in') {
      this.index -= 1;
      return this.parseList();
    }
    if (
      token.kind !== 'word' ||
      (RESERVED.has(token.text.toLowerCase()) && !isKeyword(token, 'empty') && !isKeyword(token, 'null'))
    ) {
      throw syntax(
        `Expecting either a value, list or function but got '${token.text || 'end of query'}'.`,
        token.at
      );
    }
    if (isKeyword(token, 'empty') || isKeyword(token, 'null')) return { kind: 'empty' };
    if (this.peek().kind === '(') {
      this.take();
      const args: string[] = [];
      while (this.peek().kind !== ')') {
        const arg = this.take();
        if (arg.kind === 'end') throw syntax(`Expecting ')' before the end of the query.`, arg.at);
        if (arg.kind !== ',') args.push(arg.text);
      }
      this.take();
      return { kind: 'function', name: token.text, args };
    }
    return { kind: 'value', text: token.text };
  }

  private parseOrderBy(): JqlOrderItem[] {
    const items: JqlOrderItem[] = [];
    for (;;) {
      const field = this.take();
      if (field.kind !== 'word' && field.kind !== 'string') {
        throw syntax(`Expecting a field name but got '${field.text || 'end of query'}'.`, field.at);
      }
      let direction: 'asc' | 'desc' = 'asc';
      if (isKeyword(this.peek(), 'asc') || isKeyword(this.peek(), 'desc')) {
        direction = this.take().text.toLowerCase() as 'asc' | 'desc';
      }
      items.push({ field: field.text, direction });
      if (this.peek().kind !== ',') return items;
      this.take();
    }
  }
}

export function parseJql(jql: string): JqlQuery {
  return new Parser(tokenize(jql)).parse();
}

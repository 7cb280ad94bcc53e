// A small implementation of VS Code's snippet syntax, enough to expand our snippet bodies the way
// the editor inserts them when the user accepts every default: tab stops ($1, ${1:default},
// ${1|a,b|}, mirrors), variables ($NAME, ${NAME:default}) and escapes. Transforms are not used by
// our snippets and are rejected.

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; placeholder?: SnippetNode[]; choices?: string[] }
  | { kind: 'variable'; name: string; fallback?: SnippetNode[] };

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    return this.sequence(false);
  }

  private error(message: string): Error {
    return new Error(`${message} at offset ${this.pos} in ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }

  /** Text and elements up to the end, or up to an unescaped "}" when nested. */
  private sequence(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === '\\' && '$}\\'.includes(this.src[this.pos + 1] ?? '')) {
        text += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === '}' && nested) {
        break;
      } else if (c === '$') {
        const element = this.element();
        if (element) {
          flush();
          nodes.push(element);
        } else {
          text += '$';
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return nodes;
  }

  private element(): SnippetNode | undefined {
    const rest = this.src.slice(this.pos);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^\$([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      this.pos += m[0].length;
      return { kind: 'variable', name: m[1] as string };
    }
    m = /^\$\{(\d+)/.exec(rest) ?? /^\$\{([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (!m) return undefined;
    const id = m[1] as string;
    const isTabstop = /^\d/.test(id);
    this.pos += m[0].length;
    const next = this.src[this.pos];
    if (next === '}') {
      this.pos++;
      return isTabstop ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    }
    if (next === ':') {
      this.pos++;
      const inner = this.sequence(true);
      if (this.src[this.pos] !== '}') throw this.error('unclosed placeholder');
      this.pos++;
      return isTabstop ? { kind: 'tabstop', index: Number(id), placeholder: inner } : { kind: 'variable', name: id, fallback: inner };
    }
    if (next === '|' && isTabstop) {
      this.pos++;
      const choices: string[] = [];
      let current = '';
      for (;;) {
        const c = this.src[this.pos];
        if (c === undefined) throw this.error('unclosed choice');
        if (c === '\\' && ',|\\'.includes(this.src[this.pos + 1] ?? '')) {
          current += this.src[this.pos + 1];
          this.pos += 2;
        } else if (c === ',') {
          choices.push(current);
          current = '';
          this.pos++;
        } else if (c === '|' && this.src[this.pos + 1] === '}') {
          choices.push(current);
          this.pos += 2;
          return { kind: 'tabstop', index: Number(id), choices };
        } else {
          current += c;
          this.pos++;
        }
      }
    }
    if (next === '/') throw this.error('transforms are not supported');
    throw this.error(`malformed element "${m[0]}"`);
  }
}

export function parseSnippet(body: string | string[]): SnippetNode[] {
  return new Parser(Array.isArray(body) ? body.join('\n') : body).parse();
}

export interface TabStopInfo {
  index: number;
  /** Default text of its placeholder, before variables are resolved ("@owner", "$CURRENT_HOUR:…"). */
  placeholder?: string;
  choices?: string[];
}

function walk(nodes: SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if (n.kind === 'tabstop' && n.placeholder) walk(n.placeholder, visit);
    if (n.kind === 'variable' && n.fallback) walk(n.fallback, visit);
  }
}

function source(nodes: SnippetNode[]): string {
  return nodes.map((n) => {
    if (n.kind === 'text') return n.value;
    if (n.kind === 'variable') return `$${n.name}`;
    return `$${n.index}`;
  }).join('');
}

/** Tab stops in order of first appearance, with the placeholder or choices that define them. */
export function tabStops(nodes: SnippetNode[]): TabStopInfo[] {
  const out = new Map<number, TabStopInfo>();
  walk(nodes, (n) => {
    if (n.kind !== 'tabstop') return;
    const info = out.get(n.index) ?? { index: n.index };
    if (info.placeholder === undefined && info.choices === undefined) {
      if (n.placeholder) info.placeholder = source(n.placeholder);
      if (n.choices) info.choices = n.choices;
    }
    out.set(n.index, info);
  });
  return [...out.values()];
}

/** Names of the variables a snippet uses. */
export function variablesOf(nodes: SnippetNode[]): string[] {
  const names = new Set<string>();
  walk(nodes, (n) => {
    if (n.kind === 'variable') names.add(n.name);
  });
  return [...names];
}

export interface ExpandOptions {
  /** Values of variables; a variable not listed here is an error (VS Code would insert its name). */
  variables: Record<string, string>;
  /** Choice to pick per tab stop (default: the first). */
  choose?: Record<number, string>;
  /** What the user types into a tab stop, replacing its default. */
  fill?: Record<number, string>;
}

/** The text VS Code inserts when every tab stop keeps its default or first choice. */
export function expand(body: string | string[], options: ExpandOptions): string {
  const nodes = parseSnippet(body);
  const values = new Map<number, string>();
  const render = (list: SnippetNode[]): string => list.map((n) => {
    if (n.kind === 'text') return n.value;
    if (n.kind === 'variable') {
      const value = options.variables[n.name];
      if (value === undefined) throw new Error(`unknown snippet variable $${n.name}`);
      return value === '' && n.fallback ? render(n.fallback) : value;
    }
    return valueOf(n.index);
  }).join('');
  const definitions = new Map(tabStops(nodes).map((t) => [t.index, t]));
  const placeholderNodes = new Map<number, SnippetNode[]>();
  walk(nodes, (n) => {
    if (n.kind === 'tabstop' && n.placeholder && !placeholderNodes.has(n.index)) placeholderNodes.set(n.index, n.placeholder);
  });
  function valueOf(index: number): string {
    const known = values.get(index);
    if (known !== undefined) return known;
    let value: string;
    const fill = options.fill?.[index];
    const def = definitions.get(index);
    if (fill !== undefined) value = fill;
    else if (def?.choices) {
      const chosen = options.choose?.[index];
      if (chosen !== undefined && !def.choices.includes(chosen)) throw new Error(`"${chosen}" is not a choice of $${index}: ${def.choices.join(', ')}`);
      value = chosen ?? def.choices[0] ?? '';
    } else {
      const placeholder = placeholderNodes.get(index);
      value = placeholder ? render(placeholder) : '';
    }
    values.set(index, value);
    return value;
  }
  return render(nodes);
}

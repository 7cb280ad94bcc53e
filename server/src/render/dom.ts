// A tiny element tree: the renderer builds it, then it is either serialized (SVG/HTML export,
// CLI) or turned into DOM nodes by the webview page. Escaping happens here and only here, so
// document text can never become markup, and the tree refuses event-handler or style
// attributes (the webview's CSP forbids inline styles, and handlers are never needed).

export type Child = El | Raw | string;
export type AttrValue = string | number | boolean | undefined;

export interface El {
  tag: string;
  attrs: Record<string, AttrValue>;
  children: Child[];
}

/** Trusted markup written by this module's callers as constants (the stylesheet): never document text. */
export interface Raw {
  raw: string;
}

const NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

function checkAttr(tag: string, name: string): void {
  if (!NAME.test(name) || /^on/i.test(name) || name.toLowerCase() === 'style' || /^(href|src|xlink:href|action|formaction)$/i.test(name)) {
    throw new Error(`refusing attribute "${name}" on <${tag}>`);
  }
}

type ChildArg = Child | readonly ChildArg[] | undefined | null | false;

function flatten(args: readonly ChildArg[], out: Child[]): Child[] {
  for (const a of args) {
    if (a === undefined || a === null || a === false) continue;
    if (Array.isArray(a)) flatten(a as readonly ChildArg[], out);
    else out.push(a as Child);
  }
  return out;
}

export function h(tag: string, attrs: Record<string, AttrValue> = {}, ...children: ChildArg[]): El {
  if (!NAME.test(tag) || /^(script|iframe|object|embed|foreignobject|a|use|image|animate|set)$/i.test(tag)) throw new Error(`refusing element <${tag}>`);
  for (const name of Object.keys(attrs)) checkAttr(tag, name);
  return { tag, attrs, children: flatten(children, []) };
}

export function raw(markup: string): Raw {
  return { raw: markup };
}

export function isEl(c: Child): c is El {
  return typeof c === 'object' && 'tag' in c;
}

/** Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/FFFF) become U+FFFD. */
export function xmlSafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      } else out += '\uFFFD';
    } else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += '\uFFFD';
    } else out += text[i];
  }
  return out;
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** HTML elements that have no end tag; everything else (and all SVG) is closed explicitly. */
const VOID = new Set(['meta', 'br', 'hr', 'col', 'img', 'input', 'link', 'wbr']);

/** Serializes a tree. Inside <svg> empty elements self-close (XML); HTML elements never do. */
export function serialize(node: Child, inSvg = false): string {
  if (typeof node === 'string') return escapeText(node);
  if (!isEl(node)) return node.raw;
  const svg = inSvg || node.tag === 'svg';
  let out = `<${node.tag}`;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value === undefined || value === false) continue;
    const text = value === true ? '' : typeof value === 'number' ? formatNumber(value) : value;
    out += ` ${name}="${escapeAttr(text)}"`;
  }
  if (!svg && VOID.has(node.tag)) return `${out}>`;
  if (svg && node.children.length === 0) return `${out}/>`;
  return `${out}>${node.children.map((c) => serialize(c, svg)).join('')}</${node.tag}>`;
}

/** Plain text of a subtree (for tests and labels). */
export function textContent(node: Child): string {
  if (typeof node === 'string') return node;
  if (!isEl(node)) return '';
  return node.children.map(textContent).join('');
}

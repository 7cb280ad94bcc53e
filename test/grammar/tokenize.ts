// Loads the postmortem injection grammar into vscode-textmate together with the test fixture's
// minimal Markdown grammar, and tokenizes documents the way VS Code does (line by line, carrying
// the rule stack).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import vsctm from 'vscode-textmate';
import oniguruma from 'vscode-oniguruma';
import type { IGrammar } from 'vscode-textmate';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const INJECTION_PATH = `${ROOT}syntaxes/postmortem.injection.tmLanguage.json`;
export const MARKDOWN_FIXTURE_PATH = fileURLToPath(new URL('./fixtures/markdown.tmLanguage.json', import.meta.url));
export const INJECTION_SCOPE = 'postmortem.timeline.injection';

export interface Token {
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<IGrammar> | undefined;

async function load(): Promise<IGrammar> {
  const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const files: Record<string, string> = {
    'text.html.markdown': MARKDOWN_FIXTURE_PATH,
    [INJECTION_SCOPE]: INJECTION_PATH,
  };
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) => {
      const path = files[scopeName];
      if (!path) return null;
      return vsctm.parseRawGrammar(await readFile(path, 'utf8'), path);
    },
    // What package.json's `injectTo: ["text.html.markdown"]` does in VS Code.
    getInjections: (scopeName: string) => (scopeName === 'text.html.markdown' ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('could not load the Markdown fixture grammar');
  return grammar;
}

export function markdownGrammar(): Promise<IGrammar> {
  grammarPromise ??= load();
  return grammarPromise;
}

/** Tokens of every line of `text`. */
export async function tokenize(text: string): Promise<Token[][]> {
  const grammar = await markdownGrammar();
  let stack = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/**
 * The postmortem-scoped spans of a document: [text, innermost postmortem scope], adjacent tokens
 * with the same scope merged, in document order. Everything else is left out.
 */
export async function postmortemSpans(text: string): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const line of await tokenize(text)) {
    let previous: string | undefined;
    for (const token of line) {
      const scope = [...token.scopes].reverse().find((s) => s.endsWith('.postmortem'));
      const last = out[out.length - 1];
      if (scope && scope === previous && last) last[0] += token.text;
      else if (scope) out.push([token.text, scope]);
      previous = scope;
    }
  }
  return out;
}

// Reads .postmortemrc.json / .postmortemrc.jsonc text: JSON with comments and trailing commas.
// Every problem comes back with a 0-based position in the config file; nothing throws.
import { parseTree, findNodeAtLocation, printParseErrorCode, type ParseError, type Node } from 'jsonc-parser';
import { validateConfig, type Config } from './config';
import { RULE_IDS } from './rules';

export interface ConfigError {
  message: string;
  line: number;
  character: number;
}

export interface ParsedConfig {
  config: Config;
  errors: ConfigError[];
  /** True when the file could not be read as JSON at all (the caller keeps its last good config). */
  fatal: boolean;
}

function position(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
  const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return { line, character: offset - lastBreak - 1 };
}

export function parseConfigText(text: string): ParsedConfig {
  const syntax: ParseError[] = [];
  const tree = parseTree(text, syntax, { allowTrailingComma: true, disallowComments: false });
  if (syntax.length > 0 || !tree) {
    const errors = syntax.length
      ? syntax.map((e) => ({ message: `invalid JSON: ${printParseErrorCode(e.error)}`, ...position(text, e.offset) }))
      : [{ message: 'the file is empty; expected a JSON object', line: 0, character: 0 }];
    return { config: {}, errors, fatal: true };
  }
  const value = nodeValue(tree);
  const { config, issues } = validateConfig(value, RULE_IDS);
  const errors = issues.map((issue) => {
    const node = issue.path ? findNodeAtLocation(tree, issue.path.split('.')) : tree;
    const at = node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0);
    return { message: issue.path ? `${issue.path}: ${issue.message}` : issue.message, ...position(text, at) };
  });
  return { config, errors, fatal: false };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [String(p.children?.[0]?.value), p.children?.[1] ? nodeValue(p.children[1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

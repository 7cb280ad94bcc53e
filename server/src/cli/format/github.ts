// `--format github`: GitHub Actions workflow commands, which annotate the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
import type { Severity } from '../../engine';
import { oneLine, position, type Formatter } from './result';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes the message part of a command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value (file, title): also `:` and `,`, which delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const formatGithub: Formatter = (results) =>
  results.flatMap((r) => r.problems.map((p) => {
    const { line, column, endLine, endColumn } = position(p);
    const props = `file=${escapeProperty(r.displayPath)},line=${line},col=${column},endLine=${endLine},endColumn=${endColumn},title=${escapeProperty(p.ruleId)}`;
    return `::${COMMAND[p.severity]} ${props}::${escapeData(oneLine(p.message))}\n`;
  })).join('');

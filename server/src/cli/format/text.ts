// `path:line:col severity rule-id message`, one problem per line. The part after the path is
// also the format of the expectations in test fixtures, so one reporter serves both.
import type { Problem } from '../../engine';
import { oneLine, position, type Formatter } from './result';

export function formatProblem(p: Problem): string {
  const { line, column } = position(p);
  return `${line}:${column} ${p.severity} ${p.ruleId} ${oneLine(p.message)}`;
}

export const formatText: Formatter = (results) =>
  results.flatMap((r) => r.problems.map((p) => `${r.displayPath}:${formatProblem(p)}\n`)).join('');

// What every formatter receives: the files checked and what remains wrong in each.
import type { Problem } from '../../engine';

export interface FileResult {
  /** Absolute path. */
  path: string;
  /** As shown to the user: relative to the working directory when inside it, with forward slashes. */
  displayPath: string;
  problems: Problem[];
}

export interface FormatContext {
  cwd: string;
  version: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** 1-based positions, as every output format and editor shows them. */
export function position(p: Problem): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: p.range.start.line + 1, column: p.range.start.character + 1, endLine: p.range.end.line + 1, endColumn: p.range.end.character + 1 };
}

/** Messages are one line in every format. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

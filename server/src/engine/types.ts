// Shared vocabulary of the engine. Positions are 0-based; `character` counts UTF-16 code
// units, as LSP does, so JS string indices can be used directly.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix is data: applied by one shared `applyEdits`, never by code in a rule. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to offer first in the light bulb. */
  isPreferred?: boolean;
  /** Safe fixes are applied by fix-all (`--fix`, `source.fixAll.postmortem`). */
  safe?: boolean;
}

export interface RelatedInfo {
  range: Range;
  message: string;
}

export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  data?: Record<string, unknown>;
  fixes?: Fix[];
  related?: RelatedInfo[];
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character ||
    a.end.line - b.end.line || a.end.character - b.end.character;
}

// Inline control comments, markdownlint style:
//   <!-- postmortem-disable rule-a rule-b -->   … <!-- postmortem-enable rule-a -->
//   <!-- postmortem-disable-next-line rule -->  <!-- postmortem-disable-line rule -->
//   <!-- postmortem-disable-file rule -->
// No rule ids means every rule.

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable-file|disable|enable)((?:[\s,]+[a-z][a-z0-9-]*)*)\s*-->/g;

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable-file' | 'disable' | 'enable';

export interface Directive {
  kind: DirectiveKind;
  rules: string[];
  line: number;
}

export function findDirectives(lines: string[]): Directive[] {
  const out: Directive[] = [];
  lines.forEach((text, line) => {
    if (!text.includes('postmortem-')) return;
    DIRECTIVE.lastIndex = 0;
    for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
      out.push({ kind: m[1] as DirectiveKind, rules: (m[2] ?? '').split(/[\s,]+/).filter(Boolean), line });
    }
  });
  return out;
}

/** Answers "is rule R disabled on line L?" for a document's directives. */
export class DisabledLines {
  private readonly fileWide = new Set<string>();
  /** Per-line overrides, kept sparse: only lines after a directive. */
  private readonly ranges: { from: number; to: number; rules: Set<string> | 'all' }[] = [];

  constructor(directives: Directive[], lineCount: number) {
    const open = new Map<string, number>();
    let allFrom: number | undefined;
    const close = (from: number, to: number, rules: Set<string> | 'all') => this.ranges.push({ from, to, rules });
    for (const d of directives) {
      const rules = d.rules.length ? new Set(d.rules) : 'all';
      switch (d.kind) {
        case 'disable-file':
          if (rules === 'all') this.fileWide.add('*');
          else rules.forEach((r) => this.fileWide.add(r));
          break;
        case 'disable-line':
          close(d.line, d.line, rules);
          break;
        case 'disable-next-line':
          close(d.line + 1, d.line + 1, rules);
          break;
        case 'disable':
          if (rules === 'all') allFrom ??= d.line;
          else for (const r of rules) if (!open.has(r)) open.set(r, d.line);
          break;
        case 'enable':
          if (rules === 'all') {
            if (allFrom !== undefined) close(allFrom, d.line, 'all');
            allFrom = undefined;
            for (const [r, from] of open) close(from, d.line, new Set([r]));
            open.clear();
          } else {
            for (const r of rules) {
              const from = open.get(r);
              if (from !== undefined) close(from, d.line, new Set([r]));
              open.delete(r);
            }
          }
          break;
      }
    }
    if (allFrom !== undefined) close(allFrom, lineCount, 'all');
    for (const [r, from] of open) close(from, lineCount, new Set([r]));
  }

  isDisabled(ruleId: string, line: number): boolean {
    if (this.fileWide.has('*') || this.fileWide.has(ruleId)) return true;
    return this.ranges.some((r) => line >= r.from && line <= r.to && (r.rules === 'all' || r.rules.has(ruleId)));
  }
}

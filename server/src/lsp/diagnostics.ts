// The one place LSP diagnostics are built: for a document's problems, for the notice that its
// configuration file is broken, and for the configuration file itself.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { docsUrl, type ConfigError, type Fix, type ParsedConfig, type Problem, type Severity } from '../engine';
import type { DocumentAnalysis } from './analysis';
import type { RcFile } from './rc';
import { basename } from './uri';

export const SOURCE = 'postmortem';

/**
 * What a problem's diagnostic carries so code actions never analyse again, beside the rule's
 * own data at the top level (`data.section` for missing-section, as product.md and the CLI's
 * JSON have it).
 */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the fixes apply to. */
  documentVersion: number;
  fixes: Fix[];
  [detail: string]: unknown;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function problemDiagnostic(uri: string, version: number, problem: Problem): Diagnostic {
  const data: DiagnosticData = { ...problem.data, ruleId: problem.ruleId, documentVersion: version, fixes: problem.fixes ?? [] };
  const diagnostic: Diagnostic = {
    range: problem.range,
    severity: SEVERITIES[problem.severity],
    source: SOURCE,
    code: problem.ruleId,
    codeDescription: { href: docsUrl(problem.ruleId) },
    message: problem.message,
    data,
  };
  if (problem.related?.length) diagnostic.relatedInformation = problem.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return diagnostic;
}

export function readDiagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || !data || typeof data.ruleId !== 'string' || typeof data.documentVersion !== 'number' || !Array.isArray(data.fixes)) return undefined;
  return data as DiagnosticData;
}

function firstLine(text: string): Diagnostic['range'] {
  const line = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  return { start: { line: 0, character: 0 }, end: { line: 0, character: line.length } };
}

/**
 * A broken .postmortemrc is reported on the first line of each postmortem it governs, as an
 * information diagnostic linked to the error: it is seen where the user works, lists in the
 * Problems view, and disappears by itself when the file is fixed (a message box would not).
 */
function brokenConfigDiagnostic(rc: RcFile, text: string): Diagnostic | undefined {
  if (!rc.broken) return undefined;
  const { error, hasLastGood } = rc.broken;
  const name = basename(rc.path.replace(/\\/g, '/'));
  const fallback = hasLastGood ? 'its last good version is used until it is fixed' : 'only your settings are used until it is fixed';
  return {
    range: firstLine(text),
    severity: DiagnosticSeverity.Information,
    source: SOURCE,
    message: `${name} cannot be read (line ${error.line + 1}: ${error.message}); ${fallback}.`,
    relatedInformation: [{ location: { uri: rc.uri, range: point(error) }, message: error.message }],
  };
}

function point(error: ConfigError): Diagnostic['range'] {
  const at = { line: error.line, character: error.character };
  return { start: at, end: at };
}

/** All diagnostics of a document (none when it is not a postmortem). */
export function documentDiagnostics(result: DocumentAnalysis, text: string): Diagnostic[] {
  const analysis = result.analysis;
  if (!analysis || !result.isPostmortem) return [];
  const out = analysis.problems.map((p) => problemDiagnostic(result.uri, result.version, p));
  for (const issue of analysis.configIssues) {
    out.unshift({ range: firstLine(text), severity: DiagnosticSeverity.Information, source: SOURCE, message: `Configuration: ${issue.message}.` });
  }
  const broken = result.config.rc && brokenConfigDiagnostic(result.config.rc, text);
  if (broken) out.unshift(broken);
  return out;
}

/** Diagnostics on a .postmortemrc file: syntax errors (the file is ignored) or invalid entries (they are). */
export function rcDiagnostics(text: string, parsed: ParsedConfig, hasLastGood: boolean): Diagnostic[] {
  const consequence = hasLastGood ? 'Postmortems keep the last good version of this file until it is fixed.' : 'Postmortems use only the settings until it is fixed.';
  return parsed.errors.map((error) => {
    const end = lineEnd(text, error.line);
    const range = { start: { line: error.line, character: error.character }, end: { line: error.line, character: Math.max(end, error.character) } };
    return parsed.fatal
      ? { range, severity: DiagnosticSeverity.Error, source: SOURCE, message: `${error.message}. ${consequence}` }
      : { range, severity: DiagnosticSeverity.Warning, source: SOURCE, message: `${error.message}; this entry is ignored.` };
  });
}

function lineEnd(text: string, line: number): number {
  return text.split(/\r\n|\r|\n/)[line]?.length ?? 0;
}

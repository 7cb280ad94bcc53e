// `--format sarif`: SARIF 2.1.0 (code scanning, IDE viewers). One run; every rule of the engine
// is described in the driver with its docs page, whether it fired or not.
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ALL_RULES, docsUrl, type Problem, type Range, type Severity } from '../../engine';
import { oneLine, type FileResult, type Formatter } from './result';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const HOMEPAGE = 'https://github.com/postmortem-tools/postmortem-lint';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(r: Range) {
  return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
}

/** Relative paths use %SRCROOT% (the working directory); others are absolute file URIs. */
function artifact(file: FileResult): { uri: string; uriBaseId?: string } {
  if (!file.displayPath.startsWith('/') && !/^[A-Za-z]:/.test(file.displayPath)) {
    return { uri: file.displayPath.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(file.path).href };
}

function result(file: FileResult, p: Problem, ruleIndex: Map<string, number>) {
  const artifactLocation = artifact(file);
  const index = ruleIndex.get(p.ruleId);
  return {
    ruleId: p.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[p.severity],
    message: { text: oneLine(p.message) },
    locations: [{ physicalLocation: { artifactLocation, region: region(p.range) } }],
    ...(p.related?.length ? {
      relatedLocations: p.related.map((rel, id) => ({ id, message: { text: oneLine(rel.message) }, physicalLocation: { artifactLocation, region: region(rel.range) } })),
    } : {}),
    ...(p.data && Object.keys(p.data).length ? { properties: { data: p.data } } : {}),
  };
}

export const formatSarif: Formatter = (results, context) => {
  const ruleIndex = new Map(ALL_RULES.map((r, i) => [r.id, i]));
  const rules = ALL_RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: r.description },
    helpUri: docsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { tags: r.tags, fixable: r.fixable },
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'postmortem-lint', version: context.version, semanticVersion: context.version, informationUri: HOMEPAGE, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(join(context.cwd, sep)).href } },
      artifacts: results.map((f) => ({ location: artifact(f) })),
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((f) => f.problems.map((p) => result(f, p, ruleIndex))),
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

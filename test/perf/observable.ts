// What an analysis reports, in a form deep equality can compare: the outline without its parent
// links (they make cycles). Shared by the tests that check an incremental or stepped analysis
// against a full one.
import type { Analysis } from '../../server/src/engine';

export function observable(a: Analysis) {
  return {
    isPostmortem: a.isPostmortem,
    problems: a.problems,
    ruleErrors: a.ruleErrors,
    configIssues: a.configIssues,
    timeline: a.timeline,
    blocks: a.doc.blocks,
    frontMatter: a.doc.frontMatter,
    title: a.outline.title,
    sections: a.outline.sections.map(({ parent, children, ...s }) => ({ ...s, parent: parent?.line, children: children.map((c) => c.line) })),
  };
}

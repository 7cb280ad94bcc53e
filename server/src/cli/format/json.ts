// `--format json`: one element per file checked, with 1-based positions (product.md).
import { oneLine, position, type Formatter } from './result';

export const formatJson: Formatter = (results) => {
  const files = results.map((r) => ({
    filePath: r.displayPath,
    messages: r.problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      message: oneLine(p.message),
      ...position(p),
      data: p.data ?? {},
    })),
  }));
  return `${JSON.stringify(files, null, 2)}\n`;
};

// What the status bar item says for a document (no VS Code API, so it is unit-tested).
import type { DocumentInfo } from '../../common/protocol';

export function statusText(info: DocumentInfo): { text: string; tooltip: string } | undefined {
  if (!info.isPostmortem) return undefined;
  const file = info.configUri ? decodeURIComponent(info.configUri.slice(info.configUri.lastIndexOf('/') + 1)) : undefined;
  const source = info.profileSource === 'rc' && file ? `set by ${file}` : 'from settings';
  const lines = [`Postmortem profile: ${info.profile} (${source})`];
  if (info.configBroken && file) lines.push(`${file} cannot be read; its last good version is used.`);
  lines.push('Click to select another profile.');
  return { text: `$(checklist) ${info.profile}${info.configBroken ? ' $(warning)' : ''}`, tooltip: lines.join('\n') };
}

// The extension's parts that need no editor: what the status bar says, the profile quick pick,
// and that package.json agrees with the code (commands, activation, entry points).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { statusText } from '../../client/src/status-text';
import { profileItems } from '../../client/src/profile-items';
import { COMMANDS } from '../../client/src/commands-ids';
import { DOCUMENT_SELECTOR, isCandidate, LANGUAGES } from '../../client/src/selector';
import type { DocumentInfo } from '../../common/protocol';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  main: string;
  browser: string;
  activationEvents: string[];
  capabilities: Record<string, unknown>;
  contributes: { commands: { command: string; title: string; category: string }[]; menus: { commandPalette: { command: string }[] }; jsonValidation: { fileMatch: string[]; url: string }[] };
};

const info: DocumentInfo = { isPostmortem: true, profile: 'standard', profileSource: 'settings', profiles: ['standard', 'google-sre', 'pagerduty', 'atlassian'] };

test('the status bar names the profile and where it comes from, and hides for other documents', () => {
  assert.equal(statusText({ ...info, isPostmortem: false }), undefined);
  assert.deepEqual(statusText(info), { text: '$(checklist) standard', tooltip: 'Postmortem profile: standard (from settings)\nClick to select another profile.' });
  const fromRc = statusText({ ...info, profile: 'team', profileSource: 'rc', configUri: 'file:///w/.postmortemrc.jsonc', configBroken: true });
  assert.equal(fromRc?.text, '$(checklist) team $(warning)');
  assert.match(fromRc?.tooltip ?? '', /set by \.postmortemrc\.jsonc\)\n\.postmortemrc\.jsonc cannot be read/);
});

test('the profile quick pick lists built-in and configured profiles, the current one picked', () => {
  const items = profileItems({ ...info, profile: 'team', profiles: [...info.profiles, 'team'] });
  assert.deepEqual(items.map((i) => [i.label, i.description, i.picked]), [
    ['standard', 'built-in', false], ['google-sre', 'built-in', false], ['pagerduty', 'built-in', false], ['atlassian', 'built-in', false], ['team', 'current · from .postmortemrc', true],
  ]);
  assert.deepEqual(profileItems(undefined).map((i) => i.label), ['standard', 'google-sre', 'pagerduty', 'atlassian']);
});

test('the document selector covers Markdown, plain text and HTML on disk, untitled, virtual and remote', () => {
  assert.equal(DOCUMENT_SELECTOR.length, 12);
  assert.equal(isCandidate({ languageId: 'markdown', uri: { scheme: 'vscode-vfs' } }), true);
  assert.equal(isCandidate({ languageId: 'markdown', uri: { scheme: 'vscode-remote' } }), true, 'a remote workspace\'s files, as the web build sees them');
  assert.equal(isCandidate({ languageId: 'json', uri: { scheme: 'file' } }), false);
  assert.equal(isCandidate({ languageId: 'html', uri: { scheme: 'git' } }), false);
});

test('package.json contributes exactly the commands the client registers', () => {
  assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), Object.values(COMMANDS).sort());
  assert.ok(pkg.contributes.commands.every((c) => c.category === 'Postmortem'));
  for (const entry of pkg.contributes.menus.commandPalette) assert.ok(Object.values(COMMANDS).includes(entry.command as never));
});

test('activation, capabilities, entry points and the rc schema are declared', () => {
  for (const language of LANGUAGES) assert.ok(pkg.activationEvents.includes(`onLanguage:${language}`));
  assert.ok(pkg.activationEvents.includes('workspaceContains:**/.postmortemrc.json'));
  assert.deepEqual(pkg.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  assert.equal(pkg.main, './dist/extension.cjs');
  assert.equal(pkg.browser, './dist/web/extension.js', 'ends in .js: the web worker host appends .js to any other entry (extension.cjs.js, 404)');
  const [validation] = pkg.contributes.jsonValidation;
  assert.deepEqual(validation?.fileMatch, ['.postmortemrc.json', '.postmortemrc.jsonc']);
  assert.ok(existsSync(`${ROOT}${validation?.url ?? ''}`));
});

test('the bundles exist: desktop and web extension, Node and web-worker server', () => {
  for (const bundle of [pkg.main, pkg.browser, './dist/server.js', './dist/web/server.js']) assert.ok(existsSync(`${ROOT}${bundle}`), `${bundle} is built`);
  // The web extension runs in a browser extension host: nothing but 'vscode' may be required.
  const web = readFileSync(`${ROOT}dist/web/extension.js`, 'utf8');
  assert.deepEqual([...new Set([...web.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))], ['vscode']);
});

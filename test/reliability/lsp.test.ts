// The real language server over stdio (node dist/server.js --stdio) under a misbehaving or
// minimal client: requests about unknown and closed documents, malformed params, out-of-order
// and duplicate versions, cancellation, no pull diagnostics and no workspace/configuration,
// random edit sequences (fast-check, fixed seed) whose final diagnostics must equal those of the
// final text opened fresh, hostile documents, and the end of its life (shutdown/exit, exit
// without shutdown, the client going away). The server must answer, stay up and stay right.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource, CodeActionRequest, CodeLensRequest, CompletionRequest, DidChangeTextDocumentNotification, DocumentDiagnosticRequest, DocumentSymbolRequest,
  FoldingRangeRequest, HoverRequest, InlayHintRequest, type Diagnostic, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { analyze, ALL_RULES, type Rule } from '../../server/src/engine';
import { FIXTURES, fileUri, messageOf, TestClient, withTimeout } from '../lsp/harness';
import { SEED, runs } from '../property/arbitraries';
import { SKELETON } from './inputs';

const outage = readFileSync(`${FIXTURES}checkout-outage.md`, 'utf8');
const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Every request the server serves for a document, with params for `uri`. */
function requestsFor(uri: string): [string, unknown][] {
  const textDocument = { uri };
  const position = { line: 0, character: 0 };
  return [
    [DocumentSymbolRequest.method, { textDocument }],
    [FoldingRangeRequest.method, { textDocument }],
    [CodeActionRequest.method, { textDocument, range: ZERO, context: { diagnostics: [] } }],
    [HoverRequest.method, { textDocument, position }],
    [InlayHintRequest.method, { textDocument, range: { start: position, end: { line: 1000, character: 0 } } }],
    [CodeLensRequest.method, { textDocument }],
    [CompletionRequest.method, { textDocument, position }],
    ['postmortem/documentInfo', { textDocument }],
    ['postmortem/timeline', { textDocument }],
    ['postmortem/timelineContext', { textDocument, position }],
  ];
}

/** A comparable form of diagnostics: what a user sees. */
const seen = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${messageOf(d)}`).sort();

async function settled(client: TestClient, uri: string, version: number): Promise<PublishDiagnosticsParams> {
  return client.published(uri, (p) => p.version === version);
}

describe('LSP: requests it cannot serve', () => {
  test('every request about an unknown document is answered, and the server lives on', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      for (const [method, params] of requestsFor(fileUri('/tmp/pm-rel/unknown.md'))) {
        await assert.doesNotReject(client.request(method, params), method);
      }
      const pulled = await client.pull(fileUri('/tmp/pm-rel/unknown.md'));
      assert.deepEqual(pulled.kind === 'full' ? pulled.items : [], []);
      assert.ok(client.alive);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('malformed params (no textDocument, wrong types, a huge position) get an answer or an error, never a crash', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      const uri = fileUri('/tmp/pm-rel/open.md');
      await client.open(uri, outage);
      await client.pull(uri);
      const bad: unknown[] = [{}, { textDocument: null }, { textDocument: { uri: 42 } }, { textDocument: { uri }, position: { line: -1, character: 1e9 } }, { textDocument: { uri }, range: { start: { line: 1e9, character: 0 }, end: { line: -5, character: 0 } }, context: {} }, null];
      for (const [method] of requestsFor(uri)) {
        for (const params of bad) await client.request(method, params).catch(() => undefined);
      }
      for (const params of bad) await client.connection.sendRequest(DocumentDiagnosticRequest.method, params).catch(() => undefined);
      // Still serving the real document.
      const again = await client.pull(uri);
      assert.ok(again.kind === 'full' && again.items.length > 0);
      assert.ok(client.alive, client.serverErrors);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('after didClose: empty answers, the diagnostics are cleared, a change to the closed document is ignored', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const uri = fileUri('/tmp/pm-rel/closed.md');
      await client.open(uri, outage);
      const first = await client.published(uri);
      assert.ok(first.diagnostics.length > 0);
      const count = client.diagnostics.seen.length;
      await client.close(uri);
      await client.published(uri, (p) => p.diagnostics.length === 0, count);
      for (const [method, params] of requestsFor(uri)) await assert.doesNotReject(client.request(method, params), method);
      await client.change(uri, 9, `${outage}\nTBD\n`);
      assert.deepEqual(await client.request(DocumentSymbolRequest.method, { textDocument: { uri } }), []);
      assert.ok(client.alive, client.serverErrors);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('$/cancelRequest: a cancelled request is answered (result or RequestCancelled), the next ones too', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      const uri = fileUri('/tmp/pm-rel/cancel.md');
      await client.open(uri, `${SKELETON}\n`.repeat(200));
      const answers = [];
      for (let i = 0; i < 20; i++) {
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest(i % 2 ? DocumentSymbolRequest.method : DocumentDiagnosticRequest.method, { textDocument: { uri } }, source.token);
        source.cancel();
        answers.push(pending.then(() => 'result', (e: { code?: number }) => (e.code === -32800 ? 'cancelled' : `error ${e.code}`)));
      }
      const outcomes = await withTimeout(Promise.all(answers), 'answers to cancelled requests');
      assert.ok(outcomes.every((o) => o === 'result' || o === 'cancelled'), outcomes.join(', '));
      const report = await client.pull(uri);
      assert.ok(report.kind === 'full' && report.items.length > 0);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('LSP: versions and edits', () => {
  test('out-of-order and duplicate versions: no crash, and what is published is the analysis of a text the client sent', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const uri = fileUri('/tmp/pm-rel/versions.md');
      const texts = new Map<number, string>([[1, outage], [5, outage.replace('## Timeline', '## Timeline\n\nTBD')], [3, `${outage}\n\n## Summary\n\nAgain.\n`], [4, outage.replace(/^#.*$/m, '# Title ??')]]);
      await client.open(uri, outage, 'markdown', 1);
      await client.change(uri, 5, texts.get(5) as string);
      await client.change(uri, 3, texts.get(3) as string);
      await client.change(uri, 3, texts.get(3) as string);
      await client.change(uri, 4, texts.get(4) as string);
      const last = await settled(client, uri, 4);
      // Out of order, the last text received is the document (as TextDocuments applies it).
      const fresh = fileUri('/tmp/pm-rel/versions-fresh.md');
      await client.open(fresh, texts.get(4) as string);
      assert.deepEqual(seen(last.diagnostics), seen((await client.published(fresh)).diagnostics));
      // An incremental change whose range lies outside the document is clamped, not fatal.
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 6 }, contentChanges: [{ range: { start: { line: 9999, character: 99 }, end: { line: 99999, character: 0 } }, text: '\nTBD\n' }] });
      await settled(client, uri, 6);
      assert.ok(client.alive, client.serverErrors);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('random incremental edit sequences: the final diagnostics equal those of the final text opened fresh', async () => {
    const client = await TestClient.start({ pull: false });
    let n = 0;
    try {
      const edit = fc.tuple(fc.nat(), fc.nat(), fc.nat(12), fc.constantFrom('', 'x', '\n', '\r\n', '😀', '## Timeline\n', '- 10:00 UTC alert\n', 'TBD ', '13:55 PM', '| a | b |\n|---|---|\n', '```\n', '<!--', '-->', '**Root Cause**\n', '\n\n# Summary\n\n'));
      await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 15 }), async (edits) => {
        const uri = fileUri(`/tmp/pm-rel/edits-${n++}.md`);
        let text = outage;
        let version = 1;
        await client.open(uri, text, 'markdown', version);
        for (const [line, character, length, insert] of edits) {
          const lines = text.split(/\r\n|\r|\n/);
          const l = line % lines.length;
          const c = character % ((lines[l] as string).length + 1);
          const start = { line: l, character: c };
          // A replaced span within the line (never splits a line break).
          const end = { line: l, character: Math.min((lines[l] as string).length, c + length) };
          await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range: { start, end }, text: insert }] });
          const offsets = [0];
          for (const m of text.matchAll(/\r\n|\r|\n/g)) offsets.push((m.index as number) + m[0].length);
          const at = (offsets[l] as number) + c;
          text = text.slice(0, at) + insert + text.slice((offsets[l] as number) + end.character);
        }
        const incremental = await settled(client, uri, version);
        const fresh = fileUri(`/tmp/pm-rel/fresh-${n}.md`);
        await client.open(fresh, text);
        const expected = await client.published(fresh);
        assert.deepEqual(seen(incremental.diagnostics), seen(expected.diagnostics));
        await client.close(uri);
        await client.close(fresh);
      }), { seed: SEED, numRuns: runs(12) });
      assert.ok(client.alive, client.serverErrors);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('LSP: minimal clients and hostile documents', () => {
  test('a client without pull diagnostics and without workspace/configuration gets pushed diagnostics with default settings', async () => {
    const client = await TestClient.start({ pull: false, configuration: false, watch: false });
    try {
      assert.equal(client.initializeResult?.capabilities.diagnosticProvider, undefined, 'no pull provider offered');
      const uri = fileUri('/tmp/pm-rel/minimal-postmortem.md');
      await client.open(uri, outage);
      const published = await client.published(uri);
      assert.ok(published.diagnostics.length > 0);
      assert.deepEqual(client.configurationRequests.seen, [], 'never asked for configuration');
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });

  test('hostile documents (20 MB, nesting 10,000 deep, binary-ish text, lone surrogates): answered, bounded, alive', async () => {
    const client = await TestClient.start({ pull: false });
    try {
      const docs: [string, string][] = [
        ['huge-postmortem.md', `${SKELETON}\n`.repeat(Math.ceil((20 << 20) / SKELETON.length))],
        ['nested-postmortem.md', `${SKELETON}\n${'>'.repeat(10_000)} deep\n${'- '.repeat(10_000)}x\n${'*a '.repeat(10_000)}x${' b*'.repeat(10_000)}\n`],
        ['binary-postmortem.md', `${SKELETON}\n${Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 0xd7ff)).join('')}\u0000\uD800\uDFFF\uDC00`],
      ];
      for (const [name, text] of docs) {
        const uri = fileUri(`/tmp/pm-rel/${name}`);
        await client.open(uri, text);
        const published = await withTimeout(client.published(uri), `diagnostics of ${name}`, 120_000);
        if (name.startsWith('huge')) assert.deepEqual(published.diagnostics.map((d) => [d.code, messageOf(d).replace(/\(.*\)/, '()')]), [['document-too-large', 'File too large to analyse (): postmortem checks are off for it.']]);
        for (const [method, params] of requestsFor(uri)) await assert.doesNotReject(withTimeout(client.request(method, params), method, 120_000), `${method} on ${name}`);
        await client.close(uri);
      }
      assert.ok(client.alive, client.serverErrors);
      assert.equal(await client.shutdown(), 0);
    } finally {
      client.kill();
    }
  });
});

describe('LSP: end of life', () => {
  test('exit without shutdown ends the server with code 1 (LSP spec); with shutdown, code 0', async () => {
    const a = await TestClient.start();
    const exited = (a as unknown as { exited: Promise<number | null> }).exited;
    await a.connection.sendNotification('exit');
    assert.equal(await withTimeout(exited, 'exit'), 1);
    a.kill();
    const b = await TestClient.start();
    assert.equal(await b.shutdown(), 0);
  });

  // The specification asks for an InvalidRequest error; the server (vscode-languageserver's
  // default) still serves it. Either way it must answer, stay up and exit with 0.
  test('a request after shutdown is answered (a result today; InvalidRequest per the spec), a notification does no harm, exit ends with 0', async () => {
    const client = await TestClient.start({ pull: true });
    try {
      const uri = fileUri('/tmp/pm-rel/late.md');
      await client.open(uri, outage);
      await client.pull(uri);
      await withTimeout(client.connection.sendRequest('shutdown'), 'shutdown');
      const late = await withTimeout(client.connection.sendRequest(DocumentSymbolRequest.method, { textDocument: { uri } }).then(() => 'result', (e: { code?: number }) => `error ${e.code}`), 'a request after shutdown');
      assert.ok(late === 'result' || late === 'error -32600', late);
      await client.change(uri, 2, `${outage}\nTBD\n`);
      assert.ok(client.alive, client.serverErrors);
      await client.connection.sendNotification('exit');
      const { exited } = client as unknown as { exited: Promise<number | null> };
      assert.equal(await withTimeout(exited, 'exit'), 0);
    } finally {
      client.kill();
    }
  });

  test('the client going away (stdin closed) ends the server, no orphan', async () => {
    const client = await TestClient.start();
    const uri = fileUri('/tmp/pm-rel/orphan.md');
    await client.open(uri, outage);
    await client.published(uri);
    // What a crashed editor leaves: the pipe to the server closes.
    const { child, exited } = client as unknown as { child: ChildProcess; exited: Promise<number | null> };
    child.stdin?.end();
    await withTimeout(exited, 'the server to exit after its client went away');
    client.kill();
  });
});

describe('engine: a rule that throws is isolated', () => {
  // The server offers no way to inject a rule, so this is checked where the isolation is made:
  // analyze() runs each rule in its own try/catch and the server logs every ruleError
  // (server/src/lsp/analyzer.ts) while it publishes the other rules' problems.
  test('the other rules still report; the failure is recorded once, with its rule id', () => {
    const boom: Rule = { id: 'boom', description: 'throws', defaultSeverity: 'error', tags: [], fixable: false, check: () => { throw new Error('kaboom'); } };
    const readsTimeline: Rule = { id: 'reads-timeline', description: 'reads then throws', defaultSeverity: 'error', tags: [], fixable: false, check: (ctx) => { void ctx.timeline.entries.length; throw new TypeError('late'); } };
    const text = outage.replace('## Timeline', 'TBD\n\n## Timeline');
    const normal = analyze(text, { force: true });
    const broken = analyze(text, { force: true, rules: [boom, ...ALL_RULES.slice(0, 3), readsTimeline, ...ALL_RULES.slice(3)] });
    assert.deepEqual(broken.ruleErrors.map((e) => [e.ruleId, e.message.split('\n')[0]]), [['boom', 'Error: kaboom'], ['reads-timeline', 'TypeError: late']]);
    assert.deepEqual(broken.problems, normal.problems, 'every other rule reported as usual');
    assert.ok(broken.timeline && broken.timeline.entries.length === normal.timeline?.entries.length);
  });
});

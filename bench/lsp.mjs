// LSP measurements against the real server (`node dist/server.js --stdio`, JSON-RPC over
// stdio). Run as a script:
//
//   node bench/lsp.mjs latency FILE EDITS SEED pull|push   edit latency, then RSS after the edits
//   node bench/lsp.mjs many MANIFEST                       RSS with every document of MANIFEST open
//   node bench/lsp.mjs responsive BIG SMALL                request latency while BIG is analysed
//
// Each prints one JSON line. The client answers workspace/configuration with
// `postmortem.debounce: 0`, so the figures are analysis latency without the debounce the
// editor would add (150 ms by default).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { rng } from './generate.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVER = process.env.POSTMORTEM_BENCH_SERVER ?? `${ROOT}dist/server.js`;
const SETTINGS = { enable: true, profile: 'standard', rules: {}, ambiguousZones: {}, debounce: 0 };

/** The V8 flags the extension starts the server with (SERVER_EXEC_ARGV in client/src/extension.ts); the variable tries others. */
const SERVER_FLAGS = process.env.POSTMORTEM_BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? ['--max-old-space-size=1536', '--max-semi-space-size=2'];

const SETTLE_SECONDS = 20;
const round1 = (x) => Math.round(x * 10) / 10;

/** VmRSS and VmHWM (peak) of a process, in MB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms (from /proc, 10 ms resolution). */
export function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export async function startServer({ pull, folder }) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [...SERVER_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = [];
  const waiters = [];
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => SETTINGS));
  connection.onRequest(RegistrationRequest.type, () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/codeLens/refresh', () => null);
  connection.onRequest('workspace/inlayHint/refresh', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    for (const w of [...waiters]) {
      if (w.test(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onNotification(() => undefined);
  connection.listen();
  const capabilities = {
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true } },
      ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
    },
    workspace: { configuration: true, workspaceFolders: true },
  };
  const rootUri = pathToFileURL(folder).href;
  const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities });
  await connection.sendNotification(InitializedNotification.type, {});
  const startupMs = performance.now() - t0;
  const startupCpuMs = cpuOf(child.pid);
  return {
    child, connection, capabilities: init.capabilities, startupMs, startupCpuMs,
    waitPublished(test) {
      const seen = published.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 5000))]);
        await connection.sendNotification(ExitNotification.type);
      } catch {
        // already gone
      }
      connection.dispose();
      if (child.exitCode === null) child.kill();
    },
  };
}

function positionAt(text, offset) {
  let line = 0;
  let last = -1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return { line, character: offset - last - 1 };
}

const uriOf = (path) => pathToFileURL(path).href;

async function open(server, uri, text, version = 1) {
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
}

async function pullOrWait(server, pull, uri, version) {
  if (pull) {
    for (;;) {
      try {
        return await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      } catch (error) {
        // ServerCancelled with retriggerRequest: superseded; ask again, as VS Code does.
        if (error?.code !== -32802) throw error;
      }
    }
  }
  return server.waitPublished((p) => p.uri === uri && p.version === version);
}

/** Single-character insertions at random places; latency from didChange to that version's diagnostics. */
async function latency(file, edits, seed, mode) {
  const pull = mode === 'pull';
  const folder = fileURLToPath(new URL('.', pathToFileURL(file)));
  const server = await startServer({ pull, folder });
  const uri = uriOf(file);
  let text = readFileSync(file, 'utf8');
  let version = 1;
  const t0 = performance.now();
  await open(server, uri, text, version);
  const first = await pullOrWait(server, pull, uri, version);
  const firstMs = performance.now() - t0;
  const r = rng(seed);
  const times = [];
  const WARMUP = 10;
  let cpuBefore = 0;
  for (let i = 0; i < edits + WARMUP; i++) {
    if (i === WARMUP) cpuBefore = cpuOf(server.child.pid);
    const at = Math.floor(r() * text.length);
    const ch = 'abcdefghijklmnopqrstuvwxyz0123456789 :'[Math.floor(r() * 38)];
    const position = positionAt(text, at);
    text = text.slice(0, at) + ch + text.slice(at);
    version++;
    const start = performance.now();
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: position, end: position }, text: ch }] });
    await pullOrWait(server, pull, uri, version);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  const serverCpuPerEditMs = (cpuOf(server.child.pid) - cpuBefore) / edits;
  const memory = memoryOf(server.child.pid);
  await server.stop();
  return { mode, file: basename(file), bytes: Buffer.byteLength(text), edits, warmup: WARMUP, firstAnalysisMs: firstMs, diagnostics: (first.items ?? first.diagnostics ?? []).length, times, serverCpuPerEditMs, memoryAfterEdits: memory, startupMs: server.startupMs, startupCpuMs: server.startupCpuMs };
}

/** Opens every document of the manifest (one path per line), pulls its diagnostics, reads RSS. */
async function many(manifest) {
  const files = readFileSync(manifest, 'utf8').split('\n').filter(Boolean);
  const folder = fileURLToPath(new URL('.', pathToFileURL(files[0])));
  const server = await startServer({ pull: true, folder });
  const before = memoryOf(server.child.pid);
  let bytes = 0;
  const t0 = performance.now();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    const uri = uriOf(file);
    await open(server, uri, text);
    await pullOrWait(server, true, uri, 1);
  }
  const elapsedMs = performance.now() - t0;
  const after = memoryOf(server.child.pid);
  // Then idle: V8's memory reducer gives unused heap back some seconds after the work stops.
  const settled = [];
  for (let s = 1; s <= SETTLE_SECONDS; s++) {
    await new Promise((r) => setTimeout(r, 1000));
    settled.push(round1(memoryOf(server.child.pid).rssMb));
  }
  await server.stop();
  return { documents: files.length, bytes, idleRssMb: before.rssMb, ...after, settledRssMb: settled[settled.length - 1], settleSeconds: SETTLE_SECONDS, settledTrace: settled, elapsedMs };
}

/**
 * While BIG is analysed from cold (a pull), sends a hover (or completion, or folding-range)
 * request on SMALL every 50 ms and records how long each took: a request that waits for the
 * whole analysis means the server blocks.
 */
async function responsive(big, small) {
  const folder = fileURLToPath(new URL('.', pathToFileURL(big)));
  const server = await startServer({ pull: true, folder });
  const smallUri = uriOf(small);
  const smallText = readFileSync(small, 'utf8');
  await open(server, smallUri, smallText);
  await pullOrWait(server, true, smallUri, 1);
  const caps = server.capabilities;
  const lines = smallText.split('\n');
  const timeLine = Math.max(0, lines.findIndex((l) => /\d{1,2}:\d{2}/.test(l)));
  const timeChar = Math.max(0, (lines[timeLine] ?? '').search(/\d{1,2}:\d{2}/));
  const probe = caps.hoverProvider
    ? { method: 'hover', send: () => server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: { line: timeLine, character: timeChar + 1 } }) }
    : caps.completionProvider
      ? { method: 'completion', send: () => server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: smallUri }, position: { line: timeLine, character: (lines[timeLine] ?? '').length } }) }
      : { method: 'foldingRange', send: () => server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: smallUri } }) };
  await probe.send();
  const idle = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await probe.send();
    idle.push(performance.now() - t);
  }
  const bigUri = uriOf(big);
  const bigText = readFileSync(big, 'utf8');
  const t0 = performance.now();
  await open(server, bigUri, bigText);
  let done = false;
  const analysis = pullOrWait(server, true, bigUri, 1).then(() => {
    done = true;
    return performance.now() - t0;
  });
  const during = [];
  const probes = [];
  while (!done) {
    const sent = performance.now();
    probes.push(probe.send().then(() => during.push({ atMs: sent - t0, latencyMs: performance.now() - sent })));
    await Promise.race([analysis, new Promise((r) => setTimeout(r, 50))]);
  }
  const analysisMs = await analysis;
  await Promise.all(probes);
  // The same while the big document is re-analysed after its first edit (warm caches: opening a
  // document over the warm budget counts as starting to edit it, server/src/lsp/analyzer.ts).
  const editLatency = [];
  const position = { line: 10, character: 0 };
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: bigUri, version: 2 }, contentChanges: [{ range: { start: position, end: position }, text: 'x' }] });
  const te = performance.now();
  const reanalysis = pullOrWait(server, true, bigUri, 2).then(() => performance.now() - te);
  const sentE = performance.now();
  await probe.send();
  editLatency.push(performance.now() - sentE);
  const reanalysisMs = await reanalysis;
  await server.stop();
  return { probe: probe.method, bigBytes: Buffer.byteLength(bigText), analysisMs, idleLatencyMs: idle, duringAnalysis: during, reanalysisMs, duringReanalysisMs: editLatency };
}

/** Spawn to the answered initialize request (the server loads its bundle and is ready). */
async function startup() {
  const server = await startServer({ pull: true, folder: fileURLToPath(new URL('.', import.meta.url)) });
  const { startupMs, startupCpuMs } = server;
  await server.stop();
  return { startupMs, startupCpuMs, server: SERVER };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [what, ...args] = process.argv.slice(2);
  const runs = {
    latency: () => latency(args[0], Number(args[1]), Number(args[2]), args[3] ?? 'pull'),
    many: () => many(args[0]),
    responsive: () => responsive(args[0], args[1]),
    startup: () => startup(),
  };
  const run = runs[what]();
  run.then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  }, (error) => {
    console.error(error);
    process.exit(1);
  });
}

// Small helpers shared by the bench scripts: order statistics, timing a child process, the
// machine description.
import { spawn } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const median = (values) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const round = (x, digits = 1) => (x === undefined ? undefined : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Runs a command to completion and reports its wall time and CPU time (user + system, from
 * bash's `time`, which reads the child's rusage). Output is discarded; the exit code is kept.
 */
export function timeProcess(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const script = 'TIMEFORMAT="%3R %3U %3S"; { time "$@" >/dev/null 2>&1; echo "exit=$?" >&2; } 2>&1';
    const child = spawn('bash', ['-c', script, 'bash', command, ...args], { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const exit = /exit=(\d+)/.exec(out);
      const times = /(\d+\.\d+) (\d+\.\d+) (\d+\.\d+)/.exec(out);
      if (!times) return reject(new Error(`could not time ${command} ${args.join(' ')}: ${out}`));
      resolve({ wallMs: Number(times[1]) * 1000, cpuMs: (Number(times[2]) + Number(times[3])) * 1000, exitCode: exit ? Number(exit[1]) : undefined });
    });
  });
}

/** Runs a node script that prints one JSON object on its last stdout line. */
export function runJson(args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        reject(new Error(`${args.join(' ')} exited ${code} without a JSON result:\n${out.slice(-2000)}`));
      }
    });
  });
}

export function machine() {
  let model = cpus()[0]?.model ?? 'unknown';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux
  }
  return {
    cpu: model,
    cores: cpus().length,
    memoryGb: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((x) => round(x, 2)),
  };
}

/** The 1-minute load average now, to record next to each measurement. */
export const load1 = () => round(loadavg()[0], 2);

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A child process (TypeScript through tsx, or plain JavaScript with plain node) that talks JSON lines on stdout. */
export interface JsonChild {
  proc: ChildProcessWithoutNullStreams;
  /** The next JSON line the child prints. */
  next<T>(timeoutMs?: number): Promise<T>;
  send(line: string): void;
  kill(): void;
}

/** Start `bench/<script>` in its own Node process (so its CPU and RSS are its own). */
export function startChild(script: string, args: string[] = [], nodeArgs: string[] = []): JsonChild {
  const file = fileURLToPath(new URL(script, import.meta.url));
  const loader = file.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const proc = spawn(process.execPath, [...nodeArgs, ...loader, file, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  const lines: string[] = [];
  const waiters: Array<(line: string) => void> = [];
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  createInterface({ input: proc.stdout }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const w = waiters.shift();
    if (w) w(line);
    else lines.push(line);
  });
  return {
    proc,
    next<T>(timeoutMs = 120_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const queued = lines.shift();
        if (queued !== undefined) return resolve(JSON.parse(queued) as T);
        const timer = setTimeout(() => reject(new Error(`child ${script} gave no answer in ${timeoutMs} ms; stderr: ${stderr}`)), timeoutMs);
        const onExit = (code: number | null) => {
          clearTimeout(timer);
          reject(new Error(`child ${script} exited ${code}; stderr: ${stderr}`));
        };
        proc.once('exit', onExit);
        waiters.push((line) => {
          clearTimeout(timer);
          proc.off('exit', onExit);
          resolve(JSON.parse(line) as T);
        });
      });
    },
    send(line) {
      proc.stdin.write(`${line}\n`);
    },
    kill() {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    },
  };
}

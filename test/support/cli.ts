// The built `dateline` command (npm test builds first), run as a child process by the end-to-end suites.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;
/** DATELINE_CLI points the tests at another build of the command. */
export const CLI = process.env.DATELINE_CLI ?? join(REPO_ROOT, 'dist/cli/main.js');

export interface CliRun { code: number | null; stdout: string; stderr: string }

/** Runs the command without blocking the test worker (a long synchronous spawn starves vitest's heartbeat). */
export function runCli(args: string[], input = ''): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

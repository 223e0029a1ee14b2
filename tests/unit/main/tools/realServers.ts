/**
 * The real MCP servers the tests start: `@modelcontextprotocol/server-everything` (over stdio,
 * and over Streamable HTTP as its own process) and `@modelcontextprotocol/server-filesystem`,
 * both from npm, run with the Node running the tests. No part of the protocol is mocked.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LaunchConfig } from '../../../../main/tools/toolServerStore';

const modules = path.join(import.meta.dirname, '../../../../node_modules/@modelcontextprotocol');
export const EVERYTHING_BIN = path.join(modules, 'server-everything/dist/index.js');
export const FILESYSTEM_BIN = path.join(modules, 'server-filesystem/dist/index.js');

export function everythingOverStdio(env: Record<string, string> = {}, id = 'everything'): LaunchConfig {
  return { id, name: 'Everything', transport: 'stdio', command: process.execPath, args: [EVERYTHING_BIN, 'stdio'], env };
}

export function filesystemOver(folder: string, id = 'files'): LaunchConfig {
  return { id, name: 'Files', transport: 'stdio', command: process.execPath, args: [FILESYSTEM_BIN, folder], env: {} };
}

/**
 * A "server" that starts and never says a word: the protocol's initialize goes unanswered. It ignores
 * its stdin closing, as a hung process would. With `pidFile`, it writes its pid there first.
 */
export function silentServer(id = 'silent', pidFile?: string): LaunchConfig {
  const writePid = pidFile ? `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); ` : '';
  return { id, name: 'Silent', transport: 'stdio', command: process.execPath, args: ['-e', `${writePid}setInterval(() => {}, 1000)`], env: {} };
}

/** The everything server in a process that exits by itself once `trigger` exists: a crash while in use. */
export function crashingServer(trigger: string, id = 'crashing'): LaunchConfig {
  const script = `import { existsSync } from 'node:fs'; setInterval(() => { if (existsSync(${JSON.stringify(trigger)})) { console.error('simulated crash'); process.exit(7); } }, 50); await import(${JSON.stringify(EVERYTHING_BIN)});`;
  return { id, name: 'Crashing', transport: 'stdio', command: process.execPath, args: ['--input-type=module', '-e', script], env: {} };
}

/** The everything server, writing its pid first, so a test can see the process is gone. */
export function everythingWithPidFile(pidFile: string, id = 'pid'): LaunchConfig {
  const script = `import { writeFileSync } from 'node:fs'; writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); await import(${JSON.stringify(EVERYTHING_BIN)});`;
  return { id, name: 'With pid', transport: 'stdio', command: process.execPath, args: ['--input-type=module', '-e', script], env: {} };
}

export { isRunning as isAlive } from '../../../../main/tools/endProcess';

/** Polls a condition the code under test changes by itself (a process dying); fails after 30 s. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    if (condition()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

export interface HttpEverything {
  url: string;
  close(): Promise<void>;
}

/** The everything server over Streamable HTTP, ready once it says it listens. */
export async function startEverythingOverHttp(): Promise<HttpEverything> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [EVERYTHING_BIN, 'streamableHttp'], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('listening on port')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the HTTP server exited (${code}): ${said}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}

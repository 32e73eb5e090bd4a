import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../../../bin/samhandling.js', import.meta.url));

export interface Started {
  child: ChildProcess;
  /** The port a `serve` listens on, once `ready` has resolved. */
  port: number;
  ready: Promise<void>;
  output: () => string;
  exit: Promise<number | null>;
}

/** Runs the real `samhandling` command as a user would; `children` collects it for cleanup. */
export function samhandling(args: string[], env: Record<string, string>, children: ChildProcess[]): Started {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const started = { child, port: 0, output: () => output } as Started;
  started.ready = new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/[^:]+:(\d+)/.exec(output);
      if (match && !started.port) {
        started.port = Number(match[1]);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', () => reject(new Error(`exited before ready:\n${output}`)));
  });
  started.ready.catch(() => {});
  started.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return started;
}

/** A signed-in (or anonymous) client of a server process, sending the Origin a browser would. */
export class ProcessClient {
  cookie: string | undefined;
  constructor(readonly port: number) {}
  get base() {
    return `http://127.0.0.1:${this.port}`;
  }
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any; raw: Buffer }> {
    const isForm = body instanceof FormData;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { origin: this.base } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const raw = Buffer.from(await res.arrayBuffer());
    let parsed: unknown = raw.toString('utf8');
    if ((res.headers.get('content-type') ?? '').includes('json') && raw.length) parsed = JSON.parse(raw.toString('utf8'));
    return { status: res.status, body: parsed, raw };
  }
  async signIn(email: string, password: string) {
    const answer = await this.call('POST', '/api/auth/sign-in', { email, password });
    if (answer.status !== 200) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return this;
  }
  upload(path: string, fileName: string, content: Buffer, fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    return this.call('POST', path, form);
  }
}

export function stopAll(children: ChildProcess[]) {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

import type { ChildProcess } from 'node:child_process';
import { ProcessClient, samhandling } from './processes.ts';

export interface KillCycleReport {
  cycles: number;
  acknowledged: { id: string; name: string }[];
  /** Requests that got no answer because the process died under them (may or may not be stored). */
  unanswered: number;
  milliseconds: number;
}

/**
 * Starts `samhandling serve`, keeps four writers creating villages, and kills the process with
 * SIGKILL at a random moment; `cycles` times. Before each new round of writes, and at the end, every
 * write that was answered 2xx must be there. Returns what was acknowledged, for a last check.
 */
export async function killCycles(options: {
  env: Record<string, string>;
  email: string;
  password: string;
  cycles: number;
  children: ChildProcess[];
  random?: () => number;
}): Promise<KillCycleReport> {
  const random = options.random ?? Math.random;
  const started = Date.now();
  const acknowledged: { id: string; name: string }[] = [];
  let unanswered = 0;
  let cookie: string | undefined;
  let serial = 0;

  const check = async (client: ProcessClient) => {
    const listed = await client.call('GET', '/api/localities?q=Kvittad');
    if (listed.status !== 200) throw new Error(`listing villages answered ${listed.status}`);
    const found = new Set((listed.body as { id: string }[]).map((l) => l.id));
    const lost = acknowledged.filter((a) => !found.has(a.id));
    if (lost.length) throw new Error(`acknowledged writes lost: ${lost.map((l) => l.name).join(', ')}`);
  };

  for (let cycle = 0; cycle <= options.cycles; cycle++) {
    const server = samhandling(['serve'], { DEMO: 'false', ...options.env }, options.children);
    await server.ready;
    const client = new ProcessClient(server.port);
    client.cookie = cookie;
    if (!cookie || (await client.call('GET', '/api/me')).body?.user == null) {
      await client.signIn(options.email, options.password);
      cookie = client.cookie;
    }
    await check(client);
    if (cycle === options.cycles) {
      server.child.kill('SIGTERM');
      await server.exit;
      break;
    }
    let dead = false;
    let failed: unknown;
    const writer = async () => {
      while (!dead) {
        const name = `Kvittad by ${++serial}`;
        try {
          const answer = await client.call('POST', '/api/localities', { name, municipalityCode: '2422', lon: 17.5, lat: 65.5 });
          if (answer.status === 201) acknowledged.push({ id: (answer.body as { id: string }).id, name });
          else throw new Error(`a write answered ${answer.status}: ${JSON.stringify(answer.body)}`);
        } catch (error) {
          if (!dead) {
            failed = error;
            throw error;
          }
          unanswered += 1; // the connection broke because the process was killed
        }
      }
    };
    const before = acknowledged.length;
    const writers = Array.from({ length: 4 }, () => writer());
    // Once this round has a write answered (however loaded the machine), killed 0–650 ms later,
    // with writes in flight: mid-request, mid-transaction, mid-commit.
    while (acknowledged.length === before && failed === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    if (failed !== undefined) throw failed;
    await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 650)));
    dead = true;
    server.child.kill('SIGKILL');
    await server.exit;
    await Promise.all(writers);
  }
  return { cycles: options.cycles, acknowledged, unanswered, milliseconds: Date.now() - started };
}

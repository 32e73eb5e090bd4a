import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importNetworkFile, loadConfig, prepareDatabase } from '@samhandling/server';
import type { Command } from '../main.ts';

const help = `Usage: samhandling import osm FILE --space ID [--name N]

Imports a road network from an OpenStreetMap PBF file of any size (the web upload takes up to
200 MB) into a space, and builds its graph and contraction hierarchy here, cached under
DATA_DIR/networks for every later analysis.

FILE         an .osm.pbf file (e.g. a county extract)
--space ID   the space's id (from its address in the web app)
--name N     a name for the network (default: the file name)`;

export const importCommand: Command = {
  name: 'import',
  summary: 'Import data from files (import osm FILE --space ID)',
  help,
  async run(args) {
    const [kind, ...rest] = args;
    if (kind !== 'osm') {
      console.error(help);
      return 2;
    }
    const { values, positionals } = parseArgs({ args: rest, options: { space: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true, strict: true });
    const file = positionals[0];
    if (!file || positionals.length > 1 || !values.space || !/^[0-9a-f-]{36}$/i.test(values.space)) {
      console.error(`samhandling import osm: give one FILE and --space ID\n\n${help}`);
      return 2;
    }
    if (!existsSync(file)) {
      console.error(`samhandling import osm: no such file: ${file}`);
      return 1;
    }
    const { handle, deps } = await prepareDatabase(loadConfig());
    try {
      let imported;
      try {
        imported = await importNetworkFile(deps, values.space, file, values.name);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'not_found') {
          console.error(`samhandling import osm: no space with id ${values.space}`);
          return 1;
        }
        if (code === 'invalid') {
          console.error(`samhandling import osm: ${file} is not a readable OpenStreetMap file (PBF or XML)`);
          return 1;
        }
        throw error;
      }
      console.log(`Imported road network ${imported.id}; building its graph …`);
      deps.jobs.start();
      await deps.jobs.idle();
      await deps.jobs.stop();
      const job = await deps.jobs.get(imported.jobId);
      if (job?.status === 'done') {
        const r = job.result as { nodes?: number; edges?: number } | null;
        console.log(`Built: ${r?.nodes ?? '?'} junctions, ${r?.edges ?? '?'} edges.`);
        return 0;
      }
      if (job?.status === 'running' || job?.status === 'queued') {
        console.log('The build was taken by a running server instance; see the space\'s analysis page.');
        return 0;
      }
      console.error(`samhandling import osm: the build ${job?.status ?? 'vanished'}${job?.error ? `: ${job.error}` : ''}`);
      return 1;
    } finally {
      await handle.close();
    }
  },
};

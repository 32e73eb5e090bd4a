import { loadConfig, prepareDatabase } from '@samhandling/server';
import type { Command } from '../main.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Bring the database schema up to date and load reference geography',
  help: `Usage: samhandling migrate

Runs every pending migration against DATABASE_URL (or the embedded database in DATA_DIR) and
loads the counties and municipalities if they are missing. Safe to run while other instances
start: migrations take a lock.`,
  async run() {
    const { handle } = await prepareDatabase(loadConfig());
    await handle.close();
    console.log('Database is up to date.');
    return 0;
  },
};

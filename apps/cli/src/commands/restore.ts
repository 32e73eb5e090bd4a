import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BackupInvalidError, loadConfig, restoreFromFile, RestoreRefusedError } from '@samhandling/server';
import type { Command } from '../main.ts';

const help = `Usage: samhandling restore FILE

Restores a backup made by "samhandling backup" into an empty database: on the embedded database a
DATA_DIR without data (a new directory), on PostgreSQL a new database (createdb) in DATABASE_URL.
It refuses a database that holds data, and a DATA_DIR whose uploads/ or networks/ hold files.

Every part of FILE is checked against the SHA-256 in its manifest before anything is written. The
schema is brought to the backup's migration level, the rows are loaded in one transaction, the
files are written under DATA_DIR, and then the schema is migrated to this version's level. A backup
from the embedded database restores into PostgreSQL and the other way round.

If a restore stops half-way, remove what it wrote (the new DATA_DIR or database) and run it again.`;

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup into an empty database and DATA_DIR',
  help,
  async run(args) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const file = positionals[0];
    if (!file || positionals.length > 1) {
      console.error(`samhandling restore: give one FILE\n\n${help}`);
      return 2;
    }
    if (!existsSync(file)) {
      console.error(`samhandling restore: no such file: ${file}`);
      return 1;
    }
    const started = Date.now();
    try {
      const { manifest, result, migrated } = await restoreFromFile(loadConfig(), file);
      console.log(
        `Restored the backup of ${manifest.createdAt} (version ${manifest.version}, ${manifest.database}): ` +
          `${result.rows} rows in ${result.tables} tables, ${result.files} files, in ${((Date.now() - started) / 1000).toFixed(1)} s.` +
          (migrated.length ? `\nMigrated to this version: ${migrated.join(', ')}.` : ''),
      );
      return 0;
    } catch (error) {
      if (error instanceof RestoreRefusedError || error instanceof BackupInvalidError) {
        console.error(`samhandling restore: ${error.message}. Nothing was changed.`);
        return 1;
      }
      throw error;
    }
  },
};

import { parseArgs } from 'node:util';
import { BackupError, BackupInvalidError, backupToFile, loadConfig } from '@samhandling/server';
import type { Command } from '../main.ts';

const help = `Usage: samhandling backup --out FILE

Writes a backup of everything Samhandling keeps to FILE (a .tar.gz that \`tar xzf\` opens): every row
of every table, read in one consistent snapshot, the files under DATA_DIR/uploads and
DATA_DIR/networks, the session key (DATA_DIR/session-secret) and manifest.json with the version,
the schema's migration level, row counts and a SHA-256 checksum of every part.

It runs while the server runs. On PostgreSQL (DATABASE_URL) it reads the database directly; the
server goes on answering meanwhile. On the embedded database (DATA_DIR/db) the running server
writes the backup over its socket DATA_DIR/backup.sock (other requests wait while the rows are
read: a few seconds for 40,000 rows); with no server running it reads the directory itself.

FILE holds password hashes and the session key: keep it where only administrators can read it.
FILE is written as FILE.partial, checked against its manifest, then renamed.

--out FILE   where to write the backup (required)

Restore with "samhandling restore FILE".`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up the database and DATA_DIR\'s files to one file (runs while the server runs)',
  help,
  async run(args) {
    const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
    if (!values.out || positionals.length) {
      console.error(`samhandling backup: give --out FILE\n\n${help}`);
      return 2;
    }
    const started = Date.now();
    let summary;
    try {
      summary = await backupToFile(loadConfig(), values.out);
    } catch (error) {
      if (error instanceof BackupError || error instanceof BackupInvalidError) {
        console.error(`samhandling backup: ${error.message}`);
        return 1;
      }
      throw error;
    }
    const { manifest, bytes, via } = summary;
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Backup written to ${values.out}: ${rows} rows in ${manifest.tables.length} tables, ${manifest.files.length} files, ` +
        `${(bytes / 1024 / 1024).toFixed(1)} MB, schema ${manifest.migrations.at(-1) ?? '(none)'}` +
        `${via === 'server' ? ', written by the running server' : ''}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  },
};

import { constants, createWriteStream, existsSync } from 'node:fs';
import { access, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { ensureGeography } from '../../modules/geography/reference-data.ts';
import { VERSION } from '../../version.ts';
import { openDatabase } from '../database.ts';
import { DirectoryLockedError } from '../lock.ts';
import { analyzeDatabase } from '../maintenance.ts';
import { migrateToLatest } from '../migrate.ts';
import { verifyBackup, writeBackup, type BackupManifest } from './archive.ts';
import { backupSocketPath, NoServerError, requestBackup } from './control-socket.ts';
import { restoreBackup, type RestoreResult } from './restore.ts';

/** A backup that cannot be made, for a reason the operator can act on. */
export class BackupError extends Error {}

export interface BackupSummary {
  manifest: BackupManifest;
  bytes: number;
  /** How the rows were read: straight from the database, or by the server running on the PGlite directory. */
  via: 'database' | 'server';
}

/**
 * `samhandling backup --out FILE`: writes FILE.partial (readable by its owner only), reads it back
 * against its manifest, then renames it to FILE, so FILE is always a whole, checked backup.
 * PostgreSQL: read straight from the server in one snapshot, whatever runs meanwhile.
 * PGlite: by the running server over its backup socket, or, with no server running, directly.
 */
export async function backupToFile(config: Config, out: string): Promise<BackupSummary> {
  const partial = `${out}.partial`;
  try {
    await access(path.dirname(path.resolve(out)), constants.W_OK);
  } catch {
    throw new BackupError(`cannot write to ${path.dirname(path.resolve(out))}`);
  }
  let via: BackupSummary['via'] = 'database';
  try {
    const write = async () => {
      if (!config.databaseUrl && existsSync(backupSocketPath(config.dataDir))) {
        const output = createWriteStream(partial, { mode: 0o600 });
        try {
          await requestBackup(config.dataDir, output);
          via = 'server';
          return;
        } catch (error) {
          output.destroy();
          if (!(error instanceof NoServerError)) throw error;
        }
      }
      if (!config.databaseUrl && !existsSync(path.join(config.dataDir, 'db'))) throw new BackupError(`there is no database in ${config.dataDir} (DATA_DIR)`);
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await writeBackup({ db: handle.db, kind: handle.kind, dataDir: config.dataDir, version: VERSION }, createWriteStream(partial, { mode: 0o600 }));
      } finally {
        await handle.close();
      }
    };
    try {
      await write();
    } catch (error) {
      if (error instanceof DirectoryLockedError)
        throw new BackupError(`${error.message}\nThat process does not answer on ${backupSocketPath(config.dataDir)}; stop it, or upgrade it to a version that takes backups while running.`);
      throw error;
    }
    const manifest = await verifyBackup(partial);
    const { size } = await stat(partial);
    await rename(partial, out);
    return { manifest, bytes: size, via };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/**
 * `samhandling restore FILE`: checks the whole file against its manifest first, then restores into
 * an empty database (PGlite: a DATA_DIR without data; PostgreSQL: a new database) and brings the
 * schema up to this version's level.
 */
export async function restoreFromFile(config: Config, file: string): Promise<{ manifest: BackupManifest; result: RestoreResult; migrated: string[] }> {
  const manifest = await verifyBackup(file);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await restoreBackup({ db: handle.db, dataDir: config.dataDir, file, manifest });
    const migrated = await migrateToLatest(handle.db);
    await ensureGeography(handle.db);
    // The restored rows need statistics of their own (a server's autovacuum sees to it; PGlite has none).
    if (handle.kind === 'pglite') await analyzeDatabase(handle.db);
    return { manifest, result, migrated };
  } finally {
    await handle.close();
  }
}

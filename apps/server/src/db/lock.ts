import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

export class DirectoryLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holderPid: number,
  ) {
    super(
      `The database directory is in use by another Samhandling process (pid ${holderPid}). ` +
        `Stop that process first, or point DATA_DIR elsewhere. Lock file: ${lockFile}`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite must have one writer per directory. The lock file holds the holder's pid; a lock
 * left by a dead process is taken over.
 */
export function acquireDirectoryLock(lockFile: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(lockFile, 'utf8').trim(), 10);
      if (Number.isFinite(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DirectoryLockedError(lockFile, holder);
      }
      try {
        unlinkSync(lockFile); // stale: its holder is gone
      } catch {
        /* another process took it over first; try again */
      }
    }
  }
  throw new Error(`Could not take the lock ${lockFile}`);
}

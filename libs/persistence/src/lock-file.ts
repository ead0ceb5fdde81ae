import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

// PGlite does not stop two processes from opening one data directory (which corrupts it), so the
// first process takes a lock file holding its pid. A lock left by a crashed process is taken over.
export const acquireDirectoryLock = (directory: string): (() => void) => {
  mkdirSync(directory, { recursive: true });
  const path = join(directory, '.pardev.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(`${directory} is in use by process ${holder}; stop it first`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${directory}`);
};

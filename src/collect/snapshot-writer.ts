import {createHash} from 'node:crypto'
import {mkdir, open, readdir, readFile, rename, rm, symlink, unlink, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {CollectUsageError} from './errors.js'
import {MANIFEST_FILE, type SnapshotManifest} from './manifest.js'

export const LATEST = 'latest'
const LOCK = '.collect.lock'
const PARTIAL = '.partial-'

/** `20261121T021500Z`: sorts by time, no characters a file system dislikes. */
export function snapshotName(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
}

async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** One run per output folder; a lock left by a killed run is taken over. */
async function acquireLock(outDir: string): Promise<string> {
  const lock = join(outDir, LOCK)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, `${process.pid}\n`, {flag: 'wx'})
      return lock
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
      if (pid > 0 && alive(pid)) {
        throw new CollectUsageError(
          `another collect run (pid ${pid}) is writing to ${outDir}`,
          'wait for it to finish; schedule runs with a lock (see docs/collect.md)',
        )
      }
      await unlink(lock).catch(() => undefined)
    }
  }
  throw new CollectUsageError(`cannot lock ${outDir}`, `remove ${lock} if no collect run is active`)
}

/**
 * Builds a snapshot in `DIR/.partial-<name>-<pid>/`, then renames it to `DIR/<name>/` and moves
 * `DIR/latest`: a run killed at any point leaves the previous snapshot and `latest` as they were,
 * and a partial folder never has a manifest.
 */
export class SnapshotWriter {
  private committed = false

  private constructor(
    readonly outDir: string,
    readonly name: string,
    private readonly partialDir: string,
    private readonly lock: string,
  ) {}

  static async open(outDir: string, startedAt: Date): Promise<SnapshotWriter> {
    await mkdir(outDir, {recursive: true})
    const lock = await acquireLock(outDir)
    try {
      const entries = await readdir(outDir)
      // We hold the lock, so any partial folder is a leftover of a killed run.
      for (const entry of entries.filter((e) => e.startsWith(PARTIAL))) {
        await rm(join(outDir, entry), {recursive: true, force: true})
      }
      let name = snapshotName(startedAt)
      for (let n = 2; entries.includes(name); n++) name = `${snapshotName(startedAt)}-${n}`
      const partialDir = join(outDir, `${PARTIAL}${name}-${process.pid}`)
      // Configurations carry password hashes and communities: owner and group only.
      await mkdir(partialDir, {mode: 0o750})
      return new SnapshotWriter(outDir, name, partialDir, lock)
    } catch (error) {
      await unlink(lock).catch(() => undefined)
      throw error
    }
  }

  get finalDir(): string {
    return join(this.outDir, this.name)
  }

  /** Writes one device file (durably) and returns what the manifest records about it. */
  async writeDeviceFile(relative: string, data: Buffer): Promise<{bytes: number; sha256: string}> {
    const path = join(this.partialDir, relative)
    await mkdir(dirname(path), {recursive: true, mode: 0o750})
    const handle = await open(path, 'w', 0o640)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return {bytes: data.length, sha256: createHash('sha256').update(data).digest('hex')}
  }

  /** Manifest last, rename into place, then (when asked) repoint `latest`. Returns the snapshot folder. */
  async commit(manifest: SnapshotManifest, moveLatest: boolean): Promise<string> {
    await this.writeDeviceFile(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`))
    await syncPath(this.partialDir)
    await rename(this.partialDir, this.finalDir)
    await syncPath(this.outDir)
    this.committed = true
    if (moveLatest) {
      const temporary = join(this.outDir, `.latest-${process.pid}`)
      await rm(temporary, {force: true})
      await symlink(this.name, temporary)
      // rename(2) replaces the old link in one step: readers see the old or the new snapshot.
      await rename(temporary, join(this.outDir, LATEST))
      await syncPath(this.outDir)
    }
    return this.finalDir
  }

  /** Releases the lock; an uncommitted partial folder is removed. */
  async close(): Promise<void> {
    if (!this.committed) await rm(this.partialDir, {recursive: true, force: true})
    await unlink(this.lock).catch(() => undefined)
  }
}

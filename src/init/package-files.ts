import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** A file shipped with the package: two folders up from both src/init and dist/init. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url))
}

/**
 * How a file in `dir` should reference a package file for yaml-language-server: a relative path
 * (portable when the package is installed under the project), else a file URL (another drive).
 */
export function referenceFrom(dir: string, target: string): string {
  const rel = path.relative(dir, target)
  return path.isAbsolute(rel) ? pathToFileURL(target).href : rel.split(path.sep).join('/')
}

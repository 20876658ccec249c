import {stat} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../errors/input-error.js'

const HINT = 'BEFORE and AFTER are each an inventory file or a folder holding inventory.yaml'

/** BEFORE/AFTER → the inventory file: the argument itself, or `inventory.yaml` inside a folder. */
export async function snapshotInventory(arg: string): Promise<string> {
  const kind = await kindOf(arg)
  if (kind === 'file') return arg
  if (kind === 'missing') throw new InputError([{file: arg, line: 1, col: 1, message: 'no such file or folder', hint: HINT}])
  const inventory = path.join(arg, 'inventory.yaml')
  if ((await kindOf(inventory)) !== 'file') throw new InputError([{file: arg, line: 1, col: 1, message: 'folder holds no inventory.yaml', hint: HINT}])
  return inventory
}

async function kindOf(p: string): Promise<'file' | 'dir' | 'missing'> {
  try {
    return (await stat(p)).isDirectory() ? 'dir' : 'file'
  } catch {
    return 'missing'
  }
}

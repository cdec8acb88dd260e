/**
 * A temporary file that a report writes its parts to while files are linted, for a format
 * whose first bytes depend on every file (SARIF lists the rules that occur before the
 * results): the run holds the parts on disk, not in memory, and prints them at the end.
 */
import {closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {StringDecoder} from 'node:string_decoder'

const open = new Set<Spool>()
process.once('exit', () => {
  for (const spool of open) spool.close()
})

export class Spool {
  private readonly folder: string | undefined
  private readonly fd: number
  /**
   * The parts in memory, when no temporary file could be made (a read-only or full temp
   * folder): the report is still printed, at the cost of holding it.
   */
  private readonly memory: Buffer[] | undefined
  /** Bytes written so far. */
  size = 0

  constructor() {
    let folder: string | undefined
    let fd = -1
    try {
      folder = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-report-'))
      fd = openSync(path.join(folder, 'spool'), 'w+')
    } catch {
      if (folder) rmSync(folder, {recursive: true, force: true})
      folder = undefined
    }
    this.folder = folder
    this.fd = fd
    this.memory = folder ? undefined : []
    open.add(this)
  }

  /** Append text. */
  append(text: string): void {
    const bytes = Buffer.from(text, 'utf8')
    if (this.memory) this.memory.push(bytes)
    else for (let written = 0; written < bytes.length; ) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written)
    this.size += bytes.length
  }

  /** All the text written, in pieces of about `size` bytes. */
  *chunks(size = 1 << 16): Generator<string> {
    const decoder = new StringDecoder('utf8')
    if (this.memory) {
      const bytes = this.inMemory()
      for (let at = 0; at < bytes.length; at += size) yield decoder.write(bytes.subarray(at, at + size))
      const rest = decoder.end()
      if (rest) yield rest
      return
    }
    const bytes = Buffer.allocUnsafe(size)
    for (let at = 0; at < this.size; ) {
      const count = readSync(this.fd, bytes, 0, Math.min(size, this.size - at), at)
      if (count === 0) break
      at += count
      yield decoder.write(bytes.subarray(0, count))
    }
    const rest = decoder.end()
    if (rest) yield rest
  }

  /** Delete the file. */
  close(): void {
    if (!open.delete(this) || !this.folder) return
    closeSync(this.fd)
    rmSync(this.folder, {recursive: true, force: true})
  }

  /** The in-memory parts as one buffer. */
  private inMemory(): Buffer {
    return Buffer.concat(this.memory!)
  }
}

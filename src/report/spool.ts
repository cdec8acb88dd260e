/**
 * A temporary file that a report writes its parts to while files are linted, for the two
 * formats whose first bytes depend on every file (stylish pads its columns to the widest cell
 * of the whole run and sorts files its own way; SARIF lists the rules that occur before the
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
  private readonly folder: string
  private readonly fd: number
  /** Bytes written so far. */
  size = 0

  constructor() {
    this.folder = mkdtempSync(path.join(os.tmpdir(), 'attribution-lint-report-'))
    this.fd = openSync(path.join(this.folder, 'spool'), 'w+')
    open.add(this)
  }

  /** Append text; returns where its bytes are. */
  append(text: string): {start: number; end: number} {
    const bytes = Buffer.from(text, 'utf8')
    const start = this.size
    let written = 0
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, start + written)
    this.size += bytes.length
    return {start, end: this.size}
  }

  /** The text between two offsets that `append` gave. */
  read(start: number, end: number): string {
    const bytes = Buffer.allocUnsafe(end - start)
    let done = 0
    while (done < bytes.length) {
      const count = readSync(this.fd, bytes, done, bytes.length - done, start + done)
      if (count === 0) break
      done += count
    }
    return bytes.toString('utf8', 0, done)
  }

  /** All the text written, in pieces of about `size` bytes. */
  *chunks(size = 1 << 16): Generator<string> {
    const decoder = new StringDecoder('utf8')
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
    if (!open.delete(this)) return
    closeSync(this.fd)
    rmSync(this.folder, {recursive: true, force: true})
  }
}

/** Print text in pieces of about `size` characters, not one string of the whole report. */
export class Chunker {
  private parts: string[] = []
  private length = 0

  constructor(
    private readonly write: (text: string) => Promise<void>,
    private readonly size = 1 << 16
  ) {}

  async push(text: string): Promise<void> {
    this.parts.push(text)
    this.length += text.length
    if (this.length >= this.size) await this.flush()
  }

  async flush(): Promise<void> {
    if (!this.length) return
    const text = this.parts.join('')
    this.parts = []
    this.length = 0
    await this.write(text)
  }
}

/**
 * `partialFingerprints.primaryLocationLineHash` of a SARIF result, computed as GitHub's
 * upload action (github/codeql-action, src/fingerprints.ts) computes it when a log has none.
 * Code scanning matches an alert across runs by it; a log uploaded through the REST API, not
 * the action, gets no fingerprints added, and without them every upload after a line moved
 * would open the alerts again as new ones.
 *
 * The hash of line N is a rolling polynomial hash (base 37, modulo 2^64) of the 100
 * characters from the start of line N on, not counting spaces and tabs, with CR, LF and CRLF
 * all read as one LF, and the end of the file as the character 65535 followed by NULs. It is
 * printed in hexadecimal, then `:` and how many lines before it (counting it) had the same
 * hash, so that two identical lines differ. Characters are UTF-16 code units, as JavaScript
 * reads the file; a file is hashed as read (a byte-order mark counts).
 */

const TAB = 9
const SPACE = 32
const LF = 10
const CR = 13
const EOF = 65535
const BLOCK_SIZE = 100
const MOD = 37
const TWO_32 = 2 ** 32
// 37^100 modulo 2^64, as two 32-bit halves: what the oldest character of the window weighs
// when it leaves it. The hash is kept as two halves too: Numbers are exact to 2^53, BigInts slow.
const FIRST_MOD = (37n ** BigInt(BLOCK_SIZE)) & ((1n << 64n) - 1n)
const FIRST_HIGH = Number(FIRST_MOD >> 32n)
const FIRST_LOW = Number(FIRST_MOD & 0xffffffffn)

/**
 * The line hashes of `text` for the lines in `wanted` (1-based), as a map from line to hash.
 * Stops reading once every wanted line is hashed.
 */
export function lineHashes(text: string, wanted: Iterable<number>): Map<number, string> {
  const want = new Set(wanted)
  const found = new Map<number, string>()
  if (!want.size) return found
  const window = new Array<number>(BLOCK_SIZE).fill(0)
  const lineNumbers = new Array<number>(BLOCK_SIZE).fill(-1)
  const counts = new Map<string, number>()
  let high = 0
  let low = 0
  let index = 0
  let lineNumber = 0
  let lineStart = true
  let previousCR = false

  const output = () => {
    const value = high ? high.toString(16) + low.toString(16).padStart(8, '0') : low.toString(16)
    const count = (counts.get(value) ?? 0) + 1
    counts.set(value, count)
    const line = lineNumbers[index]
    if (want.has(line)) found.set(line, `${value}:${count}`)
    lineNumbers[index] = -1
  }
  const update = (current: number) => {
    const begin = window[index]
    window[index] = current
    // hash = 37 × hash + current − 37^100 × begin, modulo 2^64.
    let lowPart = low * MOD + current
    let highPart = high * MOD + Math.floor(lowPart / TWO_32)
    lowPart %= TWO_32
    const subtractLow = FIRST_LOW * begin
    const subtractHigh = FIRST_HIGH * begin + Math.floor(subtractLow / TWO_32)
    lowPart -= subtractLow % TWO_32
    if (lowPart < 0) {
      lowPart += TWO_32
      highPart -= 1
    }
    highPart = (highPart - subtractHigh) % TWO_32
    low = lowPart
    high = highPart < 0 ? highPart + TWO_32 : highPart
    index = (index + 1) % BLOCK_SIZE
  }
  const character = (code: number) => {
    if (code === SPACE || code === TAB || (previousCR && code === LF)) {
      previousCR = false
      return
    }
    if (code === CR) {
      code = LF
      previousCR = true
    } else {
      previousCR = false
    }
    if (lineNumbers[index] !== -1) output()
    if (lineStart) {
      lineStart = false
      lineNumber++
      lineNumbers[index] = lineNumber
    }
    if (code === LF) lineStart = true
    update(code)
  }

  for (let i = 0; i < text.length; i++) {
    character(text.charCodeAt(i))
    if (found.size === want.size) return found
  }
  character(EOF)
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) output()
    update(0)
  }
  return found
}

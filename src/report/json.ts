/**
 * The lean JSON report, for machines: one array on stdout, one entry per file, no syntax
 * trees, no fixes, always the same keys (null when a value is missing).
 *
 *     [{"path": "a.md", "messages": [{"ruleId": "anonymous-source", "source": "attribution-lint",
 *       "reason": "…", "line": 3, "column": 1, "endLine": 3, "endColumn": 40,
 *       "severity": "warning", "actual": "…", "url": "https://…"}]}]
 */
import type {VFile} from 'vfile'
import type {Reporter} from './index.js'
import {type Message, type ReporterOptions, severity, visibleFiles, visibleMessages} from './messages.js'

export interface JsonMessage {
  ruleId: string | null
  source: string | null
  reason: string
  line: number | null
  column: number | null
  endLine: number | null
  endColumn: number | null
  severity: 'error' | 'warning' | 'info'
  actual: string | null
  url: string | null
}

export interface JsonFile {
  path: string
  messages: JsonMessage[]
}

function end(message: Message): {line: number | null; column: number | null} {
  const place = message.place
  if (place && 'end' in place && place.end) return {line: place.end.line ?? null, column: place.end.column ?? null}
  return {line: null, column: null}
}

export function jsonMessage(message: Message): JsonMessage {
  const {line: endLine, column: endColumn} = end(message)
  return {
    ruleId: message.ruleId ?? null,
    source: message.source ?? null,
    reason: message.reason,
    line: message.line ?? null,
    column: message.column ?? null,
    endLine,
    endColumn,
    severity: severity(message),
    actual: message.actual ?? null,
    url: message.url ?? null
  }
}

function jsonFile(file: VFile, options: Pick<ReporterOptions, 'silent'>): JsonFile {
  return {path: file.path ?? '<stdin>', messages: visibleMessages(file, options).map(jsonMessage)}
}

export function jsonReport(files: readonly VFile[], options: Pick<ReporterOptions, 'quiet' | 'silent'>): JsonFile[] {
  return visibleFiles(files, options).map((file) => jsonFile(file, options))
}

export const json: Reporter = {
  name: 'json',
  description: 'a lean JSON array [{path, messages}] on stdout',
  stream: 'stdout',
  format(files, options) {
    return JSON.stringify(jsonReport(files, options)) + '\n'
  },
  // The array, an entry at a time: `JSON.stringify` of the whole array, byte for byte.
  open(options) {
    let first = true
    return {
      file(file) {
        if (!visibleFiles([file], options).length) return ''
        const text = (first ? '[' : ',') + JSON.stringify(jsonFile(file, options))
        first = false
        return text
      },
      async end(write) {
        await write((first ? '[' : '') + ']\n')
      }
    }
  }
}

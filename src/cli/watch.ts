/**
 * --watch: lint, then watch the given files, folders and globs with chokidar (as unified-args
 * does) and lint each changed or added article again. Ctrl-C (SIGINT) or SIGTERM closes the
 * watcher and exits with 0.
 *
 * chokidar ≥ 4 does not expand globs, so a glob is watched from its static base folder and a
 * changed file is linted if it has a markdown extension (the runner, src/cli/find.ts, then applies
 * `.attributionignore` as usual).
 */
import path from 'node:path'
import {watch as chokidarWatch} from 'chokidar'
import type {Writable} from 'node:stream'
import type {CliOptions} from './args.js'
import {isGlob} from './find.js'

interface WatchSettings {
  options: CliOptions
  io: {cwd: string; stderr: Writable}
}

/** The folder a glob starts from: its segments before the first with a pattern in it. */
export function globBase(glob: string): string {
  const segments = glob.split('/')
  const base: string[] = []
  for (const segment of segments) {
    if (isGlob(segment)) break
    base.push(segment)
  }
  return base.join('/') || '.'
}

export function watch(args: readonly string[], {options, io}: WatchSettings, run: (files: string[]) => Promise<number>): Promise<number> {
  const extensions = new Set(options.extensions.map((extension) => '.' + extension))
  const named = new Set(args.filter((arg) => !isGlob(arg)).map((arg) => path.resolve(io.cwd, arg)))
  const targets = [...new Set(args.map((arg) => (isGlob(arg) ? globBase(arg) : arg)))]
  const watcher = chokidarWatch(targets, {
    cwd: io.cwd,
    ignoreInitial: true,
    ignored: (file, stats) => {
      const base = path.basename(file)
      if (base === 'node_modules' || base === '.git') return true
      return Boolean(stats?.isFile()) && !extensions.has(path.extname(file)) && !named.has(path.resolve(io.cwd, file))
    }
  })

  const queue = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()
  const schedule = (file: string) => {
    queue.add(file)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = [...queue].sort()
      queue.clear()
      running = running.then(() => run(files)).catch((error: unknown) => {
        io.stderr.write(`attribution-lint: ${(error as Error).message}\n`)
      })
    }, 50)
  }
  watcher.on('add', schedule)
  watcher.on('change', schedule)

  return new Promise((resolve) => {
    watcher.on('ready', () => {
      io.stderr.write('Watching… (press Ctrl-C to exit)\n')
    })
    watcher.on('error', (error) => {
      io.stderr.write(`attribution-lint: watch error: ${(error as Error).message}\n`)
    })
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      clearTimeout(timer)
      io.stderr.write('\n')
      void running.finally(() => watcher.close()).then(() => resolve(0), () => resolve(0))
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

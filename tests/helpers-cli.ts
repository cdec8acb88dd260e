/** Run the built CLI as a user would: `node dist/src/cli/bin.js …` in a folder, with stdin closed. */
import {spawnSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const BIN = fileURLToPath(new URL('../../dist/src/cli/bin.js', import.meta.url))

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export function runCli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd, encoding: 'utf8', input: '', env: {...process.env, NO_COLOR: '1', ...env}})
  return {code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr}
}

export function git(args: string[], cwd: string): string {
  const result = spawnSync('git', args, {cwd, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1'}})
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}

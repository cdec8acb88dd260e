/** The default report, for people: vfile-reporter's stylish output, as remark-cli prints it. */
import {reporter as vfileReporter} from 'vfile-reporter'
import type {Reporter} from './index.js'

export const stylish: Reporter = {
  name: 'stylish',
  description: 'a report for people (vfile-reporter), on stderr',
  stream: 'stderr',
  format(files, options) {
    if (!files.length) return ''
    const text = vfileReporter([...files], {color: options.color, quiet: options.quiet, silent: options.silent, verbose: options.verbose})
    return text ? (text.endsWith('\n') ? text : text + '\n') : ''
  }
}

// Preloaded (`node -r`) into each benchmarked process: on exit, write its peak RSS (KiB) and
// CPU time (user + system, µs, all threads) to the file BENCH_USAGE_FILE names.
const fs = require('node:fs')
const target = process.env.BENCH_USAGE_FILE
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    fs.writeFileSync(target, JSON.stringify({maxRss: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime}))
  })
}

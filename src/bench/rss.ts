/**
 * Preloaded into a measured run (`node --import`): at exit, writes the process's peak RSS and CPU
 * time to the file named by NEARDUP_BENCH_USAGE. Worker threads share the process, so they count.
 */
import { writeFileSync } from 'node:fs'

const target = process.env['NEARDUP_BENCH_USAGE']
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(target, JSON.stringify({ maxRssKB: usage.maxRSS, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000 }))
  })
}

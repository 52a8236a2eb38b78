// The registry this project is built against serves only this platform's builds of packages such
// as @rollup/rollup-* and @esbuild/*, so `npm install` cannot write lock entries for the other
// platforms' optional builds, and `npm ci` then refuses the lock as out of sync. This adds the
// entries npm would have written (os/cpu/libc from the package name, no tarball), so `npm ci`
// validates and skips them as it does on any foreign platform. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs'

const LOCK = 'package-lock.json'
const lock = JSON.parse(readFileSync(LOCK, 'utf8'))
const packages = lock.packages
const OSES = ['aix', 'android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'sunos', 'win32', 'openharmony', 'cygwin']

function platformOf(name) {
  const base = name.split('/').pop()
  const parts = base.split('-')
  const osIndex = parts.findIndex((part) => OSES.includes(part))
  if (osIndex < 0) return null
  const os = parts[osIndex]
  const rest = parts.slice(osIndex + 1)
  const cpu = rest[0] === 'universal' ? undefined : rest[0]
  const libc = rest.includes('musl') ? 'musl' : rest.includes('gnu') || rest.includes('gnueabihf') ? 'glibc' : undefined
  return { os, cpu, libc }
}

let added = 0
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parent = path === '' ? '' : `${path}/`
    if (packages[`${parent}node_modules/${name}`] || packages[`node_modules/${name}`]) continue
    const platform = platformOf(name)
    if (!platform) continue
    packages[`node_modules/${name}`] = {
      version,
      ...(platform.cpu ? { cpu: [platform.cpu] } : {}),
      ...(entry.dev ? { dev: true } : {}),
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      optional: true,
      os: [platform.os],
    }
    added++
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)))
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`lock-platform-stubs: added ${added} entries`)

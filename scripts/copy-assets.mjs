// Copies non-TypeScript assets (the report schema, HTML assets) next to the compiled code.
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const ASSET = /\.(?:json|css|html|js)$/
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) walk(path)
    else if (ASSET.test(name) && !name.endsWith('.d.ts')) {
      const target = join('dist', relative('src', path))
      mkdirSync(dirname(target), { recursive: true })
      cpSync(path, target)
    }
  }
}
if (existsSync('src')) walk('src')

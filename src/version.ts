import { createRequire } from 'node:module'

// Read once from package.json so `--version` and report.json never disagree with the package.
const require = createRequire(import.meta.url)
export const VERSION: string = (require('../package.json') as { version: string }).version

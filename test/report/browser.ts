/** Headless Chromium for the HTML report's browser tests: Debian's chromium, driven by playwright-core. */
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ROOT } from '../helpers/index.js'

export const CHROMIUM = '/usr/bin/chromium'
export const OUTPUT = join(ROOT, 'test-output')
export const SCREENSHOTS = join(OUTPUT, 'screenshots')

/** Generous: the machine has two shared cores. */
export const BROWSER_TIMEOUT = 120_000

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`)
  }
  await mkdir(SCREENSHOTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: BROWSER_TIMEOUT,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export function fileUrl(path: string, hash = ''): string {
  return `${pathToFileURL(path).href}${hash}`
}

/** Opens a report page and waits until the client script has drawn the first view. */
export async function openReport(page: Page, path: string, hash = ''): Promise<void> {
  page.setDefaultTimeout(BROWSER_TIMEOUT)
  await page.goto(fileUrl(path, hash), { timeout: BROWSER_TIMEOUT })
  await page.waitForSelector('body[data-ready="true"]', { state: 'attached' })
}

/** Moves to a view by its fragment (as a link would) and waits until it is drawn. */
export async function show(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    location.hash = target
  }, hash)
  await page.waitForFunction((target) => document.body.dataset['rendered'] === new URL(target, location.href).hash, hash)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

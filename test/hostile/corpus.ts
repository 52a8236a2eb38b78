/**
 * The hostile corpus, generated on the fly (nothing large is committed): every kind of dirty input
 * the cleaner must survive, each with the outcome the tests expect.
 */
import { execFileSync } from 'node:child_process'
import { random as uniform } from '../../src/bench/corpus.js'
import { chmod, mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const WORDS = (
  'council library harbour budget winter market school river bridge station mayor teacher farmer ' +
  'nurse driver museum garden factory village county court judge police doctor season festival ' +
  'record storm flood summer election vote tax rent price wage train ferry airport road tunnel ' +
  'hospital clinic park stadium club coach player match league final theatre concert singer'
).split(' ')

/** A seeded 32-bit generator (the bench's mulberry32): whole numbers from 0 to 2^32 - 1, the same for the same seed. */
export function random(seed: number): () => number {
  const next = uniform(seed)
  return () => next() * 4294967296 // exact: the generator divides a 32-bit integer by 2^32
}

/**
 * Story paragraphs: each call gives another sentence of `length` words from a seeded generator, so
 * no two documents of the corpus are near-duplicates and no junk rule takes one for a footer.
 */
export function storyMaker(seed = 1, length = 30): () => string {
  const next = random(seed)
  // No fixed frame around the words: a frame shared by many documents is a template, i.e. junk.
  return () => {
    const words = Array.from({ length }, () => WORDS[next() % WORDS.length]!)
    return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`
  }
}

export interface Expectation {
  /** Document id in report.json. */
  readonly id: string
  readonly status: 'kept' | 'duplicate' | 'empty' | 'skipped'
  /** A warning or reason the report must carry (regex source), if any. */
  readonly says?: RegExp
  /** Text the cleaned output must contain, if any. */
  readonly contains?: string
}

export interface HostileCorpus {
  readonly files: string
  readonly jsonl: string
  readonly expected: readonly Expectation[]
  /** Inputs that are not documents at all (missing paths): diagnostics only. */
  readonly missing: string
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8')

/** Whether this process can make a file unreadable (root reads everything). */
export const CAN_DENY_READ = typeof process.getuid === 'function' && process.getuid() !== 0

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
export const CAN_MKFIFO = hasMkfifo()

export async function writeHostileCorpus(dir: string): Promise<HostileCorpus> {
  const files = join(dir, 'files')
  await mkdir(join(files, 'sub'), { recursive: true })
  const expected: Expectation[] = []
  const story = storyMaker()
  const file = async (name: string, bytes: Buffer | string, expectation: Omit<Expectation, 'id'>): Promise<void> => {
    await writeFile(join(files, name), bytes)
    expected.push({ id: name, ...expectation })
  }

  await file('latin1.txt', Buffer.concat([utf8('Tickets cost '), Buffer.from([0xa3]), utf8('100 at the door, said the caf'), Buffer.from([0xe9]), utf8(' owner, who has run the place for thirty years.\n')]), {
    status: 'kept',
    says: /Windows-1252/,
    contains: 'Tickets cost £100 at the door, said the café owner',
  })
  await file('broken-utf8.txt', Buffer.concat([utf8(`Café — ${story()}\nA second paragraph with one broken byte here: `), Buffer.from([0xff]), utf8(' and then more text.\n')]), {
    status: 'kept',
    says: /1 invalid UTF-8 byte replaced/,
    contains: 'broken byte here: \ufffd and then',
  })
  await file('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), { status: 'skipped', says: /binary file \(PNG image\)/ })
  await file('random.md', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), { status: 'skipped', says: /binary file/ })
  // A name from the data with a line break and a bidi override: its error must still be one line.
  await file('two\nlines\u202e.txt', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), { status: 'skipped', says: /binary file \(gzip archive\)/ })
  await file('empty.txt', '', { status: 'empty' })
  await file('whitespace.txt', '   \n\t\n \r\n\u00a0\n', { status: 'empty' })
  const crlf = story()
  await file('crlf.txt', `Headline in CRLF\r\n${crlf}\r\n\r\nLast line.\r\n`, { status: 'kept', contains: `Headline in CRLF\n${crlf}\nLast line.\n` })
  const cr = story()
  await file('cr.txt', `Headline in old Mac CR\r${cr}\rLast line.\r`, { status: 'kept', contains: `Headline in old Mac CR\n${cr}\nLast line.\n` })
  await file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(`Headline after a BOM\n${story()}\n`)]), { status: 'kept', contains: 'Headline after a BOM\n' })
  await file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`UTF-16 headline\n${story()}\n`, 'utf16le')]), { status: 'kept', says: /UTF-16LE/, contains: 'UTF-16 headline\n' })
  await file('nul.txt', `Headline with a NUL\u0000 inside\n${story()}\n`, { status: 'kept', says: /1 NUL character removed/, contains: 'Headline with a NUL inside\n' })
  await file('invisible.txt', `Zero\u200bwidth and \u202ebidi\u202c controls stay in the text\n${story()}\n`, { status: 'kept', contains: 'Zero\u200bwidth and \u202ebidi\u202c controls' })
  await file('sub/emoji-cjk.md', `东京の天気 🌧️ 今日は雨です。\n${story()} 👍🏽\n`, { status: 'kept', contains: '东京の天気 🌧️ 今日は雨です。\n' })
  // Listed by the directory walk, gone when read: a dangling link is that race, made deterministic.
  await symlink(join(files, 'deleted-before-read.txt'), join(files, 'vanished.txt'))
  expected.push({ id: 'vanished.txt', status: 'skipped', says: /vanished before it could be read \(ENOENT\)/ })
  await symlink('loop.txt', join(files, 'loop.txt'))
  expected.push({ id: 'loop.txt', status: 'skipped', says: /too many levels of symbolic links \(ELOOP\)/ })
  if (CAN_MKFIFO) {
    execFileSync('mkfifo', [join(files, 'pipe.txt')])
    expected.push({ id: 'pipe.txt', status: 'skipped', says: /not a regular file \(a FIFO\)/ })
  }
  if (CAN_DENY_READ) {
    await file('secret.txt', `${story()}\n`, { status: 'skipped', says: /permission denied \(EACCES\)/ })
    await chmod(join(files, 'secret.txt'), 0o000)
  }

  const jsonl = join(dir, 'records.jsonl')
  const record = (value: unknown): string => JSON.stringify(value)
  const lines: Array<string | Buffer> = []
  const add = (line: string | Buffer, expectation?: Omit<Expectation, 'id'> & { id?: string }): void => {
    lines.push(line)
    if (expectation) expected.push({ id: expectation.id ?? `${jsonl}:${lines.length}`, ...expectation })
  }
  const first = story()
  add(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(record({ id: 'first-after-bom', text: `${first}\n` }))]), { id: 'first-after-bom', status: 'kept', contains: first })
  add('{"id": "broken", "text": "unterminated', { status: 'skipped', says: /malformed JSON/ })
  add(record({ id: 'no-text', body: 'the text is elsewhere' }), { id: 'no-text', status: 'skipped', says: /record has no "text" field/ })
  add(record({ id: 'number-text', text: 42 }), { id: 'number-text', status: 'skipped', says: /"text" is number, not a string/ })
  add(record({ id: 'null-text', text: null }), { id: 'null-text', status: 'skipped', says: /"text" is null, not a string/ })
  add(record(['an', 'array']), { status: 'skipped', says: /not a JSON object/ })
  add(record({ id: { nested: true }, text: `Odd id.\n${story()}\n` }), { status: 'kept', says: /"id" is an object; named/ })
  add(record({ id: 'empty-text', text: '' }), { id: 'empty-text', status: 'empty' })
  add(record({ id: 'spaces-text', text: ' \n \t \n' }), { id: 'spaces-text', status: 'empty' })
  // Three records with one id and different texts: none overwrites another.
  add(record({ id: 'dup', text: `Copy C. ${story()}\n` }), { id: 'dup~3', status: 'kept', says: /id "dup" is used by 3 documents/, contains: 'Copy C.' })
  add(record({ id: 'dup', text: `Copy A. A different story about the harbour, which flooded twice this winter and closed the fish market.\n` }), { id: 'dup', status: 'kept', contains: 'Copy A.' })
  add(record({ id: 'dup', text: `Copy B. Yet another story, on the school board's budget, which was cut by a tenth after a long night.\n` }), { id: 'dup~2', status: 'kept', says: /renamed "dup~2"/, contains: 'Copy B.' })
  // Ids that would escape the output folder.
  add(record({ id: '../../etc/passwd', text: `Escape attempt one.\n${story()} One.\n` }), { id: '../../etc/passwd', status: 'kept' })
  add(record({ id: '/tmp/absolute-escape', text: `Escape attempt two.\n${story()} Two.\n` }), { id: '/tmp/absolute-escape', status: 'kept' })
  add(record({ id: 'CON', text: `A Windows device name.\n${story()} Three.\n` }), { id: 'CON', status: 'kept' })
  add(record({ id: 'n'.repeat(300), text: `A very long id.\n${story()} Four.\n` }), { id: 'n'.repeat(300), status: 'kept' })
  add(record({ id: 'é'.repeat(200), text: `A long id in two-byte letters.\n${story()} Five.\n` }), { id: 'é'.repeat(200), status: 'kept' })
  add(record({ id: 'evil\u202etxt.exe', text: `A bidi override in the id.\n${story()} Six.\n` }), { id: 'evil\u202etxt.exe', status: 'kept' })
  add(record({ id: 'nul-in-text', text: `Before\u0000after.\n${story()} Seven.\n` }), { id: 'nul-in-text', status: 'kept', says: /1 NUL character removed/, contains: 'Beforeafter.' })
  add(Buffer.concat([utf8('{"id": "bad-byte", "text": "A broken '), Buffer.from([0xc3]), utf8(` byte.\\n${story()} Eight.\\n"}\r`)]), { id: 'bad-byte', status: 'kept', says: /1 invalid UTF-8 byte replaced/, contains: 'A broken \ufffd byte.' })
  add(record({ id: '😀 emoji id', text: `表情符号 😀\n${story()} Nine.\n` }), { id: '😀 emoji id', status: 'kept', contains: '表情符号 😀' })
  add('', undefined)
  add('{"id": "truncated-at-end", "text": "the file ends in the mid', { status: 'skipped', says: /malformed JSON/ })
  await writeFile(jsonl, Buffer.concat(lines.map((line, i) => Buffer.concat([typeof line === 'string' ? utf8(line) : line, utf8(i < lines.length - 1 ? '\n' : '')]))))

  return { files, jsonl, expected, missing: join(dir, 'not-there.txt') }
}

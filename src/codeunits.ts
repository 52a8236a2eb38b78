/**
 * Whether a UTF-16 code unit is in a class of characters, answered by one table read. ASCII is
 * filled up front; a unit above it is tested with the class's pattern once, when first met, so a
 * text full of curly quotes asks the pattern once per kind of character, not once per character.
 * The classes used this way (letters and digits, whitespace) are asked of single code units: a
 * character outside the Basic Multilingual Plane falls in neither.
 */
export class CodeUnitClass {
  /** 1: in the class; 2: not; 0: not asked yet. */
  private readonly kinds = new Uint8Array(0x10000)

  constructor(
    private readonly pattern: RegExp,
    ascii: (code: number) => boolean,
  ) {
    for (let code = 0; code < 128; code++) this.kinds[code] = ascii(code) ? 1 : 2
  }

  has(code: number): boolean {
    const kind = this.kinds[code]!
    return kind === 0 ? this.classify(code) : kind === 1
  }

  private classify(code: number): boolean {
    const yes = this.pattern.test(String.fromCharCode(code))
    this.kinds[code] = yes ? 1 : 2
    return yes
  }
}

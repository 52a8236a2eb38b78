/** A UTF-16 code unit never takes more than three UTF-8 bytes (a surrogate pair, two units, takes four). */
export function maxUtf8Bytes(codeUnits: number): number {
  return codeUnits * 3
}

/**
 * The only ways document text enters the page. Everything from report.json is data, never markup:
 * HTML-escaped where it becomes text or an attribute, JSON-escaped where it is embedded for the client.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!)
}

/**
 * JSON that can sit inside `<script type="application/json">`: `<`, `>` and `&` become `\u003c` etc.,
 * so neither `</script>` nor `<!--` in a document can end or bend the element, and U+2028/2029 are
 * escaped so the text also stays valid if someone pastes it into JavaScript. JSON.parse reads it back unchanged.
 */
export function embedJson(value: unknown): string {
  return embedJsonText(JSON.stringify(value))
}

const EMBED_ESCAPED_ALL = /[<>&\u2028\u2029]/g
const EMBED_ESCAPED = /[<>&\u2028\u2029]/

/** `embedJson` of a value already stringified (compactly): a document's report.json line serves the page too. */
export function embedJsonText(json: string): string {
  return json.replace(EMBED_ESCAPED_ALL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Whether `embedJsonText(json)` is `json` itself (most lines: their bytes can then be reused as they are). */
export function embedsUnchanged(json: string): boolean {
  return !EMBED_ESCAPED.test(json)
}

/** A fragment link to a view of the page (`#doc=ID`): the id is percent-encoded, so it can never become a scheme. */
export function viewLink(view: 'doc' | 'cluster', id: string): string {
  return `#${view}=${encodeURIComponent(id)}`
}

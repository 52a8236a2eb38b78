/** The HTML report: one self-contained page rendered from report.json data. */
export { renderHtml, renderHtmlChunks, pageFrameChunks } from './render.js'
export { embedJson, escapeHtml } from './escape.js'
export { loadReport, ReportFileError } from './load.js'

/**
 * The one set of types that flows between the pipeline's stages (types only, no code).
 *
 * Units are written on every field: line numbers are 1-based as an editor shows them,
 * paragraph indexes are 0-based positions in `Document.paragraphs`, similarities are 0..1.
 */

/** 1-based line number in the input, as an editor shows it. */
export type LineNumber = number

/** What a caller hands to `clean()`: one document's id and raw text. */
export interface DocumentInput {
  /** Stable id: a path relative to the input directory, a JSONL id field, or `file:line`. */
  readonly id: string
  /** Decoded text, exactly as read (a leading BOM is removed by `segment/`). */
  readonly text: string
  /** Where it came from, for messages; `line` only for JSONL records. */
  readonly source?: Source
  /** Problems met while reading that did not stop the document (e.g. invalid UTF-8 replaced). */
  readonly warnings?: readonly string[]
  /** Set when the input could not be used at all (binary file, malformed record): the reason. */
  readonly skipped?: string
}

export interface Source {
  /** File path as given on the command line (or `-` for stdin). */
  readonly file: string
  /** 1-based line of a JSONL record. */
  readonly line?: LineNumber
}

/**
 * A document on its way through the pipeline.
 * `text` never changes; stages fill `paragraphs` and append to `decisions` (as vfile appends to `messages`).
 */
export interface Document {
  readonly id: string
  readonly source: Source
  /** Decoded input, exactly as read (BOM removed). */
  readonly text: string
  /** Number of input lines (a final line end does not start another line). */
  lineCount: number
  /** Set by `segment/`, in input order. */
  paragraphs: Paragraph[]
  /** Appended to by every stage, never rewritten. Stats are computed from these. */
  readonly decisions: Decision[]
  /** Reading problems that did not stop the document. */
  readonly warnings: string[]
  /** The reason, when the input could not be used at all. */
  readonly skipped?: string
}

/**
 * Random access to the corpus after the per-document stages, for corpus-level stages that keep only
 * a compact summary per document resident and load the rest when they need it: an array in memory
 * for small corpora, the spool on disk for large runs (bounded memory).
 */
export interface DocumentSource {
  /** Positions run from 0 to size - 1, in the order the stage was given its summaries. */
  readonly size: number
  /** The document at a position, with every decision made so far. Callers must not mutate it. */
  load(position: number): Document
}

/** One paragraph: one input line, or several when `segment/rejoin.ts` joined a hard wrap. */
export interface Paragraph {
  /** 0-based position in `document.paragraphs`. */
  readonly index: number
  /** Input lines it came from, 1-based, inclusive. */
  readonly lines: { readonly start: LineNumber; readonly end: LineNumber }
  /** Output text: the input's own characters; rejoined lines joined with one space. */
  readonly text: string
  /** Matching key only (see `segment/normalize.ts`). Never written out. */
  readonly key: string
}

/**
 * Why something was removed or folded: pure data (publint's code + args); `report/explain.ts` words it.
 * `kind:rule` is the stable id, e.g. `boilerplate:related-links`, `repeat:run`.
 */
export type Decision = ParagraphDecision | DocumentDecision

export type ParagraphDecision = BoilerplateDecision | RepeatDecision

export interface BoilerplateDecision {
  readonly kind: 'boilerplate'
  /** Stable kebab-case rule id, e.g. `related-links`, `caption`, `byline`. */
  readonly rule: string
  /** 0-based paragraph index; its lines are the decision's place. */
  readonly paragraph: number
  readonly evidence: BoilerplateEvidence
}

export interface RepeatDecision {
  readonly kind: 'repeat'
  readonly rule: RepeatRule
  /** 0-based paragraph index of the later copy (the one removed). */
  readonly paragraph: number
  readonly evidence: RepeatEvidence
}

export type RepeatRule = 'exact' | 'near-exact' | 'run' | 'rewrapped'

export type DocumentDecision =
  | { readonly kind: 'duplicate'; readonly rule: 'near-duplicate'; readonly evidence: DuplicateEvidence }
  | { readonly kind: 'empty'; readonly rule: 'empty-input' | 'nothing-left'; readonly evidence: EmptyEvidence }

export type Zone = 'top' | 'bottom' | 'anywhere'

/** What was measured, and against what (vfile-message's `actual`/`expected`). */
export type BoilerplateEvidence =
  /**
   * A rule of `boilerplate/rules.ts` (or a `--rules` file) matched: what its pattern matched (for a
   * rejoined paragraph removed line by line, on its first line) and the zone it may fire in. The
   * pattern itself is in the report's `rules`, once.
   */
  | { readonly by: 'pattern'; readonly match: string; readonly zone: Zone }
  /** The paragraph is a related-links header, or a headline in the run under one: the header's first line and text. */
  | { readonly by: 'block'; readonly header: LineNumber; readonly headerText: string }
  /**
   * The line recurs across the corpus: in `documents` documents that tell `stories` different
   * stories (copies of one story count once; `atLeast` when counting stopped at a cap, so there
   * are at least that many); `minStories` is the threshold it met.
   */
  | {
      readonly by: 'corpus'
      readonly documents: number
      readonly stories: number
      readonly atLeast: boolean
      readonly minStories: number
      /** For `corpus-template`: the line with names (`X`) and numbers (`#`) masked, as it recurs. */
      readonly template?: string
    }
  /**
   * jusText-like line features (`boilerplate/score.ts`) scored at least `threshold`. `features`
   * holds 1/0 flags (url, email, handle, readerAddress, callToAction, serviceWord, prose, quote),
   * `separators` (link separators, counted up to 2), `words` and `stopwordDensity` (0..1).
   */
  | {
      readonly by: 'score'
      readonly score: number
      readonly threshold: number
      readonly features: Readonly<Record<string, number>>
    }

/** Points at the first copy, like remark-lint's `cause` and esbuild's `notes`. */
export interface RepeatEvidence {
  /** First input line of the first copy. */
  readonly of: LineNumber
  /** Similarity of the normalised texts, 0..1 (1 for exact). */
  readonly similarity: number
}

export interface DuplicateEvidence {
  readonly cluster: string
  readonly canonical: string
  /** Verified on shingle sets, 0..1. */
  readonly jaccard: number
  /** |this ∩ canonical| / |this|, 0..1: catches abridged copies. */
  readonly containment: number
}

/** The decision `neardup/` appends to every non-canonical member of a cluster. */
export type DuplicateDecision = Extract<DocumentDecision, { readonly kind: 'duplicate' }>

/**
 * What near-duplicate search keeps resident per document (253 bytes at the defaults, sketch included,
 * when kept in a `ClusterSummaryTable`): computed in a worker by `summarizeForClusters()`, decided on by
 * `findClusters()`, which reads a document's shingle set from the spool only when it must.
 */
export interface ClusterSummary {
  /** Shingles in the cleaned text, repeats included: how complete the text is (the canonical policy's measure). */
  readonly length: number
  /** Word shingles, or character shingles for scripts written without spaces: only like pairs are compared. */
  readonly mode: 'word' | 'char'
  /** Distinct shingles: the size of the set verification compares (0: nothing to compare, never a duplicate). */
  readonly distinct: number
  /** 32-bit hash of the distinct shingle set: documents with one are exact-copy candidates (confirmed on the sets). */
  readonly setHash: number
  /** One 32-bit LSH key per band of the MinHash signature (the signature itself is not kept). */
  readonly bandKeys: Uint32Array
  /**
   * The low byte of each MinHash value (numPerm bytes, b-bit MinHash): estimates a candidate pair's
   * Jaccard before its shingle sets are read (neardup/prefilter.ts). Without one, every candidate pair is verified.
   */
  readonly sketch?: Uint8Array
}

export interface EmptyEvidence {
  /** Paragraphs before cleaning. */
  readonly paragraphs: number
}

/** A group of near-duplicate documents with one canonical. */
export interface Cluster {
  readonly id: string
  readonly canonical: string
  /** Canonical first, then by id; scores are against the canonical, never chained. */
  readonly members: ReadonlyArray<ClusterMember>
}

export interface ClusterMember {
  readonly id: string
  /** Jaccard of word shingles with the canonical, 0..1 (1 for the canonical itself). */
  readonly jaccard: number
  /** Share of this member's shingles found in the canonical, 0..1. */
  readonly containment: number
}

/**
 * What the shared-passage search keeps of one document (`summarizeForPassages`): per kept paragraph
 * long enough to be a passage, in order, its place, size and winnowing anchors. Typed arrays only,
 * so it crosses `postMessage` and a spool file cheaply; paragraph k's anchors are
 * `anchors.subarray(offsets[k], offsets[k + 1])`.
 */
export interface PassageSummary {
  /** Index in `document.paragraphs`. */
  readonly paragraphs: Uint32Array
  /** First input line, 1-based. */
  readonly lines: Uint32Array
  readonly words: Uint32Array
  /** Sorted, distinct per paragraph. */
  readonly anchors: Uint32Array
  /** One more than there are paragraphs. */
  readonly offsets: Uint32Array
}

/** Text that recurs across clusters (quotes): reported, not removed. */
export interface SharedPassage {
  readonly text: string
  readonly occurrences: ReadonlyArray<{ readonly document: string; readonly line: LineNumber }>
}

/** A problem with the input that the report must carry (a skipped record, a decode warning). */
export interface Diagnostic {
  readonly severity: 'error' | 'warning'
  /** Stable code, e.g. `malformed-json`, `invalid-utf8`, `not-found`. */
  readonly code: string
  readonly file: string
  readonly line?: LineNumber
  readonly message: string
}

export type DocumentStatus = 'kept' | 'duplicate' | 'empty' | 'skipped'

/** What `clean()` hands back for each document (the report has the full story). */
export interface CleanedDocument {
  readonly id: string
  readonly status: DocumentStatus
  /** Cleaned text: kept paragraphs one per line, each `\n`-terminated; '' when nothing is left. */
  readonly text: string
  readonly duplicateOf: string | null
  readonly cluster: string | null
}

/** report.json: the contract `score.py`, the HTML report and users' scripts read. Schema: `src/report/report.schema.json`. */
export interface Report {
  readonly tool: 'neardup'
  readonly version: string
  readonly options: Readonly<Record<string, unknown>>
  readonly stats: ReportStats
  /** Sorted by id. Every input document appears here, whatever happened to it. */
  readonly documents: readonly ReportDocument[]
  readonly clusters: readonly Cluster[]
  readonly sharedPassages: readonly SharedPassage[]
  readonly diagnostics: readonly Diagnostic[]
  /** The boilerplate rules in force, once: what each removal's `rule` id means (a linter's rule meta). */
  readonly rules: readonly RuleInfo[]
}

/** A boilerplate rule in force for a run, as the report lists it. */
export interface RuleInfo {
  readonly id: string
  readonly description: string
  /** Pattern rules only: where they may fire, their regular expression, the longest paragraph (in words) they remove. */
  readonly zone?: Zone
  readonly pattern?: string
  readonly flags?: string
  readonly maxWords?: number
}

export interface ReportDocument {
  readonly id: string
  readonly source: Source
  readonly status: DocumentStatus
  readonly duplicateOf: string | null
  readonly cluster: string | null
  /** Cleaned text (for duplicates too). */
  readonly text: string
  /** The input text exactly as read (BOM removed), so a reader (the HTML report) can show every line. */
  readonly original?: string
  /** Input lines (a final line end starts no new line). */
  readonly lines: number
  /** Kept-or-removed paragraphs that span several input lines (rejoined hard wraps). */
  readonly joined: ReadonlyArray<{ readonly line: LineNumber; readonly endLine: LineNumber }>
  /** Removed paragraphs, in line order; evidence fields are flattened into each entry. */
  readonly removed: readonly RemovedLine[]
  /** Why the whole document is not kept as is (duplicate / empty / skipped), in words. */
  readonly reason: string | null
  readonly warnings: readonly string[]
}

export interface RemovedLine {
  /** First input line of the removed paragraph. */
  readonly line: LineNumber
  /** Last input line, when a rejoined paragraph spans several lines. */
  readonly endLine?: LineNumber
  readonly kind: 'boilerplate' | 'repeat'
  /** Stable rule id within its kind. */
  readonly rule: string
  /** The removed paragraph's text. */
  readonly text: string
  /** The decision in words (`report/explain.ts`). */
  readonly reason: string
  /** Evidence fields: `by`, `pattern`, `zone`, `header`, `stories`, `of`, `similarity`, … */
  readonly [evidence: string]: unknown
}

export interface ReportStats {
  readonly documents: {
    readonly in: number
    readonly kept: number
    readonly duplicate: number
    readonly empty: number
    readonly skipped: number
  }
  readonly lines: {
    /** Non-blank input lines. */
    readonly in: number
    /** Non-blank input lines of kept paragraphs. */
    readonly kept: number
    readonly removed: { readonly boilerplate: number; readonly repeat: number }
    /** Removed lines by `kind:rule`. */
    readonly byRule: Readonly<Record<string, number>>
    /** Input lines folded into the paragraph above (rejoined hard wraps). */
    readonly joined: number
  }
  readonly bytes: {
    /** UTF-8 bytes of all input texts. */
    readonly in: number
    /** UTF-8 bytes of the cleaned texts of kept documents. */
    readonly out: number
  }
  readonly clusters: { readonly count: number; readonly documents: number; readonly largest: number }
  /** Milliseconds per stage; the only part of the report that varies between identical runs. */
  readonly timings: Readonly<Record<string, number>>
}

/**
 * The public API, curated: what a user imports from 'neardup'. Stage internals are deliberately
 * not exported; they change without notice.
 */
export { clean, cleanCorpus } from './pipeline.js'
export type { CleanContext, CleanResult, DocumentSink, PipelineResult, SummarizedCorpus } from './pipeline.js'
export type { RenderOutput, RenderedDocument, DocumentMeta } from './parallel/index.js'
export { readDocuments, readInputs, isJsonlLine, DEFAULT_GLOB } from './read/index.js'
export type { ReadOptions, InputItem, JsonlLine } from './read/index.js'
export { writeOutputs } from './write/index.js'
export type { WriteOptions, WrittenFiles } from './write/index.js'
export { cleanToFiles } from './write/stream.js'
export type { StreamOptions, StreamResult, DocumentNotice } from './write/stream.js'
export { writeShard, shardWriter, mergeShards, writeMergeReport, dropList, ShardFile, ShardError, SHARD_FORMAT, SHARD_VERSION } from './shard/index.js'
export type { ShardWritten, ShardHeader, ShardRecord, ShardSettings, PlacedRecord, MergeReport, MergedDuplicate } from './shard/index.js'
export { explain } from './report/explain.js'
export { RULES } from './boilerplate/index.js'
export type { BoilerplateRule } from './boilerplate/index.js'
export { DEFAULT_OPTIONS, resolveOptions, OptionsError } from './options.js'
export type {
  CleanOptions,
  CleanOptionsInput,
  CanonicalPolicy,
  InputOptions,
  SegmentOptions,
  BoilerplateOptions,
  RepeatOptions,
  NeardupOptions,
  RuleSpec,
} from './options.js'
export { VERSION } from './version.js'
export type * from './types.js'

/**
 * Shards: a corpus split over machines is cleaned and signed part by part (`clean --shard`), and
 * the parts' signatures clustered once (`merge`). Format in format.ts and the README ("Shards").
 */
export { SHARD_FORMAT, SHARD_VERSION, ShardError, shardSettings, type ShardHeader, type ShardRecord, type ShardSettings } from './format.js'
export { writeShard, shardWriter, shardPathProblem, type ShardWritten } from './write.js'
export { ShardFile, type PlacedRecord } from './read.js'
export { mergeShards, type MergeReport, type MergedDuplicate } from './merge.js'
export { writeMergeReport, dropList, MERGE_REPORT_FILE, DROP_LIST_FILE } from './report.js'

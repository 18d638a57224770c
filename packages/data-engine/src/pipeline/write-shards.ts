import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBatch, rowsFromBatch, sampleSchema, tableFromIpcBytes, tableToIpcBytes, writeIpcFile, type SampleRow } from '@mixed-r1/records';
import type { Progress } from './progress';

/** The final order: each kept sample's position in the output (0, 1, ...), by id. */
export interface OutputOrder {
  readonly positionOf: ReadonlyMap<string, number>;
  readonly shardSize: number;
}

export interface WrittenShard {
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface ShardWriting {
  readonly spillFiles: readonly string[];
  readonly order: OutputOrder;
  readonly outDir: string;
  /** A scratch folder for the routed rows; emptied afterwards. */
  readonly workDir: string;
  readonly progress: (label: string, total: number) => Progress;
}

/** The file name of output shard `index`. */
export function shardFileName(index: number): string {
  return `shard-${String(index).padStart(5, '0')}.arrow`;
}

/**
 * Writes the kept samples in their output order as `shard-00000.arrow`, ... of `shardSize` rows,
 * holding at most one spill file and one output shard in memory: first every spilled row goes to
 * its output shard's bucket file (length-prefixed Arrow IPC streams), then each bucket is sorted
 * into its shard.
 */
export function writeOutputShards(writing: ShardWriting): WrittenShard[] {
  const { order, outDir, workDir } = writing;
  const shardCount = Math.ceil(order.positionOf.size / order.shardSize);
  mkdirSync(workDir, { recursive: true });
  const bucketPath = (shard: number) => join(workDir, `bucket-${String(shard).padStart(5, '0')}.bin`);
  routeToBuckets(writing, bucketPath);
  const shards: WrittenShard[] = [];
  const progress = writing.progress('writing shards', order.positionOf.size);
  for (let shard = 0; shard < shardCount; shard++) {
    const rows = readBucket(bucketPath(shard));
    rows.sort((a, b) => positionOf(order, a) - positionOf(order, b));
    const file = join(outDir, shardFileName(shard));
    writeIpcFile(file, buildBatch(sampleSchema, rows));
    rmSync(bucketPath(shard));
    const bytes = readFileSync(file);
    shards.push({ file: shardFileName(shard), rows: rows.length, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    progress.tick(rows.length);
  }
  progress.finish();
  return shards;
}

function routeToBuckets(writing: ShardWriting, bucketPath: (shard: number) => string): void {
  const { order } = writing;
  const progress = writing.progress('routing rows', writing.spillFiles.length);
  for (const spillFile of writing.spillFiles) {
    const rows = rowsFromBatch(sampleSchema, tableFromIpcBytes(readFileSync(spillFile), sampleSchema, spillFile));
    const byShard = new Map<number, SampleRow[]>();
    for (const row of rows) {
      const position = order.positionOf.get(row.id);
      if (position === undefined) continue; // not kept: its rejection is recorded already
      const shard = Math.floor(position / order.shardSize);
      const group = byShard.get(shard);
      if (group) group.push(row);
      else byShard.set(shard, [row]);
    }
    for (const [shard, group] of byShard) appendFrame(bucketPath(shard), tableToIpcBytes(buildBatch(sampleSchema, group), 'stream'));
    rmSync(spillFile);
    progress.tick();
  }
  progress.finish();
}

function appendFrame(path: string, bytes: Uint8Array): void {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(bytes.length);
  appendFileSync(path, Buffer.concat([length, bytes]));
}

function readBucket(path: string): SampleRow[] {
  const buffer = readFileSync(path);
  const rows: SampleRow[] = [];
  for (let at = 0; at < buffer.length; ) {
    const length = buffer.readUInt32LE(at);
    const frame = buffer.subarray(at + 4, at + 4 + length);
    rows.push(...rowsFromBatch(sampleSchema, tableFromIpcBytes(frame, sampleSchema, path)));
    at += 4 + length;
  }
  return rows;
}

function positionOf(order: OutputOrder, row: SampleRow): number {
  const position = order.positionOf.get(row.id);
  if (position === undefined) throw new Error(`sample "${row.id}" was routed to an output shard but has no output position`);
  return position;
}

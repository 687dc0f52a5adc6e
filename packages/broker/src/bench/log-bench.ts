/**
 * log-bench measures the partition log's append and read throughput for 1 KiB records in 16 KiB
 * and 1 MiB batches, with and without an fsync per append, next to raw `fs` writes and reads of
 * the same bytes in the same run. Run with `npm run bench:log`.
 *
 * Method: every case appends 1 MiB per call (64 batches of 16 KiB, or one 1 MiB batch) until
 * its byte budget is spent; "fsync" cases flush after every append, which with one writer is one
 * fsync per append for the log and for raw fs alike. Reads then fetch the data back sequentially
 * with 1 MiB fetches (from the page cache, for both). Each case runs an untimed warm-up round,
 * then three rounds, raw and log alternating, and reports the median. A last line measures the
 * CRC-32C check alone over the same bytes: the leader's one unavoidable extra pass (decision 1),
 * which the log overlaps with the write. Files live in a temporary directory removed at the end.
 */
import { open, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeBatches, verifyChecksums } from "../log/append-validation.js";
import { PartitionLog } from "../log/partition-log.js";
import { appendUnit, encodeBatchOfSize } from "./bench-batches.js";

const MIB = 1024 * 1024;
const APPEND_BYTES = MIB;
const FETCH_BYTES = MIB;
const ROUNDS = 3;
const WARM_UP_BYTES = 64 * MIB;

interface Case {
  readonly name: string;
  readonly batchBytes: number;
  readonly fsync: boolean;
  readonly totalBytes: number;
}

const CASES: readonly Case[] = [
  { name: "16 KiB batches", batchBytes: 16 * 1024, fsync: false, totalBytes: 512 * MIB },
  { name: "1 MiB batches", batchBytes: MIB, fsync: false, totalBytes: 512 * MIB },
  { name: "16 KiB batches + fsync", batchBytes: 16 * 1024, fsync: true, totalBytes: 128 * MIB },
  { name: "1 MiB batches + fsync", batchBytes: MIB, fsync: true, totalBytes: 128 * MIB },
];

/** Throughput is one round's result in MB/s (10^6 bytes per second, as disks are quoted). */
interface Throughput {
  readonly writeMBps: number;
  readonly readMBps: number;
}

function mbps(bytes: number, startNs: bigint): number {
  const seconds = Number(process.hrtime.bigint() - startNs) / 1e9;
  return bytes / 1e6 / seconds;
}

/** rawRound writes `unit` repeatedly with positioned writes (and fsyncs), then reads it back in fetch-sized reads. */
async function rawRound(path: string, unit: Buffer, c: Case): Promise<Throughput> {
  const handle = await open(path, "w+");
  const appends = Math.floor(c.totalBytes / unit.length);
  let start = process.hrtime.bigint();
  for (let i = 0; i < appends; i++) {
    await handle.write(unit, 0, unit.length, i * unit.length);
    if (c.fsync) await handle.sync();
  }
  const writeMBps = mbps(appends * unit.length, start);
  start = process.hrtime.bigint();
  let read = 0;
  for (let position = 0; position < appends * unit.length; position += FETCH_BYTES) {
    const buffer = Buffer.allocUnsafe(FETCH_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, FETCH_BYTES, position);
    read += bytesRead;
  }
  const readMBps = mbps(read, start);
  await handle.close();
  await rm(path, { force: true });
  return { writeMBps, readMBps };
}

/** logRound appends `unit` as leader (flushing after each append for fsync cases), then reads the log back. */
async function logRound(directory: string, unit: Buffer, c: Case): Promise<Throughput> {
  const log = await PartitionLog.open({ directory, config: { batchBytesMax: 2 * MIB } });
  const appends = Math.floor(c.totalBytes / unit.length);
  let start = process.hrtime.bigint();
  for (let i = 0; i < appends; i++) {
    await log.appendAsLeader(unit, 1);
    if (c.fsync) await log.flush();
  }
  const writeMBps = mbps(appends * unit.length, start);
  start = process.hrtime.bigint();
  let read = 0;
  for (let offset = 0n; offset < log.logEndOffset; ) {
    const result = await log.read(offset, FETCH_BYTES);
    read += result.bytes.length;
    offset = result.nextOffset;
  }
  const readMBps = mbps(read, start);
  if (read !== appends * unit.length) throw new Error(`read ${read} bytes back, wrote ${appends * unit.length}`);
  await log.close();
  await rm(directory, { recursive: true, force: true });
  return { writeMBps, readMBps };
}

/** checksumMBps times the leader's CRC check of one append's bytes, repeated over 512 MiB. */
function checksumMBps(unit: Buffer): number {
  const batches = analyzeBatches(unit, "leader", { batchBytesMax: 2 * MIB, segmentBytesMax: 1024 * MIB });
  const repeats = Math.ceil((512 * MIB) / unit.length);
  for (let i = 0; i < 32; i++) verifyChecksums(unit, batches);
  const start = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) verifyChecksums(unit, batches);
  return mbps(repeats * unit.length, start);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

async function main(): Promise<void> {
  const root = await mkdtemp(join(tmpdir(), "tributary-log-bench-"));
  const started = Date.now();
  const lines = [
    row(["case", "raw fs MB/s", "log MB/s", "log / raw"]),
    row(["---", "---:", "---:", "---:"]),
  ];
  try {
    for (const c of CASES) {
      const batch = await encodeBatchOfSize(c.batchBytes);
      const unit = appendUnit(batch, APPEND_BYTES);
      const raw: Throughput[] = [];
      const log: Throughput[] = [];
      const warmUp = { ...c, totalBytes: WARM_UP_BYTES };
      await rawRound(join(root, "raw-warm-up"), unit, warmUp);
      await logRound(join(root, "log-warm-up"), unit, warmUp);
      for (let round = 0; round < ROUNDS; round++) {
        raw.push(await rawRound(join(root, `raw-${round}`), unit, c));
        log.push(await logRound(join(root, `log-${round}`), unit, c));
      }
      const kinds = c.fsync ? (["writeMBps"] as const) : (["writeMBps", "readMBps"] as const);
      for (const kind of kinds) {
        const rawMBps = median(raw.map((r) => r[kind]));
        const logMBps = median(log.map((r) => r[kind]));
        const verb = kind === "writeMBps" ? "append" : "read";
        const label = `${verb} ${c.name} (${batch.length} B, ${unit.length / batch.length}/append)`;
        lines.push(row([label, rawMBps.toFixed(0), logMBps.toFixed(0), `${((100 * logMBps) / rawMBps).toFixed(0)}%`]));
        console.error(lines.at(-1));
      }
    }
    lines.push("", row(["CRC-32C check alone, same bytes", "", "MB/s", ""]), row(["---", "", "---:", ""]));
    for (const batchBytes of [16 * 1024, MIB]) {
      const unit = appendUnit(await encodeBatchOfSize(batchBytes), APPEND_BYTES);
      lines.push(row([`${batchBytes === MIB ? "1 MiB" : "16 KiB"} batches`, "", checksumMBps(unit).toFixed(0), ""]));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  console.log(lines.join("\n"));
  console.log(`\n${ROUNDS} rounds per case, median; ${((Date.now() - started) / 1000).toFixed(0)} s total; node ${process.version}`);
}

await main();

import { CliError, UsageError } from "../cli-errors.js";
import type { ResetSpec } from "./groups-args.js";

/**
 * parseDurationMs reads an ISO 8601 duration of days, hours, minutes and seconds (PnDTnHnMnS),
 * as kafka-consumer-groups' --by-duration takes.
 */
export function parseDurationMs(raw: string): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(raw);
  if (match === null || raw === "P" || raw.endsWith("T")) throw new UsageError(`--by-duration must be an ISO 8601 duration such as PT1H or P1DT12H, not "${raw}"`);
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  return Math.round(((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 + Number(seconds) * 1000);
}

/** PartitionPosition is what a reset needs to know about one partition. */
export interface PartitionPosition {
  readonly topic: string;
  readonly partition: number;
  /** earliest is the log start offset. */
  readonly earliest: bigint;
  /** latest is the high watermark, the end a consumer reads to. */
  readonly latest: bigint;
  /** committed is the group's committed offset, null when none. */
  readonly committed: bigint | null;
  /** atTimestamp is the first offset at or after the spec's time (timestamp specs only). */
  readonly atTimestamp?: bigint;
}

/** PlannedOffset is one row of the reset plan: where the group will resume. */
export interface PlannedOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
}

/** ResetPlan is the new offsets, and the warnings about ones moved into range. */
export interface ResetPlan {
  readonly offsets: readonly PlannedOffset[];
  readonly warnings: readonly string[];
}

/**
 * planReset computes each partition's new offset as kafka-consumer-groups does: offsets and
 * shifts outside [earliest, latest] are moved to the nearest end with a warning; --to-current
 * uses the end where nothing is committed; --shift-by needs a committed offset.
 *
 * @throws CliError for a shift of a partition without a committed offset.
 */
export function planReset(spec: ResetSpec, positions: readonly PartitionPosition[]): ResetPlan {
  const warnings: string[] = [];
  const clamp = (position: PartitionPosition, wanted: bigint): bigint => {
    const name = `${position.topic}-${position.partition}`;
    if (wanted < position.earliest) {
      warnings.push(`New offset (${wanted}) is lower than earliest offset for topic partition ${name}. Value will be set to ${position.earliest}`);
      return position.earliest;
    }
    if (wanted > position.latest) {
      warnings.push(`New offset (${wanted}) is higher than latest offset for topic partition ${name}. Value will be set to ${position.latest}`);
      return position.latest;
    }
    return wanted;
  };
  const offsets = positions.map((position): PlannedOffset => {
    const at = (offset: bigint): PlannedOffset => ({ topic: position.topic, partition: position.partition, offset });
    switch (spec.kind) {
      case "earliest":
        return at(position.earliest);
      case "latest":
        return at(position.latest);
      case "current":
        return at(position.committed ?? position.latest);
      case "offset":
        return at(clamp(position, spec.offset));
      case "shift":
        if (position.committed === null) throw new CliError(`Cannot shift offset for partition ${position.topic}-${position.partition} since there is no current committed offset`);
        return at(clamp(position, position.committed + spec.by));
      case "timestamp":
        return at(position.atTimestamp ?? position.latest);
    }
  });
  return { offsets, warnings };
}

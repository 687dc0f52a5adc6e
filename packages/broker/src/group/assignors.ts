import type { PartitionAssignor } from "./partition-assignor.js";
import { RANGE_ASSIGNOR } from "./range-assignor.js";
import { UNIFORM_ASSIGNOR } from "./uniform-assignor.js";

/** DEFAULT_ASSIGNOR is the assignor of a group whose members name none ("uniform", as in Kafka 4). */
export const DEFAULT_ASSIGNOR = UNIFORM_ASSIGNOR;

/** ASSIGNORS are the server-side assignors members may name in `server_assignor`. */
export const ASSIGNORS: ReadonlyMap<string, PartitionAssignor> = new Map([UNIFORM_ASSIGNOR, RANGE_ASSIGNOR].map((assignor) => [assignor.name, assignor]));

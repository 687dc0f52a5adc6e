import type { Cluster } from "../cluster/cluster.js";
import { TributaryAggregateError, type ItemFailure } from "../cluster/aggregate-error.js";
import type { BrokerConnection } from "../connection/broker-connection.js";
import type { ErrorName } from "../errors/error-codes.js";
import { TributaryError } from "../errors/tributary-error.js";
import type { Error__Output as WireError } from "../generated/tributary/v1/Error.js";
import { errorFromWire } from "../wire/wire-errors.js";

/**
 * callAnyBroker runs an RPC any broker can answer (admin calls the broker forwards to the active
 * controller), retrying retriable failures on the next broker. `topLevelError` extracts a
 * response's whole-request error, which is thrown (and retried when retriable).
 */
export function callAnyBroker<Response>(
  cluster: Cluster,
  operation: string,
  call: (connection: BrokerConnection) => Promise<Response>,
  topLevelError?: (response: Response) => WireError | null | undefined,
): Promise<Response> {
  return cluster.retrier.run(
    async ({ attempt }) => {
      const response = await call(cluster.anyConnection(attempt));
      const error = topLevelError === undefined ? null : errorFromWire(topLevelError(response));
      if (error !== null) throw error;
      return response;
    },
    { operation },
  );
}

/** ItemOutcome is a broker's answer for one named item of a multi-item request. */
export interface ItemOutcome<Result> {
  readonly item: string;
  readonly error: TributaryError | null;
  readonly result?: Result;
}

/** PerItemResults are what {@link retryItems} gathered: successes by item name, and failures. */
export interface PerItemResults<Result> {
  readonly results: Map<string, Result>;
  readonly failures: ItemFailure[];
}

/**
 * retryItems runs a multi-item request and re-sends only the items whose error is retriable (by
 * `isRetriable`, the error table's flag unless overridden), so items that already succeeded are
 * not repeated. Failures that are final are returned, not thrown: callers decide which are errors.
 */
export async function retryItems<Item, Result>(
  cluster: Cluster,
  operation: string,
  items: readonly Item[],
  nameOf: (item: Item) => string,
  send: (connection: BrokerConnection, items: readonly Item[]) => Promise<readonly ItemOutcome<Result>[]>,
  isRetriable: (error: TributaryError) => boolean = (error) => error.retriable,
): Promise<PerItemResults<Result>> {
  const results = new Map<string, Result>();
  const failures: ItemFailure[] = [];
  let remaining = items;
  await cluster.retrier.run(
    async ({ attempt }) => {
      if (remaining.length === 0) return;
      const outcomes = await send(cluster.anyConnection(attempt), remaining);
      const byName = new Map(remaining.map((item) => [nameOf(item), item]));
      const retry: Item[] = [];
      let retriable: TributaryError | undefined;
      for (const outcome of outcomes) {
        const item = byName.get(outcome.item);
        if (item === undefined) continue;
        byName.delete(outcome.item);
        if (outcome.error === null) results.set(outcome.item, outcome.result as Result);
        else if (isRetriable(outcome.error)) {
          retriable ??= outcome.error;
          retry.push(item);
        } else failures.push({ item: outcome.item, error: outcome.error });
      }
      for (const [name] of byName) failures.push({ item: name, error: missingAnswer(operation, name) });
      remaining = retry;
      if (retriable !== undefined) throw retriable;
    },
    { operation },
  );
  return { results, failures };
}

/** throwFailures throws the failures (one error, or an aggregate), unless there are none. */
export function throwFailures(operation: string, failures: readonly ItemFailure[]): void {
  if (failures.length > 0) throw TributaryAggregateError.of(operation, failures);
}

/** throwTopLevel throws a response's whole-request error, if it carries one. */
export function throwTopLevel(error: WireError | null | undefined): void {
  const typed = errorFromWire(error);
  if (typed !== null) throw typed;
}

/** COORDINATOR_MOVED are the errors after which a group's coordinator must be looked up again. */
const COORDINATOR_MOVED: ReadonlySet<ErrorName> = new Set(["NOT_COORDINATOR", "COORDINATOR_NOT_AVAILABLE", "NETWORK_EXCEPTION"]);

/**
 * withCoordinator runs a request on `groupId`'s coordinator, finding it with FindCoordinator (cached
 * per group) and finding it again after NOT_COORDINATOR, COORDINATOR_NOT_AVAILABLE or a lost
 * connection. COORDINATOR_LOAD_IN_PROGRESS is retried on the same coordinator.
 */
export function withCoordinator<Result>(cluster: Cluster, groupId: string, operation: string, call: (connection: BrokerConnection) => Promise<Result>): Promise<Result> {
  return cluster.retrier.run(
    async () => {
      const connection = await cluster.coordinatorFor(groupId);
      return call(connection);
    },
    {
      operation: `${operation}(${groupId})`,
      onRetry: (error) => {
        if (COORDINATOR_MOVED.has(error.code)) cluster.invalidateCoordinator(groupId);
      },
    },
  );
}

/** coordinatorError turns a group request's per-item error into a thrown one when it means "ask elsewhere". */
export function throwIfCoordinatorMoved(error: TributaryError | null): void {
  if (error !== null && (COORDINATOR_MOVED.has(error.code) || error.code === "COORDINATOR_LOAD_IN_PROGRESS")) throw error;
}

function missingAnswer(operation: string, item: string): TributaryError {
  return new TributaryError("UNKNOWN_SERVER_ERROR", `the ${operation} response did not mention ${item}`);
}

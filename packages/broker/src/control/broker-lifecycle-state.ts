/**
 * BrokerLifecycleState is where a broker stands with the controller (Kafka's BrokerState, as the
 * BrokerLifecycleManager drives it):
 * - starting: not registered yet;
 * - recovery: registered but fenced, catching up on metadata (and loading its logs);
 * - running: unfenced: it may lead partitions and join ISRs;
 * - pending-controlled-shutdown: asking the controller to move its leaderships away;
 * - shutting-down: done with the controller (shut down, closed, or failed).
 */
export type BrokerLifecycleState = "starting" | "recovery" | "running" | "pending-controlled-shutdown" | "shutting-down";

/**
 * LIFECYCLE_TRANSITIONS lists the states each state may move to. running → recovery happens when
 * the controller fences the broker (its session expired) or it had to register again.
 */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<BrokerLifecycleState, readonly BrokerLifecycleState[]>> = {
  starting: ["recovery", "shutting-down"],
  recovery: ["running", "pending-controlled-shutdown", "shutting-down"],
  running: ["recovery", "pending-controlled-shutdown", "shutting-down"],
  "pending-controlled-shutdown": ["shutting-down"],
  "shutting-down": [],
};

/** canTransition tells whether a broker in state `from` may move to `to`. */
export function canTransition(from: BrokerLifecycleState, to: BrokerLifecycleState): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to);
}

/**
 * PartitionRegistration is a partition's state as the metadata log states it: what the controller
 * committed. A broker acts on it (become leader, become follower, adopt an ISR change) and never
 * invents it.
 */
export interface PartitionRegistration {
  readonly topicId: string;
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
  /** The leader's broker id, or -1 when the partition has none. */
  readonly leader: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
}

/** IsrChangeRequest is a leader's proposal to change its ISR (AlterPartition, KIP-497). */
export interface IsrChangeRequest {
  readonly topicId: string;
  readonly partition: number;
  readonly leaderEpoch: number;
  readonly partitionEpoch: number;
  readonly newIsr: readonly { readonly brokerId: number; readonly brokerEpoch: number }[];
}

/** IsrChangeResult is the controller's answer: the committed state, or an error to act on. */
export type IsrChangeResult =
  | { readonly ok: true; readonly leader: number; readonly leaderEpoch: number; readonly partitionEpoch: number; readonly isr: readonly number[] }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** IsrChangeSender sends ISR proposals to the active controller. */
export interface IsrChangeSender {
  send(request: IsrChangeRequest): Promise<IsrChangeResult>;
}

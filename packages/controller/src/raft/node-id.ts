/**
 * NodeId names one voter of the controller quorum. It is the operator-assigned `node.id` (Kafka's
 * convention), so 0 is a valid id; "no node" is written `undefined`, never a sentinel number.
 */
export type NodeId = number;

import type { Message } from "../message.js";

/** describeMessage renders a message on one line for traces (etcd's `1->2 MsgApp Term:1 ...`). */
export function describeMessage(m: Message): string {
  const head = `${m.from}->${m.to} ${m.type} t${m.term}`;
  switch (m.type) {
    case "append":
      return `${head} prev=${m.prevIndex}/${m.prevTerm} entries=${m.entries.length} commit=${m.commit}`;
    case "append-response":
      return `${head} ${m.reject ? `reject ${m.index} hint=${m.hint.index}/${m.hint.term}` : `ok ${m.index}`}`;
    case "heartbeat":
      return `${head} commit=${m.commit}`;
    case "pre-vote":
    case "vote":
      return `${head} last=${m.lastIndex}/${m.lastTerm}`;
    case "pre-vote-response":
    case "vote-response":
      return `${head} ${m.granted ? "granted" : "refused"}`;
    case "install-snapshot":
      return `${head} snap=${m.snapshot.index}/${m.snapshot.term} ${m.offset}+${m.data.byteLength}/${m.totalBytes}${m.done ? " done" : ""}`;
    case "install-snapshot-response":
      return `${head} snap=${m.snapshot.index}/${m.snapshot.term} next=${m.nextOffset}`;
    case "heartbeat-response":
    case "timeout-now":
      return head;
  }
}

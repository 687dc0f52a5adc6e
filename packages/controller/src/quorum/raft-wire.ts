import { assert } from "@tributary/client/internal/assert";
import type { RaftEntry, RaftEntry__Output } from "@tributary/client/internal/generated/tributary/v1/RaftEntry";
import type { RaftMessage, RaftMessage__Output } from "@tributary/client/internal/generated/tributary/v1/RaftMessage";
import type { Entry } from "../raft/entry.js";
import type { Message } from "../raft/message.js";

/**
 * Mapping between the Raft core's message union and its wire form (raft.proto). Indices and terms
 * are safe integers in the core and int64 (decimal strings) on the wire.
 */

function entryToWire(entry: Entry): RaftEntry {
  return {
    index: entry.index,
    term: entry.term,
    type: entry.type === "noop" ? "RAFT_ENTRY_TYPE_NOOP" : "RAFT_ENTRY_TYPE_NORMAL",
    data: entry.data,
  };
}

function entryFromWire(entry: RaftEntry__Output): Entry {
  return {
    index: Number(entry.index),
    term: Number(entry.term),
    type: entry.type === "RAFT_ENTRY_TYPE_NOOP" ? "noop" : "normal",
    data: new Uint8Array(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength),
  };
}

/** raftMessageToWire maps a core message to its wire form. */
export function raftMessageToWire(message: Message): RaftMessage {
  const base = { from: message.from, to: message.to, term: message.term };
  switch (message.type) {
    case "append":
      return {
        ...base,
        type: "RAFT_MESSAGE_TYPE_APPEND",
        logIndex: message.prevIndex,
        logTerm: message.prevTerm,
        entries: message.entries.map(entryToWire),
        commit: message.commit,
      };
    case "append-response":
      return {
        ...base,
        type: "RAFT_MESSAGE_TYPE_APPEND_RESPONSE",
        reject: message.reject,
        matchIndex: message.index,
        rejectHintIndex: message.hint.index,
        rejectHintTerm: message.hint.term,
      };
    case "heartbeat":
      return { ...base, type: "RAFT_MESSAGE_TYPE_HEARTBEAT", commit: message.commit };
    case "heartbeat-response":
      return { ...base, type: "RAFT_MESSAGE_TYPE_HEARTBEAT_RESPONSE" };
    case "pre-vote":
      return { ...base, type: "RAFT_MESSAGE_TYPE_PRE_VOTE", logIndex: message.lastIndex, logTerm: message.lastTerm };
    case "vote":
      return { ...base, type: "RAFT_MESSAGE_TYPE_VOTE", logIndex: message.lastIndex, logTerm: message.lastTerm, transfer: message.transfer };
    case "pre-vote-response":
      return { ...base, type: "RAFT_MESSAGE_TYPE_PRE_VOTE_RESPONSE", reject: !message.granted };
    case "vote-response":
      return { ...base, type: "RAFT_MESSAGE_TYPE_VOTE_RESPONSE", reject: !message.granted };
    case "install-snapshot":
      return {
        ...base,
        type: "RAFT_MESSAGE_TYPE_INSTALL_SNAPSHOT",
        snapshot: {
          lastIndex: message.snapshot.index,
          lastTerm: message.snapshot.term,
          offset: message.offset,
          data: message.data,
          done: message.done,
          totalBytes: message.totalBytes,
        },
      };
    case "install-snapshot-response":
      return {
        ...base,
        type: "RAFT_MESSAGE_TYPE_INSTALL_SNAPSHOT_RESPONSE",
        snapshot: { lastIndex: message.snapshot.index, lastTerm: message.snapshot.term, offset: message.nextOffset },
      };
    case "timeout-now":
      return { ...base, type: "RAFT_MESSAGE_TYPE_TIMEOUT_NOW" };
  }
}

/**
 * RaftWireError says a wire message cannot be a Raft message (unknown type, missing snapshot
 * chunk). The transport drops such messages: to Raft, a garbled message is a lost one.
 */
export class RaftWireError extends Error {
  override readonly name = "RaftWireError";
}

function safeNumber(value: string, field: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 0) throw new RaftWireError(`${field} ${value} is not a valid index or term`);
  return number;
}

/** raftMessageFromWire maps a wire message to a core message, or throws {@link RaftWireError}. */
export function raftMessageFromWire(wire: RaftMessage__Output): Message {
  const base = { from: wire.from, to: wire.to, term: safeNumber(wire.term, "term") };
  const snapshot = wire.snapshot;
  switch (wire.type) {
    case "RAFT_MESSAGE_TYPE_APPEND":
      return {
        ...base,
        type: "append",
        prevIndex: safeNumber(wire.logIndex, "prevIndex"),
        prevTerm: safeNumber(wire.logTerm, "prevTerm"),
        entries: wire.entries.map(entryFromWire),
        commit: safeNumber(wire.commit, "commit"),
      };
    case "RAFT_MESSAGE_TYPE_APPEND_RESPONSE":
      return {
        ...base,
        type: "append-response",
        reject: wire.reject,
        index: safeNumber(wire.matchIndex, "index"),
        hint: { index: safeNumber(wire.rejectHintIndex, "hint index"), term: safeNumber(wire.rejectHintTerm, "hint term") },
      };
    case "RAFT_MESSAGE_TYPE_HEARTBEAT":
      return { ...base, type: "heartbeat", commit: safeNumber(wire.commit, "commit") };
    case "RAFT_MESSAGE_TYPE_HEARTBEAT_RESPONSE":
      return { ...base, type: "heartbeat-response" };
    case "RAFT_MESSAGE_TYPE_PRE_VOTE":
      return { ...base, type: "pre-vote", lastIndex: safeNumber(wire.logIndex, "lastIndex"), lastTerm: safeNumber(wire.logTerm, "lastTerm") };
    case "RAFT_MESSAGE_TYPE_VOTE":
      return {
        ...base,
        type: "vote",
        lastIndex: safeNumber(wire.logIndex, "lastIndex"),
        lastTerm: safeNumber(wire.logTerm, "lastTerm"),
        transfer: wire.transfer,
      };
    case "RAFT_MESSAGE_TYPE_PRE_VOTE_RESPONSE":
      return { ...base, type: "pre-vote-response", granted: !wire.reject };
    case "RAFT_MESSAGE_TYPE_VOTE_RESPONSE":
      return { ...base, type: "vote-response", granted: !wire.reject };
    case "RAFT_MESSAGE_TYPE_INSTALL_SNAPSHOT":
      if (snapshot === null) throw new RaftWireError("install-snapshot without a snapshot chunk");
      return {
        ...base,
        type: "install-snapshot",
        snapshot: { index: safeNumber(snapshot.lastIndex, "snapshot index"), term: safeNumber(snapshot.lastTerm, "snapshot term") },
        totalBytes: safeNumber(snapshot.totalBytes, "totalBytes"),
        offset: safeNumber(snapshot.offset, "offset"),
        data: new Uint8Array(snapshot.data.buffer, snapshot.data.byteOffset, snapshot.data.byteLength),
        done: snapshot.done,
      };
    case "RAFT_MESSAGE_TYPE_INSTALL_SNAPSHOT_RESPONSE":
      if (snapshot === null) throw new RaftWireError("install-snapshot-response without a snapshot position");
      return {
        ...base,
        type: "install-snapshot-response",
        snapshot: { index: safeNumber(snapshot.lastIndex, "snapshot index"), term: safeNumber(snapshot.lastTerm, "snapshot term") },
        nextOffset: safeNumber(snapshot.offset, "offset"),
      };
    case "RAFT_MESSAGE_TYPE_TIMEOUT_NOW":
      return { ...base, type: "timeout-now" };
    case "RAFT_MESSAGE_TYPE_UNSPECIFIED":
      throw new RaftWireError("message type is unspecified");
  }
  assert(false, `unhandled wire message type ${String(wire.type)}`);
}

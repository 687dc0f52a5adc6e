/**
 * Golden interaction scripts (etcd's `testdata/*.txt` with datadriven): each file under `testdata/`
 * is a sequence of blocks
 *
 * ```
 * <command> <args...>
 * ----
 * <expected output, one line per event, no blank lines>
 * ```
 *
 * separated by blank lines. Commands drive a {@link TestCluster}: `add-nodes <n> [seed [chunkBytes]]`,
 * `campaign <id>`, `propose <id> <text>`, `transfer <id> [to]`, `tick <id> [times]`,
 * `isolate <id>`, `cut <from> <to>`, `heal`, `compact <id>`, `stabilize` (prints every message
 * delivered), `status <id>` and `log <id>`.
 *
 * Run with `RAFT_REWRITE=1` to regenerate the expected output; commit the diff only once each
 * changed line is understood.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { describeMessage } from "./sim/describe-message.js";
import { TestCluster } from "./sim/test-cluster.js";

const TESTDATA = fileURLToPath(new URL("./testdata/", import.meta.url));

interface Block {
  readonly command: string;
  readonly expected: string;
}

function parse(text: string): Block[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((chunk) => {
      const [command, ...rest] = chunk.split("\n");
      const separator = rest.indexOf("----");
      if (command === undefined || separator !== 0) throw new Error(`malformed block:\n${chunk}`);
      return { command: command.trim(), expected: rest.slice(1).join("\n") };
    });
}

function format(blocks: readonly Block[]): string {
  return blocks.map((b) => `${b.command}\n----\n${b.expected}`).join("\n\n") + "\n";
}

function run(blocks: readonly Block[]): Block[] {
  let cluster: TestCluster | undefined;
  const c = (): TestCluster => {
    if (cluster === undefined) throw new Error("add-nodes first");
    return cluster;
  };
  return blocks.map(({ command }) => {
    const [name, ...args] = command.split(/\s+/);
    const n = args.map(Number);
    const out: string[] = [];
    switch (name) {
      case "add-nodes":
        cluster = new TestCluster(
          Array.from({ length: n[0]! }, (_, i) => i + 1),
          { seed: n[1] ?? 1, limits: n[2] === undefined ? {} : { snapshotChunkBytes: n[2] } },
        );
        out.push("ok");
        break;
      case "campaign":
        c().node(n[0]!).campaign();
        c().processReadies();
        out.push("ok");
        break;
      case "propose":
        out.push(JSON.stringify(c().propose(n[0]!, args[1]!)));
        break;
      case "transfer":
        out.push(JSON.stringify(c().node(n[0]!).transferLeadership(args[1] === undefined ? undefined : n[1])));
        c().processReadies();
        break;
      case "tick":
        c().tick(n[0]!, n[1] ?? 1);
        out.push("ok");
        break;
      case "isolate":
        c().isolate(n[0]!);
        out.push("ok");
        break;
      case "cut":
        c().cut(n[0]!, n[1]!);
        out.push("ok");
        break;
      case "heal":
        c().heal();
        out.push("ok");
        break;
      case "compact": {
        const member = c().member(n[0]!);
        const applied = member.node.status().applied;
        member.storage.compact(applied, new TextEncoder().encode(JSON.stringify(c().appliedTexts(n[0]!))));
        out.push(`compacted to ${applied}`);
        break;
      }
      case "stabilize": {
        const before = c().delivered.length;
        c().stabilize();
        for (const m of c().delivered.slice(before)) out.push(describeMessage(m));
        if (out.length === 0) out.push("(no messages)");
        break;
      }
      case "status": {
        const s = c().node(n[0]!).basicStatus();
        out.push(`${s.role} term=${s.term} vote=${s.vote ?? "-"} leader=${s.leader ?? "-"} commit=${s.commit} applied=${s.applied} log=[${s.firstIndex},${s.lastIndex}]`);
        break;
      }
      case "log": {
        const node = c().node(n[0]!);
        const entries = node.log.slice(node.log.firstIndex(), node.log.lastIndex() + 1, Number.POSITIVE_INFINITY);
        for (const e of entries) out.push(`${e.index}/${e.term} ${e.type === "noop" ? "noop" : new TextDecoder().decode(e.data)}`);
        if (out.length === 0) out.push("(empty)");
        break;
      }
      default:
        throw new Error(`unknown command ${name}`);
    }
    return { command, expected: out.join("\n") };
  });
}

describe("interaction scripts", () => {
  const files = readdirSync(TESTDATA).filter((f) => f.endsWith(".txt"));
  it.each(files)("%s", (file) => {
    const path = TESTDATA + file;
    const blocks = parse(readFileSync(path, "utf8"));
    const actual = run(blocks);
    if (process.env["RAFT_REWRITE"] === "1") {
      writeFileSync(path, format(actual));
      return;
    }
    expect(format(actual)).toBe(format(blocks));
  });
});

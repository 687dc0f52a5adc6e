import { TributaryError } from "../errors/tributary-error.js";
import { toCoordinatorRegex } from "./coordinator-regex.js";

/** MATCH_CHANGING_FLAGS are RegExp flags the coordinator cannot apply (it gets the source only). */
const MATCH_CHANGING_FLAGS = /[imsuv]/;

interface Pattern {
  readonly regex: RegExp;
  /** source is the regex as the coordinator evaluates it. */
  readonly source: string;
  readonly fromBeginning: boolean;
}

/**
 * Subscription is what a consumer subscribed to: topic names and regexes, each with the reset
 * policy of the subscribe() call that named it.
 *
 * Regexes are evaluated by the group coordinator (KIP-848's subscribed_topic_regex), not here:
 * the coordinator sees topics the moment they are created or deleted, every member of the group
 * sees the same set at the same group epoch, and no member has to list every topic of the cluster
 * on a timer. KafkaJS matched once at subscribe time and never noticed new topics. The cost is
 * that only what the coordinator can evaluate is accepted: RE2's syntax (no lookaround,
 * backreferences, word boundaries or flags that change matching). Flags and misplaced anchors are
 * refused here; the rest the coordinator refuses with INVALID_REQUEST when the member joins, which
 * stops the consumer with that error.
 *
 * The coordinator matches whole names (Java's `matches()`); a JavaScript RegExp matches anywhere
 * in the name (`test()`), so each source is rewritten (see {@link toCoordinatorRegex}) to accept
 * exactly what `test()` accepts. All regexes go out as one alternation, beside the names.
 */
export class Subscription {
  private readonly names = new Map<string, boolean>();
  private readonly patterns: Pattern[] = [];

  /**
   * add subscribes to `topics`.
   *
   * @throws TributaryError INVALID_CONFIG for an empty list, an empty name, or a regex flag the coordinator cannot apply.
   */
  add(topics: readonly (string | RegExp)[], fromBeginning: boolean): void {
    if (!Array.isArray(topics) || topics.length === 0) throw new TributaryError("INVALID_CONFIG", "subscribe() needs at least one topic name or RegExp in `topics`");
    for (const topic of topics) {
      if (topic instanceof RegExp) this.addPattern(topic, fromBeginning);
      else if (typeof topic === "string" && topic.length > 0) this.names.set(topic, fromBeginning);
      else throw new TributaryError("INVALID_CONFIG", `subscribe() got ${String(topic)} in topics; use topic names or RegExps`);
    }
  }

  /** isEmpty tells whether nothing was subscribed to. */
  get isEmpty(): boolean {
    return this.names.size === 0 && this.patterns.length === 0;
  }

  /** topicNames are the subscribed names, sorted. */
  get topicNames(): string[] {
    return [...this.names.keys()].sort();
  }

  /** topicRegex is the one regex sent to the coordinator, or undefined without regexes. */
  get topicRegex(): string | undefined {
    if (this.patterns.length === 0) return undefined;
    return this.patterns.map((pattern) => pattern.source).join("|");
  }

  /** fromBeginningFor is the reset policy of an assigned topic: its name's, else the first matching regex's, else `fallback`. */
  fromBeginningFor(topic: string, fallback: boolean): boolean {
    const named = this.names.get(topic);
    if (named !== undefined) return named;
    for (const pattern of this.patterns) if (pattern.regex.test(topic)) return pattern.fromBeginning;
    return fallback;
  }

  private addPattern(regex: RegExp, fromBeginning: boolean): void {
    const flag = MATCH_CHANGING_FLAGS.exec(regex.flags);
    if (flag !== null) {
      throw new TributaryError(
        "INVALID_CONFIG",
        `subscribe() got ${String(regex)}: the group coordinator evaluates topic regexes and cannot apply the "${flag[0]}" flag; write it without flags (e.g. [Oo]rders for a case-insensitive letter)`,
      );
    }
    // A copy without the stateful flags, so test() here never depends on lastIndex.
    this.patterns.push({ regex: new RegExp(regex.source), source: toCoordinatorRegex(regex.source), fromBeginning });
  }
}

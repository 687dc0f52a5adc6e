import { TributaryError } from "@tributary/client/internal/errors";
import { OFFSETS_TOPIC } from "./offsets-topic.js";
import { compileRegex, RegexSyntaxError, type CompiledRegex } from "./regex-nfa.js";
import type { TopicMetadata, TopicsView } from "./topics-view.js";

/** REGEX_CACHE_ENTRIES_MAX bounds the regexes a {@link TopicRegexCache} keeps compiled. */
const REGEX_CACHE_ENTRIES_MAX = 1_000;

/** TOPIC_REGEX_CHARS_MAX bounds a subscription regex. */
export const TOPIC_REGEX_CHARS_MAX = 1_024;

/** topicRegexProblem says why `source` cannot be a subscription regex, or null. */
export function topicRegexProblem(source: string): string | null {
  if (source.length === 0) return "the regex is empty";
  if (source.length > TOPIC_REGEX_CHARS_MAX) return `the regex is longer than ${TOPIC_REGEX_CHARS_MAX} characters`;
  try {
    compileRegex(source);
    return null;
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error.message;
    throw error;
  }
}

/**
 * compileTopicRegex compiles a subscription regex for whole-name matches (Java's
 * `Pattern.matcher(name).matches()`, which KIP-848 uses), or throws INVALID_REQUEST. Matching runs
 * in linear time (see regex-nfa.ts): a client's regex runs on the coordinator against every topic.
 */
export function compileTopicRegex(source: string): CompiledRegex {
  const problem = topicRegexProblem(source);
  if (problem !== null) throw new TributaryError("INVALID_REQUEST", `subscribed topic regex "${source}": ${problem}`);
  return compileRegex(source);
}

/**
 * TopicRegexCache resolves regexes to the topics they match, once per regex and topics version.
 * Internal topics are never matched (Kafka's exclude.internal.topics). The cache is bounded: it
 * starts over when it holds {@link REGEX_CACHE_ENTRIES_MAX} regexes.
 */
export class TopicRegexCache {
  readonly #compiled = new Map<string, CompiledRegex>();
  readonly #matches = new Map<string, { readonly version: number; readonly topics: readonly TopicMetadata[] }>();

  /** matching returns the topics whose whole name matches `source`. Throws INVALID_REQUEST for a bad regex. */
  matching(source: string, topics: TopicsView): readonly TopicMetadata[] {
    const cached = this.#matches.get(source);
    if (cached !== undefined && cached.version === topics.version) return cached.topics;
    let regex = this.#compiled.get(source);
    if (regex === undefined) {
      if (this.#compiled.size >= REGEX_CACHE_ENTRIES_MAX) {
        this.#compiled.clear();
        this.#matches.clear();
      }
      regex = compileTopicRegex(source);
      this.#compiled.set(source, regex);
    }
    const matched: TopicMetadata[] = [];
    for (const topic of topics.all()) if (topic.name !== OFFSETS_TOPIC && regex.matches(topic.name)) matched.push(topic);
    this.#matches.set(source, { version: topics.version, topics: matched });
    return matched;
  }
}

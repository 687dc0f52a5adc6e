/** TOPIC_NAME_CHARS_MAX is Kafka's limit: 249, so that a partition directory name fits in 255. */
export const TOPIC_NAME_CHARS_MAX = 249;

const LEGAL_CHARS = /^[a-zA-Z0-9._-]+$/;

/**
 * topicNameProblem returns why `name` cannot name a topic, or null. Kafka's rules (Topic.validate):
 * 1 to 249 characters of [a-zA-Z0-9._-], and not "." or ".." (they would be directory names).
 */
export function topicNameProblem(name: string): string | null {
  if (name.length === 0) return "a topic name cannot be empty";
  if (name === "." || name === "..") return `a topic cannot be named "${name}"`;
  if (name.length > TOPIC_NAME_CHARS_MAX) return `topic name is ${name.length} characters, more than ${TOPIC_NAME_CHARS_MAX}`;
  if (!LEGAL_CHARS.test(name)) return `topic name "${name}" has characters outside [a-zA-Z0-9._-]`;
  return null;
}

/**
 * topicCollisionKey maps a name to what it collides with: metric names replace '.' with '_', so
 * "a.b" and "a_b" cannot both exist (Kafka's Topic.unifyCollisionChars).
 */
export function topicCollisionKey(name: string): string {
  return name.replaceAll(".", "_");
}

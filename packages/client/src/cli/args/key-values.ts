import { UsageError } from "../cli-errors.js";

/**
 * parseKeyValues reads `key=value` words (from `--config`, `--property`, `--producer-props`) into
 * a map; a later key wins. The value may contain "=" and may be empty.
 *
 * @throws UsageError naming the flag and the word without "=" or with an empty key.
 */
export function parseKeyValues(flag: string, words: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const word of words) {
    const equals = word.indexOf("=");
    if (equals <= 0) throw new UsageError(`--${flag} expects KEY=VALUE, not "${word}"`);
    result.set(word.slice(0, equals), word.slice(equals + 1));
  }
  return result;
}

/**
 * splitConfigList splits kafka-configs' `--add-config k1=v1,k2=[a,b]` into words: commas inside
 * square brackets belong to the value, and the brackets are dropped.
 */
export function splitConfigList(text: string): string[] {
  const words: string[] = [];
  let current = "";
  let depth = 0;
  for (const char of text) {
    if (char === "[") depth++;
    else if (char === "]") depth = Math.max(0, depth - 1);
    else if (char === "," && depth === 0) {
      words.push(current);
      current = "";
    } else current += char;
  }
  words.push(current);
  return words.map((word) => word.trim()).filter((word) => word !== "");
}

/** parseBooleanWord reads "true"/"false" (any case) as the value of `name`. */
export function parseBooleanWord(name: string, raw: string): boolean {
  const lowered = raw.trim().toLowerCase();
  if (lowered === "true") return true;
  if (lowered === "false") return false;
  throw new UsageError(`${name} must be true or false, not "${raw}"`);
}

import { TributaryError } from "../errors/tributary-error.js";

/**
 * toCoordinatorRegex rewrites a JavaScript regex source so that the group coordinator's
 * whole-name match (Java's `matches()`, RE2 syntax, `^` and `$` only at the very ends) accepts
 * exactly the names `new RegExp(source).test(name)` accepts. Each top-level alternative is
 * rewritten on its own: a leading `^` or trailing `$` is dropped, and an unanchored end gets `.*`
 * (`test()` finds a match anywhere). `^orders-` becomes `(?:orders-).*`; `eu|us$` becomes
 * `.*(?:eu).*|.*(?:us)`.
 *
 * @throws TributaryError INVALID_CONFIG for `^` or `$` anywhere else: the coordinator has no
 *   anchors inside a pattern.
 */
export function toCoordinatorRegex(source: string): string {
  return splitAlternatives(source)
    .map((branch) => {
      const anchoredStart = branch.startsWith("^");
      const withoutStart = anchoredStart ? branch.slice(1) : branch;
      const anchoredEnd = endsWithAnchor(withoutStart);
      const body = anchoredEnd ? withoutStart.slice(0, -1) : withoutStart;
      if (hasAnchor(body)) {
        throw new TributaryError(
          "INVALID_CONFIG",
          `topic regex /${source}/: the group coordinator supports ^ and $ only at the start and end of an alternative; move them there or drop them`,
        );
      }
      return `${anchoredStart ? "" : ".*"}(?:${body})${anchoredEnd ? "" : ".*"}`;
    })
    .join("|");
}

/** splitAlternatives splits a source at its top-level `|` (outside groups, classes and escapes). */
function splitAlternatives(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === "\\") index++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) {
      branches.push(source.slice(start, index));
      start = index + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}

/** endsWithAnchor tells whether the last character is an unescaped `$` outside a class. */
function endsWithAnchor(branch: string): boolean {
  return anchorPositions(branch).includes(branch.length - 1) && branch.endsWith("$");
}

/** hasAnchor tells whether an unescaped `^` or `$` appears outside a class. */
function hasAnchor(body: string): boolean {
  return anchorPositions(body).length > 0;
}

function anchorPositions(text: string): number[] {
  const positions: number[] = [];
  let inClass = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "\\") index++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "^" || char === "$") positions.push(index);
  }
  return positions;
}

import type { CommandSpec } from "./flag-spec.js";

/** formatHelp renders a command's --help: usage lines, summary, flags and examples. */
export function formatHelp(spec: CommandSpec): string {
  const lines: string[] = [];
  spec.usage.forEach((usage, index) => lines.push(`${index === 0 ? "Usage:" : "      "} tributary ${usage}`));
  lines.push("", spec.summary, "", "Flags:");
  const labels = Object.entries(spec.flags).map(([name, flag]) => {
    const value = flag.type === "boolean" ? "" : ` ${flag.valueName ?? "VALUE"}${flag.greedy === true ? " ..." : ""}`;
    return { label: `--${name}${value}`, description: flag.description + (flag.multiple === true ? " (repeatable)" : "") };
  });
  const width = Math.max(...labels.map((entry) => entry.label.length));
  for (const entry of labels) lines.push(`  ${entry.label.padEnd(width)}  ${entry.description}`);
  if (spec.examples !== undefined && spec.examples.length > 0) {
    lines.push("", "Examples:");
    for (const example of spec.examples) lines.push(`  ${example}`);
  }
  return lines.join("\n") + "\n";
}

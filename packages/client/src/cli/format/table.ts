/**
 * alignedTable pads every column to its widest cell and separates columns with `separator`
 * (Kafka's ToolsUtils.prettyPrintTable pads and separates with a tab); trailing spaces are
 * trimmed. Returns one string per row, the header first.
 */
export function alignedTable(headers: readonly string[], rows: readonly (readonly string[])[], separator = "\t"): string[] {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)));
  const render = (row: readonly string[]): string =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join(separator)
      .trimEnd();
  return [render(headers), ...rows.map(render)];
}

/**
 * printfColumns lays rows out as Kafka's consumer-groups tool does with printf("%-Ns %-Ms ..."):
 * each cell left-aligned and padded to its column's width (a longer cell overflows, as with
 * printf), one space between columns, the last column unpadded.
 */
export function printfColumns(widths: readonly number[], rows: readonly (readonly string[])[]): string[] {
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join(" ")
      .trimEnd(),
  );
}

/** widthAtLeast is the widest of `cells`, but at least `minimum` (Kafka's dynamic column widths). */
export function widthAtLeast(minimum: number, cells: readonly string[]): number {
  return Math.max(minimum, ...cells.map((cell) => cell.length));
}

/** jsonLine renders a value as one line of JSON, with bigints as decimal strings. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}

/** jsonBlock renders a value as indented JSON, with bigints as decimal strings. */
export function jsonBlock(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item), 2);
}

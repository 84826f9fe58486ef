// Rows of the results table, percentiles, and the table as text (terminal) and Markdown
// (docs/BENCHMARKS.md). A row's target is shown beside its figure and judged, never asserted.

export interface Target {
  /** The figure must be at least (`>=`), at most (`<=`) or below (`<`) this value. */
  op: ">=" | "<=" | "<";
  value: number;
}

export interface Row {
  bench: string;
  name: string;
  value: number | null;
  unit: string;
  target?: Target;
  /** Context: the reference it was measured against, sizes, why it was skipped. */
  note?: string;
}

export interface BenchOutcome {
  rows: Row[];
  /** Everything else worth keeping in the results file (EXPLAIN plans, samples, settings). */
  details?: Record<string, unknown>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: readonly number[]): {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export function met(row: Row): boolean | undefined {
  if (!row.target || row.value === null || Number.isNaN(row.value)) return undefined;
  if (row.target.op === ">=") return row.value >= row.target.value;
  return row.target.op === "<=" ? row.value <= row.target.value : row.value < row.target.value;
}

function formatNumber(value: number | null, unit: string): string {
  if (value === null || Number.isNaN(value)) return "—";
  if (unit === "×" || unit === "%") return `${value.toFixed(unit === "%" ? 1 : 2)} ${unit}`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : Math.abs(value) >= 1 || value === 0 ? 2 : 3;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
}

function formatTarget(row: Row): string {
  if (!row.target) return "";
  const verdict = met(row);
  return `${row.target.op} ${row.target.value.toLocaleString("en-US")} ${row.unit}${verdict === undefined ? "" : verdict ? " ✓" : " ✗"}`;
}

function cells(row: Row): string[] {
  return [row.bench, row.name, formatNumber(row.value, row.unit), formatTarget(row), row.note ?? ""];
}

const HEADER = ["bench", "measure", "figure", "target", "note"];

export function textTable(rows: readonly Row[]): string {
  const lines = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) =>
    Math.min(column === 4 ? 80 : 60, Math.max(...lines.map((line) => line[column]!.length))),
  );
  return lines
    .map((line, index) => {
      const text = line
        .map((cell, column) => cell.padEnd(widths[column]!))
        .join("  ")
        .trimEnd();
      return index === 0 ? `${text}\n${widths.map((width) => "-".repeat(width)).join("  ")}` : text;
    })
    .join("\n");
}

export function markdownTable(rows: readonly Row[]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  return [
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(" | ")} |`),
  ].join("\n");
}

// The scale benchmark's table: one row per operation, one column per corpus size (p99,
// requests per second, and the server's CPU per request), then the database's size and the server's peak RSS; and its place
// in docs/performance.md, between two markers, replaced on each run.
import fs from "node:fs";

export interface SizeResult {
  articles: number;
  databaseMb: number;
  peakRssMb: number;
  operations: Record<string, { rps: number; p50: number; p99: number; errors: number; serverCpuMs?: number; databaseCpuMs?: number }>;
  measuredAt: string;
  /** The machine's 1-minute load average when the size was measured (2 cores, shared). */
  loadAverage: number;
}

const BEGIN = "<!-- bench:scale begin -->";
const END = "<!-- bench:scale end -->";

const sizeName = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

export function formatTable(results: SizeResult[], connections: number, duration: number): string {
  const first = results[0];
  const last = results[results.length - 1];
  const ratio = results.length > 1;
  const head = `| operation | ${results.map((r) => `${sizeName(r.articles)}: p99 ms (req/s; server CPU per request)`).join(" | ")} |${ratio ? ` p99 ${sizeName(last!.articles)} ÷ ${sizeName(first!.articles)} |` : ""}`;
  const rule = `| --- |${results.map(() => " --- |").join("")}${ratio ? " --- |" : ""}`;
  const names = [...new Set(results.flatMap((r) => Object.keys(r.operations)))];
  const rows = names.map((name) => {
    const cells = results.map((r) => {
      const op = r.operations[name];
      // PostgreSQL's CPU is kept in the results but not shown: the pool replaces connections
      // during a load (their CPU is lost), so the figure undercounts, often to 0.
      const cpu = op?.serverCpuMs != null ? `; ${op.serverCpuMs.toFixed(1)} ms CPU` : "";
      return op ? `${op.p99} (${op.rps.toFixed(0)}${cpu})${op.errors ? ` ${op.errors} errors` : ""}` : "–";
    });
    const a = first?.operations[name];
    const b = last?.operations[name];
    return `| ${name} | ${cells.join(" | ")} |${ratio ? ` ${a && b ? (b.p99 / Math.max(1, a.p99)).toFixed(1) : "–"} |` : ""}`;
  });
  const extra = [
    `| database on disk, MB | ${results.map((r) => r.databaseMb.toFixed(0)).join(" | ")} |${ratio ? " |" : ""}`,
    `| server peak RSS under load, MB | ${results.map((r) => r.peakRssMb.toFixed(0)).join(" | ")} |${ratio ? " |" : ""}`,
    `| load average (2 cores) | ${results.map((r) => r.loadAverage.toFixed(1)).join(" | ")} |${ratio ? " |" : ""}`,
  ];
  return [`${connections} connections, ${duration} s per operation after a warm-up; measured ${results.map((r) => `${sizeName(r.articles)} ${r.measuredAt.slice(0, 16)}Z`).join(", ")}.`, "", head, rule, ...rows, ...extra].join("\n");
}

/** Replaces the table between the markers (added at the end of the file the first time). */
export function writeToDocs(file: string, table: string): void {
  const text = fs.readFileSync(file, "utf8");
  const block = `${BEGIN}\n${table}\n${END}`;
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  fs.writeFileSync(file, start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + END.length) : `${text.trimEnd()}\n\n${block}\n`);
}

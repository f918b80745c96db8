// The running counts of a batch ingest, for its one-line summary: kept as counts (and the
// failures, to name them), not as the list of outcomes, so a run of a million articles
// holds no more than a run of ten.
import type { IngestOutcome } from "./pipeline.js";

type Counted = "persons" | "quotes" | "venues" | "comments";

export class IngestTally {
  readonly byStatus = { new: 0, updated: 0, unchanged: 0, failed: 0 };
  /**
   * Persons, quotes, venues and comments, counted only over the articles this run stored (new
   * or updated): an unchanged article wrote nothing, so counting its extraction would claim
   * work that was not done.
   */
  readonly stored = { articles: 0, persons: 0, quotes: 0, venues: 0, comments: 0 };
  readonly failures: { origin: string; error: string }[] = [];

  add(outcome: IngestOutcome): void {
    this.byStatus[outcome.status]++;
    if (outcome.status === "failed") this.failures.push({ origin: outcome.origin, error: outcome.error ?? "failed" });
    if (outcome.status !== "new" && outcome.status !== "updated") return;
    this.stored.articles++;
    for (const k of ["persons", "quotes", "venues", "comments"] as Counted[]) this.stored[k] += outcome.counts?.[k] ?? 0;
  }

  /** Articles with an outcome so far. */
  get total(): number {
    const s = this.byStatus;
    return s.new + s.updated + s.unchanged + s.failed;
  }

  /** One line of counts, then one line per failed input. */
  summary(skippedFiles = 0): string {
    const s = this.byStatus;
    let line = `articles: ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed`;
    if (skippedFiles) line += `, ${skippedFiles} ${skippedFiles === 1 ? "file" : "files"} skipped`;
    const t = this.stored;
    line += t.articles
      ? ` | stored: persons ${t.persons}, quotes ${t.quotes}, venues ${t.venues}, comments ${t.comments}`
      : " | nothing stored";
    return [line, ...this.failures.map((f) => `failed: ${f.origin}: ${f.error}`)].join("\n");
  }
}

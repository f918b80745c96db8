// Publication dates from datelines. Scrapers mangle Sputnik's "19:40 GMT+3 30.03.2017" into
// "19:40 GMT +330 March 2017": the offset's digit and the day run together. Repair that,
// then let chrono-node parse the repaired form.
import * as chrono from "chrono-node";

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const GLUED_OFFSET = new RegExp(`^(\\d{1,2}:\\d{2})\\s*(?:GMT|UTC)\\s*([+-])(\\d{2,4})\\s+(${MONTHS})\\.?\\s+(\\d{4})$`, "i");
const DATELINE = new RegExp(
  `^((\\d{1,2}:\\d{2}\\s*(GMT|UTC)?.*\\d{4})|((Updated|Published|Posted)\\b.*\\d{4})|((${MONTHS})\\.?\\s+\\d{1,2},?\\s+\\d{4}.*)|(\\d{1,2}\\s+(${MONTHS})\\.?\\s+\\d{4}.*)|(\\d{1,2}\\.\\d{1,2}\\.\\d{4}.*))$`,
  "i",
);

export function isDateline(line: string): boolean {
  return line.length <= 80 && DATELINE.test(line.trim());
}

/**
 * Splits the glued digits into an hour offset and a day: the offset is the shortest prefix
 * that leaves a valid day (Sputnik's offsets are one digit: "+330" is GMT+3, day 30).
 */
export function repairDateline(line: string): string {
  const m = GLUED_OFFSET.exec(line.trim());
  if (!m) return line.trim();
  const [, time, sign, digits, month, year] = m;
  for (const offsetLength of [1, 2]) {
    const offset = Number(digits!.slice(0, offsetLength));
    const day = Number(digits!.slice(offsetLength));
    if (offset <= 14 && day >= 1 && day <= 31) {
      return `${day} ${month} ${year} ${time} GMT${sign}${String(offset).padStart(2, "0")}00`;
    }
  }
  return line.trim();
}

/**
 * The publication time a dateline gives, or null when it gives none. chrono-node fills in
 * what it cannot read from its reference date, and reads "30.03.0001" as 2001: a time is
 * taken only when chrono read its year from the line, as one of the line's four-digit numbers.
 */
export function parseDateline(line: string): Date | null {
  const repaired = repairDateline(line);
  const [result] = chrono.parse(repaired, { instant: new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  if (!result || !result.start.isCertain("year")) return null;
  const writtenYears = (line.match(/\d{4}/g) ?? []).map(Number);
  if (!writtenYears.includes(result.start.get("year")!)) return null;
  return result.start.date();
}

/** Partial ISO dates ("2019", "2019-05", "2019-05-16") as the first and last day they cover. */

const PARTIAL = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

export function startOfPartial(value: string): string {
  const m = PARTIAL.exec(value);
  if (!m) return value;
  return `${m[1]}-${m[2] ?? "01"}-${m[3] ?? "01"}`;
}

export function endOfPartial(value: string): string {
  const m = PARTIAL.exec(value);
  if (!m) return value;
  const year = Number(m[1]);
  if (m[3]) return value;
  if (m[2]) {
    const lastDay = new Date(Date.UTC(year, Number(m[2]), 0)).getUTCDate();
    return `${m[1]}-${m[2]}-${String(lastDay).padStart(2, "0")}`;
  }
  return `${m[1]}-12-31`;
}

/** Whether a relation with these since/until holds on `day` (YYYY-MM-DD); open ends always hold. */
export function holdsOn(day: string, since?: string | null, until?: string | null): boolean {
  if (since && startOfPartial(since) > day) return false;
  if (until && endOfPartial(until) < day) return false;
  return true;
}

/** The as-of slider works in months: "2020-06" stands for the first day of that month. */
export function monthToDay(month: string): string {
  return `${month}-01`;
}

export const AS_OF_FIRST_YEAR = 1985;

/** Months since January of AS_OF_FIRST_YEAR, and back. */
export function monthIndex(month: string): number {
  const [y, m] = month.split("-").map(Number);
  return ((y ?? AS_OF_FIRST_YEAR) - AS_OF_FIRST_YEAR) * 12 + ((m ?? 1) - 1);
}

export function indexToMonth(index: number): string {
  const y = AS_OF_FIRST_YEAR + Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, "0")}`;
}

export function currentMonth(now = new Date()): string {
  return `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
}

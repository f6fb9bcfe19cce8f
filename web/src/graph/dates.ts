/** Partial ISO dates ("2019", "2019-05", "2019-05-16") as the first and last day they cover. */

// One definition of partial dates for server and web (server/src/core is dependency-free).
export { endOf as endOfPartial, holdsOn, startOf as startOfPartial } from "../../../server/src/core/dates.js";

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

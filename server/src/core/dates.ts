/**
 * Partial ISO dates (2019, 2019-05, 2019-05-16): the one definition used by the validator, the
 * sync, the API and the analysis. Dependency-free.
 */

/** The format of a partial date; callers also check it is a real calendar day. */
export const PARTIAL_DATE = "^\\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?)?$";

const PARTIAL_DATE_RE = new RegExp(PARTIAL_DATE);

export function isPartialDate(value: string): boolean {
  return PARTIAL_DATE_RE.test(value) && isRealPartialDate(value);
}

/** True unless the day does not exist (2023-02-30); assumes the format already matched. */
export function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  if (m === undefined || d === undefined) return true;
  const date = new Date(Date.UTC(y as number, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** First day covered by a partial date: 2019 -> 2019-01-01. */
export function startOf(value: string): string {
  return value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value;
}

/** Last day covered by a partial date: 2019 -> 2019-12-31, 2020-02 -> 2020-02-29. */
export function endOf(value: string): string {
  if (value.length === 4) return `${value}-12-31`;
  if (value.length === 7) {
    const [y, m] = value.split("-").map(Number);
    const last = new Date(Date.UTC(y as number, m as number, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, "0")}`;
  }
  return value;
}

/** True when something dated since..until (either may be absent) holds on `day` (YYYY-MM-DD). */
export function holdsOn(day: string, since?: string | null, until?: string | null): boolean {
  return (!since || startOf(since) <= day) && (!until || endOf(until) >= day);
}

/** A day as YYYY-MM-DD (UTC). */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

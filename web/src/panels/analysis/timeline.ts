/**
 * The timeline panel's reading of `timeline` (already in date order): the events of one issuer
 * and one policy type, grouped by year, and the issuers and types there are to choose from.
 */
import type { TimelineEvent } from "../../api/documents.js";
import type { TimelineFilter } from "../../state/view.js";

export function filterEvents(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  return events.filter((e) => (!filter.issuer || e.policy.country === filter.issuer) && (!filter.type || e.policy.policyType === filter.type));
}

/** Consecutive events of one year (undefined: undated), in their order. */
export function byYear(events: readonly TimelineEvent[]): { year: string | undefined; events: TimelineEvent[] }[] {
  const groups: { year: string | undefined; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const year = event.date?.slice(0, 4);
    const last = groups.at(-1);
    if (last && last.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}

/** The issuing countries and policy types there are, most frequent first, for the filters. */
export function timelineChoices(events: readonly TimelineEvent[]): { issuers: string[]; types: string[] } {
  const count = (values: (string | null | undefined)[]) => {
    const n = new Map<string, number>();
    for (const v of values) if (v) n.set(v, (n.get(v) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  };
  return { issuers: count(events.map((e) => e.policy.country)), types: count(events.map((e) => e.policy.policyType)) };
}

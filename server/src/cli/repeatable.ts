/** A commander option parser for an option that may be given several times: each value is kept. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

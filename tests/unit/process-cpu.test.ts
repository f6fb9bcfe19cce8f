/** The benchmark's CPU reading (bench/process-cpu.ts) agrees with what Node says this process used. */
import { describe, expect, it } from "vitest";
import { perRequest, processCpuMs, selfCpuMs } from "../../bench/process-cpu.js";

describe("CPU per request in the benchmark", () => {
  it("reads a process's CPU time from /proc as Node counts it, and divides it by the requests answered", () => {
    const fromProc = processCpuMs(process.pid);
    expect(fromProc).toBeTypeOf("number");
    const before = { proc: fromProc as number, node: selfCpuMs() };
    // Burn 200 ms of this process's CPU time (not of the clock: on a busy machine the clock runs
    // ahead of the CPU time the process gets), giving up after 10 s of clock.
    const giveUp = performance.now() + 10_000;
    let x = 0;
    while (selfCpuMs() - before.node < 200 && performance.now() < giveUp) for (let i = 0; i < 1e4; i++) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    const used = { proc: (processCpuMs(process.pid) as number) - before.proc, node: selfCpuMs() - before.node };
    // /proc counts in clock ticks (10 ms at 100 Hz): the two agree within a few ticks.
    expect(used.node).toBeGreaterThan(100);
    expect(Math.abs(used.proc - used.node)).toBeLessThan(50);
    expect(perRequest(1000, 1500, 250)).toBe(2);
    expect(perRequest(undefined, 1500, 250)).toBeUndefined();
    expect(perRequest(1000, 1500, 0)).toBeUndefined();
    expect(processCpuMs(-1)).toBeUndefined();
  });
});

/**
 * CPU time of a process (user + system), read from /proc: how much work a cell cost the process that
 * served it and Neo4j, divided by the requests it answered. Less noisy than latency on a shared
 * 2-core machine, since a process waiting for a core is not charged. Linux only; elsewhere undefined.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds process `pid` has used so far, or undefined where /proc cannot tell. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined || pid <= 0) return undefined;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) in parentheses: utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
  } catch {
    return undefined;
  }
}

/** CPU milliseconds this process has used so far. */
export function selfCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds of CPU per request between two readings; undefined if either is missing or nothing was answered. */
export function perRequest(before: number | undefined, after: number | undefined, requests: number): number | undefined {
  if (before === undefined || after === undefined || requests <= 0) return undefined;
  return Math.round(((after - before) / requests) * 1000) / 1000;
}

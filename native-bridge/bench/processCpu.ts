// Reads CPU time of this process and of its ffmpeg children from /proc (Linux), for the benchmarks.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports /proc times in USER_HZ, which is 100 on every mainstream build. */
const TicksPerSecond = 100;

export interface CpuSample {
  /** Seconds of CPU used by this Node process. */
  self: number;
  /** Seconds of CPU used by the live child processes named `childName`, by pid. */
  children: Map<number, number>;
}

function parseStat(text: string): { comm: string; ppid: number; cpuSeconds: number } | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const fields = text.slice(close + 2).split(' ');
  // after "pid (comm) ": state=0 ppid=1 … utime=11 stime=12
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (![ppid, utime, stime].every(Number.isFinite)) return null;
  return { comm: text.slice(open + 1, close), ppid, cpuSeconds: (utime + stime) / TicksPerSecond };
}

/** Samples the CPU time of this process and of its direct children called `childName`. */
export function sampleCpu(childName = 'ffmpeg'): CpuSample {
  const usage = process.cpuUsage();
  const children = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    entries = [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (stat && stat.ppid === process.pid && stat.comm === childName) children.set(Number(entry), stat.cpuSeconds);
    } catch {
      // the process ended while we looked
    }
  }
  return { self: (usage.user + usage.system) / 1e6, children };
}

/** CPU seconds spent between two samples: this process, and the children alive in both. */
export function cpuBetween(before: CpuSample, after: CpuSample): { self: number; children: number } {
  let children = 0;
  for (const [pid, seconds] of after.children) children += seconds - (before.children.get(pid) ?? 0);
  return { self: after.self - before.self, children };
}

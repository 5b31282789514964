import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: the unit of /proc CPU times on Linux. */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  readonly ppid: number;
  /** Its own CPU seconds, and those of its children that ended and were reaped. */
  readonly own: number;
  readonly reapedChildren: number;
}

export interface CpuSnapshot {
  readonly takenAt: number;
  /** CPU seconds the whole machine spent busy, and the time the hypervisor gave to others (steal). */
  readonly machineBusy: number;
  readonly machineSteal: number;
  readonly processes: ReadonlyMap<number, ProcessTimes>;
}

/** Where the CPU went between two snapshots. */
export interface CpuShare {
  readonly wallSeconds: number;
  readonly cpus: number;
  /** This process (all its threads) and the PostgreSQL server it started (postmaster and backends). */
  readonly benchCpuSeconds: number;
  /** Everything else on the machine: other people's tests, builds, servers. */
  readonly otherCpuSeconds: number;
  readonly stealSeconds: number;
}

/** CPU times from /proc (Linux only; elsewhere every figure is 0). */
export function cpuSnapshot(): CpuSnapshot {
  const processes = new Map<number, ProcessTimes>();
  let machineBusy = 0;
  let machineSteal = 0;
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    machineBusy = (user + nice + system + irq + softirq) / TICKS_PER_SECOND;
    machineSteal = steal / TICKS_PER_SECOND;
    for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
        processes.set(Number(pid), {
          ppid: Number(fields[1]),
          own: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
          reapedChildren: (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND,
        });
      } catch {
        // The process ended while we looked.
      }
    }
  } catch {
    // Not Linux.
  }
  return { takenAt: Date.now(), machineBusy, machineSteal, processes };
}

export function cpuShare(before: CpuSnapshot, after: CpuSnapshot, cpus: number, postmasterPid?: number): CpuShare {
  const used = (pid: number, times: (t: ProcessTimes) => number) => {
    const now = after.processes.get(pid);
    return now ? times(now) - (before.processes.get(pid) ? times(before.processes.get(pid)!) : 0) : 0;
  };
  let bench = used(process.pid, (t) => t.own);
  if (postmasterPid !== undefined) {
    bench += used(postmasterPid, (t) => t.own + t.reapedChildren);
    for (const [pid, times] of after.processes) if (times.ppid === postmasterPid) bench += used(pid, (t) => t.own);
    // A backend that ended meanwhile came back in the postmaster's reaped time with all its life's CPU.
    for (const [pid, times] of before.processes) if (times.ppid === postmasterPid && !after.processes.has(pid)) bench -= times.own;
  }
  const busy = after.machineBusy - before.machineBusy;
  return {
    wallSeconds: (after.takenAt - before.takenAt) / 1000,
    cpus,
    benchCpuSeconds: bench,
    otherCpuSeconds: Math.max(0, busy - bench),
    stealSeconds: after.machineSteal - before.machineSteal,
  };
}

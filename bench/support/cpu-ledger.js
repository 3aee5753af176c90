'use strict';
// Where the cores went during a phase of a bench: the CPU time of each named process, read from
// /proc (Linux), and of the whole machine. A rate alone says how fast; this says what it cost and
// which process paid, which is what decides whether a bar can be met on a given number of cores.
const fs = require('node:fs');
const path = require('node:path');

// Linux reports process times in USER_HZ ticks, 100 a second on every common architecture.
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of one process, or undefined once it is gone (or off Linux). */
function processCpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields from the last ')'. utime and
    // stime are fields 14 and 15, the 12th and 13th after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU seconds every core spent busy (not idle, not waiting on I/O), summed. */
function machineBusySeconds() {
  try {
    const [cpu] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const [user, nice, system, , , irq, softirq, steal] = cpu.trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The local stack's servers, from the pid files `deploy/local/stack.sh` keeps. */
function stackPids(root) {
  const dataDir = path.resolve(process.env.LIAOWANG_DATA_DIR ?? path.join(root, '.data'));
  const read = (file) => {
    try {
      return Number(fs.readFileSync(path.join(dataDir, file), 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  };
  return { kafka: read('kafka/kafka.pid'), elasticsearch: read('elasticsearch/elasticsearch.pid') };
}

/**
 * Starts counting for the given processes ({ name: pid }, several pids may share a name) and this
 * process (`bench`); `stop()` returns the CPU seconds each spent since, and the machine's total.
 */
function startLedger(pids) {
  const entries = Object.entries(pids).flatMap(([name, list]) =>
    [list]
      .flat()
      .filter(Boolean)
      .map((pid) => ({ name, pid, from: processCpuSeconds(pid) })),
  );
  const benchFrom = process.cpuUsage();
  const machineFrom = machineBusySeconds();
  const wallFrom = Date.now();
  return {
    stop() {
      const spent = {};
      for (const { name, pid, from } of entries) {
        const to = processCpuSeconds(pid);
        if (from === undefined || to === undefined) continue;
        spent[name] = (spent[name] ?? 0) + (to - from);
      }
      const bench = process.cpuUsage(benchFrom);
      spent.bench = (bench.user + bench.system) / 1e6;
      const machineTo = machineBusySeconds();
      return {
        spent,
        machine: machineFrom === undefined || machineTo === undefined ? undefined : machineTo - machineFrom,
        wallSeconds: (Date.now() - wallFrom) / 1000,
      };
    },
  };
}

/** Prints a ledger as µs of CPU per unit (item or document) for each process, and the rest of the machine. */
function printLedger(title, ledger, units, unitName) {
  const perUnit = (seconds) => `${Math.round((seconds * 1e6) / units)} µs`;
  const accounted = Object.values(ledger.spent).reduce((a, b) => a + b, 0);
  console.log(`  CPU per ${unitName}, ${title} (${ledger.wallSeconds.toFixed(1)} s):`);
  for (const [name, seconds] of Object.entries(ledger.spent).sort((a, b) => b[1] - a[1])) {
    console.log(
      `    ${name.padEnd(14)} ${perUnit(seconds).padStart(8)}   ${((100 * seconds) / ledger.wallSeconds).toFixed(0).padStart(4)} % of a core`,
    );
  }
  console.log(`    ${'all of them'.padEnd(14)} ${perUnit(accounted).padStart(8)}`);
  if (ledger.machine !== undefined)
    console.log(
      `    ${'other processes'.padEnd(14)} ${perUnit(Math.max(0, ledger.machine - accounted)).padStart(8)}   (the machine was busy ${((100 * ledger.machine) / ledger.wallSeconds).toFixed(0)} % of one core)`,
    );
  return accounted / units;
}

module.exports = { startLedger, printLedger, stackPids };

// Preloaded into a benchmark's server process (`node --import
// ./bench/event-loop-probe.mjs`): once a second it appends the event loop's
// utilisation, the process's CPU seconds and the loop delay (p99, max) to
// $EVENT_LOOP_PROBE_FILE as JSON lines. Utilisation near 1 with CPU well
// under one core means the loop had work but the machine did not run it.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

const file = process.env.EVENT_LOOP_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let elu = performance.eventLoopUtilization();
  let cpu = process.cpuUsage();
  setInterval(() => {
    const e = performance.eventLoopUtilization(elu);
    elu = performance.eventLoopUtilization();
    const c = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const line = {
      at: Date.now(),
      elu: e.utilization,
      cpu: (c.user + c.system) / 1e6,
      p99: delay.percentile(99) / 1e6,
      max: delay.max / 1e6,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
  }, 1000).unref();
}

/**
 * Planner benchmark: mean and p95 milliseconds per plan over the 12 reference patients (issue 6: < 20 ms).
 * The catalogue and protocol are loaded once (file I/O is not part of a plan).
 * Run alone: node --import tsx bench/planner.ts
 */
import { loadPlannerData } from "../src/io/catalogue-files.ts";
import { plan } from "../src/planner/plan.ts";
import { REFERENCE_PATIENTS } from "../src/planner/reference-patients.ts";

export function benchPlanner(rounds = 50): { meanMs: number; p95Ms: number; maxMs: number; plans: number } {
  const { catalogue, protocol } = loadPlannerData();
  for (let i = 0; i < 5; i++) for (const p of REFERENCE_PATIENTS) plan(p, protocol, catalogue); // warm-up
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const p of REFERENCE_PATIENTS) {
      const t0 = process.hrtime.bigint();
      plan(p, protocol, catalogue);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const meanMs = times.reduce((s, t) => s + t, 0) / times.length;
  return {
    meanMs,
    p95Ms: times[Math.floor(times.length * 0.95)]!,
    maxMs: times[times.length - 1]!,
    plans: times.length,
  };
}

export function printPlannerBench(): void {
  const r = benchPlanner();
  console.log(
    `planner: ${r.meanMs.toFixed(3)} ms/plan mean, ${r.p95Ms.toFixed(3)} ms p95, ${r.maxMs.toFixed(3)} ms max over ${r.plans} plans (budget 20 ms)`,
  );
}

if (process.argv[1]?.endsWith("planner.ts")) printPlannerBench();

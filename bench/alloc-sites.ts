/**
 * `node --import tsx bench/alloc-sites.ts <scenario|preset> [seconds] [scenario time]`: where the step loop allocates
 * (after the scenario has run to `scenario time`, default 1000 s, and a 600 s warm-up). Runs the
 * simulation under V8's sampling heap profiler (inspector HeapProfiler.startSampling, 16-byte interval, garbage
 * included) and prints the allocating call stacks with the bytes attributed to them. A diagnostic, not a test.
 */
import { Session } from "node:inspector/promises";
import { builtinScenarioNames, loadScenario } from "../src/io/scenario-files.ts";
import { simulationFromScenario } from "../src/scenario/simulation.ts";
import { createSimulation, patientFromPreset } from "../src/sim/index.ts";

const name = process.argv[2] ?? "adult-vv-ecmo";
const seconds = Number(process.argv[3] ?? 60);
const sim = builtinScenarioNames().includes(name)
  ? (() => {
      const s = simulationFromScenario(loadScenario(name));
      s.advance(Number(process.argv[4] ?? 1000));
      return s;
    })()
  : createSimulation({ patient: patientFromPreset(name as never), seed: 1 });
sim.advance(60);
// Warm-up without actions (the optimising compiler settles); then model steps only, as the allocation tests.
const model = (sim as unknown as { model: { run(n: number): void } }).model;
model.run(600_000);

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
const session = new Session();
session.connect();
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 16,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
model.run(seconds * 1000);
const { profile } = (await session.post("HeapProfiler.stopSampling")) as { profile: { head: Node } };
const rows: [number, string][] = [];
let total = 0;
const frame = (n: Node) =>
  `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber + 1}`;
function walk(n: Node, path: string[]): void {
  const p = [...path, frame(n)];
  if (n.selfSize > 0) {
    rows.push([n.selfSize, p.slice(-4).join(" < ")]);
    total += n.selfSize;
  }
  for (const c of n.children) walk(c, p);
}
walk(profile.head, []);
rows.sort((a, b) => b[0] - a[0]);
console.log(
  `${name}: ${total} B sampled over ${seconds} s (${(total / (seconds * 1000)).toFixed(1)} B per fast step)`,
);
for (const [b, p] of rows.slice(0, 25))
  console.log(`${String(b).padStart(9)}  ${p.split(" < ").reverse().join(" > ")}`);

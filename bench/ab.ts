/**
 * `node --import tsx bench/ab.ts <treeA> <treeB> [scenario|preset …] [--windows N] [--steps S]`: compares two checkouts
 * of this repository (e.g. a `git archive` of the old commit in /tmp and the working tree) in ONE process, in
 * alternating windows of S fast steps (default 1000) on the same scenario state, so a shared, loaded machine disturbs
 * both alike. Prints min / 10th percentile / median ns per fast step of each and the ratio B/A. Scenarios start at
 * `--skip` s (default 900). A benchmark, not a timed test.
 */
import { takePositiveOption } from "./options.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => takePositiveOption(args, name, fallback);
const windows = option("--windows", 600);
const steps = option("--steps", 1000);
const skip = option("--skip", 900);
const [treeA, treeB, ...names] = args;
if (!treeA || !treeB) throw new Error("usage: bench/ab.ts <treeA> <treeB> [scenario|preset …]");

interface Tree {
  scenarioFiles: typeof import("../src/io/scenario-files.ts");
  sim: typeof import("../src/sim/index.ts");
}
async function load(tree: string): Promise<Tree> {
  return {
    scenarioFiles: await import(`${tree}/src/io/scenario-files.ts`),
    sim: await import(`${tree}/src/sim/index.ts`),
  };
}
const trees = [await load(treeA), await load(treeB)];

type Model = { run(n: number): void };
function start(t: Tree, name: string): Model {
  let s: ReturnType<Tree["sim"]["createSimulation"]>;
  if ((t.sim.PATIENT_PRESETS as readonly string[]).includes(name)) {
    s = t.sim.createSimulation({ patient: t.sim.patientFromPreset(name as never), seed: 1 });
    s.advance(60);
  } else {
    const sc = t.scenarioFiles.loadScenario(name);
    s = t.sim.createSimulation({
      patient: sc.patient,
      seed: sc.seed ?? 1,
      ...(sc.circuit === undefined ? {} : { circuit: sc.circuit }),
    });
    for (const a of sc.actions) s.schedule(a);
    s.advance(Math.max(0, Math.min(skip, (sc.durationS ?? 600) - (2 * windows * steps) / 1000 - 1)));
  }
  return (s as unknown as { model: Model }).model;
}

for (const name of names.length > 0 ? names : ["adult-va-ecmo", "adult-vv-ecmo"]) {
  const models = trees.map((t) => start(t, name));
  const ns: number[][] = [[], []];
  for (let w = 0; w < windows; w++) {
    // Alternate which tree goes first.
    for (const j of w % 2 === 0 ? [0, 1] : [1, 0]) {
      const t0 = process.hrtime.bigint();
      models[j]!.run(steps);
      ns[j]!.push(Number(process.hrtime.bigint() - t0) / steps);
    }
  }
  const stats = ns.map((x) => {
    x.sort((a, b) => a - b);
    return [x[0]!, x[Math.floor(x.length / 10)]!, x[Math.floor(x.length / 2)]!] as const;
  });
  const a = stats[0]!;
  const b = stats[1]!;
  const f = (s: readonly number[]) => s.map((v) => v.toFixed(0)).join("/");
  console.log(
    `${name.padEnd(24)} A min/p10/med ${f(a)}  B ${f(b)} ns/step  B/A: min ${(b[0]! / a[0]!).toFixed(3)}, p10 ${(b[1]! / a[1]!).toFixed(3)}`,
  );
}

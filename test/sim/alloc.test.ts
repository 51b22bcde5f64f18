/**
 * Allocation of the whole step loop (fast and slow) in steady state: a preset at rest, the adult CABG scenario on full
 * bypass, the VV and VA ECMO scenarios on ECMO. Each case runs in a plain `node --expose-gc --import tsx` child
 * (alloc-probe.ts --steady): warmed up, then 200 000 fast steps (200 s simulated, 10 000 slow steps, 2 000 oxygenator
 * exchanges) with a young generation large enough (64 MB semi-spaces) that no collection runs during the window, so
 * the heap growth is every byte allocated, garbage included. A window with a collection is rejected (it would hide
 * garbage). Docs: docs/models/engine.md, performance.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

interface Steady {
  bytes: number;
  steps: number;
  gcs: number;
}

function probe(name: string): Promise<Steady> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--expose-gc",
        "--min-semi-space-size=64",
        "--max-semi-space-size=64",
        "--import",
        "tsx",
        "test/sim/alloc-probe.ts",
        "--steady",
        name,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(err));
      else resolve(JSON.parse(out) as Steady);
    });
  });
}

/** One boxed number (a 16-byte heap number) per fast step: the allocation the bounds must catch. */
const ONE_NUMBER_PER_STEP_B = 16;

// Measured (200 000 steps, Node 20, tsx; docs/models/engine.md): at rest 0.4–0.8 MB, the circuit cases 1.1–2.0 MB —
// a few boxed numbers per 20 ms slow step in the patient chemistry, the circuit's slow step and the drug functions,
// none in the fast loop. The bounds are below one boxed number per fast step (3.2 MB), so any allocation added to the
// fast loop fails them, and with margin above the measured values (JIT decisions vary from run to run).
const CASES: [name: string, boundBytesPerStep: number][] = [
  ["neonate at rest", 8],
  ["adult at rest", 8],
  ["adult-cpb-cabg on bypass", 12],
  ["adult-vv-ecmo on ECMO", 12],
  ["adult-va-ecmo on ECMO", 12],
];

describe("allocation of the step loop in steady state", () => {
  // The children run in parallel; each takes a few seconds (warm-up included).
  const results = new Map(CASES.map(([name]) => [name, probe(name)]));
  for (const [name, bound] of CASES) {
    it(`${name}: < ${bound} B per fast step over 200 000 steps (one boxed number per step is ${ONE_NUMBER_PER_STEP_B})`, async () => {
      const r = await results.get(name)!;
      expect(r.gcs).toBe(0);
      expect(r.steps).toBe(200_000);
      expect(r.bytes / r.steps).toBeLessThan(bound);
      expect(bound).toBeLessThan(ONE_NUMBER_PER_STEP_B);
    }, 120_000);
  }
});

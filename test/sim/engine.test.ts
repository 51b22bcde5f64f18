/**
 * Engine invariants: exact volume conservation, determinism, and no allocation in the step loop.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { totalVolume } from "../../src/sim/engine/network.ts";
import { patientFromPreset } from "../../src/sim/index.ts";
import { PatientModel } from "../../src/sim/patient/model.ts";
import { PatientSimulation } from "../../src/sim/simulation.ts";
import { sim } from "./helpers.ts";

describe("volume conservation", () => {
  for (const preset of ["adult-male", "neonate"]) {
    it(`${preset}: total volume + net external flow is constant to 1e-9 over one simulated hour`, () => {
      const m = new PatientModel(patientFromPreset(preset), 1);
      const v0 = totalVolume(m.net);
      m.run(3_600_000);
      const ext = m.net.external;
      const balance = totalVolume(m.net) + ext[1]! - ext[0]!;
      expect(Math.abs(balance - v0) / v0).toBeLessThan(1e-9);
      // The urine sink did run (so this is not a closed-loop triviality), and nothing bled.
      expect(ext[1]!).toBeGreaterThan(0);
      expect(m.bleedTotal).toBe(0);
    });
  }

  it("bleeding and fluids are accounted exactly too", () => {
    const s = new PatientSimulation(patientFromPreset("child"), 1);
    const v0 = totalVolume(s.model.net);
    s.schedule({ t: 1, type: "bleeding.set", rateMlPerMin: 60 });
    s.schedule({ t: 20, type: "fluid.give", fluid: "crystalloid", volumeMl: 100, overSeconds: 30 });
    s.advance(90);
    const m = s.model;
    expect(m.bleedTotal).toBeCloseTo(89, 0);
    expect(m.fluidGiven).toBeCloseTo(100, 6);
    const ext = m.net.external;
    expect(Math.abs(totalVolume(m.net) + ext[1]! - ext[0]! - v0) / v0).toBeLessThan(1e-10);
    expect(ext[0]!).toBeCloseTo(100, 6);
  });

  it("every species is conserved in mass by transport (Hb with no sources or sinks)", () => {
    const m = new PatientModel({ ...patientFromPreset("adult-male") }, 1);
    const hbTotal = () => {
      let s = 0;
      for (let i = 0; i < m.net.nComp; i++) s += m.chem.mass[3 * m.net.nComp + i]!;
      return s;
    };
    // Urine carries water only, so Hb has no sink at all.
    const h0 = hbTotal();
    m.run(120_000);
    expect(Math.abs(hbTotal() - h0) / h0).toBeLessThan(1e-12);
  });
});

describe("determinism", () => {
  function trace(seed: number): number[] {
    const s = sim("adult-male", seed);
    s.schedule({ t: 5, type: "heart.setRhythm", rhythm: "vf" });
    s.schedule({ t: 12, type: "heart.defibrillate" });
    s.schedule({ t: 15, type: "drug.bolus", drug: "phenylephrine", amount: 100 });
    s.schedule({ t: 16, type: "bleeding.set", rateMlPerMin: 200 });
    const names = ["patient.aop", "patient.map", "patient.hr", "patient.pao2", "patient.bloodVolume"];
    const idx = names.map((n) => s.signalIndex(n));
    const out: number[] = [];
    for (let k = 0; k < 300; k++) {
      s.advance(0.1);
      for (const i of idx) out.push(s.read(i));
    }
    return out;
  }
  it("same seed and actions give bit-identical signal traces", () => {
    const a = trace(7);
    const b = trace(7);
    expect(a.length).toBe(1500);
    expect(a).toEqual(b);
    expect(a.some((x, i) => !Object.is(x, b[i]))).toBe(false);
  });
  it("a different seed changes the VF course (the seed is used)", () => {
    expect(trace(7)).not.toEqual(trace(8));
  });
});

describe("allocation", () => {
  // Measured in a plain Node child process (see alloc-probe.ts) with gc exposed.
  const probe = (preset: string) => {
    const r = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "test/sim/alloc-probe.ts", preset],
      {
        encoding: "utf8",
      },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { fast: number; full: number; cpb: number };
  };
  for (const preset of ["adult-male", "neonate"]) {
    it(`${preset}: heap growth over 100k steps stays far below one boxed number per step`, () => {
      const { fast, full } = probe(preset);
      // One boxed number (16 B) per step would be 1.6 MB per 100k steps.
      expect(fast).toBeLessThan(50_000);
      // Right after start-up (two runs of 100k steps before this one) the rarely called slow-loop code is not yet
      // optimised and boxes its intermediates: measured 64–370 KB (before the register interfaces 410–450 KB). In
      // steady state the whole loop allocates nothing (alloc.test.ts, < 0.5 B per fast step). Bound 600 KB, below one
      // boxed number per fast step (1.6 MB).
      expect(full).toBeLessThan(600_000);
    });
  }
  it("adult on full bypass (circuit, oxygenator, cardioplegia): slow-loop garbage only, none per fast step", () => {
    const { cpb } = probe("adult-male");
    // 10 s after the circuit starts the circuit code is still warming up (functions not yet optimised box their
    // intermediates): measured 1.09–1.28 MB per 100k steps (2.27 MB before the register interfaces; 3.8–4.5 MB before
    // the blood functions had them). Bound 2 MB. In steady state on bypass nothing is allocated (alloc.test.ts).
    expect(cpb).toBeLessThan(2_000_000);
  });
});

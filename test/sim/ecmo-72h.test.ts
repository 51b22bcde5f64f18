/**
 * Issue 5, "done when": a 72 h run keeps volume conserved and shows the oxygenator's pressure drop rising.
 * adult-vv-ecmo's circuit and timeline, then a heparin infusion and maintenance crystalloid, in fast-forward
 * (docs/models/engine.md) with the oxygenator wear model (docs/models/ecmo.md).
 */
import { describe, expect, it } from "vitest";
import { totalVolume } from "../../src/sim/engine/network.ts";
import type { Simulation } from "../../src/sim/index.ts";
import type { PatientModel } from "../../src/sim/patient/model.ts";
import { scenarioSim } from "./cpb-helpers.ts";
import { read } from "./helpers.ts";

describe("72 h of VV ECMO in fast-forward", () => {
  it("conserves volume to 1e-9 while the clot burden and the oxygenator's pressure drop rise", () => {
    const sim: Simulation = scenarioSim("adult-vv-ecmo", true);
    // Heparin 15 U/min from 30 min; maintenance crystalloid 100 mL/h, ordered once a day.
    sim.schedule({ t: 1800, type: "drug.infusion", drug: "heparin", ratePerMin: 15 });
    for (let d = 0; d < 3; d++) {
      sim.schedule({
        t: 1800 + d * 86400,
        type: "fluid.give",
        fluid: "crystalloid",
        volumeMl: 2400,
        overSeconds: 86400,
      });
    }
    const m = (sim as unknown as { model: PatientModel }).model;
    const balance = (): number => totalVolume(m.net) + m.net.external[1]! - m.net.external[0]!;
    const v0 = balance();
    const hourly: { deltaP: number; clot: number; postPo2: number; sao2: number }[] = [];
    for (let h = 1; h <= 72; h++) {
      sim.advance(3600);
      hourly.push({
        deltaP: read(sim, "ecmo.deltaP"),
        clot: read(sim, "ecmo.clotBurden"),
        postPo2: read(sim, "ecmo.postPo2"),
        sao2: read(sim, "patient.sao2"),
      });
    }
    expect(sim.timeS).toBeCloseTo(72 * 3600, 6);
    expect(Math.abs(balance() - v0) / v0).toBeLessThan(1e-9);
    for (const row of hourly) for (const v of Object.values(row)) expect(Number.isFinite(v)).toBe(true);
    // The clot burden only grows (no circuit change): hour by hour.
    for (let h = 1; h < hourly.length; h++)
      expect(hourly[h]!.clot).toBeGreaterThanOrEqual(hourly[h - 1]!.clot);
    const first = hourly[0]!;
    const last = hourly[71]!;
    // Pressure drop rises (clot: ΔP ∝ 1/(1 − f), docs/models/ecmo.md) and gas transfer falls.
    expect(last.deltaP).toBeGreaterThan(1.3 * first.deltaP);
    expect(hourly[47]!.deltaP).toBeGreaterThan(hourly[23]!.deltaP);
    expect(last.postPo2).toBeLessThan(first.postPo2);
    // Most of the 72 h was coasted: about one window of the full model per minute or less.
    expect(m.fastForwardState!.windows).toBeLessThan(72 * 60 * 2);
  }, 600_000);
});

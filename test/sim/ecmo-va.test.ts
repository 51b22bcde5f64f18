/**
 * VA ECMO physics and the shipped VA scenarios (issue 5, docs/models/ecmo.md): differential hypoxaemia (Harlequin)
 * in adult-va-ecmo as the heart recovers with failing lungs, and its resolution by more VA flow and by the VAV
 * limb; LV distension with a closed aortic valve at high VA flow on a weak heart; the neonatal neck-cannulated VA
 * scenario.
 */
import { describe, expect, it } from "vitest";
import { patientFromPreset } from "../../src/sim/index.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";
import { vaPulsatilityAtRpm, vaStartedAt2000Rpm } from "../../src/validation/ecmo.ts";
import { meanOver, read, scenarioSim } from "./cpb-helpers.ts";
import * as C from "./ecmo-circuits.ts";

const until = (sim: PatientSimulation, t: number) => sim.advance(t - sim.timeS);

describe("adult-va-ecmo: Harlequin as the heart recovers with failing lungs", () => {
  it("right radial falls below femoral as contractility rises; more VA flow and then the VAV limb restore it", () => {
    const sim = scenarioSim("adult-va-ecmo");
    const snap = (t: number) => {
      until(sim, t - 10);
      return {
        radial: meanOver(sim, "patient.sao2RightRadial", 10),
        femoral: read(sim, "patient.sao2Femoral"),
        co: read(sim, "patient.co"),
        flow: read(sim, "ecmo.flow"),
        limb: read(sim, "ecmo.returnLimbFlow"),
        dpc: read(sim, "ecmo.distalPerfusionFlow"),
      };
    };
    // Measured (seed 1): weak heart 0.877 / 0.999 (CO 1.4, ECMO 3.46 L/min); recovered 0.815 / 0.997 (CO 3.37);
    // 5000 rpm 0.852 (ECMO 4.68); VAV 0.950 / 0.998 (limb 2.4 of 4.8 L/min).
    const weak = snap(890);
    expect(weak.co).toBeLessThan(2);
    expect(weak.flow).toBeGreaterThan(3);
    expect(weak.femoral - weak.radial).toBeGreaterThan(0.05);
    const recovered = snap(2390);
    expect(recovered.co).toBeGreaterThan(3);
    expect(recovered.radial).toBeLessThan(weak.radial - 0.04); // the mixing zone moved down the aorta
    expect(recovered.femoral - recovered.radial).toBeGreaterThan(0.15);
    expect(recovered.femoral).toBeGreaterThan(0.99);
    const highFlow = snap(2690);
    expect(highFlow.flow).toBeGreaterThan(4.3);
    expect(highFlow.radial).toBeGreaterThan(recovered.radial + 0.02);
    const vav = snap(3590);
    expect(vav.limb).toBeGreaterThan(1.5);
    expect(vav.radial).toBeGreaterThan(0.94);
    expect(vav.femoral - vav.radial).toBeLessThan(0.06);
    // The distal perfusion cannula feeds the leg throughout: a few hundred mL/min.
    for (const s of [weak, recovered, highFlow, vav]) {
      expect(s.dpc).toBeGreaterThan(150);
      expect(s.dpc).toBeLessThan(700);
    }
  });
});

describe("LV distension and a closed aortic valve at high VA flow with a weak heart", () => {
  it("pulse pressure falls to ~0 and the aortic valve stops opening as VA flow rises (contractility 0.2, SVR ×1.8)", () => {
    const patient = { ...patientFromPreset("adult-male"), contractilityFactor: 0.2, svrFactor: 1.8 };
    const sim = vaStartedAt2000Rpm(patient, C.vaFemoral());
    const at = (rpm: number) => vaPulsatilityAtRpm(sim, rpm);
    // Measured: 2500 rpm PP 13.2 mmHg, valve open 13.6 % of the time; 5000 rpm PP 0.0, never open, LV volume ≥ 190 mL all beat (each
    // speed held 2 min, then 10 s sampled every 20 ms).
    const low = at(2500);
    const mid = at(3500);
    const mid2 = at(4500);
    const high = at(5000);
    // Pulse pressure falls step by step as the retrograde flow rises (measured 13.2, 7.4, 1.2, 0.0 mmHg).
    expect(mid.pp).toBeLessThan(low.pp);
    expect(mid2.pp).toBeLessThan(mid.pp);
    expect(low.pp).toBeGreaterThan(8);
    expect(low.openFraction).toBeGreaterThan(0.05);
    expect(high.flow).toBeGreaterThan(4);
    expect(high.pp).toBeLessThan(2);
    expect(high.openFraction).toBe(0);
    // The LV no longer empties: its end-systolic volume climbs to the end-diastolic one (≈ 194 mL), distended.
    expect(high.lvMin).toBeGreaterThan(low.lvMin + 10);
    expect(high.lvMin).toBeGreaterThan(180);
  });
});

describe("neonate-va-ecmo: 3.5 kg, meconium aspiration with PPHN, neck cannulation", () => {
  it("pre/post-ductal gap before ECMO; 100–120 mL/kg/min on a neonatal circuit; saturated and ventilated", () => {
    const sim = scenarioSim("neonate-va-ecmo");
    const plan = sim.model.circuit!.plan;
    expect(plan.configuration).toBe("VA-neck");
    expect(sim.model.net.compNames[plan.arterialCannula.vessel]).toBe("ascendingAorta");
    until(sim, 290);
    // Right-to-left ductal shunt: the lower body (post-ductal) is bluer than the right hand (pre-ductal);
    // measured 0.789 / 0.726.
    const pre = read(sim, "patient.sao2RightRadial");
    const post = read(sim, "patient.sao2Femoral");
    expect(pre).toBeLessThan(0.85);
    expect(pre - post).toBeGreaterThan(0.03);
    expect(read(sim, "patient.papMean")).toBeGreaterThan(0.8 * read(sim, "patient.map")); // near-systemic PAP
    until(sim, 1800);
    // ELSO neonatal VA flow ≈ 100–120 mL/kg/min (docs/models/ecmo.md): 0.35–0.42 L/min at 3.5 kg.
    const flow = meanOver(sim, "ecmo.flow", 20);
    expect(flow).toBeGreaterThan(0.35);
    expect(flow).toBeLessThan(0.42);
    expect(read(sim, "patient.sao2RightRadial")).toBeGreaterThan(0.95);
    expect(read(sim, "patient.sao2Femoral")).toBeGreaterThan(0.95);
    expect(read(sim, "ecmo.inletPressure")).toBeGreaterThan(-40); // above the circuit's inlet limit: no chatter
    expect(read(sim, "ecmo.drainageSealed")).toBe(0);
    const paco2 = read(sim, "patient.paco2");
    expect(paco2).toBeGreaterThan(25);
    expect(paco2).toBeLessThan(45);
  });
});

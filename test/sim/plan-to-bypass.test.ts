/**
 * Plan → circuit → simulation, end to end, with the default catalogue: the 80 kg adult (centrifugal, clear prime),
 * the smallest neonate (2.5 kg, roller, DLP 12 Fr metal-tip venous cannula, VAVD as planned), a 20 kg child whose
 * plan adds packed red cells to the prime, and the 80 kg adult planned for mitral surgery (bicaval). The standard
 * initiation (src/planner/to-circuit.ts) takes each onto bypass; after 3 min:
 *   - pump flow = the plan's target flow within 5 %;
 *   - reservoir level above the plan's minimum operating level all the way after the venous line opens;
 *   - arterial Hct within 0.02 of the plan's own mixing formula at initiation (dilutionHct, Terumo formula,
 *     reference §5) with the plan's prime composition (prime Hct = rbcToAddMl·rbcHct / primeVolumeMl) and without
 *     the crystalloid cardioplegia the plan also counts (a 3-min initiation has not given it). Tolerance 0.02:
 *     the run's shell starts at twice the minimum level the plan counts (adult +150 mL, neonate +15 mL, child
 *     +200 mL) and blood in the heart and lungs mixes last; measured gaps are listed per case;
 *   - within 0.01 of the engine's own Hb mass balance (its own blood and circuit volumes and prime Hct);
 *   - with red cells planned, the Hct at initiation is at or above the plan's target Hct (the red cells were sized
 *     so that the target holds after the cardioplegia crystalloid too), and a clear prime would miss the plan by
 *     more than the tolerance (the test can fail).
 * Full bypass (the planner sizes cannulae with the simulator's blood-scaled cannula law, src/planner/cannulae.ts):
 *   - bypass fraction (pump flow / (pump + native output)) ≥ 0.98: the heart ejects < 2 % of the total, i.e. the
 *     venous drainage takes the whole venous return (the engine gives 1.000 when it does; a drainage shortfall
 *     lets the right heart fill and eject, 0.5–0.6 with the water-sized neonatal plan);
 *   - drainage holding: over the last 60 s the reservoir level changes by less than 1 % of the volume pumped in
 *     that time (drainage = pump flow within 1 %; a shortfall shows as a falling level);
 *   - the pump at the flow the cannulae were sized for (the full flow; for the neonate the target is the full flow)
 *     within 2 %: the pump is set to it, so a larger gap would mean the level detector or the pump limit stopped it.
 */
import { describe, expect, it } from "vitest";
import { dilutionHct } from "../../src/calc/haemodilution.ts";
import { loadPlannerData } from "../../src/io/catalogue-files.ts";
import { MMHG_PER_CM_BLOOD } from "../../src/planner/cannulae.ts";
import { plan } from "../../src/planner/plan.ts";
import { REFERENCE_PATIENTS } from "../../src/planner/reference-patients.ts";
import { circuitFromPlan, initiationActions, patientFromPlan } from "../../src/planner/to-circuit.ts";
import type { Plan } from "../../src/planner/types.ts";
import { createSimulation } from "../../src/sim/index.ts";
import type { PatientSimulation } from "../../src/sim/simulation.ts";

const { catalogue, protocol } = loadPlannerData();
const ref = (label: string) => REFERENCE_PATIENTS.find((p) => p.label === label)!;
const HCT_TOLERANCE = 0.02;

/** The plan's dilutionHct with its prime composition, without the crystalloid cardioplegia (not yet given). */
function planHctAtInitiation(p: Plan): number {
  const inputs = p.explanations.predictedHct!.inputs as Record<string, number>;
  return dilutionHct({
    weightKg: p.patient.weightKg,
    hct: p.patient.hct,
    ebvMlPerKg: inputs.ebvMlPerKg!,
    primeMl: inputs.primeMl!,
    primeHct: p.primeHct,
    otherFluidMl: inputs.otherFluidMl! - (p.cardioplegia?.crystalloidMl ?? 0),
  }).value;
}

interface RunOptions {
  primeHctOverride?: number;
  /** Run length, s (default 180). */
  untilS?: number;
  /** Step the pump to the plan's full flow at this time (s). */
  fullFlowAtS?: number;
}

function runPlan(p: Plan, options: RunOptions = {}) {
  const { primeHctOverride, untilS = 180, fullFlowAtS } = options;
  const circuit = circuitFromPlan(p, { catalogue }) as { prime: { hct: number } };
  if (primeHctOverride !== undefined) circuit.prime.hct = primeHctOverride;
  const primeHct = circuit.prime.hct;
  const sim = createSimulation({ patient: patientFromPlan(p), seed: 1, circuit }) as PatientSimulation;
  const rd = (n: string) => sim.read(sim.signalIndex(n));
  const bv0 = rd("patient.bloodVolume");
  const cv0 = rd("circuit.volume");
  for (const a of initiationActions(p, 0)) sim.schedule(a);
  if (fullFlowAtS !== undefined)
    sim.schedule({ t: fullFlowAtS, type: "arterialPump.setFlow", flowLPerMin: p.fullFlowLPerMin });
  let minLevel = Number.POSITIVE_INFINITY;
  let levelAt60sBeforeEnd = Number.NaN;
  while (sim.timeS < untilS - 1e-9) {
    sim.advance(0.5);
    if (sim.timeS > 5) minLevel = Math.min(minLevel, rd("circuit.venousReservoir.level"));
    if (Math.abs(sim.timeS - (untilS - 60)) < 1e-9) levelAt60sBeforeEnd = rd("circuit.venousReservoir.level");
  }
  const flow = rd("circuit.arterialPump.flow");
  return {
    primeHct,
    flow,
    minLevel,
    /** Level change over the last 60 s as a fraction of the volume pumped in that time. */
    levelDriftFraction: Math.abs(rd("circuit.venousReservoir.level") - levelAt60sBeforeEnd) / (flow * 1000),
    hct: rd("patient.hct"),
    /** Hb mass balance with the engine's own volumes: everything mixed. */
    massBalanceHct: (p.patient.hct * bv0 + primeHct * cv0) / (bv0 + cv0),
    bypassFraction: rd("circuit.bypassFraction"),
  };
}

describe("plan → circuit → bypass", () => {
  it("adult 80 kg (centrifugal, clear prime): target flow, level above minimum, planned Hct", () => {
    const p = plan(ref("adult 80 kg CPB"), protocol, catalogue);
    expect(p.rbcToAddMl).toBe(0);
    const r = runPlan(p);
    // Measured (seed 1): flow 3.98 of 4.00 L/min, Hct 0.350 against 0.360 at initiation (gap 0.010); the plan's
    // predictedHct 0.321 counts 800 mL of del Nido crystalloid.
    expect(r.primeHct).toBe(0);
    expect(Math.abs(r.flow / p.targetFlowLPerMin - 1)).toBeLessThan(0.05);
    expect(r.minLevel).toBeGreaterThan(p.reservoir!.minOperatingLevelMl);
    expect(Math.abs(r.hct - planHctAtInitiation(p))).toBeLessThanOrEqual(HCT_TOLERANCE);
    expect(Math.abs(r.hct - r.massBalanceHct)).toBeLessThanOrEqual(0.01);
    expect(r.bypassFraction).toBeGreaterThan(0.95);
  });

  it("neonate 2.5 kg (roller, DLP 12 Fr metal tip, VAVD): full bypass at the target flow and the planned Hct", () => {
    const p = plan(ref("neonate 2.5 kg CPB"), protocol, catalogue);
    expect(p.cannulae.every((c) => c.fr !== null)).toBe(true);
    expect(p.warnings.map((w) => w.code)).not.toContain("CANNULA_NO_DATA");
    expect(p.targetFlowLPerMin).toBe(p.fullFlowLPerMin); // weight-band flow: no reduction with temperature
    // The plan's VAVD covers the blood drop of the cannula (at 25 °C, its lowest temperature) and the 3/16" line.
    const venous = p.explanations["cannulae[1].pressureDropMmHg"]!;
    expect(p.vavdMmHg).toBe(
      Math.ceil(venous.value + p.venousLineDropMmHg! - p.drainageHeightCm * MMHG_PER_CM_BLOOD),
    );
    // Measured (seed 1): flow 0.499 of 0.500 L/min, bypass fraction 1.000, level steady (drift 2e-6 of the pumped
    // volume); Hct 0.272 against 0.291 at initiation (gap 0.019: +15 mL of shell prime on a 212 mL blood volume)
    // and 0.279 by the engine's own mass balance.
    const r = runPlan(p, { untilS: 240 });
    expect(r.primeHct).toBe(p.primeHct);
    expect(Math.abs(r.flow / p.fullFlowLPerMin - 1)).toBeLessThan(0.02);
    expect(r.bypassFraction).toBeGreaterThanOrEqual(0.98);
    expect(r.levelDriftFraction).toBeLessThan(0.01);
    expect(r.minLevel).toBeGreaterThan(p.reservoir!.minOperatingLevelMl);
    expect(Math.abs(r.hct - planHctAtInitiation(p))).toBeLessThanOrEqual(HCT_TOLERANCE);
    expect(Math.abs(r.hct - r.massBalanceHct)).toBeLessThanOrEqual(0.01);
    // The same circuit with the VAVD sized on the water chart (the fitted water curve's drop, as the planner did
    // before it used the blood-scaled law) stays on partial bypass: the test can fail.
    const waterDrop = venous.constants.dropOnDataFluidMmHg!;
    const waterVavd = Math.ceil(waterDrop + p.venousLineDropMmHg! - p.drainageHeightCm * MMHG_PER_CM_BLOOD);
    expect(waterVavd).toBeLessThan(p.vavdMmHg);
    const water = runPlan({ ...p, vavdMmHg: waterVavd }, { untilS: 240 });
    // Measured (seed 1): 9 mmHg of VAVD, bypass fraction 0.57, the level falling by 1.9 % of the pumped volume.
    expect(water.bypassFraction).toBeLessThan(0.9);
    expect(water.levelDriftFraction).toBeGreaterThan(0.01);
  });

  it("adult 80 kg mitral (bicaval: SVC and IVC cannulae into a Y): full bypass at the full flow the cannulae were sized for", () => {
    const p = plan({ ...ref("adult 80 kg CPB"), surgery: "mitral" }, protocol, catalogue);
    expect(p.venousCannulation).toBe("bicaval");
    const venous = p.cannulae.filter((c) => c.role === "venous");
    expect(venous.map((c) => c.site)).toEqual(["svc", "ivc"]);
    expect(venous.every((c) => c.withinLimit)).toBe(true);
    expect(p.vavdMmHg).toBe(0); // gravity drains it
    // Initiation to the target (4.0 L/min at 32 °C), then the full flow (4.8 L/min at 37 °C) at 100 s.
    // Measured (seed 1): 18 Fr SVC (25.1 mmHg at 1.68 L/min) and 22 Fr IVC (24.5 mmHg at 3.12 L/min) within the
    // 34.3 mmHg budget (siphon − venous line); flow 4.78 of 4.80 L/min, bypass fraction 1.000, level drift 0.05 %
    // of the pumped volume over the last 60 s. (With the water-chart sizes, 16 Fr SVC / 22 Fr IVC, this engine
    // also reaches full bypass here: the 16 Fr SVC's blood drop, 38 mmHg, exceeds the budget by 4 mmHg only.)
    const r = runPlan(p, { untilS: 240, fullFlowAtS: 100 });
    expect(Math.abs(r.flow / p.fullFlowLPerMin - 1)).toBeLessThan(0.02);
    expect(r.bypassFraction).toBeGreaterThanOrEqual(0.98);
    expect(r.levelDriftFraction).toBeLessThan(0.01);
    expect(r.minLevel).toBeGreaterThan(p.reservoir!.minOperatingLevelMl);
  });

  it("child 20 kg with planned red cells: the prime carries them and the Hct reaches the plan", () => {
    const p = plan(ref("child 20 kg CPB"), protocol, catalogue);
    expect(p.rbcToAddMl).toBeGreaterThan(100);
    // The planner's mixing formula: prime Hct = V_rbc·Hct_rbc / V_prime.
    expect(p.primeHct).toBeCloseTo((p.rbcToAddMl * p.rbcHct) / p.primeVolumeMl, 3);
    expect(p.predictedHctWithRbc).toBeCloseTo(p.targetHct, 3);
    const r = runPlan(p);
    expect(r.primeHct).toBe(p.primeHct);
    const planned = planHctAtInitiation(p);
    // Measured (seed 1): Hct 0.279 against 0.296 at initiation (gap 0.017: the shell's extra 200 mL); a clear
    // prime gives 0.266 (gap 0.030).
    expect(Math.abs(r.flow / p.targetFlowLPerMin - 1)).toBeLessThan(0.05);
    expect(Math.abs(r.hct - planned)).toBeLessThanOrEqual(HCT_TOLERANCE);
    expect(Math.abs(r.hct - r.massBalanceHct)).toBeLessThanOrEqual(0.01);
    expect(r.hct).toBeGreaterThanOrEqual(p.targetHct);
    const clear = runPlan(p, { primeHctOverride: 0 });
    expect(planned - clear.hct).toBeGreaterThan(HCT_TOLERANCE);
  });
});

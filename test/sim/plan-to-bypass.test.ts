/**
 * Plan → circuit → simulation, end to end, with the default catalogue: the 80 kg adult (centrifugal, clear prime),
 * the smallest neonate (2.5 kg, roller, DLP 12 Fr metal-tip venous cannula, VAVD as planned) and a 20 kg child whose
 * plan adds packed red cells to the prime. The standard initiation (src/planner/to-circuit.ts) takes each onto
 * bypass; after 3 min:
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
 */
import { describe, expect, it } from "vitest";
import { dilutionHct } from "../../src/calc/haemodilution.ts";
import { loadPlannerData } from "../../src/io/catalogue-files.ts";
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

function runPlan(p: Plan, primeHctOverride?: number) {
  const circuit = circuitFromPlan(p, { catalogue }) as { prime: { hct: number } };
  if (primeHctOverride !== undefined) circuit.prime.hct = primeHctOverride;
  const primeHct = circuit.prime.hct;
  const sim = createSimulation({ patient: patientFromPlan(p), seed: 1, circuit }) as PatientSimulation;
  const rd = (n: string) => sim.read(sim.signalIndex(n));
  const bv0 = rd("patient.bloodVolume");
  const cv0 = rd("circuit.volume");
  for (const a of initiationActions(p, 0)) sim.schedule(a);
  let minLevel = Number.POSITIVE_INFINITY;
  while (sim.timeS < 180 - 1e-9) {
    sim.advance(0.5);
    if (sim.timeS > 5) minLevel = Math.min(minLevel, rd("circuit.venousReservoir.level"));
  }
  return {
    primeHct,
    flow: rd("circuit.arterialPump.flow"),
    minLevel,
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

  it("neonate 2.5 kg (roller, DLP 12 Fr metal tip, VAVD): the target pump flow and the planned Hct", () => {
    const p = plan(ref("neonate 2.5 kg CPB"), protocol, catalogue);
    expect(p.cannulae.every((c) => c.fr !== null)).toBe(true);
    expect(p.warnings.map((w) => w.code)).not.toContain("CANNULA_NO_DATA");
    expect(p.vavdMmHg).toBeGreaterThan(0);
    // Measured (seed 1): flow 0.499 of 0.500 L/min, Hct 0.279 against 0.291 at initiation (+15 mL of shell prime
    // on a 212 mL blood volume is 0.012 of it). Partial bypass (fraction 0.55): the planner sizes the cannula on
    // its water chart (12 mmHg at 0.5 L/min) and asks for 8 mmHg of VAVD, while the engine scales the chart to
    // blood (viscous term × μ_blood/μ_water), so the real drop exceeds the siphon + VAVD (docs/planner.md).
    const r = runPlan(p);
    expect(r.primeHct).toBe(p.primeHct);
    expect(Math.abs(r.flow / p.targetFlowLPerMin - 1)).toBeLessThan(0.05);
    expect(r.minLevel).toBeGreaterThan(p.reservoir!.minOperatingLevelMl);
    expect(Math.abs(r.hct - planHctAtInitiation(p))).toBeLessThanOrEqual(HCT_TOLERANCE);
    expect(Math.abs(r.hct - r.massBalanceHct)).toBeLessThanOrEqual(0.01);
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
    const clear = runPlan(p, 0);
    expect(planned - clear.hct).toBeGreaterThan(HCT_TOLERANCE);
  });
});

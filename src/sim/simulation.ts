/**
 * The public simulation object: a patient model, an action queue applied at step boundaries, and the
 * signal registry. `plan + seed + actions → signals`, deterministic.
 */
import { InputError } from "../common/errors.ts";
import { type Action, CIRCUIT_ACTION_TYPES, type ValidAction, validateAction } from "./actions.ts";
import { type CircuitPlan, planCircuit } from "./cpb/build.ts";
import { CIRCUIT_SIGNALS, ECMO_SIGNALS } from "./cpb/signals.ts";
import { totalVolume } from "./engine/network.ts";
import * as C from "./patient/chemistry.ts";
import { FLUID_COMPOSITION } from "./patient/fluids.ts";
import { RHYTHM_ASYSTOLE, RHYTHM_SINUS, RHYTHM_VF, RHYTHMS } from "./patient/heart.ts";
import * as X from "./patient/layout.ts";
import { DT, PatientModel } from "./patient/model.ts";
import { M_CORONARY, M_UPPER } from "./patient/monitor.ts";
import { type PatientSpec, validatePatientSpec } from "./patient/spec.ts";
import { S, SIGNALS, type SignalSpec, signalIndexOf } from "./signals.ts";

export interface Simulation {
  readonly timeS: number;
  readonly signals: readonly SignalSpec[];
  signalIndex(name: string): number;
  read(signalIndex: number): number;
  schedule(action: Action): void;
  advance(seconds: number): void;
  /**
   * Fast-forward (docs/models/engine.md): windows of the full model alternate with coasts of the slow physiology on
   * the window's mean flows, for hours to days of simulated time when pulsatility is not needed.
   */
  fastForward: boolean;
}

/** Longest single advance (s): a day. */
const MAX_ADVANCE_S = 86400;

/** Actions that need an open circuit's venous reservoir (or its cardioplegia set). */
const CPB_ONLY_ACTIONS: readonly string[] = ["vavd.set", "suckers.set", "vent.set", "cardioplegia.deliver"];

export class PatientSimulation implements Simulation {
  readonly model: PatientModel;
  /** The patient's signals, then (with a circuit) the circuit's. */
  readonly signals: readonly SignalSpec[];
  private readonly circuitIndex = new Map<string, number>();
  private readonly queue: { step: number; seq: number; action: ValidAction }[] = [];
  private seq = 0;

  constructor(patient: PatientSpec, seed: number, circuit?: CircuitPlan) {
    this.model = new PatientModel(patient, seed, circuit);
    // A closed (ECMO) circuit adds the ECMO signals after the circuit's.
    const extra = circuit ? (circuit.closed ? [...CIRCUIT_SIGNALS, ...ECMO_SIGNALS] : CIRCUIT_SIGNALS) : [];
    this.signals = circuit ? [...SIGNALS, ...extra] : SIGNALS;
    for (let j = 0; j < extra.length; j++) this.circuitIndex.set(extra[j]!.name, SIGNALS.length + j);
  }

  get timeS(): number {
    return this.model.timeS;
  }

  get fastForward(): boolean {
    return this.model.fastForward;
  }
  set fastForward(on: boolean) {
    if (typeof on !== "boolean") {
      throw new InputError({ field: "fastForward", allowed: "true or false", received: String(on) });
    }
    this.model.fastForward = on;
  }

  signalIndex(name: string): number {
    const j = this.circuitIndex.get(name);
    if (j !== undefined) return j;
    if (name.startsWith("circuit.") && !this.model.circuit) {
      throw new InputError({
        field: "signal",
        allowed: "a patient signal: this simulation has no circuit (create it with a `circuit`)",
        received: name,
      });
    }
    if (name.startsWith("ecmo.") || name === "patient.sao2RightRadial" || name === "patient.sao2Femoral") {
      throw new InputError({
        field: "signal",
        allowed:
          "a signal of this simulation: ECMO signals need a closed circuit (no reservoir, centrifugal pump)",
        received: name,
      });
    }
    return signalIndexOf(name);
  }

  read(i: number): number {
    const m = this.model;
    if (i >= SIGNALS.length && m.circuit && i < this.signals.length)
      return m.circuit.read(i - SIGNALS.length);
    const mon = m.monitor;
    const c = m.chem.out;
    const P = m.net.P;
    switch (i) {
      case S.hr:
        return mon.hr;
      case S.sbp:
        return mon.sbp;
      case S.dbp:
        return mon.dbp;
      case S.map:
        return mon.map;
      case S.cvp:
        return mon.cvp;
      case S.papMean:
        return mon.papMean;
      case S.lap:
        return mon.lap;
      case S.co:
        return mon.coMlPerS * 0.06;
      case S.sv:
        return mon.sv;
      case S.sao2:
        return c[C.C_SAO2]!;
      case S.svo2:
        return c[C.C_SVO2]!;
      case S.pao2:
        return c[C.C_PAO2]!;
      case S.paco2:
        return c[C.C_PACO2]!;
      case S.ph:
        return c[C.C_PH]!;
      case S.hb:
        return c[C.C_HB]!;
      case S.hct:
        return c[C.C_HCT]!;
      case S.lactate:
        return c[C.C_LACTATE]!;
      case S.tempCore:
        return c[C.C_TCORE]!;
      case S.vo2:
        return c[C.C_VO2]!;
      case S.vco2:
        return c[C.C_VCO2]!;
      case S.act:
        return c[C.C_ACT]!;
      case S.bloodVolume:
        // The patient's intravascular volume: the circuit's compartments are not the patient's.
        return m.circuit ? totalVolume(m.net) - m.circuit.volume() : totalVolume(m.net);
      case S.aop:
        return P[X.AAO]!;
      case S.cvpWave:
        return P[X.RA]!;
      case S.papWave:
        return P[X.PA]!;
      case S.lvPressure:
        return P[X.LV]!;
      case S.lvVolume:
        return m.net.V[X.LV]!;
      case S.svr:
        return mon.coMlPerS > 0 ? (mon.map - mon.cvp) / mon.coMlPerS : 0;
      case S.pvr:
        return mon.coMlPerS > 0 ? (mon.papMean - mon.lap) / mon.coMlPerS : 0;
      case S.tempPeriphery:
        return c[C.C_TPERIPH]!;
      case S.urineOutput:
        return m.urineTotal;
      case S.bleedingTotal:
        return m.bleedTotal;
      case S.fluidTotal:
        return m.fluidGiven;
      case S.etco2:
        return c[C.C_ETCO2]!;
      case S.do2:
        return mon.coMlPerS * 0.6 * c[C.C_CAO2]!;
      case S.coronaryFlow:
        return mon.out[M_CORONARY]! * 60;
      case S.upperBodyFlow:
        return mon.out[M_UPPER]! * 60;
      case S.heparin:
        return c[C.C_HEPARIN]!;
      case S.potassium:
        return c[C.C_POTASSIUM]!;
      case S.glucose:
        return c[C.C_GLUCOSE]!;
      default:
        throw new InputError({
          field: "signalIndex",
          allowed: `an integer 0–${SIGNALS.length - 1}`,
          received: String(i),
        });
    }
  }

  schedule(action: Action): void {
    const a = validateAction(action);
    if (!this.model.circuit && CIRCUIT_ACTION_TYPES.includes(a.type)) {
      throw new InputError({
        field: "action.type",
        allowed:
          "a patient action: this simulation has no extracorporeal circuit (create it with a `circuit`)",
        received: JSON.stringify(a.type),
      });
    }
    if (this.model.circuit) this.checkCircuitAction(a);
    if (a.t < this.timeS - 1e-9) {
      throw new InputError({
        field: "action.t",
        allowed: `≥ the current time ${this.timeS} s`,
        received: String(a.t),
      });
    }
    // Applied at the first step boundary at or after t.
    const step = Math.max(this.model.steps, Math.ceil(a.t / DT - 1e-6));
    const entry = { step, seq: this.seq++, action: a };
    let k = this.queue.length;
    while (k > 0 && this.queue[k - 1]!.step > step) k--;
    this.queue.splice(k, 0, entry);
  }

  advance(seconds: number): void {
    if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_ADVANCE_S) {
      throw new InputError({
        field: "seconds",
        allowed: `a number ≥ 0 and ≤ ${MAX_ADVANCE_S}`,
        received: String(seconds),
      });
    }
    const m = this.model;
    const end = m.steps + Math.round(seconds / DT);
    for (;;) {
      while (this.queue.length > 0 && this.queue[0]!.step <= m.steps) this.apply(this.queue.shift()!.action);
      const next = this.queue.length > 0 ? Math.min(this.queue[0]!.step, end) : end;
      if (next > m.steps) m.run(next - m.steps);
      if (m.steps >= end) break;
    }
    while (this.queue.length > 0 && this.queue[0]!.step <= m.steps) this.apply(this.queue.shift()!.action);
  }

  /** Circuit-specific limits, checked when the action is scheduled (never half-way through a run). */
  private checkCircuitAction(a: ValidAction): void {
    const c = this.model.circuit!;
    const pump = c.plan.pump;
    const maxRpm = pump.params.maxRpm;
    if (a.type === "arterialPump.setRpm" && a.rpm > maxRpm) {
      throw new InputError({
        field: "action.rpm",
        allowed: `≤ the pump's maximum ${maxRpm} 1/min`,
        received: String(a.rpm),
      });
    }
    if (a.type === "arterialPump.setFlow" && pump.kind === "roller") {
      const max = (maxRpm * pump.params.strokeVolumeMlPerRev) / 1000;
      if (a.flowLPerMin > max) {
        throw new InputError({
          field: "action.flowLPerMin",
          allowed: `≤ ${max.toFixed(2)} L/min (stroke volume × maximum rpm)`,
          received: String(a.flowLPerMin),
        });
      }
    }
    if (a.type === "circuit.transfuse" && pump.kind === "roller") {
      const max = maxRpm * pump.params.strokeVolumeMlPerRev;
      if ((a.rateMlPerMin ?? 200) > max) {
        throw new InputError({
          field: "action.rateMlPerMin",
          allowed: `≤ ${max.toFixed(0)} mL/min (stroke volume × maximum rpm)`,
          received: String(a.rateMlPerMin ?? 200),
        });
      }
    }
    if (a.type === "clamp.set" && !c.hasClamp(a.clamp)) {
      throw new InputError({
        field: "action.clamp",
        allowed: "a line this circuit has (returnLimb / distalPerfusionLine need that limb behind a Y)",
        received: JSON.stringify(a.clamp),
      });
    }
    // A closed (ECMO) circuit has no reservoir: nothing can be vented, sucked or vacuum-drained into it, and it has
    // no cardioplegia set (docs/models/ecmo.md).
    if (c.plan.closed && CPB_ONLY_ACTIONS.includes(a.type)) {
      throw new InputError({
        field: "action.type",
        allowed: `an action for a closed ECMO circuit (not ${CPB_ONLY_ACTIONS.join(", ")}: they need a venous reservoir)`,
        received: JSON.stringify(a.type),
      });
    }
    if (a.type === "ecmo.changeCircuit") {
      if (!c.plan.closed) {
        throw new InputError({
          field: "action.type",
          allowed:
            "an action for this circuit: ecmo.changeCircuit needs a closed ECMO circuit (no reservoir)",
          received: JSON.stringify(a.type),
        });
      }
      if ((a.prime ?? "crystalloid") === "crystalloid" && a.primeHct !== undefined) {
        throw new InputError({
          field: "action.primeHct",
          allowed: 'only with prime "blood" (a crystalloid prime has no red cells)',
          received: String(a.primeHct),
        });
      }
    }
    if (a.type === "haemoconcentrator.set" && !c.plan.haemoconcentrator && a.rateMlPerMin > 0) {
      throw new InputError({
        field: "action.type",
        allowed: "an action for a component the circuit has (it has no haemoconcentrator)",
        received: JSON.stringify(a.type),
      });
    }
  }

  private apply(a: ValidAction): void {
    const m = this.model;
    m.invalidateFastForward();
    const chem = m.chem;
    const c = m.circuit;
    if (c) this.applyCircuit(c, a);
    switch (a.type) {
      case "drug.bolus":
        chem.addDrug(C.DRUG_NAMES.indexOf(a.drug), a.amount);
        break;
      case "drug.infusion":
        chem.infusionPerS[C.DRUG_NAMES.indexOf(a.drug)] = a.ratePerMin / 60;
        break;
      case "fluid.give": {
        const overS = a.overSeconds ?? 300;
        chem.setFluid(a.fluid, a.tempC ?? 37);
        void FLUID_COMPOSITION;
        m.fluidTarget = m.fluidGiven + a.volumeMl;
        m.fluidRate = overS > 0 ? a.volumeMl / overS : a.volumeMl / DT;
        break;
      }
      case "bleeding.set":
        m.bleedRate = a.rateMlPerMin / 60;
        break;
      case "ventilator.set":
        chem.ventMode = a.mode;
        if (a.fio2 !== undefined) chem.fio2 = a.fio2;
        if (a.rateBpm !== undefined) chem.rateBpm = a.rateBpm;
        if (a.tidalVolumeMl !== undefined) chem.tidalVolumeMl = a.tidalVolumeMl;
        if (a.peepCmH2O !== undefined) chem.peepCmH2O = a.peepCmH2O;
        // PEEP (or CPAP with spontaneous breathing) acts while the airway is pressurised, not when it is off.
        m.setPeep(chem.peepCmH2O, a.mode !== "off");
        break;
      case "heart.setRhythm":
        m.heart.setRhythm([RHYTHM_SINUS, RHYTHM_ASYSTOLE, RHYTHM_VF][RHYTHMS.indexOf(a.rhythm)]!);
        break;
      case "heart.defibrillate":
        // A shock ends VF in most attempts (seeded); energy-dependence is not modelled.
        if (m.heart.rhythm === RHYTHM_VF && m.rng.next() < 0.9) m.heart.setRhythm(RHYTHM_SINUS);
        break;
      case "patient.setTemperature":
        chem.setTemperature(a.tempC);
        break;
      case "thermal.setBlanket":
        chem.blanketWaterC = a.waterTempC;
        break;
      case "patient.set":
        if (a.svrFactor !== undefined) m.svrFactor = a.svrFactor;
        if (a.pvrFactor !== undefined) m.pvrFactor = a.pvrFactor;
        if (a.contractilityFactor !== undefined) m.contractilityFactor = a.contractilityFactor;
        if (a.shuntFraction !== undefined) chem.shuntFraction = a.shuntFraction;
        if (a.deadSpaceFraction !== undefined) chem.deadSpaceFraction = a.deadSpaceFraction;
        if (a.metabolicRateFactor !== undefined) chem.metabolicRateFactor = a.metabolicRateFactor;
        if (a.pdaOpenFraction !== undefined) m.net.open[X.PDA] = a.pdaOpenFraction;
        if (a.baroreflex !== undefined) m.baro.enabled = a.baroreflex;
        break;
    }
    m.applyFactors();
  }

  private applyCircuit(c: NonNullable<PatientModel["circuit"]>, a: ValidAction): void {
    switch (a.type) {
      case "arterialPump.setFlow":
        c.setFlow(a.flowLPerMin);
        break;
      case "arterialPump.setRpm":
        c.setRpm(a.rpm);
        break;
      case "arterialPump.stop":
        c.stop();
        break;
      case "clamp.set":
        c.setClamp(a.clamp, a.occlusion);
        break;
      case "gas.set":
        c.setGas(a.fio2, a.sweepGasFlowLPerMin);
        break;
      case "vaporizer.set":
        c.setVaporizer(a.percent);
        break;
      case "heaterCooler.set":
        c.setWaterTemp(a.waterTempC);
        break;
      case "vavd.set":
        c.setVavd(a.on, a.pressureMmHg);
        break;
      case "cardioplegia.deliver":
        c.deliverCardioplegia(a.volumeMl, a.route, a.solution, a.flowMlPerMin);
        break;
      case "aorticCrossClamp.set":
        c.setCrossClamp(a.on);
        break;
      case "suckers.set":
        c.setSuckers(a.rateMlPerMin);
        break;
      case "vent.set":
        c.setVent(a.rateMlPerMin);
        break;
      case "haemoconcentrator.set":
        c.setHaemoconcentrator(a.rateMlPerMin);
        break;
      case "circuit.transfuse":
        c.transfuse(a.volumeMl, a.rateMlPerMin ?? 200);
        break;
      case "circuit.sample":
        c.sample(a.volumeMl);
        break;
      case "interlock.set":
        c.setInterlock(a.interlock, a.enabled);
        break;
      case "interlock.reset":
        c.resetInterlocks();
        break;
      case "fault.inject":
        c.injectFault(a.fault, a.severity);
        break;
      case "fault.clear":
        c.clearFault(a.fault);
        break;
      case "ecmo.changeCircuit":
        c.changeCircuit(
          a.prime === "blood" ? (a.primeHct ?? 0.28) : 0,
          a.primeHeparinU ?? c.plan.primeHeparinU,
          a.interruptionS ?? 60,
        );
        break;
    }
  }
}

/**
 * A simulation of `patient` (validated), optionally with an extracorporeal `circuit` (a plain JSON circuit
 * description, src/sim/circuit/spec.ts) joined to the patient's network. An invalid circuit is refused with one
 * InputError listing every problem.
 */
export function createSimulation(opts: {
  patient: PatientSpec;
  seed?: number;
  circuit?: unknown;
  /** Start in fast-forward (no pulsatile waveforms; see Simulation.fastForward). */
  fastForward?: boolean;
}): Simulation {
  const patient = validatePatientSpec(opts.patient);
  const plan = opts.circuit === undefined ? undefined : planCircuit(opts.circuit);
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InputError({ field: "seed", allowed: "an integer 0–4294967295", received: String(seed) });
  }
  const sim = new PatientSimulation(patient, seed, plan);
  if (opts.fastForward !== undefined) sim.fastForward = opts.fastForward;
  return sim;
}

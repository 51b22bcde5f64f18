/**
 * The public simulation object: a patient model, an action queue applied at step boundaries, and the
 * signal registry. `plan + seed + actions → signals`, deterministic.
 */
import { InputError } from "../common/errors.ts";
import { type Action, type ValidAction, validateAction } from "./actions.ts";
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
}

/** Longest single advance (s): a day. */
const MAX_ADVANCE_S = 86400;

export class PatientSimulation implements Simulation {
  readonly model: PatientModel;
  readonly signals = SIGNALS;
  private readonly queue: { step: number; seq: number; action: ValidAction }[] = [];
  private seq = 0;

  constructor(patient: PatientSpec, seed: number) {
    this.model = new PatientModel(patient, seed);
  }

  get timeS(): number {
    return this.model.timeS;
  }

  signalIndex(name: string): number {
    return signalIndexOf(name);
  }

  read(i: number): number {
    const m = this.model;
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
        return totalVolume(m.net);
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

  private apply(a: ValidAction): void {
    const m = this.model;
    const chem = m.chem;
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
        if (a.pdaOpenFraction !== undefined) m.net.open[X.PDA] = a.pdaOpenFraction;
        if (a.baroreflex !== undefined) m.baro.enabled = a.baroreflex;
        break;
    }
    m.applyFactors();
  }
}

export function createSimulation(opts: { patient: PatientSpec; seed?: number }): Simulation {
  const patient = validatePatientSpec(opts.patient);
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InputError({ field: "seed", allowed: "an integer 0–4294967295", received: String(seed) });
  }
  return new PatientSimulation(patient, seed);
}

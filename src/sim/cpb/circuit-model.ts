// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * The extracorporeal circuit at run time (docs/models/cpb.md): its slow-loop physics (every 20 ms) on the shared
 * network and composition arrays — pump commands and interlocks, nonlinear resistances (cannula chords, viscosity),
 * the oxygenator's gas transfer and heat exchanger (every 100 ms, exact mass bookkeeping), cardioplegia and the
 * myocardial K+ arrest, air, faults — and the readouts behind the circuit signals.
 *
 * All state that changes during a run lives in Float64Arrays (no boxing in the loops); nothing is allocated after
 * construction.
 */

import * as AB from "../blood/acid-base.ts";
import * as BLOOD from "../blood/index.ts";
import * as ODC from "../blood/odc.ts";
import * as VISC from "../blood/viscosity.ts";
import { HAEM_FREE_HB, HAEM_HAPTO } from "../circuit/haemolysis.ts";
import type { CardioplegiaParams, CardioplegiaRecipe } from "../circuit/index.ts";
import * as CIRCUIT from "../circuit/index.ts";
import { combinedClotFraction, WEAR_BURDEN } from "../circuit/oxygenator-wear.ts";
import * as DRUGS_M from "../drugs/index.ts";
import * as EXCH from "../exchange/index.ts";
import * as CHEM from "../patient/chemistry.ts";
import { primePotassiumGlucose } from "../patient/fluids.ts";
import * as HEART from "../patient/heart.ts";
import * as LAYOUT from "../patient/layout.ts";
import type { PatientModel } from "../patient/model.ts";
import type { CircuitPlan } from "./build.ts";
import * as DRAIN from "./ecmo-drainage.ts";
import { streamingFraction } from "./ecmo-recirculation.ts";
import * as LONG from "./long-run.ts";
import * as SIG from "./signals.ts";

// Imported bindings copied to module-local constants once (each use of an imported binding is a getter call
// under the module transform tsx applies; this file runs every slow step).
const { bloodViscosityCp, po2FromO2Content, so2FromPo2, solveAcidBase } = BLOOD;
const { bloodViscosityIo, VISC_IO } = VISC;
const { AB_IO, solveAcidBaseIo } = AB;
const { ODC_IO, po2FromO2ContentIo, so2FromPo2Io } = ODC;
const {
  ALARMS,
  airCarriedUl,
  bubbleDetected,
  buildCardioplegiaParams,
  CARDIOPLEGIA_RECIPES,
  clampOpenFraction,
  createInterlockSettings,
  createInterlockState,
  createMyocardialState,
  createOxygenatorState,
  EQ_CO2_REMOVED_ML,
  EQ_O2_UPTAKE_ML,
  EQ_PCO2,
  EQ_PH,
  EQ_PO2,
  effectiveSweepLPerMin,
  filterAirPassedUl,
  IS_ALARMS,
  IS_BUBBLE_LATCHED,
  IS_LEVEL_LATCHED,
  MYO_ARRESTED,
  MYO_K_MMOL_PER_L,
  OX_OUT_SIZE,
  OX_VCO2_ML_PER_MIN,
  OX_VO2_ML_PER_MIN,
  OXS_CLOT_FRACTION,
  OXS_FIO2,
  OXS_GAS_SUPPLY_OK,
  OXS_PLASMA_LEAK_FRACTION,
  OXS_SWEEP_L_PER_MIN,
  OXS_VOLATILE_PERCENT,
  OXS_WATER_FLOW_OK,
  OXS_WATER_TEMP_C,
  oxygenatorOutletTempC,
  oxygenatorTransfer,
  oxygenatorVolatilePercent,
  RD_AIR_DETECTED,
  RD_ARTERIAL_PRESSURE_MMHG,
  RD_ARTERIAL_TEMP_C,
  RD_LEVEL_ML,
  RD_OPERATOR_RESET,
  RD_OXYGENATOR_DELTA_P_MMHG,
  RD_SIZE,
  RD_SWEEP_L_PER_MIN,
  RD_VENOUS_PRESSURE_MMHG,
  reservoirAirFraction,
  reservoirGasPressureMmHg,
  ST_BUBBLE_ENABLED,
  ST_LEVEL_ENABLED,
  ST_PRESSURE_ENABLED,
  stepInterlocks,
  MYO_IO,
  stepMyocardialPotassiumIo,
  ultrafiltrationMlPerS,
} = CIRCUIT;
const { CO2_ML_PER_MMOL } = EXCH;
const { changeCircuit, changingCircuit, createLongRunState, LR_CHANGES, LR_DISCARDED_ML, stepLongRun } = LONG;
const { DRUG_HEPARIN } = DRUGS_M;
const { N_SPECIES, SP_BE, SP_CO2, SP_DRUG0, SP_HB, SP_HEAT, SP_LACTATE, SP_O2 } = CHEM;
const { C_POTASSIUM, SP_GLUCOSE, SP_POTASSIUM } = CHEM;
const { RHYTHM_ASYSTOLE, RHYTHM_SINUS, RHYTHM_VF } = HEART;
const { CS, ES } = SIG;
const { DRAIN_IO, DRAINAGE_STATE_SLOTS, drainageOpenFractionIo } = DRAIN;
const N_CIRCUIT_SIGNALS = SIG.CIRCUIT_SIGNALS.length;
const X = { ...LAYOUT };

/** The oxygenator's gas transfer runs every OX_EVERY slow steps (100 ms): ≈ 20 µs per call → 0.2 µs per fast step. */
export const OX_EVERY = 5;
/** In-line venous monitor refresh: every 10 slow steps (0.2 s). */
const MONITOR_EVERY = 10;
/**
 * Myocardial K+ before any cardioplegia and of the washout perfusate (mmol/L). The delivered mixture uses the
 * patient's arterial plasma K+ (`patient.potassium`, a carried species, docs/models/metabolism.md).
 */
export const BLOOD_K_MMOL_PER_L = 4.5;
/** Retrograde cardioplegia reaches this fraction of the myocardium (cardioplegia.ts default, [U]). */
const RETROGRADE_REACH = 0.75;
/**
 * Probability that the heart fibrillates when it comes out of cardioplegic arrest on reperfusion (seeded): reperfusion
 * VF after cross-clamp removal is common in CABG (reported in roughly half to three quarters of cases in older series
 * without lidocaine/magnesium); 0.6 is a model setting [U].
 */
export const REPERFUSION_VF_PROBABILITY = 0.6;
/** Air entering an open port on the pump inlet side at severity 1 (µL/s) [U]. */
const OPEN_PORT_AIR_UL_PER_S = 2000;
/** Representative bubble diameter of entrained air (µm): larger than a 40 µm filter screen [U]. */
const BUBBLE_DIAMETER_UM = 100;
/** Drawing speed of a blood sample through the sampling port, mL/s [U]. */
const SAMPLE_ML_PER_S = 5;
/** Default cardioplegia delivery flow per gram of heart, mL/min/g [U: ≈ 300 mL/min for a 300 g heart]. */
const CARDIOPLEGIA_ML_PER_MIN_PER_G = 1;

export const FAULTS = [
  "venousAirEntry",
  "openPort",
  "arterialLineKink",
  "venousLineKink",
  "oxygenatorClotting",
  "plasmaLeak",
  "gasSupplyLoss",
  "heaterCoolerFailure",
  "pumpFailure",
  "oxygenatorWear",
] as const;
export type Fault = (typeof FAULTS)[number];
export const INTERLOCKS = ["level", "bubble", "pressure"] as const;
/** `returnLimb`: the VAV venous return limb; `distalPerfusionLine`: the distal perfusion cannula's line (ECMO). */
export const CLAMPS = ["venousLine", "arterialLine", "returnLimb", "distalPerfusionLine"] as const;

// Run-time state (Float64Array `s`).
const S_RPM_SET = 0; // operator speed, 1/min
const S_FLOW_TARGET = 1; // L/min, ≥ 0 when the pump follows a flow target (centrifugal servo), −1 otherwise
const S_PUMP_FACTOR = 2; // interlock × failure factor
const S_RPM = 3; // actual speed
const S_FLOW = 4; // mL/s through the pump, last slow step
const S_VISC = 5; // cP, circuit blood
const S_OX_MOVED = 6; // mL through the pump since the last gas exchange
const S_OX_COUNTER = 7;
const S_ART_TEMP = 8;
const S_POST_PO2 = 9;
const S_POST_PCO2 = 10;
const S_POST_PH = 11;
const S_VENOUS_SO2 = 12;
const S_VENOUS_HCT = 13;
const S_MON_COUNTER = 14;
const S_CP_LEFT = 15; // mL still to deliver
const S_CP_FLOW = 16; // mL/s
const S_CP_TOTAL = 17; // mL delivered
const S_CP_KDEL = 18; // mmol/L delivered
const S_CP_BLOOD_FRACTION = 19;
const S_CP_RETRO = 20; // 1 retrograde
const S_CP_TEMP = 21;
const S_CROSS_CLAMP = 22;
const S_VENOUS_CLAMP = 23; // occlusion 0–1
const S_ARTERIAL_CLAMP = 24;
const S_VAVD_ON = 25;
const S_VAVD_SET = 26;
const S_SUCKER = 27; // mL/s
const S_VENT = 28;
const S_HC_RATE = 29; // mL/min set
const S_UF_TOTAL = 30;
const S_TRANSFUSE_LEFT = 31;
const S_AIR_OX = 32; // µL in the oxygenator side
const S_AIR_TO_PATIENT = 33;
const S_AIR_TRAPPED = 34;
const S_BUBBLES = 35;
const S_DETECTING = 36;
const S_OX_VO2 = 37;
const S_OX_VCO2 = 38;
const S_VISC_FACTOR = 39; // SVR multiplier from blood viscosity
const S_CP_PRESSURE = 40;
const S_SAMPLE_LEFT = 41; // mL still to draw through the sampling port
const S_SAMPLED = 42; // mL drawn in total
const S_SIZE = 43;

export class CircuitModel {
  readonly plan: CircuitPlan;
  readonly model: PatientModel;
  /** Compartment ids. */
  readonly cVL: number;
  readonly cRES: number;
  readonly cOX: number;
  readonly cART: number;
  /** Connector ids. */
  readonly kVenous: Int32Array;
  readonly kDrain: number;
  readonly kPump: number;
  readonly kOxy: number;
  readonly kArt: number;
  readonly kCpBloodA: number;
  readonly kCpCrystA: number;
  readonly kCpBloodR: number;
  readonly kCpCrystR: number;
  readonly kSucker: number;
  readonly kVent: number;
  readonly kHc: number;
  readonly kSample: number;
  /** ECMO: further return limbs behind a Y (plan.extraReturns), the tip-distance stream (−1 if none). */
  readonly kExtra: Int32Array;
  readonly kStream: number;
  /** ECMO: streamed fraction of the return flow (tip distance), and the drainage ports' chatter state. */
  readonly streamFraction: number;
  readonly drainage: Float64Array;
  readonly extraClamp: Float64Array;
  private lastDt = 0.02;
  readonly s = new Float64Array(S_SIZE);
  readonly ox = createOxygenatorState(0.6, 2.5, 760, 37);
  readonly oxOut = new Float64Array(OX_OUT_SIZE);
  readonly settings: Float64Array;
  readonly interlock = createInterlockState();
  readonly readings = new Float64Array(RD_SIZE);
  readonly myo = createMyocardialState(BLOOD_K_MMOL_PER_L);
  readonly faults = new Float64Array(FAULTS.length);
  readonly cardioplegia: CardioplegiaParams;
  /** Long runs (long-run.ts): wear, haemolysis, circuit change. */
  readonly longRun: Float64Array;
  readonly wear: Float64Array;
  readonly haem: Float64Array;
  private readonly ab = new Float64Array(2);
  private readonly gas = new Float64Array(2);
  /** Time since the last gas exchange (s): slow steps are longer during a fast-forward coast. */
  private readonly oxTimeS = new Float64Array(1);
  /** The slow step's dt for the helpers it calls (a register, so the number is not boxed across the call). */
  private readonly dtReg = new Float64Array(1);
  /** Result register of `concIo`. */
  private readonly cio = new Float64Array(1);
  /** Viscosity of the patient's blood at the design state (cP): SVR scales with μ/μ0. */
  private readonly mu0: number;

  constructor(model: PatientModel, plan: CircuitPlan, nComp0: number, nConn0: number) {
    this.model = model;
    this.plan = plan;
    ({ longRun: this.longRun, wear: this.wear, haem: this.haem } = createLongRunState());
    this.cVL = nComp0;
    this.cRES = nComp0 + 1;
    this.cOX = nComp0 + 2;
    this.cART = nComp0 + 3;
    const nv = plan.venousCannulae.length;
    this.kVenous = Int32Array.from(plan.venousCannulae.map((_, i) => nConn0 + i));
    let k = nConn0 + nv;
    this.kDrain = k++;
    this.kPump = k++;
    this.kOxy = k++;
    this.kArt = k++;
    this.kCpBloodA = k++;
    this.kCpCrystA = k++;
    this.kCpBloodR = k++;
    this.kCpCrystR = k++;
    this.kSucker = k++;
    this.kVent = k++;
    this.kHc = k++;
    this.kSample = k++;
    this.kExtra = Int32Array.from(plan.extraReturns.map(() => k++));
    this.kStream = plan.tipDistanceCm !== null ? k++ : -1;
    this.streamFraction =
      plan.tipDistanceCm !== null ? streamingFraction(plan.tipDistanceCm, plan.returnFr) : 0;
    this.drainage = new Float64Array(nv * DRAINAGE_STATE_SLOTS);
    this.extraClamp = Float64Array.from(plan.extraReturns.map((r) => r.clamp));
    this.cardioplegia = plan.cardioplegia ?? buildCardioplegiaParams({ solution: "buckbergInduction" });
    this.settings = createInterlockSettings({
      levelAlarmMl: plan.levelSensor.alarmLevelMl,
      levelStopMl: plan.levelSensor.stopLevelMl,
      // Minimum sweep: 0.5 L/min for an adult lung (Capiox FX25 IFU, reference §7.1); scaled down for small lungs
      // (10 % of the maximum blood flow) [U: no neonatal IFU minimum retrieved].
      sweepLowLPerMin: Math.min(0.5, 0.1 * plan.oxygenator.maxFlowLPerMin),
    });
    if (!plan.bubbleDetector) this.settings[ST_BUBBLE_ENABLED] = 0;
    if (plan.closed) this.settings[ST_LEVEL_ENABLED] = 0; // no reservoir level to watch
    this.mu0 = bloodViscosityCp(model.targets.hct, 37);
    const s = this.s;
    s[S_FLOW_TARGET] = -1;
    s[S_PUMP_FACTOR] = 1;
    s[S_VENOUS_CLAMP] = plan.venousClamp;
    s[S_ARTERIAL_CLAMP] = plan.arterialClamp;
    s[S_VAVD_SET] = -40;
    s[S_VISC_FACTOR] = 1;
    s[S_ART_TEMP] = plan.primeTempC;
    this.ox[OXS_WATER_TEMP_C] = plan.primeTempC;
    const chem = model.chem;
    chem.carries[this.kHc] = 0; // ultrafiltrate: plasma water only
    this.initPrime();
    this.refreshVenousMonitor();
    this.refreshArterialFromLine();
    this.setCrystalloidSource(this.kCpCrystA, 8);
    this.setCrystalloidSource(this.kCpCrystR, 8);
  }

  /**
   * Circuit compartments start full of prime: a balanced crystalloid, or a blood prime at `prime.hct`. Either is
   * taken as buffered to a bicarbonate-equivalent tCO2 of 24 mmol/L with BE 0: balanced crystalloids carry acetate
   * and gluconate that the body turns into bicarbonate, and blood primes are buffered by the perfusionist
   * [U: modelling choice; the patient model has no tissue CO2 store, so a tCO2-free prime would wash CO2 out of
   * the blood for tens of minutes]. Prime heparin is spread by volume. K+ and glucose: the crystalloid is
   * Plasma-Lyte 148 (K+ 5, no glucose); a blood prime adds stored red cells' supernatant (fluids.ts).
   */
  initPrime(hct = this.plan.primeHct, primeHeparinU = this.plan.primeHeparinU): void {
    const chem = this.model.chem;
    const N = chem.n;
    const m = chem.mass;
    const hb = hct * 33.3; // g/dL (MCHC 33.3 g/dL, as the patient model)
    const t = this.plan.primeTempC;
    const total = this.volume();
    const kg = new Float64Array(2);
    primePotassiumGlucose(hct, kg);
    for (let i = this.cVL; i <= this.cART; i++) {
      const v = this.model.net.V[i]!;
      const vL = v / 1000;
      for (let sp = 0; sp < N_SPECIES; sp++) m[sp * N + i] = 0;
      // O2: red cells oxygenated by recirculation (PO2 ≈ 200 mmHg) or dissolved O2 at room air (PO2 150).
      m[SP_O2 * N + i] = hct > 0 ? (1.34 * hb * 0.99 + 0.003 * 200) * 10 * vL : 0.003 * 150 * 10 * vL;
      m[SP_CO2 * N + i] = 24 * vL;
      m[SP_LACTATE * N + i] = (hct > 0 ? 2 : 0) * vL; // bank blood carries some lactate [U]
      m[SP_HB * N + i] = hb * 10 * vL;
      m[SP_HEAT * N + i] = t * v;
      m[SP_POTASSIUM * N + i] = kg[0]! * v;
      m[SP_GLUCOSE * N + i] = kg[1]! * v;
      m[(SP_DRUG0 + DRUG_HEPARIN) * N + i] = total > 0 ? (primeHeparinU * v) / total : 0;
      chem.vTrack[i] = v;
    }
  }

  /** What each mL of cardioplegia crystalloid carries; its heat is set so the mixture leaves at the set temperature. */
  private setCrystalloidSource(k: number, heatPerMl: number): void {
    const c = this.model.chem.sourceByConn;
    const o = k * N_SPECIES;
    for (let sp = 0; sp < N_SPECIES; sp++) c[o + sp] = 0;
    c[o + SP_O2] = 0.003 * 150 * 0.01;
    c[o + SP_HEAT] = heatPerMl;
  }

  private conc(sp: number, i: number): number {
    const chem = this.model.chem;
    const v = chem.vTrack[i]!;
    return v > 1e-9 ? chem.mass[sp * chem.n + i]! / v : 0;
  }

  /** drainageOpenFraction of venous cannula j through its register (no number crosses the call). */
  private drainageOpen(j: number): void {
    const vessel = this.plan.venousCannulae[j]!.vessel;
    const net = this.model.net;
    DRAIN_IO[0] = net.V[vessel]!;
    DRAIN_IO[1] = net.U[vessel]!;
    DRAIN_IO[2] = net.P[this.cRES]!;
    DRAIN_IO[3] = this.plan.inletPressureLimitMmHg;
    DRAIN_IO[4] = this.dtReg[0]!; // dt, set by the slow step
    drainageOpenFractionIo(this.drainage, j);
  }

  /** `conc` into the register this.cio[0] (the slow step: a returned number is boxed when the call is not inlined). */
  private concIo(sp: number, i: number): void {
    const chem = this.model.chem;
    const v = chem.vTrack[i]!;
    this.cio[0] = v > 1e-9 ? chem.mass[sp * chem.n + i]! / v : 0;
  }

  /** Total volume in the circuit's compartments (mL). */
  volume(): number {
    const V = this.model.net.V;
    return V[this.cVL]! + V[this.cRES]! + V[this.cOX]! + V[this.cART]!;
  }

  /** Slow-loop step (dt = 20 ms), after composition transport and before the patient's chemistry. */
  slowStep(dt: number): void {
    const m = this.model;
    const net = m.net;
    const s = this.s;
    const P = net.P;
    const V = net.V;
    const moved = m.chem.lastMoved;
    const plan = this.plan;
    // Blood viscosity in the circuit (oxygenator blood) and for the patient's SVR.
    // conc and bloodViscosityCp through registers (cio, VISC_IO): no number crosses a call.
    const cio = this.cio;
    this.concIo(SP_HB, this.cOX);
    const hbOx = cio[0]! * 100;
    this.concIo(SP_HEAT, this.cOX);
    VISC_IO[0] = hbOx / 33.3;
    VISC_IO[1] = cio[0]!;
    bloodViscosityIo();
    const mu = VISC_IO[2]!;
    s[S_VISC] = mu;
    this.concIo(SP_HB, X.AAO);
    VISC_IO[0] = (cio[0]! * 100) / 33.3;
    this.concIo(SP_HEAT, X.AAO);
    VISC_IO[1] = cio[0]!;
    bloodViscosityIo();
    s[S_VISC_FACTOR] = VISC_IO[2]! / this.mu0;

    // --- Flows of the last slow step.
    const qPump = moved[this.kPump]! / dt;
    s[S_FLOW] = qPump;
    s[S_OX_MOVED] = s[S_OX_MOVED]! + moved[this.kPump]!;

    // --- Air: vortexing reservoir and open port into the pump side; carried to the filter and the detector.
    // A roller keeps displacing when the reservoir runs dry: what it displaces is then air. A centrifugal head
    // de-primes instead, so only the blood it moved can carry entrained air.
    const displaced = plan.pump.kind === "roller" ? net.flowSet[this.kPump]! * dt : moved[this.kPump]!;
    const airIn =
      (plan.reservoir ? reservoirAirFraction(plan.reservoir, V[this.cRES]!) : 0) *
        (displaced > 0 ? displaced : 0) *
        1000 +
      this.faults[1]! * OPEN_PORT_AIR_UL_PER_S * dt;
    s[S_AIR_OX] = s[S_AIR_OX]! + airIn;
    // airCarriedUl returns 0 without air: the test here spares the call (and its boxed arguments) in steady state.
    const carried =
      s[S_AIR_OX]! > 0 ? airCarriedUl(s[S_AIR_OX]!, V[this.cOX]!, moved[this.kOxy]! / dt, dt) : 0;
    s[S_AIR_OX] = s[S_AIR_OX]! - carried;
    const passed = plan.filter ? filterAirPassedUl(plan.filter, carried, BUBBLE_DIAMETER_UM) : carried;
    s[S_AIR_TRAPPED] = s[S_AIR_TRAPPED]! + carried - passed;
    s[S_AIR_TO_PATIENT] = s[S_AIR_TO_PATIENT]! + passed;
    const detected = plan.bubbleDetector ? bubbleDetected(plan.bubbleDetector, passed) : false;
    if (detected && s[S_DETECTING] === 0) s[S_BUBBLES] = s[S_BUBBLES]! + 1;
    s[S_DETECTING] = detected ? 1 : 0;

    // --- Interlocks and alarms.
    const rd = this.readings;
    rd[RD_LEVEL_ML] = V[this.cRES]!;
    rd[RD_AIR_DETECTED] = detected ? 1 : 0;
    // arterialLinePressure written out (a returned number is boxed when the call is not inlined).
    rd[RD_ARTERIAL_PRESSURE_MMHG] =
      P[this.cART]! - (plan.filter ? plan.filter.resistance * net.Q[this.kArt]! : 0);
    rd[RD_VENOUS_PRESSURE_MMHG] = P[this.cVL]!;
    rd[RD_OXYGENATOR_DELTA_P_MMHG] = P[this.cOX]! - P[this.cART]!;
    // effectiveSweepLPerMin(this.ox), written out: its result (a non-integer sweep) is boxed whenever V8 leaves the call
    // out of line, which it did in about 1 VA ECMO process in 10 (the inlining budget of this step is spent earlier
    // by the VA return limbs; found with a sampling heap profiler over many processes, docs/models/engine.md).
    const ox = this.ox;
    rd[RD_SWEEP_L_PER_MIN] = ox[OXS_GAS_SUPPLY_OK]! > 0.5 ? Math.max(0, ox[OXS_SWEEP_L_PER_MIN]!) : 0;
    rd[RD_ARTERIAL_TEMP_C] = s[S_ART_TEMP]!;
    const factor =
      stepInterlocks(this.interlock, rd, this.settings, dt) *
      (1 - this.faults[8]!) *
      (changingCircuit(this) ? 0 : 1);
    rd[RD_OPERATOR_RESET] = 0;
    s[S_PUMP_FACTOR] = factor;

    // --- Arterial pump command.
    if (s[S_TRANSFUSE_LEFT]! > 0) {
      s[S_TRANSFUSE_LEFT] = s[S_TRANSFUSE_LEFT]! - moved[this.kPump]!;
      if (s[S_TRANSFUSE_LEFT]! <= 0) {
        s[S_TRANSFUSE_LEFT] = 0;
        s[S_RPM_SET] = 0;
        s[S_FLOW_TARGET] = -1;
      }
    }
    const pIn = P[this.cRES]!;
    const pOut = P[this.cOX]!;
    const pump = plan.pump;
    if (pump.kind === "roller") {
      const rpm = s[S_RPM_SET]! * factor;
      s[S_RPM] = rpm;
      // rollerPumpFlowMlPerS(pump.params, rpm, pIn, pOut, mu) written out, and centrifugalRpmForFlow below: numbers
      // passed to a call V8 does not inline are boxed (docs/models/engine.md, what allocates).
      const rp = pump.params;
      net.flowSet[this.kPump] =
        (rp.direction * rp.strokeVolumeMlPerRev * rpm) / 60 - (rp.leakPerCp / mu) * (pOut - pIn);
    } else {
      if (s[S_FLOW_TARGET]! >= 0) {
        // centrifugalRpmForFlow(pump.params, (s[S_FLOW_TARGET]! * 1000) / 60, pOut - pIn), written out.
        const cpp = pump.params;
        const qT = ((s[S_FLOW_TARGET]! * 1000) / 60) * 0.06;
        const kT = cpp.r0 * qT + cpp.c * qT * Math.abs(qT) + (pOut - pIn);
        const bq = cpp.b * qT;
        const disc = bq * bq + 4 * cpp.a * kT;
        const nT = disc < 0 ? 0 : (bq + Math.sqrt(disc)) / (2 * cpp.a);
        const rpm = disc < 0 ? 0 : nT > 0 ? nT * 1000 : 0;
        s[S_RPM_SET] = rpm < pump.params.maxRpm ? rpm : pump.params.maxRpm;
      }
      const rpm = s[S_RPM_SET]! * factor;
      s[S_RPM] = rpm;
      const n = rpm / 1000;
      const p = pump.params;
      net.H[this.kPump] = p.a * n * n;
      net.R0[this.kPump] = (p.b * n + p.r0) * 0.06; // mmHg per (L/min) → per (mL/s)
    }

    // --- Resistances of the path (viscosity, cannula chords, clot) and clamps/kinks.
    const vc = plan.venousCannulae;
    const venOpen =
      clampOpenFraction(s[S_VENOUS_CLAMP]!) *
      clampOpenFraction(this.faults[3]!) *
      (1 - 0.8 * this.faults[0]!);
    // dt for the calls below (drainageOpen, stepEcmoReturns, stepCardioplegia) through a register: a number passed to
    // a call that is not inlined is boxed.
    this.dtReg[0] = dt;
    for (let j = 0; j < vc.length; j++) {
      const kk = this.kVenous[j]!;
      // cannulaChordResistance written out here and below: the slow step is large, V8's inlining budget may be spent
      // before these calls, and a call left out of line boxes its numbers (docs/models/engine.md, what allocates).
      const cp = vc[j]!.params;
      net.R0[kk] = 1e-3 + (cp.aPerCp * mu + cp.bBlood * Math.abs(moved[kk]! / dt));
      // When drainage exceeds the venous return the cannulated vessel empties and the network's donor limit caps
      // the flow at what reaches it each step: drainage settles at the venous return (a throttle on the vessel's
      // fill was tried and chattered between 20 ms slow steps).
      if (plan.closed) this.drainageOpen(j); // the open fraction in DRAIN_IO[5]
      net.open[kk] = plan.closed ? venOpen * DRAIN_IO[5]! : venOpen;
    }
    if (plan.closed) this.stepEcmoReturns(); // dt in this.dtReg[0]
    this.lastDt = dt;
    net.R0[this.kDrain] = 1e-3 + plan.venousTubingRPerCp * mu;
    const res = plan.reservoir;
    if (res) {
      net.Pext[this.cRES] = reservoirGasPressureMmHg(res, s[S_VAVD_ON]! > 0.5, s[S_VAVD_SET]!);
      // The venous line enters above the blood: it sees the gas pressure, not the column (siphon head + column).
      net.H[this.kDrain] = res.siphonMmHg + res.mmHgPerMl * V[this.cRES]!;
    }
    // Closed circuit: the pump head is a rigid segment (its Pext set by the builder); no siphon, no gas space.
    // oxygenatorResistance, written out (as cannulaChordResistance above).
    net.R0[this.kOxy] =
      plan.oxygenator.kDeltaP / (1 - Math.min(Math.max(this.ox[OXS_CLOT_FRACTION]!, 0), 0.99));
    const qArt = moved[this.kArt]! / dt;
    net.R0[this.kArt] =
      1e-3 +
      (plan.filter ? plan.filter.resistance : 0) +
      plan.arterialTubingRPerCp * mu +
      (plan.arterialCannula.params.aPerCp * mu + plan.arterialCannula.params.bBlood * Math.abs(qArt));
    net.open[this.kArt] = clampOpenFraction(s[S_ARTERIAL_CLAMP]!) * clampOpenFraction(this.faults[2]!);
    net.open[X.ROOT_ASC] = s[S_CROSS_CLAMP]! > 0.5 ? 0 : 1;

    // --- Suckers, vent, haemoconcentrator.
    net.flowSet[this.kSucker] = s[S_SUCKER]!;
    net.flowSet[this.kVent] = s[S_VENT]!;
    s[S_UF_TOTAL] = s[S_UF_TOTAL]! + moved[this.kHc]!;
    // The ultrafiltrate leaves as plasma water (transport moved no species), but small solutes cross the membrane
    // freely (sieving ≈ 1): K+ and glucose leave at the oxygenator blood's plasma K+ and glucose concentration.
    if (moved[this.kHc]! > 0) this.ultrafilterSolutes(moved[this.kHc]!);
    // Sampling: the sample (and any discarded dead space) leaves the arterial line at up to 5 mL/s.
    s[S_SAMPLED] = s[S_SAMPLED]! + moved[this.kSample]!;
    s[S_SAMPLE_LEFT] = s[S_SAMPLE_LEFT]! - moved[this.kSample]!;
    if (s[S_SAMPLE_LEFT]! < 1e-9) s[S_SAMPLE_LEFT] = 0;
    net.flowSet[this.kSample] = Math.min(SAMPLE_ML_PER_S, s[S_SAMPLE_LEFT]! / dt);
    net.flowSet[this.kHc] = plan.haemoconcentrator
      ? ultrafiltrationMlPerS(plan.haemoconcentrator, s[S_HC_RATE]!, qPump, hbOx / 33.3)
      : 0;

    // --- Cardioplegia delivery and the myocardium (dt in this.dtReg[0]).
    this.stepCardioplegia();
    stepLongRun(this, dt); // wear, heparin consumption, haemolysis; clamps during a circuit change

    // --- Oxygenator: gas transfer and heat exchanger for the blood pumped since the last call (exact bookkeeping).
    if (++s[S_OX_COUNTER]! >= OX_EVERY) {
      s[S_OX_COUNTER] = 0;
      this.oxTimeS[0] = this.oxTimeS[0]! + dt; // the interval, passed in the register (an argument would be boxed)
      this.exchange();
      this.oxTimeS[0] = 0;
    } else {
      this.oxTimeS[0] = this.oxTimeS[0]! + dt;
    }
    if (++s[S_MON_COUNTER]! >= MONITOR_EVERY) {
      s[S_MON_COUNTER] = 0;
      this.refreshVenousMonitor();
    }
  }

  /** Removes the K+ and glucose carried by `ufMl` of ultrafiltrate from the oxygenator compartment. */
  private ultrafilterSolutes(ufMl: number): void {
    const chem = this.model.chem;
    const N = chem.n;
    const m = chem.mass;
    const i = this.cOX;
    const v = chem.vTrack[i]!;
    const pv = v * (1 - (this.conc(SP_HB, i) * 100) / 33.3); // plasma volume after the water left, mL
    if (!(pv > 0)) return;
    // At the concentrations before the water left: plasma K+ = amount/(pv + uf); glucose (carried per whole blood,
    // taken as equal in plasma water) = amount/(v + uf). What stays keeps its concentration.
    m[SP_POTASSIUM * N + i] = m[SP_POTASSIUM * N + i]! * (pv / (pv + ufMl));
    m[SP_GLUCOSE * N + i] = m[SP_GLUCOSE * N + i]! * (v / (v + ufMl));
  }

  /**
   * ECMO return limbs behind a Y (VAV venous limb, distal perfusion cannula, dual-lumen jet: branch tubing + cannula
   * chord, own clamp) and the tip-distance stream (a fraction of the return flow from the return vessel straight to
   * the drainage vessel; docs/models/ecmo.md).
   */
  private stepEcmoReturns(): void {
    const mu = this.s[S_VISC]!; // this slow step's viscosity (not an argument: it would be boxed)
    const dt = this.dtReg[0]!;
    const net = this.model.net;
    const moved = this.model.chem.lastMoved;
    const ex = this.plan.extraReturns;
    const artOpen = clampOpenFraction(this.s[S_ARTERIAL_CLAMP]!) * clampOpenFraction(this.faults[2]!);
    for (let j = 0; j < ex.length; j++) {
      const kk = this.kExtra[j]!;
      const r = ex[j]!;
      // cannulaChordResistance, written out (see slowStep).
      net.R0[kk] =
        1e-3 + r.tubingRPerCp * mu + (r.params.aPerCp * mu + r.params.bBlood * Math.abs(moved[kk]! / dt));
      // The arterial-line clamp (and kink) is taken to sit on the common return line, before the Y.
      net.open[kk] = clampOpenFraction(this.extraClamp[j]!) * artOpen;
    }
    if (this.kStream >= 0) {
      const q = moved[this.kArt]! / dt;
      net.flowSet[this.kStream] = q > 0 ? this.streamFraction * q : 0;
    }
  }

  /** Gas and heat exchange over the interval this.oxTimeS[0] (s). */
  private exchange(): void {
    const interval = this.oxTimeS[0]!;
    const s = this.s;
    const vol = s[S_OX_MOVED]!;
    s[S_OX_MOVED] = 0;
    const chem = this.model.chem;
    const N = chem.n;
    const mass = chem.mass;
    const r = this.cRES;
    const cio = this.cio;
    this.concIo(SP_HEAT, r);
    const tIn = cio[0]!;
    if (!(vol > 1e-6)) {
      s[S_OX_VO2] = 0;
      s[S_OX_VCO2] = 0;
      return;
    }
    const q = vol / interval;
    const o = this.oxOut;
    this.concIo(SP_O2, r);
    const o2In = cio[0]! * 100;
    this.concIo(SP_CO2, r);
    const tco2In = cio[0]! * 1000;
    this.concIo(SP_BE, r);
    const beIn = cio[0]! * 1000;
    this.concIo(SP_HB, r);
    const hbIn = cio[0]! * 100;
    oxygenatorTransfer(this.plan.oxygenator, this.ox, o2In, tco2In, beIn, hbIn, tIn, q, interval, o);
    const c = this.cOX;
    mass[SP_O2 * N + c] = mass[SP_O2 * N + c]! + o[EQ_O2_UPTAKE_ML]!;
    mass[SP_CO2 * N + c] = mass[SP_CO2 * N + c]! - o[EQ_CO2_REMOVED_ML]! / CO2_ML_PER_MMOL;
    const tOut = oxygenatorOutletTempC(this.plan.oxygenator, this.ox, tIn, q);
    mass[SP_HEAT * N + c] = mass[SP_HEAT * N + c]! + (tOut - tIn) * vol;
    s[S_ART_TEMP] = tOut;
    s[S_POST_PO2] = o[EQ_PO2]!;
    s[S_POST_PCO2] = o[EQ_PCO2]!;
    s[S_POST_PH] = o[EQ_PH]!;
    s[S_OX_VO2] = o[OX_VO2_ML_PER_MIN]!;
    s[S_OX_VCO2] = o[OX_VCO2_ML_PER_MIN]!;
  }

  /** Post-oxygenator readings from the arterial line's contents (before any blood has been pumped). */
  private refreshArterialFromLine(): void {
    const i = this.cART;
    const hb = this.conc(SP_HB, i) * 100;
    const t = this.conc(SP_HEAT, i);
    const ab = this.ab;
    solveAcidBase(this.conc(SP_CO2, i) * 1000, this.conc(SP_BE, i) * 1000, hb, 0.99, t, ab);
    const s = this.s;
    s[S_POST_PH] = ab[0]!;
    s[S_POST_PCO2] = ab[1]!;
    s[S_POST_PO2] = po2FromO2Content(this.conc(SP_O2, i) * 100, hb, t, ab[0]!, ab[1]!);
  }

  private refreshVenousMonitor(): void {
    // Through registers (cio, AB_IO, ODC_IO): no number crosses a call (docs/models/engine.md, what allocates).
    const i = this.cVL;
    const cio = this.cio;
    this.concIo(SP_HB, i);
    const hb = cio[0]! * 100;
    const s = this.s;
    s[S_VENOUS_HCT] = hb / 33.3;
    this.concIo(SP_HEAT, i);
    const t = cio[0]!;
    const ab = this.ab;
    this.concIo(SP_CO2, i);
    AB_IO[0] = cio[0]! * 1000;
    this.concIo(SP_BE, i);
    AB_IO[1] = cio[0]! * 1000;
    AB_IO[2] = hb;
    AB_IO[3] = 0.7;
    AB_IO[4] = t;
    solveAcidBaseIo(ab);
    this.concIo(SP_O2, i);
    ODC_IO[0] = cio[0]! * 100;
    ODC_IO[1] = t;
    ODC_IO[2] = ab[0]!;
    ODC_IO[3] = ab[1]!;
    ODC_IO[4] = hb;
    po2FromO2ContentIo();
    ODC_IO[0] = ODC_IO[5]!; // PO2; [1..3] unchanged
    if (hb > 0.1) so2FromPo2Io();
    s[S_VENOUS_SO2] = hb > 0.1 ? ODC_IO[5]! : 0;
  }

  private stepCardioplegia(): void {
    const dt = this.dtReg[0]!;
    const s = this.s;
    const m = this.model;
    const net = m.net;
    const moved = m.chem.lastMoved;
    const delivered =
      moved[this.kCpBloodA]! + moved[this.kCpCrystA]! + moved[this.kCpBloodR]! + moved[this.kCpCrystR]!;
    s[S_CP_TOTAL] = s[S_CP_TOTAL]! + delivered;
    s[S_CP_LEFT] = s[S_CP_LEFT]! - delivered;
    const retro = s[S_CP_RETRO]! > 0.5;
    let q = 0;
    if (s[S_CP_LEFT]! > 1e-9) {
      q = Math.min(s[S_CP_FLOW]!, s[S_CP_LEFT]! / dt);
      const fb = s[S_CP_BLOOD_FRACTION]!;
      // Mixture at the set temperature: the cooling of the blood part is booked on the crystalloid stream.
      this.concIo(SP_HEAT, this.cOX);
      const tBlood = this.cio[0]!;
      const heatPerMl = fb < 1 ? (s[S_CP_TEMP]! - fb * tBlood) / (1 - fb) : s[S_CP_TEMP]!;
      this.model.chem.sourceByConn[(retro ? this.kCpCrystR : this.kCpCrystA) * N_SPECIES + SP_HEAT] =
        heatPerMl;
      net.flowSet[retro ? this.kCpBloodR : this.kCpBloodA] = fb * q;
      net.flowSet[retro ? this.kCpCrystR : this.kCpCrystA] = (1 - fb) * q;
      net.flowSet[retro ? this.kCpBloodA : this.kCpBloodR] = 0;
      net.flowSet[retro ? this.kCpCrystA : this.kCpCrystR] = 0;
      const target = retro ? net.P[X.CORV]! : net.P[X.AOR]!;
      s[S_CP_PRESSURE] = target + this.cardioplegia.lineResistance * q;
    } else {
      s[S_CP_LEFT] = 0;
      net.flowSet[this.kCpBloodA] = 0;
      net.flowSet[this.kCpCrystA] = 0;
      net.flowSet[this.kCpBloodR] = 0;
      net.flowSet[this.kCpCrystR] = 0;
      s[S_CP_PRESSURE] = 0;
    }
    // Myocardial K+: cardioplegia while it flows, otherwise the native coronary flow with blood K+ (washout).
    const was = this.myo[MYO_ARRESTED]!;
    if (q > 0) {
      // stepMyocardialPotassium through its register MYO_IO (numbers passed to a call V8 does not inline are boxed:
      // the coronary flow here boxed one number per slow step in some VA ECMO processes under load).
      MYO_IO[0] = s[S_CP_KDEL]!;
      MYO_IO[1] = q;
      MYO_IO[2] = dt;
      MYO_IO[3] = retro ? RETROGRADE_REACH : 1;
      stepMyocardialPotassiumIo(this.cardioplegia, this.myo);
    } else {
      const qCor = moved[X.COR_BED]! / dt;
      // Washout toward a fixed blood K+: passing the live arterial K+ here was measured to add slow-loop garbage
      // (a boxed argument per step) beyond the allocation test's bound; the difference is < 2 mmol/L against the
      // 8 mmol/L resume threshold.
      MYO_IO[0] = BLOOD_K_MMOL_PER_L;
      MYO_IO[1] = qCor;
      MYO_IO[2] = dt;
      MYO_IO[3] = 1;
      stepMyocardialPotassiumIo(this.cardioplegia, this.myo);
    }
    const now = this.myo[MYO_ARRESTED]!;
    if (now !== was) {
      if (now > 0.5) m.heart.setRhythm(RHYTHM_ASYSTOLE);
      else m.heart.setRhythm(m.rng.next() < REPERFUSION_VF_PROBABILITY ? RHYTHM_VF : RHYTHM_SINUS);
    }
  }

  private arterialLinePressure(): number {
    const P = this.model.net.P;
    const q = this.model.net.Q[this.kArt]!;
    return P[this.cART]! - (this.plan.filter ? this.plan.filter.resistance * q : 0);
  }

  /** Pump flow of the last slow step, L/min; pump speed after interlocks, 1/min (long-run.ts). */
  get flowLPerMin(): number {
    return this.s[S_FLOW]! * 0.06;
  }
  get rpm(): number {
    return this.s[S_RPM]!;
  }

  /** Replaces the circuit (long-run.ts): prime haematocrit and heparin, flow interruption in seconds. */
  changeCircuit(primeHct: number, primeHeparinU: number, interruptionS: number): void {
    changeCircuit(this, primeHct, primeHeparinU, interruptionS);
  }

  /** SVR multiplier from the viscosity of the patient's blood relative to the design state (Poiseuille). */
  get viscosityFactor(): number {
    return this.s[S_VISC_FACTOR]!;
  }

  // ---- Actions (validated by zod before; circuit-specific checks here).

  // Circuit-specific limits (maximum rpm, components the circuit lacks) are checked when an action is scheduled
  // (PatientSimulation.checkCircuitAction), never half-way through a run; these setters only apply.

  setRpm(rpm: number): void {
    this.s[S_RPM_SET] = rpm;
    this.s[S_FLOW_TARGET] = -1;
    this.s[S_TRANSFUSE_LEFT] = 0;
  }

  setFlow(flowLPerMin: number): void {
    const pump = this.plan.pump;
    this.s[S_TRANSFUSE_LEFT] = 0;
    if (pump.kind === "roller") {
      this.s[S_RPM_SET] = (flowLPerMin * 1000) / pump.params.strokeVolumeMlPerRev;
      this.s[S_FLOW_TARGET] = -1;
    } else {
      this.s[S_FLOW_TARGET] = flowLPerMin;
    }
  }

  stop(): void {
    this.s[S_RPM_SET] = 0;
    this.s[S_FLOW_TARGET] = -1;
    this.s[S_TRANSFUSE_LEFT] = 0;
  }

  setClamp(clamp: (typeof CLAMPS)[number], occlusion: number): void {
    if (clamp === "returnLimb" || clamp === "distalPerfusionLine") {
      const role = clamp === "returnLimb" ? "return" : "distalPerfusion";
      const ex = this.plan.extraReturns;
      for (let j = 0; j < ex.length; j++) if (ex[j]!.role === role) this.extraClamp[j] = occlusion;
      return;
    }
    this.s[clamp === "venousLine" ? S_VENOUS_CLAMP : S_ARTERIAL_CLAMP] = occlusion;
  }

  /** Whether the circuit has the line a clamp action names (ECMO limbs exist only behind a Y). */
  hasClamp(clamp: (typeof CLAMPS)[number]): boolean {
    if (clamp === "returnLimb") return this.plan.extraReturns.some((r) => r.role === "return");
    if (clamp === "distalPerfusionLine")
      return this.plan.extraReturns.some((r) => r.role === "distalPerfusion");
    return true;
  }

  setGas(fio2: number | undefined, sweep: number | undefined): void {
    if (fio2 !== undefined) this.ox[OXS_FIO2] = fio2;
    if (sweep !== undefined) this.ox[OXS_SWEEP_L_PER_MIN] = sweep;
  }

  setVaporizer(percent: number): void {
    this.ox[OXS_VOLATILE_PERCENT] = percent;
  }

  setWaterTemp(t: number): void {
    this.ox[OXS_WATER_TEMP_C] = t;
  }

  setVavd(on: boolean, pressure: number | undefined): void {
    this.s[S_VAVD_ON] = on ? 1 : 0;
    if (pressure !== undefined) this.s[S_VAVD_SET] = pressure;
  }

  deliverCardioplegia(
    volumeMl: number,
    route: "antegrade" | "retrograde" | undefined,
    solution: CardioplegiaRecipe | undefined,
    flowMlPerMin: number | undefined,
  ): void {
    const p = this.cardioplegia;
    const s = this.s;
    const recipe = solution ? CARDIOPLEGIA_RECIPES[solution] : undefined;
    const fb = recipe ? recipe.bloodParts / (recipe.bloodParts + recipe.crystalloidParts) : p.bloodFraction;
    const kc = recipe ? recipe.crystalloidKMmolPerL : p.crystalloidKMmolPerL;
    s[S_CP_BLOOD_FRACTION] = fb;
    s[S_CP_KDEL] = fb * this.model.chem.out[C_POTASSIUM]! + (1 - fb) * kc;
    // The crystalloid stream carries its K+ into the coronaries; the effluent returns it to the patient and circuit.
    const src = this.model.chem.sourceByConn;
    src[this.kCpCrystA * N_SPECIES + SP_POTASSIUM] = kc / 1000;
    src[this.kCpCrystR * N_SPECIES + SP_POTASSIUM] = kc / 1000;
    s[S_CP_RETRO] = (route ?? (p.antegrade ? "antegrade" : "retrograde")) === "retrograde" ? 1 : 0;
    s[S_CP_TEMP] = p.temperatureC;
    const heartG = p.myocardialVolumeMl / 0.33;
    s[S_CP_FLOW] = (flowMlPerMin ?? CARDIOPLEGIA_ML_PER_MIN_PER_G * heartG) / 60;
    s[S_CP_LEFT] = volumeMl;
  }

  setCrossClamp(on: boolean): void {
    this.s[S_CROSS_CLAMP] = on ? 1 : 0;
    this.model.net.open[X.ROOT_ASC] = on ? 0 : 1;
  }

  setSuckers(rateMlPerMin: number): void {
    this.s[S_SUCKER] = rateMlPerMin / 60;
  }

  setVent(rateMlPerMin: number): void {
    this.s[S_VENT] = rateMlPerMin / 60;
  }

  setHaemoconcentrator(rateMlPerMin: number): void {
    this.s[S_HC_RATE] = rateMlPerMin;
  }

  transfuse(volumeMl: number, rateMlPerMin: number): void {
    const pump = this.plan.pump;
    this.s[S_TRANSFUSE_LEFT] = volumeMl;
    if (pump.kind === "roller") {
      this.s[S_RPM_SET] = rateMlPerMin / pump.params.strokeVolumeMlPerRev;
      this.s[S_FLOW_TARGET] = -1;
    } else this.s[S_FLOW_TARGET] = rateMlPerMin / 1000;
  }

  /** Draws a blood sample (mL) from the arterial sampling port; discarded dead space is drawn as well. */
  sample(volumeMl: number): void {
    const p = this.plan;
    this.s[S_SAMPLE_LEFT] =
      this.s[S_SAMPLE_LEFT]! + volumeMl + (p.samplingReturnsDeadSpace ? 0 : p.samplingDeadSpaceMl);
  }

  setInterlock(which: (typeof INTERLOCKS)[number], enabled: boolean): void {
    const idx =
      which === "level" ? ST_LEVEL_ENABLED : which === "bubble" ? ST_BUBBLE_ENABLED : ST_PRESSURE_ENABLED;
    this.settings[idx] = enabled ? 1 : 0;
  }

  resetInterlocks(): void {
    this.readings[RD_OPERATOR_RESET] = 1;
  }

  injectFault(fault: Fault, severity: number): void {
    const i = FAULTS.indexOf(fault);
    this.faults[i] = severity;
    this.applyFaults();
  }

  clearFault(fault: Fault): void {
    this.faults[FAULTS.indexOf(fault)] = 0;
    this.applyFaults();
  }

  private applyFaults(): void {
    const f = this.faults;
    this.ox[OXS_CLOT_FRACTION] = combinedClotFraction(this.wear[WEAR_BURDEN]!, f[4]!);
    this.ox[OXS_PLASMA_LEAK_FRACTION] = f[5]!;
    this.ox[OXS_GAS_SUPPLY_OK] = f[6]! > 0.5 ? 0 : 1;
    this.ox[OXS_WATER_FLOW_OK] = f[7]! > 0.5 ? 0 : 1;
  }

  // ---- Readouts.

  read(j: number): number {
    if (j >= N_CIRCUIT_SIGNALS) return this.readEcmo(j - N_CIRCUIT_SIGNALS);
    const s = this.s;
    const net = this.model.net;
    const P = net.P;
    switch (j) {
      case CS["circuit.arterialPump.flow"]:
        return s[S_FLOW]! * 0.06;
      case CS["circuit.arterialPump.rpm"]:
        return s[S_RPM]!;
      case CS["circuit.venousReservoir.level"]:
        return net.V[this.cRES]! > 0 ? net.V[this.cRES]! : 0;
      case CS["circuit.arterialLine.pressure"]:
        return this.arterialLinePressure();
      case CS["circuit.venousLine.pressure"]:
        return P[this.cVL]!;
      case CS["circuit.oxygenator.deltaP"]:
        return P[this.cOX]! - P[this.cART]!;
      case CS["circuit.oxygenator.postPo2"]:
        return s[S_POST_PO2]!;
      case CS["circuit.oxygenator.postPco2"]:
        return s[S_POST_PCO2]!;
      case CS["circuit.venousSo2"]:
        return s[S_VENOUS_SO2]!;
      case CS["circuit.arterialTemp"]:
        return s[S_ART_TEMP]!;
      case CS["circuit.venousTemp"]:
        return this.conc(SP_HEAT, this.cVL);
      case CS["circuit.sweepGasFlow"]:
        return effectiveSweepLPerMin(this.ox);
      case CS["circuit.fio2"]:
        return this.ox[OXS_FIO2]!;
      case CS["circuit.cardioplegia.totalVolume"]:
        return s[S_CP_TOTAL]!;
      case CS["circuit.bubbleCount"]:
        return s[S_BUBBLES]!;
      case CS["circuit.alarms"]:
        return popcount(this.interlock[IS_ALARMS]!);
      case CS["circuit.alarmBits"]:
        return this.interlock[IS_ALARMS]!;
      case CS["circuit.preOxygenatorPressure"]:
        return P[this.cOX]!;
      case CS["circuit.postOxygenatorPressure"]:
        return P[this.cART]!;
      case CS["circuit.cardioplegia.deliveryPressure"]:
        return s[S_CP_PRESSURE]!;
      case CS["circuit.cardioplegia.flow"]:
        return s[S_CP_LEFT]! > 0 ? s[S_CP_FLOW]! * 60 : 0;
      case CS["circuit.inlineHct"]:
        return s[S_VENOUS_HCT]!;
      case CS["circuit.inlinePh"]:
        return s[S_POST_PH]!;
      case CS["circuit.waterTemp"]:
        return this.ox[OXS_WATER_TEMP_C]!;
      case CS["circuit.bypassFraction"]: {
        const pump = s[S_FLOW]! > 0 ? s[S_FLOW]! : 0;
        const co = this.model.monitor.coMlPerS;
        return pump + co > 0 ? pump / (pump + co) : 0;
      }
      case CS["circuit.oxygenator.vo2"]:
        return s[S_OX_VO2]!;
      case CS["circuit.oxygenator.vco2"]:
        return s[S_OX_VCO2]!;
      case CS["circuit.vavdPressure"]:
        return this.plan.reservoir ? net.Pext[this.cRES]! : 0;
      case CS["circuit.volatilePercent"]:
        return oxygenatorVolatilePercent(this.ox);
      case CS["circuit.myocardialPotassium"]:
        return this.myo[MYO_K_MMOL_PER_L]!;
      case CS["circuit.crossClamp"]:
        return s[S_CROSS_CLAMP]!;
      case CS["circuit.airToPatient"]:
        return s[S_AIR_TO_PATIENT]!;
      case CS["circuit.airTrapped"]:
        return s[S_AIR_TRAPPED]!;
      case CS["circuit.ultrafiltrate"]:
        return s[S_UF_TOTAL]!;
      case CS["circuit.volume"]:
        return this.volume();
      case CS["circuit.sampledVolume"]:
        return s[S_SAMPLED]!;
      case CS["circuit.venousPotassium"]: {
        // Plasma K+ of the venous line (amount per plasma volume, as the patient's arterial K+).
        const v = this.model.chem.vTrack[this.cVL]!;
        const pf = 1 - (this.conc(SP_HB, this.cVL) * 100) / 33.3;
        return v > 1e-9 && pf > 0.05 ? (this.conc(SP_POTASSIUM, this.cVL) / pf) * 1000 : 0;
      }
      default:
        return Number.NaN;
    }
  }

  /**
   * Blood gas of a composition (O2 mL/dL, tCO2 mmol/L, BE mmol/L, Hb g/dL, °C) into `gas` = [SO2, PO2]: the
   * blood branch's acid–base and ODC, as the patient's own arterial readout (chemistry.ts).
   */
  private gasOf(cO2: number, tCo2: number, be: number, hb: number, t: number): void {
    const ab = this.ab;
    const g = this.gas;
    if (!(hb > 0.1)) {
      g[0] = 0;
      g[1] = 0;
      return;
    }
    solveAcidBase(tCo2, be, hb, 0.75, t, ab);
    const po2 = po2FromO2Content(cO2, hb, t, ab[0]!, ab[1]!);
    g[0] = so2FromPo2(po2, t, ab[0]!, ab[1]!);
    g[1] = po2;
  }

  /** [SO2, PO2] of compartment i's contents into `gas`. */
  private gasOfCompartment(i: number): void {
    this.gasOf(
      this.conc(SP_O2, i) * 100,
      this.conc(SP_CO2, i) * 1000,
      this.conc(SP_BE, i) * 1000,
      this.conc(SP_HB, i) * 100,
      this.conc(SP_HEAT, i),
    );
  }

  /**
   * True mixed venous saturation (the Messai formula's SvO2, reference §9): the systemic venous return before the
   * ECMO return joins it — upper-body veins → SVC, lower-body veins → IVC and the coronary sinus, mixed by the
   * volume each carried over the last slow step (the cannulae sit in the caval/atrial compartments downstream).
   */
  trueMixedVenousSo2(): number {
    const moved = this.model.chem.lastMoved;
    let v = 0;
    let o2 = 0;
    let co2 = 0;
    let be = 0;
    let hb = 0;
    let heat = 0;
    for (let k = 0; k < 3; k++) {
      const conn = k === 0 ? X.UBV_SVC : k === 1 ? X.LBV_IVC : X.COR_RA;
      const from = k === 0 ? X.UBV : k === 1 ? X.LBV : X.CORV;
      const q = moved[conn]! > 0 ? moved[conn]! : 0;
      v += q;
      o2 += q * this.conc(SP_O2, from);
      co2 += q * this.conc(SP_CO2, from);
      be += q * this.conc(SP_BE, from);
      hb += q * this.conc(SP_HB, from);
      heat += q * this.conc(SP_HEAT, from);
    }
    if (!(v > 0)) return 0;
    this.gasOf((o2 / v) * 100, (co2 / v) * 1000, (be / v) * 1000, (hb / v) * 100, heat / v);
    return this.gas[0]!;
  }

  private readEcmo(j: number): number {
    const s = this.s;
    const P = this.model.net.P;
    switch (j) {
      case ES["ecmo.flow"]:
        return s[S_FLOW]! * 0.06;
      case ES["ecmo.rpm"]:
        return s[S_RPM]!;
      case ES["ecmo.inletPressure"]:
        return P[this.cRES]!;
      case ES["ecmo.preOxygenatorPressure"]:
        return P[this.cOX]!;
      case ES["ecmo.postOxygenatorPressure"]:
        return P[this.cART]!;
      case ES["ecmo.deltaP"]:
        return P[this.cOX]! - P[this.cART]!;
      case ES["ecmo.sweepGasFlow"]:
        return effectiveSweepLPerMin(this.ox);
      case ES["ecmo.fdo2"]:
        return this.ox[OXS_FIO2]!;
      case ES["ecmo.preSo2"]:
        this.gasOfCompartment(this.cRES);
        return this.gas[0]!;
      case ES["ecmo.postSo2"]:
        this.gasOfCompartment(this.cART);
        return this.gas[0]!;
      case ES["ecmo.prePo2"]:
        this.gasOfCompartment(this.cRES);
        return this.gas[1]!;
      case ES["ecmo.postPo2"]:
        this.gasOfCompartment(this.cART);
        return this.gas[1]!;
      case ES["ecmo.hb"]:
        return this.conc(SP_HB, this.cRES) * 100;
      case ES["ecmo.trueMixedVenousSo2"]:
        return this.trueMixedVenousSo2();
      case ES["ecmo.recirculationFraction"]: {
        // Messai et al. (reference §9): R = (SdO2 − SvO2)/(SmO2 − SvO2); undefined without a gradient.
        const sv = this.trueMixedVenousSo2();
        this.gasOfCompartment(this.cRES);
        const sd = this.gas[0]!;
        this.gasOfCompartment(this.cART);
        const sm = this.gas[0]!;
        return sm - sv > 1e-3 ? (sd - sv) / (sm - sv) : 0;
      }
      case ES["ecmo.o2Transfer"]:
        return s[S_OX_VO2]!;
      case ES["ecmo.co2Removal"]:
        return s[S_OX_VCO2]!;
      case ES["patient.sao2RightRadial"]:
        this.gasOfCompartment(X.UBA);
        return this.gas[0]!;
      case ES["patient.sao2Femoral"]:
        this.gasOfCompartment(X.LBA);
        return this.gas[0]!;
      case ES["ecmo.clotBurden"]:
        return this.wear[WEAR_BURDEN]!;
      case ES["ecmo.plasmaFreeHb"]:
        return this.haem[HAEM_FREE_HB]!;
      case ES["ecmo.haptoglobin"]:
        return this.haem[HAEM_HAPTO]!;
      case ES["ecmo.discardedVolume"]:
        return this.longRun[LR_DISCARDED_ML]!;
      case ES["ecmo.circuitChanges"]:
        return this.longRun[LR_CHANGES]!;
      case ES["ecmo.returnLimbFlow"]:
        return this.extraFlow("return") * 0.06;
      case ES["ecmo.distalPerfusionFlow"]:
        return this.extraFlow("distalPerfusion") * 60;
      case ES["ecmo.drainageSealed"]: {
        let n = 0;
        for (let j = 0; j < this.kVenous.length; j++) if (this.drainage[j * DRAINAGE_STATE_SLOTS]! > 0.5) n++;
        return n;
      }
      default:
        return Number.NaN;
    }
  }

  /** Flow (mL/s, last slow step) through the extra return limbs of a role. */
  private extraFlow(role: "return" | "distalPerfusion"): number {
    const moved = this.model.chem.lastMoved;
    const ex = this.plan.extraReturns;
    let q = 0;
    for (let j = 0; j < ex.length; j++) if (ex[j]!.role === role) q += moved[this.kExtra[j]!]!;
    return q / this.lastDt;
  }

  /** Latched interlocks (for tests and the console): level, bubble. */
  get levelLatched(): boolean {
    return this.interlock[IS_LEVEL_LATCHED]! > 0.5;
  }
  get bubbleLatched(): boolean {
    return this.interlock[IS_BUBBLE_LATCHED]! > 0.5;
  }
}

function popcount(word: number): number {
  let n = 0;
  for (let i = 0; i < ALARMS.length; i++) if ((word & ALARMS[i]!.bit) !== 0) n++;
  return n;
}

/**
 * One console session around the engine: the simulation, the scenario timeline, console actions,
 * lab draws, the synthetic ECG, and the data the monitor needs (waveform samples at a fixed
 * simulated interval, trend rows once per simulated second, events). Pure: no clock, no DOM, no
 * messaging; the Web Worker (web/src/worker/simulation.worker.ts) paces it in real time, and tests
 * drive it directly in Node.
 */
import { InputError } from "../common/errors.ts";
import { type Action, createSimulation, type PatientSpec, type Simulation } from "../sim/index.ts";
import { EcgSynth } from "./ecg.ts";
import { type LabPanelName, LabQueue, type LabResult } from "./labs.ts";

/** Waveform sample interval (s): 250 Hz, the rate of common monitor ECG/pressure channels. */
export const WAVE_DT_S = 0.004;
/**
 * Waveform channels: the synthetic ECG (mV), engine pressure signals (mmHg), and a plethysmogram
 * (normalised 0–1 between the last beat's diastolic and systolic pressure).
 */
export const WAVE_CHANNELS = ["ecg", "patient.aop", "patient.cvpWave", "patient.papWave", "pleth"] as const;
/**
 * The pulse-oximeter plethysmogram is synthesised from the aortic pressure: low-pass filtered
 * (τ 80 ms, standing for the damping of the arterial tree to a fingertip) and delayed by 160 ms
 * (aorta-to-finger pulse transit). Both are display settings chosen by eye, not fitted to data.
 */
const PLETH_TAU_S = 0.08;
const PLETH_DELAY_SAMPLES = 40;
const PLETH_MIN_PULSE_MMHG = 20;
export type WaveChannel = (typeof WAVE_CHANNELS)[number];
/** Trend sample interval (s of simulated time). */
export const TREND_DT_S = 1;
/** Fast-forward advances in pieces of this length (no waveform samples). */
const FF_CHUNK_S = 0.25;
/** Room for waveform samples between two frames (beyond it the oldest are dropped). */
const WAVE_CAPACITY = 8192;

export type SessionEventKind =
  | "start"
  | "action"
  | "scenario"
  | "lab-drawn"
  | "lab-result"
  | "refused"
  | "info";

export interface SessionEvent {
  tS: number;
  kind: SessionEventKind;
  text: string;
  action?: Action;
  lab?: LabResult;
  /** For "refused": the fields and allowed values. */
  problems?: { field: string; allowed: string; received?: string }[];
}

export interface SessionStart {
  patient: PatientSpec;
  seed: number;
  /** Scenario timeline (t from 0). */
  actions: Action[];
  name?: string;
  /** The extracorporeal circuit description (a scenario's `circuit`), when the case has one. */
  circuit?: unknown;
}

export interface SessionFrame {
  timeS: number;
  /** Latest value of every signal, indexed like `signals`. */
  values: Float64Array;
  /** Waveform samples since the last frame, channel-major: channel c sample i at c·n + i. */
  waves: Float32Array;
  waveCount: number;
  /** Simulated time of the first waveform sample in `waves`. */
  waveT0S: number;
  /** Trend rows since the last frame: [t, v0, v1, …] each row of length 1 + signals. */
  trend: Float64Array;
  trendRows: number;
  events: SessionEvent[];
  rhythm: string;
}

export class SessionCore {
  readonly sim: Simulation;
  readonly signalCount: number;
  private readonly scenario: Action[];
  private scenarioNext = 0;
  private readonly labs = new LabQueue();
  private readonly ecg: EcgSynth;
  private readonly waveIdx: number[];
  private readonly lvIdx: number;
  private readonly hrIdx: number;
  private readonly aopIdx: number;
  private readonly sbpIdx: number;
  private readonly dbpIdx: number;
  private plethLp = Number.NaN;
  private readonly plethDelay = new Float64Array(PLETH_DELAY_SAMPLES);
  private plethPos = 0;
  private readonly waveBuf = new Float32Array(WAVE_CAPACITY * WAVE_CHANNELS.length);
  private waveN = 0;
  private waveT0 = 0;
  private trendRows: number[] = [];
  private trendN = 0;
  private nextTrendS = 0;
  private events: SessionEvent[] = [];
  private readonly nameToIndex = new Map<string, number>();
  /** A closed circuit (the engine publishes `ecmo.*` signals): actions read in ECMO words. */
  private readonly words: DescribeOptions;

  constructor(start: SessionStart) {
    this.sim = createSimulation({
      patient: start.patient,
      seed: start.seed,
      ...(start.circuit === undefined ? {} : { circuit: start.circuit }),
    });
    this.signalCount = this.sim.signals.length;
    for (const [i, s] of this.sim.signals.entries()) this.nameToIndex.set(s.name, i);
    this.words = { ecmo: this.nameToIndex.has("ecmo.flow") };
    this.ecg = new EcgSynth(start.seed + 1);
    this.waveIdx = WAVE_CHANNELS.map((c) =>
      c === "ecg" ? -1 : c === "pleth" ? -3 : (this.nameToIndex.get(c) ?? -2),
    );
    this.aopIdx = this.nameToIndex.get("patient.aop") ?? -1;
    this.sbpIdx = this.nameToIndex.get("patient.sbp") ?? -1;
    this.dbpIdx = this.nameToIndex.get("patient.dbp") ?? -1;
    this.lvIdx = this.nameToIndex.get("patient.lvPressure") ?? -1;
    this.hrIdx = this.nameToIndex.get("patient.hr") ?? -1;
    this.scenario = [...start.actions].sort((a, b) => a.t - b.t);
    for (const a of this.scenario) this.sim.schedule(a);
    this.events.push({
      tS: 0,
      kind: "start",
      text: `Started${start.name ? ` ${start.name}` : ""}: ${describePatient(start.patient)}, seed ${start.seed}`,
    });
    this.trendRow();
  }

  get timeS(): number {
    return this.sim.timeS;
  }

  /** Whether the simulation exposes a signal by this name. */
  has(name: string): boolean {
    return this.nameToIndex.has(name);
  }

  /** Value of a signal by name (NaN when the engine has no such signal). */
  read(name: string): number {
    const i = this.nameToIndex.get(name);
    return i === undefined ? Number.NaN : this.sim.read(i);
  }

  /** Applies a console action now (its `t` is set to the current time). Refusals become events. */
  act(action: Omit<Action, "t">): boolean {
    const a = { ...action, t: this.sim.timeS } as Action;
    try {
      this.sim.schedule(a);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.events.push({ tS: a.t, kind: "refused", text: e.message, action: a, problems: e.problems });
      return false;
    }
    if (a.type === "heart.setRhythm") this.ecg.ordered = a.rhythm as "sinus" | "vf" | "asystole";
    this.events.push({ tS: a.t, kind: "action", text: describeAction(a, this.words), action: a });
    return true;
  }

  drawLab(panel: LabPanelName): LabResult {
    const r = this.labs.draw(
      panel,
      this.sim.timeS,
      (s) => this.read(s),
      (s) => this.nameToIndex.has(s),
    );
    this.events.push({
      tS: r.drawnAtS,
      kind: "lab-drawn",
      text: `${r.label} drawn; result at ${formatClock(r.resultAtS)}`,
      lab: r,
    });
    return r;
  }

  /** Time of the next scenario action or lab result, or Infinity. */
  nextEventS(): number {
    const a = this.scenario[this.scenarioNext];
    return Math.min(a ? a.t : Number.POSITIVE_INFINITY, this.labs.nextDueS());
  }

  /**
   * Advances by `seconds` (rounded to whole waveform samples). With `waves` each sample interval is
   * recorded for the monitor; without (fast-forward), the time moves in larger pieces.
   */
  advance(seconds: number, waves: boolean): void {
    const end = this.sim.timeS + seconds;
    if (waves) {
      const n = Math.round(seconds / WAVE_DT_S);
      for (let i = 0; i < n; i++) {
        this.sim.advance(WAVE_DT_S);
        this.sample();
        this.afterStep();
      }
    } else {
      while (this.sim.timeS < end - 1e-9) {
        this.sim.advance(Math.min(FF_CHUNK_S, end - this.sim.timeS));
        this.afterStep();
      }
    }
  }

  /** Runs to the next event (scenario action or lab result), at most `maxS`; true when it got there. */
  advanceTowardNextEvent(maxS: number): boolean {
    const target = this.nextEventS();
    if (!Number.isFinite(target)) return false;
    const left = target - this.sim.timeS;
    if (left <= maxS) {
      this.advance(Math.max(0, left), false);
      return true;
    }
    this.advance(maxS, false);
    return false;
  }

  private sample(): void {
    const t = this.sim.timeS;
    const ch = WAVE_CHANNELS.length;
    // Nobody took a frame for a long time: drop the old samples rather than grow.
    if (this.waveN === WAVE_CAPACITY) this.waveN = 0;
    if (this.waveN === 0) this.waveT0 = t;
    const lv = this.lvIdx >= 0 ? this.sim.read(this.lvIdx) : 0;
    const hr = this.hrIdx >= 0 ? this.sim.read(this.hrIdx) : 0;
    const ecg = this.ecg.next(t, lv, hr);
    const pleth = this.plethSample();
    for (let c = 0; c < ch; c++) {
      const idx = this.waveIdx[c]!;
      this.waveBuf[c * WAVE_CAPACITY + this.waveN] =
        idx === -1 ? ecg : idx === -3 ? pleth : idx >= 0 ? this.sim.read(idx) : 0;
    }
    this.waveN++;
  }

  private plethSample(): number {
    if (this.aopIdx < 0) return 0;
    const aop = this.sim.read(this.aopIdx);
    if (Number.isNaN(this.plethLp)) {
      this.plethLp = aop;
      this.plethDelay.fill(aop);
    }
    this.plethLp += (aop - this.plethLp) * (1 - Math.exp(-WAVE_DT_S / PLETH_TAU_S));
    const delayed = this.plethDelay[this.plethPos]!;
    this.plethDelay[this.plethPos] = this.plethLp;
    this.plethPos = (this.plethPos + 1) % PLETH_DELAY_SAMPLES;
    const sbp = this.sbpIdx >= 0 ? this.sim.read(this.sbpIdx) : 0;
    const dbp = this.dbpIdx >= 0 ? this.sim.read(this.dbpIdx) : 0;
    // Scaled by the pulse pressure, but never by less than 20 mmHg: without a pulse (VF, asystole)
    // the trace stays nearly flat instead of magnifying small pressure drifts.
    const v = (delayed - dbp) / Math.max(PLETH_MIN_PULSE_MMHG, sbp - dbp);
    return Math.max(-0.2, Math.min(1.3, v));
  }

  private afterStep(): void {
    const t = this.sim.timeS;
    while (this.scenarioNext < this.scenario.length && this.scenario[this.scenarioNext]!.t <= t + 1e-9) {
      const a = this.scenario[this.scenarioNext++]!;
      if (a.type === "heart.setRhythm") this.ecg.ordered = a.rhythm as "sinus" | "vf" | "asystole";
      this.events.push({ tS: a.t, kind: "scenario", text: describeAction(a, this.words), action: a });
    }
    for (const r of this.labs.due(t)) {
      this.events.push({ tS: r.resultAtS, kind: "lab-result", text: `${r.label} result`, lab: r });
    }
    if (t >= this.nextTrendS - 1e-9) this.trendRow();
  }

  private trendRow(): void {
    const t = this.sim.timeS;
    this.trendRows.push(t);
    for (let i = 0; i < this.signalCount; i++) this.trendRows.push(this.sim.read(i));
    this.trendN++;
    this.nextTrendS = (Math.floor(t / TREND_DT_S + 1e-9) + 1) * TREND_DT_S;
  }

  /** Everything since the last frame; buffers are handed over (transferable) and restarted. */
  takeFrame(): SessionFrame {
    const values = new Float64Array(this.signalCount);
    for (let i = 0; i < this.signalCount; i++) values[i] = this.sim.read(i);
    const n = this.waveN;
    const ch = WAVE_CHANNELS.length;
    const waves = new Float32Array(n * ch);
    for (let c = 0; c < ch; c++)
      waves.set(this.waveBuf.subarray(c * WAVE_CAPACITY, c * WAVE_CAPACITY + n), c * n);
    const frame: SessionFrame = {
      timeS: this.sim.timeS,
      values,
      waves,
      waveCount: n,
      waveT0S: this.waveT0,
      trend: Float64Array.from(this.trendRows),
      trendRows: this.trendN,
      events: this.events,
      rhythm: this.ecg.rhythm,
    };
    this.waveN = 0;
    this.trendRows = [];
    this.trendN = 0;
    this.events = [];
    return frame;
  }
}

export function formatClock(tS: number): string {
  const s = Math.max(0, Math.floor(tS));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(sec).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function describePatient(p: PatientSpec): string {
  return `${p.sex} ${p.ageYears} y, ${p.weightKg} kg, ${p.heightCm} cm`;
}

/** Drug amount units as the engine carries them (src/sim/drugs/table.ts). */
export const DRUG_UNITS: Record<string, string> = {
  heparin: "U",
  protamine: "mg",
  phenylephrine: "µg",
  norepinephrine: "µg",
  epinephrine: "µg",
  vasopressin: "U",
  nitroglycerin: "µg",
};

const pct = (fraction: unknown) => Math.round(Number(fraction) * 1000) / 10;

export interface DescribeOptions {
  /**
   * ECMO words: the circuit's arterial pump is the ECMO pump, its venous/arterial lines the drainage/return
   * lines, the blender's FiO₂ the FdO₂ (docs/models/ecmo.md).
   */
  ecmo?: boolean;
}

/** One line describing an action, for the event log and trend markers. */
export function describeAction(a: Action, opts: DescribeOptions = {}): string {
  const r = a as Record<string, unknown>;
  const ecmo = opts.ecmo === true;
  const pump = ecmo ? "ECMO pump" : "arterial pump";
  switch (a.type) {
    case "drug.bolus":
      return `${r.drug} bolus ${r.amount} ${DRUG_UNITS[String(r.drug)] ?? ""}`.trim();
    case "drug.infusion":
      return `${r.drug} infusion ${r.ratePerMin} ${DRUG_UNITS[String(r.drug)] ?? ""}/min`;
    case "fluid.give":
      return `${r.fluid} ${r.volumeMl} mL${r.overSeconds !== undefined ? ` over ${r.overSeconds} s` : ""}`;
    case "bleeding.set":
      return `bleeding ${r.rateMlPerMin} mL/min`;
    case "ventilator.set": {
      const parts = [`ventilator ${r.mode}`];
      if (r.fio2 !== undefined) parts.push(`FiO₂ ${Math.round(Number(r.fio2) * 100)} %`);
      if (r.rateBpm !== undefined) parts.push(`${r.rateBpm}/min`);
      if (r.tidalVolumeMl !== undefined) parts.push(`VT ${r.tidalVolumeMl} mL`);
      if (r.peepCmH2O !== undefined) parts.push(`PEEP ${r.peepCmH2O} cmH₂O`);
      return parts.join(", ");
    }
    case "heart.setRhythm":
      return `rhythm → ${r.rhythm}`;
    case "heart.defibrillate":
      return `defibrillation${r.energyJ !== undefined ? ` ${r.energyJ} J` : ""}`;
    case "thermal.setBlanket":
      return r.waterTempC === null ? "blanket off" : `blanket water ${r.waterTempC} °C`;
    case "patient.setTemperature":
      return `patient temperature set to ${r.tempC} °C`;
    case "arterialPump.setFlow":
      return ecmo ? `ECMO pump flow held at ${r.flowLPerMin} L/min` : `arterial pump ${r.flowLPerMin} L/min`;
    case "arterialPump.setRpm":
      return `${pump} ${r.rpm} rpm`;
    case "arterialPump.stop":
      return `${pump} stopped`;
    case "clamp.set": {
      const line = r.clamp === "venousLine" ? (ecmo ? "drainage" : "venous") : ecmo ? "return" : "arterial";
      return `${line} line clamp ${pct(r.occlusion)} % closed`;
    }
    case "fault.inject":
      return `fault: ${r.fault} ${pct(r.severity)} %`;
    case "fault.clear":
      return `fault cleared: ${r.fault}`;
    case "interlock.set":
      return `${r.interlock} interlock ${r.enabled ? "on" : "off"}`;
    case "gas.set": {
      const parts = ["gas"];
      if (r.fio2 !== undefined) parts.push(`${ecmo ? "FdO₂" : "FiO₂"} ${pct(r.fio2)} %`);
      if (r.sweepGasFlowLPerMin !== undefined) parts.push(`sweep ${r.sweepGasFlowLPerMin} L/min`);
      return parts.join(" ");
    }
    case "heaterCooler.set":
      return `heater–cooler water ${r.waterTempC} °C`;
    case "aorticCrossClamp.set":
      return r.on ? "aortic cross-clamp on" : "aortic cross-clamp off";
    case "cardioplegia.deliver":
      return `cardioplegia ${r.volumeMl} mL${r.solution ? ` ${r.solution}` : ""}${r.route ? ` ${r.route}` : ""}`;
    default: {
      const { t: _t, type, ...rest } = r;
      return `${type} ${Object.entries(rest)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(" ")}`;
    }
  }
}

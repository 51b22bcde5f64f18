/**
 * The heart–lung machine console as a set of modules (arterial pump, line pressures, reservoir, clamps …).
 * Each module binds by NAME to the engine's circuit signals (src/sim/cpb/signals.ts) and action types
 * (src/sim/actions.ts); test/console/hlm.test.ts checks that every name here exists in the engine, so a
 * rename there fails a test instead of blanking a readout. Numeric fields take their range from the
 * engine's schema (src/console/fields.ts), narrowed by the case's circuit where the engine narrows it
 * too (roller flow ≤ stroke volume × maximum speed, speed ≤ the pump's maximum).
 *
 * Readouts without a signal (clamp occlusion, suckers, interlock switches) show what the console last
 * set (`derived`, from HlmTracker): the engine publishes no signal for them.
 */
import type { EcmoConfig } from "../../../src/console/ecmo.ts";
import type { HlmTracker } from "../../../src/console/hlm.ts";
import { POTASSIUM_SIGNAL } from "../../../src/console/labs.ts";
import type { CircuitPlan } from "../../../src/sim/index.ts";

export interface Readout {
  /** Test id suffix: `hlm-<id>`. */
  id: string;
  /** Engine signal (the value shown = signal × scale). */
  signal?: string;
  /** Or a value the console derives (set state, per-BSA index); `ctx` gives the patient's BSA. */
  derived?: (h: HlmTracker, read: (s: string) => number, ctx: HlmContext) => number;
  label: string;
  unit: string;
  scale?: number;
  digits: number;
  /** Shows "on"/"off" for a 1/0 value (or `onOffText` [off, on]). */
  onOff?: boolean;
  onOffText?: [string, string];
  /** Marks the number out of range (shown units): a visual cue; alarms come from the alarm manager. */
  low?: number;
  high?: number;
  /**
   * The engine may not expose the signal (e.g. `patient.potassium` before the engine models it): then the
   * readout says "not modelled" and the module stays bound.
   */
  optional?: boolean;
  /** Shown only in this context (e.g. recirculation on VV ECMO only). */
  show?: (ctx: HlmContext) => boolean;
}

export interface ControlField {
  field: string;
  label: string;
  unit: string;
  /** Shown = internal × scale (fractions shown as %). */
  scale?: number;
  optional?: boolean;
  /** A stricter maximum from the case's circuit (internal units), when the engine narrows it too. */
  max?: (plan: CircuitPlan) => number | undefined;
}

export interface ChoiceField {
  field: string;
  label: string;
  /** Booleans are offered as on/off. Otherwise the choices come from the engine's schema enum. */
  boolean?: boolean;
  optional?: boolean;
  /** Schema choices not offered here (e.g. the level interlock on a closed circuit). */
  exclude?: string[];
}

export interface ModuleControl {
  /** Test ids: button `hlm-<id>`, fields `hlm-<id>-<field>`. */
  id: string;
  action: string;
  /** Button text. */
  label: string;
  fields?: ControlField[];
  choices?: ChoiceField[];
  /** Fixed fields of the action (e.g. which clamp). */
  extra?: Record<string, unknown>;
  /** Shown only when the circuit has the component. */
  when?: (plan: CircuitPlan) => boolean;
}

export interface HlmModule {
  id: string;
  title: string;
  readouts: Readout[];
  controls: ModuleControl[];
  /** Controls shown open (the ones a perfusionist uses all the time); the others fold under "Controls". */
  open?: boolean;
}

export interface HlmContext {
  bsaM2: number;
  /** ECMO configuration of the case's circuit, or null on CPB. */
  ecmo: EcmoConfig | null;
}

/** Roller: the engine refuses flow above stroke volume × maximum speed (Simulation.checkCircuitAction). */
export const rollerMaxFlow = (p: CircuitPlan) =>
  p.pump.kind === "roller" ? (p.pump.params.maxRpm * p.pump.params.strokeVolumeMlPerRev) / 1000 : undefined;
export const pumpMaxRpm = (p: CircuitPlan) => p.pump.params.maxRpm;

const pumpReadouts: Readout[] = [
  { id: "pump-flow", signal: "circuit.arterialPump.flow", label: "Flow", unit: "L/min", digits: 2 },
  { id: "pump-rpm", signal: "circuit.arterialPump.rpm", label: "Speed", unit: "rpm", digits: 0 },
  {
    id: "pump-ci",
    derived: (_h, read, ctx) => read("circuit.arterialPump.flow") / ctx.bsaM2,
    label: "Flow index",
    unit: "L/min/m²",
    digits: 2,
  },
  {
    id: "pump-bypass",
    signal: "circuit.bypassFraction",
    label: "Bypass",
    unit: "% of flow",
    scale: 100,
    digits: 0,
  },
];

const arterialPump: HlmModule = {
  id: "arterial-pump",
  title: "Arterial pump",
  open: true,
  readouts: pumpReadouts,
  controls: [
    {
      id: "set-flow",
      action: "arterialPump.setFlow",
      label: "Set flow",
      fields: [{ field: "flowLPerMin", label: "Flow", unit: "L/min", max: rollerMaxFlow }],
    },
    {
      id: "set-rpm",
      action: "arterialPump.setRpm",
      label: "Set speed",
      fields: [{ field: "rpm", label: "Speed", unit: "rpm", max: pumpMaxRpm }],
    },
    { id: "pump-stop", action: "arterialPump.stop", label: "Stop pump" },
  ],
};

const pressures: HlmModule = {
  id: "pressures",
  title: "Line pressures",
  readouts: [
    {
      id: "p-arterial",
      signal: "circuit.arterialLine.pressure",
      label: "Art line",
      unit: "mmHg",
      digits: 0,
      high: 250,
    },
    { id: "p-preoxy", signal: "circuit.preOxygenatorPressure", label: "Pre-oxy", unit: "mmHg", digits: 0 },
    { id: "p-postoxy", signal: "circuit.postOxygenatorPressure", label: "Post-oxy", unit: "mmHg", digits: 0 },
    { id: "p-deltap", signal: "circuit.oxygenator.deltaP", label: "Oxy ΔP", unit: "mmHg", digits: 0 },
    { id: "p-venous", signal: "circuit.venousLine.pressure", label: "Venous", unit: "mmHg", digits: 0 },
  ],
  controls: [],
};

const reservoir: HlmModule = {
  id: "reservoir",
  title: "Venous reservoir",
  readouts: [
    {
      id: "level",
      signal: "circuit.venousReservoir.level",
      label: "Level",
      unit: "mL",
      digits: 0,
      low: 400,
    },
    { id: "vavd", signal: "circuit.vavdPressure", label: "VAVD", unit: "mmHg", digits: 0 },
    { id: "circuit-volume", signal: "circuit.volume", label: "Circuit", unit: "mL", digits: 0 },
  ],
  controls: [
    {
      id: "vavd-on",
      action: "vavd.set",
      label: "VAVD on",
      extra: { on: true },
      fields: [{ field: "pressureMmHg", label: "Vacuum", unit: "mmHg" }],
    },
    { id: "vavd-off", action: "vavd.set", label: "VAVD off (vent)", extra: { on: false } },
  ],
};

export const clampControl = (clamp: "venousLine" | "arterialLine", name: string): ModuleControl[] => [
  {
    id: `clamp-${clamp}`,
    action: "clamp.set",
    label: `Set ${name}`,
    extra: { clamp },
    fields: [{ field: "occlusion", label: `${name} clamp`, unit: "% closed", scale: 100 }],
  },
  { id: `clamp-${clamp}-open`, action: "clamp.set", label: `Open ${name}`, extra: { clamp, occlusion: 0 } },
  { id: `clamp-${clamp}-close`, action: "clamp.set", label: `Clamp ${name}`, extra: { clamp, occlusion: 1 } },
];

const clamps: HlmModule = {
  id: "clamps",
  title: "Clamps",
  open: true,
  readouts: [
    {
      id: "clamp-venous",
      derived: (h) => h.clamps.venousLine ?? Number.NaN,
      label: "Venous",
      unit: "% closed",
      scale: 100,
      digits: 0,
    },
    {
      id: "clamp-arterial",
      derived: (h) => h.clamps.arterialLine ?? Number.NaN,
      label: "Arterial",
      unit: "% closed",
      scale: 100,
      digits: 0,
    },
    {
      id: "cross-clamp",
      signal: "circuit.crossClamp",
      label: "Aortic X-clamp",
      unit: "",
      digits: 0,
      onOff: true,
    },
  ],
  controls: [
    ...clampControl("venousLine", "venous"),
    ...clampControl("arterialLine", "arterial"),
    { id: "xclamp-on", action: "aorticCrossClamp.set", label: "Cross-clamp on", extra: { on: true } },
    { id: "xclamp-off", action: "aorticCrossClamp.set", label: "Cross-clamp off", extra: { on: false } },
  ],
};

const gas: HlmModule = {
  id: "gas",
  title: "Gas blender",
  readouts: [
    { id: "fio2", signal: "circuit.fio2", label: "FiO₂", unit: "%", scale: 100, digits: 0 },
    { id: "sweep", signal: "circuit.sweepGasFlow", label: "Sweep", unit: "L/min", digits: 1 },
    { id: "oxy-vo2", signal: "circuit.oxygenator.vo2", label: "O₂ transfer", unit: "mL/min", digits: 0 },
    { id: "oxy-vco2", signal: "circuit.oxygenator.vco2", label: "CO₂ removal", unit: "mL/min", digits: 0 },
    { id: "volatile", signal: "circuit.volatilePercent", label: "Vaporizer", unit: "%", digits: 1 },
  ],
  controls: [
    {
      id: "gas-fio2",
      action: "gas.set",
      label: "Set FiO₂",
      fields: [{ field: "fio2", label: "FiO₂", unit: "%", scale: 100 }],
    },
    {
      id: "gas-sweep",
      action: "gas.set",
      label: "Set sweep",
      fields: [{ field: "sweepGasFlowLPerMin", label: "Sweep", unit: "L/min" }],
    },
    {
      id: "vaporizer",
      action: "vaporizer.set",
      label: "Set vaporizer",
      fields: [{ field: "percent", label: "Vaporizer", unit: "%" }],
    },
  ],
};

export const heater: HlmModule = {
  id: "heater-cooler",
  title: "Heater–cooler",
  readouts: [
    { id: "t-water", signal: "circuit.waterTemp", label: "Water", unit: "°C", digits: 1 },
    {
      id: "t-arterial",
      signal: "circuit.arterialTemp",
      label: "Art outlet",
      unit: "°C",
      digits: 1,
      high: 37.5,
    },
    { id: "t-venous", signal: "circuit.venousTemp", label: "Venous in", unit: "°C", digits: 1 },
  ],
  controls: [
    {
      id: "water",
      action: "heaterCooler.set",
      label: "Set water",
      fields: [{ field: "waterTempC", label: "Water", unit: "°C" }],
    },
  ],
};

const inline: HlmModule = {
  id: "inline-monitor",
  title: "In-line monitor",
  readouts: [
    { id: "svo2", signal: "circuit.venousSo2", label: "SvO₂", unit: "%", scale: 100, digits: 0, low: 65 },
    { id: "hct", signal: "circuit.inlineHct", label: "Venous Hct", unit: "%", scale: 100, digits: 0 },
    { id: "po2", signal: "circuit.oxygenator.postPo2", label: "Art PO₂", unit: "mmHg", digits: 0 },
    { id: "pco2", signal: "circuit.oxygenator.postPco2", label: "Art PCO₂", unit: "mmHg", digits: 0 },
    { id: "ph", signal: "circuit.inlinePh", label: "Art pH", unit: "", digits: 2 },
    // In-line blood monitors such as the CDI 500 measure K⁺; shown when the engine exposes it.
    { id: "k", signal: POTASSIUM_SIGNAL, optional: true, label: "K⁺", unit: "mmol/L", digits: 1 },
  ],
  controls: [],
};

const cardioplegia: HlmModule = {
  id: "cardioplegia",
  title: "Cardioplegia",
  readouts: [
    { id: "cp-flow", signal: "circuit.cardioplegia.flow", label: "Flow", unit: "mL/min", digits: 0 },
    {
      id: "cp-pressure",
      signal: "circuit.cardioplegia.deliveryPressure",
      label: "Pressure",
      unit: "mmHg",
      digits: 0,
    },
    { id: "cp-total", signal: "circuit.cardioplegia.totalVolume", label: "Given", unit: "mL", digits: 0 },
    { id: "cp-k", signal: "circuit.myocardialPotassium", label: "Myocardial K⁺", unit: "mmol/L", digits: 1 },
  ],
  controls: [
    {
      id: "cp-deliver",
      action: "cardioplegia.deliver",
      label: "Deliver",
      fields: [
        { field: "volumeMl", label: "Dose", unit: "mL" },
        { field: "flowMlPerMin", label: "Flow", unit: "mL/min", optional: true },
      ],
      choices: [
        { field: "solution", label: "Solution", optional: true },
        { field: "route", label: "Route", optional: true },
      ],
      when: (p) => p.cardioplegia !== null,
    },
  ],
};

const suction: HlmModule = {
  id: "suction",
  title: "Suckers, vent, fluids",
  readouts: [
    { id: "sucker-rate", derived: (h) => h.suckerMlPerMin, label: "Sucker (set)", unit: "mL/min", digits: 0 },
    { id: "vent-rate", derived: (h) => h.ventMlPerMin, label: "Vent (set)", unit: "mL/min", digits: 0 },
    { id: "uf", signal: "circuit.ultrafiltrate", label: "Ultrafiltrate", unit: "mL", digits: 0 },
    { id: "sampled", signal: "circuit.sampledVolume", label: "Sampled", unit: "mL", digits: 1 },
  ],
  controls: [
    {
      id: "suckers",
      action: "suckers.set",
      label: "Set sucker",
      fields: [{ field: "rateMlPerMin", label: "Sucker", unit: "mL/min" }],
    },
    {
      id: "vent",
      action: "vent.set",
      label: "Set vent",
      fields: [{ field: "rateMlPerMin", label: "Vent", unit: "mL/min" }],
    },
    {
      id: "haemoconcentrator",
      action: "haemoconcentrator.set",
      label: "Set haemoconcentrator",
      fields: [{ field: "rateMlPerMin", label: "Ultrafiltration", unit: "mL/min" }],
      when: (p) => p.haemoconcentrator !== null,
    },
    {
      id: "transfuse",
      action: "circuit.transfuse",
      label: "Transfuse from circuit",
      fields: [
        { field: "volumeMl", label: "Volume", unit: "mL" },
        { field: "rateMlPerMin", label: "Rate", unit: "mL/min", optional: true },
      ],
    },
    {
      id: "sample",
      action: "circuit.sample",
      label: "Draw sample",
      fields: [{ field: "volumeMl", label: "Sample", unit: "mL" }],
    },
  ],
};

/** The pump set to turn but not turning: an interlock latch or a pump failure (HlmTracker.pumpHeld). */
export const pumpHeld: Readout = {
  id: "pump-held",
  derived: (h, read) => (h.pumpHeld(read("circuit.arterialPump.rpm")) ? 1 : 0),
  label: "Pump",
  unit: "",
  digits: 0,
  onOff: true,
  onOffText: ["as set", "HELD (interlock/fault)"],
  high: 0.5,
};

const INTERLOCK_LABELS = { level: "Level stop", bubble: "Bubble stop", pressure: "Pressure servo" } as const;

/** On/off readouts of the safety interlocks (HLM and ECMO consoles). */
export function interlockReadouts(kinds: readonly (keyof typeof INTERLOCK_LABELS)[]): Readout[] {
  return kinds.map((k) => ({
    id: `il-${k}`,
    derived: (h: HlmTracker) => (h.interlocks[k] ? 1 : 0),
    label: INTERLOCK_LABELS[k],
    unit: "",
    digits: 0,
    onOff: true,
  }));
}

/** Set and reset the interlocks; a closed (ECMO) circuit has no reservoir, so no level interlock. */
export function interlockControls(closedCircuit: boolean): ModuleControl[] {
  return [
    {
      id: "interlock",
      action: "interlock.set",
      label: "Set interlock",
      choices: [
        closedCircuit
          ? { field: "interlock", label: "Interlock", exclude: ["level"] }
          : { field: "interlock", label: "Interlock" },
        { field: "enabled", label: "State", boolean: true },
      ],
    },
    { id: "interlock-reset", action: "interlock.reset", label: "Reset interlocks" },
  ];
}

const safety: HlmModule = {
  id: "interlocks",
  title: "Safety and interlocks",
  readouts: [
    pumpHeld,
    { id: "alarm-count", signal: "circuit.alarms", label: "Active alarms", unit: "", digits: 0 },
    ...interlockReadouts(["level", "bubble", "pressure"]),
    { id: "bubbles", signal: "circuit.bubbleCount", label: "Bubble detections", unit: "", digits: 0 },
    { id: "air-patient", signal: "circuit.airToPatient", label: "Air to patient", unit: "µL", digits: 0 },
    { id: "air-trapped", signal: "circuit.airTrapped", label: "Air in filter", unit: "µL", digits: 0 },
  ],
  controls: [...interlockControls(false)],
};

/** Instructor: inject and clear circuit faults (severity 0–100 %). */
export const faults: HlmModule = {
  id: "faults",
  title: "Instructor: circuit faults",
  readouts: [],
  controls: [
    {
      id: "fault-inject",
      action: "fault.inject",
      label: "Inject",
      choices: [{ field: "fault", label: "Fault" }],
      fields: [{ field: "severity", label: "Severity", unit: "%", scale: 100 }],
    },
    {
      id: "fault-clear",
      action: "fault.clear",
      label: "Clear",
      choices: [{ field: "fault", label: "Fault" }],
    },
  ],
};

/** The heart–lung machine's modules; the ECMO console has its own (web/src/ecmo/modules.ts). */
export const MODULES: HlmModule[] = [
  arterialPump,
  pressures,
  reservoir,
  clamps,
  gas,
  heater,
  inline,
  cardioplegia,
  suction,
  safety,
  faults,
];

/**
 * The heart–lung machine console as a set of modules (a pump, the gas blender, the heater–cooler …).
 * Each module binds by NAME to engine signals (readouts) and action types (controls). The
 * extracorporeal circuit (issue 4) is not in the engine yet, so these names are the console's proposal;
 * when the circuit lands, a module lights up as soon as its signals exist, and its controls enable
 * as soon as the engine's action schema has their action type. Adjust names here only.
 */

export interface Readout {
  signal: string;
  label: string;
  unit: string;
  /** Shown = internal × scale. */
  scale?: number;
  digits: number;
  /** Optional alarm line drawn on the module (shown value). */
  low?: number;
  high?: number;
}

export interface ModuleControl {
  /** Action type the control sends. */
  action: string;
  /** Numeric field of the action the control sets. */
  field: string;
  label: string;
  unit: string;
  scale?: number;
  /** Fixed extra fields of the action (e.g. which clamp). */
  extra?: Record<string, unknown>;
}

export interface HlmModule {
  id: string;
  title: string;
  readouts: Readout[];
  controls: ModuleControl[];
  /** What this module will show, for the placeholder. */
  note: string;
}

export type ConsoleMode = "cpb" | "ecmo";

const arterialPump: HlmModule = {
  id: "arterial-pump",
  title: "Arterial pump",
  readouts: [
    { signal: "circuit.arterialPump.flow", label: "Flow", unit: "L/min", digits: 2 },
    { signal: "circuit.arterialPump.rpm", label: "Speed", unit: "rpm", digits: 0 },
    { signal: "circuit.arterialPump.flowIndex", label: "CI", unit: "L/min/m²", digits: 2 },
  ],
  controls: [{ action: "arterialPump.setFlow", field: "flowLPerMin", label: "Set flow", unit: "L/min" }],
  note: "roller or centrifugal; flow, rpm, flow index",
};

const pressures: HlmModule = {
  id: "pressures",
  title: "Line pressures",
  readouts: [
    { signal: "circuit.pressure.arterialLine", label: "Art line", unit: "mmHg", digits: 0, high: 300 },
    { signal: "circuit.pressure.preOxygenator", label: "Pre-oxy", unit: "mmHg", digits: 0 },
    { signal: "circuit.pressure.postOxygenator", label: "Post-oxy", unit: "mmHg", digits: 0 },
    { signal: "circuit.oxygenator.deltaP", label: "ΔP", unit: "mmHg", digits: 0 },
    { signal: "circuit.pressure.venousLine", label: "Venous", unit: "mmHg", digits: 0 },
  ],
  controls: [],
  note: "arterial line, pre/post-oxygenator, ΔP, venous line",
};

const reservoir: HlmModule = {
  id: "reservoir",
  title: "Venous reservoir",
  readouts: [
    { signal: "circuit.venousReservoir.level", label: "Level", unit: "mL", digits: 0, low: 300 },
    { signal: "circuit.vavd.pressure", label: "VAVD", unit: "mmHg", digits: 0 },
  ],
  controls: [{ action: "vavd.set", field: "pressureMmHg", label: "VAVD", unit: "mmHg" }],
  note: "level with alarm line, vacuum-assisted drainage",
};

const clamps: HlmModule = {
  id: "clamps",
  title: "Clamps",
  readouts: [
    { signal: "circuit.clamp.venous", label: "Venous", unit: "% closed", scale: 100, digits: 0 },
    { signal: "circuit.clamp.arterial", label: "Arterial", unit: "% closed", scale: 100, digits: 0 },
  ],
  controls: [
    {
      action: "clamp.set",
      field: "occlusion",
      label: "Venous clamp",
      unit: "% closed",
      scale: 100,
      extra: { clamp: "venous" },
    },
  ],
  note: "venous / arterial line clamps, partial occlusion",
};

const blender: HlmModule = {
  id: "blender",
  title: "Gas blender",
  readouts: [
    { signal: "circuit.blender.fio2", label: "FiO₂", unit: "%", scale: 100, digits: 0 },
    { signal: "circuit.blender.sweep", label: "Sweep", unit: "L/min", digits: 1 },
  ],
  controls: [
    { action: "blender.set", field: "fio2", label: "FiO₂", unit: "%", scale: 100 },
    { action: "blender.set", field: "sweepGasFlowLPerMin", label: "Sweep", unit: "L/min" },
  ],
  note: "FiO₂ and sweep gas flow",
};

const heater: HlmModule = {
  id: "heater-cooler",
  title: "Heater–cooler",
  readouts: [
    { signal: "circuit.temp.water", label: "Water", unit: "°C", digits: 1 },
    { signal: "circuit.temp.arterialOutlet", label: "Art outlet", unit: "°C", digits: 1, high: 37 },
    { signal: "circuit.temp.venousInlet", label: "Venous in", unit: "°C", digits: 1 },
  ],
  controls: [{ action: "heaterCooler.set", field: "waterTempC", label: "Water", unit: "°C" }],
  note: "water, arterial outlet and venous inflow temperatures",
};

const inline: HlmModule = {
  id: "inline-monitor",
  title: "In-line monitor",
  readouts: [
    { signal: "circuit.monitor.venous.so2", label: "SvO₂", unit: "%", scale: 100, digits: 0, low: 65 },
    { signal: "circuit.monitor.venous.hct", label: "Hct", unit: "%", scale: 100, digits: 0 },
    { signal: "circuit.monitor.arterial.po2", label: "PaO₂", unit: "mmHg", digits: 0 },
    { signal: "circuit.monitor.arterial.pco2", label: "PaCO₂", unit: "mmHg", digits: 0 },
    { signal: "circuit.monitor.arterial.k", label: "K⁺", unit: "mmol/L", digits: 1 },
  ],
  controls: [],
  note: "SvO₂, Hct, arterial PO₂/PCO₂, K⁺",
};

const cardioplegia: HlmModule = {
  id: "cardioplegia",
  title: "Cardioplegia",
  readouts: [
    { signal: "circuit.cardioplegia.flow", label: "Flow", unit: "mL/min", digits: 0 },
    { signal: "circuit.pressure.cardioplegia", label: "Pressure", unit: "mmHg", digits: 0 },
    { signal: "circuit.cardioplegia.volume", label: "Given", unit: "mL", digits: 0 },
  ],
  controls: [{ action: "cardioplegia.deliver", field: "volumeMl", label: "Dose", unit: "mL" }],
  note: "delivery flow, pressure, dose given, interval timer",
};

const interlocks: HlmModule = {
  id: "interlocks",
  title: "Interlocks",
  readouts: [{ signal: "circuit.alarms", label: "Alarm word", unit: "", digits: 0 }],
  controls: [],
  note: "level stop, bubble stop, pressure servo",
};

const ecmoPump: HlmModule = {
  ...arterialPump,
  id: "ecmo-pump",
  title: "Centrifugal pump",
  controls: [{ action: "arterialPump.setRpm", field: "rpm", label: "Set rpm", unit: "rpm" }],
  note: "rpm and flow (flow depends on rpm and the pressures it works against)",
};

export const MODULES: Record<ConsoleMode, HlmModule[]> = {
  cpb: [arterialPump, pressures, reservoir, clamps, blender, heater, inline, cardioplegia, interlocks],
  ecmo: [ecmoPump, { ...pressures, title: "Circuit pressures" }, blender, heater, inline, interlocks],
};

/** Timers a perfusionist runs; started and stopped by action types (names for the circuit to provide). */
export interface TimerSpec {
  id: string;
  label: string;
  start: string[];
  stop: string[];
}

export const TIMERS: TimerSpec[] = [
  { id: "bypass", label: "Bypass", start: ["bypass.start"], stop: ["bypass.end"] },
  { id: "xclamp", label: "Cross-clamp", start: ["aorticClamp.on"], stop: ["aorticClamp.off"] },
  { id: "cp", label: "Since cardioplegia", start: ["cardioplegia.deliver"], stop: [] },
  { id: "arrest", label: "Circulatory arrest", start: ["arrest.start"], stop: ["arrest.end"] },
];

/**
 * The ECMO console's modules: centrifugal pump, circuit pressures (drainage/inlet, pre- and post-oxygenator, ΔP),
 * gas (sweep, FdO₂), blood (pre/post-oxygenator saturations, recirculation on VV), line clamps (drainage, return),
 * heater, safety and instructor faults. Bound by NAME to the engine's ECMO signals (`ecmo.*`,
 * src/sim/cpb/signals.ts ECMO_SIGNALS) and the circuit actions it documents for ECMO (docs/models/ecmo.md: the
 * ECMO pump is the circuit's `arterialPump`; `gas.set` `fio2` is the FdO₂); test/console/hlm.test.ts fails if a
 * name is missing. No reservoir, VAVD, cardioplegia, suckers or vent: the engine refuses those on a closed circuit.
 */
import { POTASSIUM_SIGNAL } from "../../../src/console/labs.ts";
import {
  clampControl,
  faults,
  type HlmModule,
  heater,
  interlockControls,
  interlockReadouts,
  pumpHeld,
  pumpMaxRpm,
} from "../hlm/modules.ts";

/** The pump module's readouts and controls; the console draws it as the pump panel with the speed knob. */
export const ecmoPump: HlmModule = {
  id: "ecmo-pump",
  title: "Centrifugal pump",
  open: true,
  readouts: [
    { id: "ecmo-rpm", signal: "ecmo.rpm", label: "Speed", unit: "rpm", digits: 0 },
    { id: "ecmo-flow", signal: "ecmo.flow", label: "Flow", unit: "L/min", digits: 2, low: 0 },
    {
      id: "ecmo-flow-index",
      derived: (_h, read, ctx) => read("ecmo.flow") / ctx.bsaM2,
      label: "Flow index",
      unit: "L/min/m²",
      digits: 2,
    },
  ],
  controls: [
    {
      id: "set-rpm",
      action: "arterialPump.setRpm",
      label: "Set speed",
      fields: [{ field: "rpm", label: "Speed", unit: "rpm", max: pumpMaxRpm }],
    },
    {
      id: "set-flow",
      action: "arterialPump.setFlow",
      label: "Hold flow (servo)",
      fields: [{ field: "flowLPerMin", label: "Flow", unit: "L/min" }],
    },
    { id: "pump-stop", action: "arterialPump.stop", label: "Stop pump" },
  ],
};

const pressures: HlmModule = {
  id: "ecmo-pressures",
  title: "Circuit pressures",
  readouts: [
    {
      id: "ecmo-inlet",
      signal: "ecmo.inletPressure",
      label: "Inlet (drainage)",
      unit: "mmHg",
      digits: 0,
      low: -150,
    },
    { id: "ecmo-pre", signal: "ecmo.preOxygenatorPressure", label: "Pre-oxy", unit: "mmHg", digits: 0 },
    { id: "ecmo-post", signal: "ecmo.postOxygenatorPressure", label: "Post-oxy", unit: "mmHg", digits: 0 },
    { id: "ecmo-deltap", signal: "ecmo.deltaP", label: "ΔP", unit: "mmHg", digits: 0, high: 80 },
  ],
  controls: [],
};

const gas: HlmModule = {
  id: "ecmo-gas",
  title: "Sweep gas",
  open: true,
  readouts: [
    { id: "ecmo-sweep", signal: "ecmo.sweepGasFlow", label: "Sweep", unit: "L/min", digits: 1 },
    { id: "ecmo-fdo2", signal: "ecmo.fdo2", label: "FdO₂", unit: "%", scale: 100, digits: 0 },
    { id: "ecmo-vo2", signal: "ecmo.o2Transfer", label: "O₂ transfer", unit: "mL/min", digits: 0 },
    { id: "ecmo-vco2", signal: "ecmo.co2Removal", label: "CO₂ removal", unit: "mL/min", digits: 0 },
  ],
  controls: [
    {
      id: "ecmo-gas-sweep",
      action: "gas.set",
      label: "Set sweep",
      fields: [{ field: "sweepGasFlowLPerMin", label: "Sweep", unit: "L/min" }],
    },
    {
      id: "ecmo-gas-fdo2",
      action: "gas.set",
      label: "Set FdO₂",
      fields: [{ field: "fio2", label: "FdO₂", unit: "%", scale: 100 }],
    },
  ],
};

const blood: HlmModule = {
  id: "ecmo-blood",
  title: "Blood monitor",
  readouts: [
    { id: "ecmo-preso2", signal: "ecmo.preSo2", label: "Pre-oxy SO₂", unit: "%", scale: 100, digits: 0 },
    {
      id: "ecmo-postso2",
      signal: "ecmo.postSo2",
      label: "Post-oxy SO₂",
      unit: "%",
      scale: 100,
      digits: 0,
      low: 95,
    },
    { id: "ecmo-prepo2", signal: "ecmo.prePo2", label: "Pre-oxy PO₂", unit: "mmHg", digits: 0 },
    { id: "ecmo-postpo2", signal: "ecmo.postPo2", label: "Post-oxy PO₂", unit: "mmHg", digits: 0 },
    { id: "ecmo-hb", signal: "ecmo.hb", label: "Hb", unit: "g/dL", digits: 1 },
    {
      id: "ecmo-recirc",
      signal: "ecmo.recirculationFraction",
      label: "Recirculation",
      unit: "%",
      scale: 100,
      digits: 0,
      show: (ctx) => ctx.ecmo === "VV",
    },
    { id: "ecmo-k", signal: POTASSIUM_SIGNAL, optional: true, label: "K⁺", unit: "mmol/L", digits: 1 },
  ],
  controls: [],
};

const clamps: HlmModule = {
  id: "ecmo-clamps",
  title: "Line clamps",
  open: true,
  readouts: [
    {
      id: "clamp-venous",
      derived: (h) => h.clamps.venousLine ?? Number.NaN,
      label: "Drainage",
      unit: "% closed",
      scale: 100,
      digits: 0,
    },
    {
      id: "clamp-arterial",
      derived: (h) => h.clamps.arterialLine ?? Number.NaN,
      label: "Return",
      unit: "% closed",
      scale: 100,
      digits: 0,
    },
  ],
  controls: [...clampControl("venousLine", "drainage"), ...clampControl("arterialLine", "return")],
};

const safety: HlmModule = {
  id: "ecmo-safety",
  title: "Safety",
  readouts: [
    pumpHeld,
    { id: "alarm-count", signal: "circuit.alarms", label: "Circuit alarms", unit: "", digits: 0 },
    ...interlockReadouts(["bubble", "pressure"]),
    { id: "bubbles", signal: "circuit.bubbleCount", label: "Bubble detections", unit: "", digits: 0 },
    { id: "air-patient", signal: "circuit.airToPatient", label: "Air to patient", unit: "µL", digits: 0 },
  ],
  controls: [
    // No level interlock on a closed circuit (no reservoir).
    ...interlockControls(true),
  ],
};

/** The ECMO console's modules below the pump panel. */
export const ECMO_MODULES: HlmModule[] = [
  pressures,
  gas,
  blood,
  clamps,
  { ...heater, title: "Heater" },
  safety,
  faults,
];

/** Every ECMO module (for the binding tests). */
export const ALL_ECMO_MODULES: HlmModule[] = [ecmoPump, ...ECMO_MODULES];

/**
 * Circuit signals: present only in a simulation built with a circuit, appended after the patient's signals.
 * Units as in DESIGN.md (L/min at the edges, mL, mmHg, °C, fractions).
 */
import type { SignalSpec } from "../signals.ts";

const defs = [
  ["circuit.arterialPump.flow", "L/min", "arterial pump flow delivered (last 20 ms)"],
  ["circuit.arterialPump.rpm", "1/min", "arterial pump speed (after interlocks)"],
  ["circuit.venousReservoir.level", "mL", "venous reservoir level (hard shell: the blood volume)"],
  ["circuit.arterialLine.pressure", "mmHg", "arterial line pressure (after the arterial filter)"],
  ["circuit.venousLine.pressure", "mmHg", "venous line pressure"],
  ["circuit.oxygenator.deltaP", "mmHg", "oxygenator blood-side pressure drop (pre − post)"],
  ["circuit.oxygenator.postPo2", "mmHg", "PO2 of the blood leaving the oxygenator"],
  ["circuit.oxygenator.postPco2", "mmHg", "PCO2 of the blood leaving the oxygenator"],
  ["circuit.venousSo2", "fraction", "venous line O2 saturation (in-line monitor)"],
  ["circuit.arterialTemp", "°C", "arterial outlet temperature (oxygenator heat exchanger)"],
  ["circuit.venousTemp", "°C", "venous inflow temperature"],
  ["circuit.sweepGasFlow", "L/min", "sweep gas flow reaching the oxygenator (0 when the supply is lost)"],
  ["circuit.fio2", "fraction", "gas blender FiO2"],
  ["circuit.cardioplegia.totalVolume", "mL", "cardioplegia delivered in total"],
  ["circuit.bubbleCount", "count", "bubble detections (each a rising edge of the detector)"],
  ["circuit.alarms", "count", "active alarms"],
  ["circuit.alarmBits", "bits", "active alarm word (bit id−1 per alarm of the alarm table)"],
  ["circuit.preOxygenatorPressure", "mmHg", "pressure before the oxygenator (pump outlet)"],
  ["circuit.postOxygenatorPressure", "mmHg", "pressure after the oxygenator"],
  ["circuit.cardioplegia.deliveryPressure", "mmHg", "cardioplegia line pressure while delivering"],
  ["circuit.cardioplegia.flow", "mL/min", "cardioplegia delivery flow"],
  ["circuit.inlineHct", "fraction", "venous haematocrit (in-line monitor)"],
  ["circuit.inlinePh", "", "arterial pH (in-line monitor, post-oxygenator)"],
  ["circuit.waterTemp", "°C", "heater–cooler water temperature"],
  ["circuit.bypassFraction", "fraction", "pump flow / (pump flow + native cardiac output)"],
  ["circuit.oxygenator.vo2", "mL/min", "O2 transferred by the oxygenator"],
  ["circuit.oxygenator.vco2", "mL/min", "CO2 removed by the oxygenator"],
  ["circuit.vavdPressure", "mmHg", "reservoir gas-space pressure (VAVD; 0 when vented)"],
  ["circuit.volatilePercent", "%", "vaporizer setting reaching the oxygenator"],
  ["circuit.myocardialPotassium", "mmol/L", "myocardial extracellular K+ (cardioplegia model)"],
  ["circuit.crossClamp", "", "aortic cross-clamp on (1) or off (0)"],
  ["circuit.airToPatient", "µL", "air delivered past the arterial filter in total"],
  ["circuit.airTrapped", "µL", "air caught by the arterial filter in total"],
  ["circuit.ultrafiltrate", "mL", "haemoconcentrator ultrafiltrate in total"],
  ["circuit.volume", "mL", "blood/prime volume in the circuit"],
  ["circuit.sampledVolume", "mL", "blood drawn through the sampling port in total"],
  ["circuit.venousPotassium", "mmol/L", "venous line plasma K+ (in-line monitor)"],
] as const;

export const CIRCUIT_SIGNALS: readonly SignalSpec[] = defs.map(([name, unit, description]) => ({
  name,
  unit,
  description,
}));
type CircuitSignalName = (typeof defs)[number][0];
/** Index of each circuit signal within CIRCUIT_SIGNALS. */
export const CS = Object.fromEntries(defs.map(([name], i) => [name, i])) as Record<CircuitSignalName, number>;

/**
 * ECMO signals: present only with a closed circuit (no reservoir, docs/models/ecmo.md), appended after the circuit's.
 * `patient.sao2RightRadial` / `patient.sao2Femoral` are the saturations of the upper- and lower-body arterial
 * compartments (Harlequin: the arch vessels against the lower body).
 */
const ecmoDefs = [
  ["ecmo.flow", "L/min", "ECMO pump flow (last 20 ms)"],
  ["ecmo.rpm", "1/min", "ECMO pump speed"],
  ["ecmo.inletPressure", "mmHg", "pump inlet (drainage) pressure"],
  ["ecmo.preOxygenatorPressure", "mmHg", "pressure before the oxygenator (pump outlet)"],
  ["ecmo.postOxygenatorPressure", "mmHg", "pressure after the oxygenator"],
  ["ecmo.deltaP", "mmHg", "oxygenator pressure drop (pre − post)"],
  ["ecmo.sweepGasFlow", "L/min", "sweep gas flow reaching the oxygenator"],
  ["ecmo.fdo2", "fraction", "O2 fraction of the sweep gas (blender)"],
  ["ecmo.preSo2", "fraction", "O2 saturation of the drained blood (pre-oxygenator, SdO2)"],
  ["ecmo.postSo2", "fraction", "O2 saturation after the oxygenator (SmO2)"],
  ["ecmo.prePo2", "mmHg", "PO2 of the drained blood (pre-oxygenator)"],
  ["ecmo.postPo2", "mmHg", "PO2 after the oxygenator"],
  ["ecmo.hb", "g/dL", "haemoglobin of the drained blood"],
  [
    "ecmo.trueMixedVenousSo2",
    "fraction",
    "saturation of the systemic venous return before the ECMO return joins it",
  ],
  ["ecmo.recirculationFraction", "fraction", "R = (SdO2 − SvO2)/(SmO2 − SvO2) on the model's saturations"],
  ["ecmo.o2Transfer", "mL/min", "O2 transferred by the membrane lung"],
  ["ecmo.co2Removal", "mL/min", "CO2 removed by the membrane lung"],
  ["patient.sao2RightRadial", "fraction", "upper-body (arch vessels, right radial) arterial O2 saturation"],
  ["patient.sao2Femoral", "fraction", "lower-body (femoral) arterial O2 saturation"],
  ["ecmo.clotBurden", "fraction", "oxygenator clot burden (flow paths blocked, membrane area lost), 0–1"],
  ["ecmo.plasmaFreeHb", "mg/dL", "plasma free haemoglobin (haemolysis indicator; alarm 50 mg/dL)"],
  ["ecmo.haptoglobin", "mg/dL", "haptoglobin binding capacity left (mg Hb per dL plasma)"],
  ["ecmo.discardedVolume", "mL", "circuit contents discarded at circuit changes in total"],
  ["ecmo.circuitChanges", "count", "circuit changes done"],
  [
    "ecmo.returnLimbFlow",
    "L/min",
    "flow through the venous return limb of a VAV configuration (0 without one)",
  ],
  [
    "ecmo.distalPerfusionFlow",
    "mL/min",
    "flow through the distal perfusion cannula to the leg (0 without one)",
  ],
  ["ecmo.drainageSealed", "count", "drainage ports sealed by a collapsed vein (chatter) at this instant"],
] as const;

export const ECMO_SIGNALS: readonly SignalSpec[] = ecmoDefs.map(([name, unit, description]) => ({
  name,
  unit,
  description,
}));
type EcmoSignalName = (typeof ecmoDefs)[number][0];
/** Index of each ECMO signal within ECMO_SIGNALS. */
export const ES = Object.fromEntries(ecmoDefs.map(([name], i) => [name, i])) as Record<
  EcmoSignalName,
  number
>;

/**
 * Public surface of the extracorporeal circuit components (src/sim/circuit). Each component: a zod spec schema,
 * `build…Params(spec)` (validates, throws InputError naming the field; run once at build time) and fast pure
 * functions of numbers for the engine's loops (no allocation). Units: mL, mL/s, mmHg, °C, cP; L/min at the edges.
 * Models and sources: docs/models/circuit.md.
 */
export * from "./air.ts";
export * from "./alarms.ts";
export * from "./cannula.ts";
export * from "./cannula-data.ts";
export * from "./cardioplegia.ts";
export * from "./centrifugal-pump.ts";
export * from "./clamp.ts";
export * from "./dual-lumen-cannula.ts";
export * from "./haemoconcentrator.ts";
export * from "./haemolysis.ts";
export * from "./interlocks.ts";
export * from "./membrane.ts";
export * from "./oxygenator.ts";
export * from "./oxygenator-wear.ts";
export * from "./reservoir.ts";
export * from "./roller-pump.ts";
export * from "./sensors.ts";
export * from "./spec.ts";
export * from "./tubing.ts";
export * from "./units.ts";

/**
 * Circuit description as plain JSON, and its validator.
 *
 *   { name?, population?, plannedFlowLPerMin?, components: [
 *       { id: "arterialPump", type: "rollerPump", params: {...},
 *         inlet: "venousReservoir.outlet", outlet: "oxygenator.bloodIn" }, ... ] }
 *
 * A component names the ports of other components it connects to: `inlet`/`outlet` are shorthand for its main
 * ports (table PORTS), `connect` maps any of its ports ({ cardiotomyIn1: "sucker.outlet" }), and readout/fitting
 * components (sensors, clamps, sampling port) sit `at` a component or a port. A reference is "componentId.port",
 * or "patient.<compartment>" for suckers, vents and cardioplegia delivery (checked against the patient's
 * compartments). A connection may be written from either end, or both identically; each port takes one.
 * Cannula tips sit in `params.vessel`, checked against the same list.
 *
 * `validateCircuit` returns EVERY problem as a FieldProblem (path-named fields), never throws for bad input.
 */
import { z } from "zod";
import type { FieldProblem } from "../../common/errors.ts";
import { InputError } from "../../common/errors.ts";
import { zodProblems } from "../../common/zod.ts";
import {
  arterialFilterSpecSchema,
  bubbleDetectorSpecSchema,
  buildArterialFilterParams,
  buildBubbleDetectorParams,
} from "./air.ts";
import { buildCannulaParams, cannulaSpecSchema } from "./cannula.ts";
import { buildCardioplegiaParams, cardioplegiaSpecSchema } from "./cardioplegia.ts";
import { buildCentrifugalPumpParams, centrifugalPumpSpecSchema } from "./centrifugal-pump.ts";
import { buildSamplingPortParams, samplingPortSpecSchema } from "./clamp.ts";
import { buildDualLumenCannulaParams, dualLumenCannulaSpecSchema } from "./dual-lumen-cannula.ts";
import { buildHaemoconcentratorParams, haemoconcentratorSpecSchema } from "./haemoconcentrator.ts";
import { buildOxygenatorParams, oxygenatorSpecSchema } from "./oxygenator.ts";
import { buildReservoirParams, reservoirSpecSchema } from "./reservoir.ts";
import { buildRollerPumpParams, rollerPumpSpecSchema } from "./roller-pump.ts";
import {
  bloodMonitorSpecSchema,
  buildBloodMonitorParams,
  buildLevelSensorParams,
  buildPressureTransducerParams,
  buildTemperatureProbeParams,
  levelSensorSpecSchema,
  pressureTransducerSpecSchema,
  temperatureProbeSpecSchema,
} from "./sensors.ts";
import { buildTubingParams, tubingSpecSchema } from "./tubing.ts";

interface PortTable {
  /** Port names; `true` = must be connected. */
  ports: Record<string, boolean>;
  inlet?: string;
  outlet?: string;
  /** Readout/fitting: placed `at` a component or port instead of connected. */
  at?: boolean;
}

export const COMPONENT_TYPES = [
  "tubing",
  "cannula",
  "venousReservoir",
  "rollerPump",
  "centrifugalPump",
  "oxygenator",
  "arterialFilter",
  "haemoconcentrator",
  "cardioplegia",
  "bubbleDetector",
  "levelSensor",
  "pressureTransducer",
  "temperatureProbe",
  "bloodMonitor",
  "clamp",
  "samplingPort",
  "yConnector",
  "dualLumenCannula",
] as const;
export type ComponentType = (typeof COMPONENT_TYPES)[number];

export const PORTS: Readonly<Record<ComponentType, PortTable>> = {
  tubing: { ports: { inlet: true, outlet: true }, inlet: "inlet", outlet: "outlet" },
  cannula: { ports: { connector: true }, inlet: "connector", outlet: "connector" },
  venousReservoir: {
    ports: {
      venousIn: true,
      outlet: true,
      cardiotomyIn1: false,
      cardiotomyIn2: false,
      cardiotomyIn3: false,
      cardiotomyIn4: false,
      purgeIn: false,
    },
    inlet: "venousIn",
    outlet: "outlet",
  },
  rollerPump: { ports: { inlet: true, outlet: true }, inlet: "inlet", outlet: "outlet" },
  centrifugalPump: { ports: { inlet: true, outlet: true }, inlet: "inlet", outlet: "outlet" },
  oxygenator: {
    ports: { bloodIn: true, bloodOut: true, purgeOut: false, cardioplegiaOut: false },
    inlet: "bloodIn",
    outlet: "bloodOut",
  },
  arterialFilter: { ports: { inlet: true, outlet: true, purge: false }, inlet: "inlet", outlet: "outlet" },
  haemoconcentrator: { ports: { inlet: true, outlet: true }, inlet: "inlet", outlet: "outlet" },
  cardioplegia: { ports: { bloodIn: false, outlet: true }, inlet: "bloodIn", outlet: "outlet" },
  bubbleDetector: { ports: {}, at: true },
  levelSensor: { ports: {}, at: true },
  pressureTransducer: { ports: {}, at: true },
  temperatureProbe: { ports: {}, at: true },
  bloodMonitor: { ports: {}, at: true },
  clamp: { ports: {}, at: true },
  samplingPort: { ports: {}, at: true },
  /** Y connector: one common port, two branches (a split return line, two drainage cannulae on one line). */
  yConnector: { ports: { common: true, branch1: true, branch2: true } },
  dualLumenCannula: { ports: { drainage: true, return: true } },
};

const clampSpecSchema = z.object({ occlusion: z.number().min(0).max(1).default(0) }).strict();
/** A Y connector's own volume, mL (a 3/8" × 3/8" × 3/8" polycarbonate Y holds a few mL [U]). */
const yConnectorSpecSchema = z.object({ primeMl: z.number().min(0).max(50).default(3) }).strict();

/** Roles a cannula may carry on a closed (ECMO) circuit; checked against where it sits on the path (build.ts). */
export const CANNULA_ROLES = ["drainage", "return", "distalPerfusion"] as const;

/**
 * ECMO configurations, named by mode and cannulation sites as in the ELSO nomenclature (Conrad SA et al., "The
 * Extracorporeal Life Support Organization Maastricht Treaty for Nomenclature in Extracorporeal Life Support",
 * Am J Respir Crit Care Med 2018;198:447–451: drainage before the dash, return after; "dl" a dual-lumen cannula).
 * Each is checked against the cannulae's vessels and roles when the circuit is built (src/sim/cpb/ecmo-config.ts).
 */
export const ECMO_CONFIGURATIONS = [
  "VA-femoral", // V-A peripheral, femoral vein → femoral artery
  "VA-central", // V-A central, right atrium → ascending aorta
  "VA-neck", // V-A cervical (neonatal): right internal jugular → right common carotid (arch)
  "VV-femoro-jugular", // V-V, femoral vein (IVC) → internal jugular (SVC/RA)
  "VV-dual-lumen", // dlV-V, bicaval dual-lumen cannula (SVC+IVC drainage, RA return)
  "VAV", // V-VA hybrid: one drainage, return split between an artery and a vein
] as const;
export type EcmoConfiguration = (typeof ECMO_CONFIGURATIONS)[number];

/** Param schema and builder (for cross-field checks) per type. */
const PARAMS: Record<ComponentType, { schema: z.ZodType; build: (spec: unknown, root: string) => unknown }> =
  {
    tubing: { schema: tubingSpecSchema, build: buildTubingParams },
    cannula: { schema: cannulaSpecSchema, build: buildCannulaParams },
    venousReservoir: { schema: reservoirSpecSchema, build: buildReservoirParams },
    rollerPump: { schema: rollerPumpSpecSchema, build: buildRollerPumpParams },
    centrifugalPump: { schema: centrifugalPumpSpecSchema, build: buildCentrifugalPumpParams },
    oxygenator: { schema: oxygenatorSpecSchema, build: buildOxygenatorParams },
    arterialFilter: { schema: arterialFilterSpecSchema, build: buildArterialFilterParams },
    haemoconcentrator: { schema: haemoconcentratorSpecSchema, build: buildHaemoconcentratorParams },
    cardioplegia: { schema: cardioplegiaSpecSchema, build: buildCardioplegiaParams },
    bubbleDetector: { schema: bubbleDetectorSpecSchema, build: buildBubbleDetectorParams },
    levelSensor: { schema: levelSensorSpecSchema, build: buildLevelSensorParams },
    pressureTransducer: { schema: pressureTransducerSpecSchema, build: buildPressureTransducerParams },
    temperatureProbe: { schema: temperatureProbeSpecSchema, build: buildTemperatureProbeParams },
    bloodMonitor: { schema: bloodMonitorSpecSchema, build: buildBloodMonitorParams },
    clamp: { schema: clampSpecSchema, build: (s) => s },
    samplingPort: { schema: samplingPortSpecSchema, build: buildSamplingPortParams },
    yConnector: { schema: yConnectorSpecSchema, build: (s) => s },
    dualLumenCannula: { schema: dualLumenCannulaSpecSchema, build: buildDualLumenCannulaParams },
  };

const REF = /^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z][A-Za-z0-9_]*$/;
const refSchema = z.string().regex(REF, 'a reference "componentId.port" or "patient.<compartment>"');
const ID = /^[A-Za-z][A-Za-z0-9_]*$/;

export const componentSchema = z
  .object({
    id: z.string().regex(ID, "an identifier (letters, digits, _; starting with a letter)"),
    type: z.enum(COMPONENT_TYPES),
    /** Role of a pump or line, for the console ("arterial", "sucker", "vent", "cardioplegia", ...). */
    role: z.string().min(1).optional(),
    params: z.unknown().optional(),
    inlet: refSchema.optional(),
    outlet: refSchema.optional(),
    connect: z.record(z.string(), refSchema).optional(),
    at: z.string().min(1).optional(),
  })
  .strict();

export const circuitSchema = z
  .object({
    name: z.string().optional(),
    population: z.enum(["neonate", "infant", "child", "adult"]).optional(),
    /** Planned (target) blood flow, L/min: checked against oxygenator limits. */
    plannedFlowLPerMin: z.number().gt(0).max(10).optional(),
    /**
     * What the circuit is primed with: haematocrit of the prime (0 = clear crystalloid; a blood prime carries red
     * cells), its temperature (°C, default 35: prime recirculated through the heat exchanger) and heparin (U).
     */
    prime: z
      .object({
        hct: z.number().min(0).max(0.6).optional(),
        tempC: z.number().min(10).max(40).optional(),
        /** Heparin added to the prime, U (commonly 2 500–10 000 U in an adult prime). */
        heparinU: z.number().min(0).max(50000).optional(),
      })
      .strict()
      .optional(),
    /**
     * ECMO configuration (closed circuits): its ELSO name, checked against the cannulae when built, and the
     * distance between the drainage and return tips of a two-cannula VV configuration (cm): recirculation rises as
     * the tips get closer (docs/models/ecmo.md). `inletPressureLimitMmHg`: below it a collapsing vein chatters.
     */
    configuration: z
      .object({
        name: z.enum(ECMO_CONFIGURATIONS),
        tipDistanceCm: z.number().min(0).max(60).optional(),
        inletPressureLimitMmHg: z.number().min(-400).max(-10).optional(),
      })
      .strict()
      .optional(),
    components: z.array(componentSchema).min(1).max(200),
  })
  .strict();

export type ComponentDescription = z.output<typeof componentSchema>;
export type CircuitDescription = z.output<typeof circuitSchema>;

export interface ValidateOptions {
  /** Compartments of the patient model a cannula, sucker or vent may reach. Unchecked when absent. */
  patientCompartments?: readonly string[];
  /** Planned flow, L/min (overrides the description's plannedFlowLPerMin). */
  plannedFlowLPerMin?: number;
}

export type ValidateResult =
  | { ok: true; circuit: CircuitDescription }
  | { ok: false; problems: FieldProblem[] };

/** Validates a circuit description; returns every problem found. */
export function validateCircuit(input: unknown, options: ValidateOptions = {}): ValidateResult {
  const parsed = circuitSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, input, "circuit") };
  const circuit = parsed.data;
  const problems: FieldProblem[] = [];
  const compartments = options.patientCompartments ? new Set(options.patientCompartments) : undefined;
  const compartmentList = options.patientCompartments?.join(", ") ?? "";
  const byId = new Map<string, { c: ComponentDescription; i: number }>();
  circuit.components.forEach((c, i) => {
    if (byId.has(c.id)) {
      problems.push({
        field: `circuit.components[${i}].id`,
        allowed: "unique among the components",
        received: JSON.stringify(c.id),
      });
    } else byId.set(c.id, { c, i });
  });

  // Params of each component: schema + builder cross-field checks.
  const params = new Map<string, unknown>();
  circuit.components.forEach((c, i) => {
    const root = `circuit.components[${i}].params`;
    const p = PARAMS[c.type];
    const r = p.schema.safeParse(c.params ?? {});
    if (!r.success) {
      problems.push(...zodProblems(r.error, c.params ?? {}, root));
      return;
    }
    try {
      p.build(c.params ?? {}, root);
      params.set(c.id, r.data);
    } catch (e) {
      if (e instanceof InputError) problems.push(...e.problems);
      else throw e;
    }
  });

  // Connections: collect (from port, to ref) pairs written by each component.
  const portOf = new Map<string, string>(); // "id.port" → partner ref (first seen)
  const checkRef = (ref: string, field: string): boolean => {
    const [cid, port] = ref.split(".") as [string, string];
    if (cid === "patient") {
      if (compartments && !compartments.has(port)) {
        problems.push({
          field,
          allowed: `a patient compartment: one of ${compartmentList}`,
          received: JSON.stringify(port),
        });
        return false;
      }
      return true;
    }
    const target = byId.get(cid);
    if (!target) {
      problems.push({
        field,
        allowed: "a reference to an existing component id",
        received: JSON.stringify(ref),
      });
      return false;
    }
    const table = PORTS[target.c.type];
    if (!(port in table.ports)) {
      const names = Object.keys(table.ports);
      problems.push({
        field,
        allowed: names.length
          ? `a port of ${cid} (${target.c.type}): one of ${names.join(", ")}`
          : `a component with ports (${cid} is a ${target.c.type}, placed with "at")`,
        received: JSON.stringify(ref),
      });
      return false;
    }
    return true;
  };
  const link = (a: string, b: string, field: string) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      if (x.startsWith("patient.")) continue;
      const prev = portOf.get(x);
      if (prev === undefined) portOf.set(x, y);
      else if (prev !== y) {
        problems.push({
          field,
          allowed: `a free port: ${x} is already connected to ${prev}`,
          received: JSON.stringify(y),
        });
      }
    }
  };
  circuit.components.forEach((c, i) => {
    const table = PORTS[c.type];
    const base = `circuit.components[${i}]`;
    if (table.at) {
      if (c.inlet || c.outlet || c.connect) {
        problems.push({
          field: `${base}.inlet`,
          allowed: `absent: a ${c.type} is placed with "at", not connected`,
          received: "a connection",
        });
      }
      if (c.at === undefined) {
        problems.push({
          field: `${base}.at`,
          allowed: "given: the component id or port the readout/fitting sits at",
          received: "nothing",
        });
      } else if (c.at.includes(".")) checkRef(c.at, `${base}.at`);
      else if (!byId.has(c.at)) {
        problems.push({
          field: `${base}.at`,
          allowed: "an existing component id or port",
          received: JSON.stringify(c.at),
        });
      }
      return;
    }
    if (c.at !== undefined)
      problems.push({
        field: `${base}.at`,
        allowed: `absent for a ${c.type} (connect its ports)`,
        received: JSON.stringify(c.at),
      });
    const own: [string, string, string][] = [];
    if (c.inlet) own.push([table.inlet!, c.inlet, `${base}.inlet`]);
    if (c.outlet) own.push([table.outlet!, c.outlet, `${base}.outlet`]);
    for (const [port, ref] of Object.entries(c.connect ?? {})) {
      if (!(port in table.ports)) {
        problems.push({
          field: `${base}.connect.${port}`,
          allowed: `a port of ${c.type}: one of ${Object.keys(table.ports).join(", ")}`,
          received: JSON.stringify(port),
        });
        continue;
      }
      own.push([port, ref, `${base}.connect.${port}`]);
    }
    for (const [port, ref, field] of own) {
      if (ref === `${c.id}.${port}`) {
        problems.push({
          field,
          allowed: "another component's port (not the port itself)",
          received: JSON.stringify(ref),
        });
        continue;
      }
      if (checkRef(ref, field)) link(`${c.id}.${port}`, ref, field);
    }
  });

  // Unconnected components / required ports.
  circuit.components.forEach((c, i) => {
    const table = PORTS[c.type];
    if (table.at) return;
    const connected = Object.keys(table.ports).filter(
      (p) => portOf.has(`${c.id}.${p}`) || isPatientLinked(c, p, table),
    );
    if (connected.length === 0) {
      problems.push({
        field: `circuit.components[${i}]`,
        allowed: `connected to the circuit (${c.id} has no connection)`,
        received: c.id,
      });
      return;
    }
    for (const [port, required] of Object.entries(table.ports)) {
      if (required && !connected.includes(port)) {
        problems.push({
          field: `circuit.components[${i}].${port}`,
          allowed: `connected (required port of a ${c.type})`,
          received: "nothing",
        });
      }
    }
  });

  // Cannula placement and oxygenator limits.
  const planned = options.plannedFlowLPerMin ?? circuit.plannedFlowLPerMin;
  circuit.components.forEach((c, i) => {
    const p = params.get(c.id) as Record<string, unknown> | undefined;
    if (!p) return;
    if (c.type === "cannula" && compartments) {
      const vessel = p.vessel as string | undefined;
      if (vessel === undefined || !compartments.has(vessel)) {
        problems.push({
          field: `circuit.components[${i}].params.vessel`,
          allowed: `a patient compartment: one of ${compartmentList}`,
          received: vessel === undefined ? "nothing" : JSON.stringify(vessel),
        });
      }
    }
    if (c.type === "dualLumenCannula" && compartments) {
      const dv = p.drainageVessels as string[];
      dv.forEach((v, j) => {
        if (!compartments.has(v))
          problems.push({
            field: `circuit.components[${i}].params.drainageVessels[${j}]`,
            allowed: `a patient compartment: one of ${compartmentList}`,
            received: JSON.stringify(v),
          });
      });
      if (!compartments.has(p.returnVessel as string))
        problems.push({
          field: `circuit.components[${i}].params.returnVessel`,
          allowed: `a patient compartment: one of ${compartmentList}`,
          received: JSON.stringify(p.returnVessel),
        });
    }
    if ((c.type === "cannula" || c.type === "dualLumenCannula") && c.role !== undefined) {
      if (!(CANNULA_ROLES as readonly string[]).includes(c.role))
        problems.push({
          field: `circuit.components[${i}].role`,
          allowed: `a cannula role: one of ${CANNULA_ROLES.join(", ")}`,
          received: JSON.stringify(c.role),
        });
    }
    if (c.type === "oxygenator" && planned !== undefined) {
      const max = p.maxFlowLPerMin as number;
      const min = (p.minFlowLPerMin as number | undefined) ?? 0;
      if (max < planned) {
        problems.push({
          field: `circuit.components[${i}].params.maxFlowLPerMin`,
          allowed: `≥ the planned flow (${planned} L/min): choose a larger oxygenator`,
          received: String(max),
        });
      } else if (planned < min) {
        problems.push({
          field: `circuit.components[${i}].params.minFlowLPerMin`,
          allowed: `≤ the planned flow (${planned} L/min): choose a smaller oxygenator`,
          received: String(min),
        });
      }
    }
  });

  return problems.length ? { ok: false, problems } : { ok: true, circuit };
}

function isPatientLinked(c: ComponentDescription, port: string, table: PortTable): boolean {
  const refs: string[] = [];
  if (c.inlet && table.inlet === port) refs.push(c.inlet);
  if (c.outlet && table.outlet === port) refs.push(c.outlet);
  const r = c.connect?.[port];
  if (r) refs.push(r);
  return refs.some((x) => x.startsWith("patient."));
}

/** Validates and returns the description, or throws an InputError listing every problem. */
export function parseCircuit(input: unknown, options: ValidateOptions = {}): CircuitDescription {
  const r = validateCircuit(input, options);
  if (!r.ok) throw new InputError(r.problems);
  return r.circuit;
}

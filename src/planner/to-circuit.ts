/**
 * Plan → circuit: the planned CPB circuit as the simulator's plain-JSON circuit description
 * (src/sim/circuit/spec.ts, docs/models/circuit.md), the patient as a PatientSpec, and the standard initiation.
 * Pure: no I/O. Component ids and layout follow the shipped CPB scenarios (scenarios/adult-cpb-cabg.yaml), so a
 * scenario timeline written for them (clamp.set venousLine/arterialLine, arterialPump.setFlow …) runs on it.
 *
 * What the plan cannot give a simulation is refused with an InputError naming the plan field and what to change:
 * an ECMO plan (the engine runs an open CPB circuit with a reservoir), a cannula the planner could not size
 * (CANNULA_NO_DATA) or whose pressure–flow data the simulator does not have, a centrifugal head without a pump
 * model in the simulator. A bicaval pair drains through a Y connector into the venous line. The plan's red cells
 * go into the simulated prime (prime.hct = the plan's primeHct).
 */
import type { FieldProblem } from "../common/errors.ts";
import { InputError } from "../common/errors.ts";
import type { Action } from "../sim/actions.ts";
import { CANNULA_DATA, type CannulaType } from "../sim/circuit/cannula-data.ts";
import { CENTRIFUGAL_MODELS, type CentrifugalModel } from "../sim/circuit/centrifugal-pump.ts";
import { type PatientSpec, validatePatientSpec } from "../sim/index.ts";
import { KIND_TO_TYPE, simCannulaSpec } from "./cannula-law.ts";
import type { Catalogue } from "./schema.ts";
import type { Plan, PlanCannula } from "./types.ts";

/** The parts of the catalogue the mapping reads (cannula data and kind, membrane area, filter pore size). */
export type CircuitCatalogue = Pick<Catalogue, "cannulae" | "oxygenators" | "arterialFilters">;

type Json = Record<string, unknown>;

/**
 * Where each cannula's tip sits in the patient model (src/sim/patient/layout.ts compartments): aortic cannula in
 * the ascending aorta; single- and two-stage venous cannulae drain the right atrium (the two-stage basket sits in
 * the atrium, its tip in the IVC, which the model lumps with the atrium); a femoral venous cannula for
 * peripheral CPB is advanced to the right atrium (guided by TEE); a femoral arterial cannula perfuses the
 * lower-body arteries (retrograde up the aorta).
 */
const VESSEL: Record<CannulaType, string | undefined> = {
  arterial: "ascendingAorta",
  femoralArterial: "lowerBodyArteries",
  venousSingleStage: "rightAtrium",
  venousTwoStage: "rightAtrium",
  femoralVenous: "rightAtrium",
  bicaval: undefined,
  ecmo: undefined,
};

/** Centrifugal heads the simulator has a pump law for (src/sim/circuit/centrifugal-pump.ts). */
const CENTRIFUGAL: [RegExp, CentrifugalModel][] = [
  [/rotaflow/i, "rotaflow"],
  [/centrimag/i, "centrimag"],
  [/pedimag/i, "pedimag"],
  [/bp-?50/i, "bp50"],
  [/bp-?80/i, "bp80"],
];

function centrifugalModel(plan: Plan): CentrifugalModel | undefined {
  return CENTRIFUGAL.find(([re]) => re.test(plan.pump.model ?? ""))?.[1];
}

const ROLLER_BOOTS = new Set(["3/16", "1/4", "3/8", "1/2"]);

/** Cardioplegia names of the planner's protocols → the simulator's recipes. */
function cardioplegiaSolution(name: string): string | undefined {
  const n = name.toLowerCase().replace(/[^a-z]/g, "");
  if (n.startsWith("delnido")) return "delNido";
  if (n.startsWith("plegisol") || n.startsWith("sthomas")) return "plegisol";
  if (n.startsWith("buckberg")) return n.includes("maint") ? "buckbergMaintenance" : "buckbergInduction";
  return undefined;
}

/**
 * Heart mass for the cardioplegia model's default delivery flow (1 mL/min per g): 0.43 % of body mass, the
 * proportion of the schema's adult default (300 g at 70 kg) [U: proportion, not a sourced allometry].
 */
function heartMassG(weightKg: number): number {
  return Math.min(1000, Math.max(10, Math.round((300 / 70) * weightKg)));
}

function population(ageYears: number): "neonate" | "infant" | "child" | "adult" {
  if (ageYears < 28 / 365.25) return "neonate";
  if (ageYears < 1) return "infant";
  if (ageYears < 18) return "child";
  return "adult";
}

const cm = (lengthCm: number) => Number((lengthCm / 100).toFixed(4));

interface CannulaSpecOut {
  type: CannulaType;
  fr: number;
  model: string;
  vessel: string;
  pressureFlow?: Json;
}

function cannulaSpec(
  c: PlanCannula,
  i: number,
  catalogue: CircuitCatalogue | undefined,
  problems: FieldProblem[],
): CannulaSpecOut | undefined {
  const field = `plan.cannulae[${i}]`;
  if (c.fr === null || c.id === undefined) {
    problems.push({
      field,
      allowed: `a sized ${c.role} cannula: add pressure–flow data for a ${c.role} cannula at ${c.flowLPerMin} L/min to the catalogue (perfuse plan --catalogue <dir>) and plan again, then give the same --catalogue to simulate`,
      received: JSON.stringify(c.model),
    });
    return undefined;
  }
  const device = catalogue?.cannulae.find((d) => d.id === c.id);
  const builtIn = CANNULA_DATA[c.id];
  const type = device ? KIND_TO_TYPE[device.kind] : builtIn?.type;
  if (!type || (!builtIn && !device?.pressureFlow)) {
    problems.push({
      field: `${field}.id`,
      allowed: `a cannula with pressure–flow data: add ${c.id} (${c.model}) with its pressureFlow points to a catalogue file and give that --catalogue`,
      received: JSON.stringify(c.id),
    });
    return undefined;
  }
  // A caval cannula of a bicaval pair drains its own cava; the others sit where VESSEL says.
  const vessel = c.site ?? VESSEL[type];
  if (vessel === undefined) {
    problems.push({
      field: `${field}.id`,
      allowed:
        type === "bicaval"
          ? "a bicaval cannula planned for its cava (site svc or ivc), or a single- or two-stage venous cannula"
          : "a CPB cannula (the simulator runs CPB circuits)",
      received: JSON.stringify(c.id),
    });
    return undefined;
  }
  const spec: CannulaSpecOut = { type, fr: c.fr, model: c.id, vessel };
  // A catalogue device the simulator has no built-in entry for brings its own points (blood scaling follows
  // the stated fluid: src/sim/circuit/cannula.ts); the planner sized it on the same spec (cannula-law.ts).
  const fromCatalogue = !builtIn && device ? simCannulaSpec(device) : undefined;
  if (fromCatalogue?.pressureFlow) spec.pressureFlow = fromCatalogue.pressureFlow as Json;
  return spec;
}

export interface CircuitFromPlanOptions {
  /** Catalogue the plan was made with (cannula kinds and data, membrane area, filter pore size). */
  catalogue?: CircuitCatalogue;
}

/**
 * The plan's circuit as a circuit description for `createSimulation({ circuit })`. Both lines start clamped and
 * the pump stopped, as in the shipped scenarios. Throws one InputError listing every component it cannot map.
 */
export function circuitFromPlan(plan: Plan, options: CircuitFromPlanOptions = {}): Json {
  const { catalogue } = options;
  const problems: FieldProblem[] = [];
  if (plan.patient.procedure !== "cpb") {
    throw new InputError({
      field: "plan.patient.procedure",
      allowed:
        "cpb: the simulator runs an open CPB circuit (venous reservoir); ECMO circuits cannot be simulated yet",
      received: JSON.stringify(plan.patient.procedure),
    });
  }
  if (!plan.reservoir) {
    problems.push({
      field: "plan.reservoir",
      allowed: "a venous reservoir (a CPB plan names one)",
      received: "null",
    });
  }

  // Cannulae. Bicaval: an SVC and an IVC cannula, each draining its cava (patient compartments "svc"/"ivc"),
  // joined by a Y connector into the venous line (the engine's build follows drainage limbs through a Y).
  let arterial: CannulaSpecOut | undefined;
  const venousList: CannulaSpecOut[] = [];
  plan.cannulae.forEach((c, i) => {
    if (c.role !== "arterial" && c.role !== "venous") {
      problems.push({
        field: `plan.cannulae[${i}].role`,
        allowed: "arterial or venous (a CPB plan)",
        received: JSON.stringify(c.role),
      });
      return;
    }
    const s = cannulaSpec(c, i, catalogue, problems);
    if (c.role === "arterial") arterial = s;
    else if (s) venousList.push(s);
  });
  const venous = venousList[0];
  if (venousList.length > 2)
    problems.push({
      field: "plan.cannulae",
      allowed: "one or two (bicaval) venous cannulae",
      received: String(venousList.length),
    });
  if (!plan.cannulae.some((c) => c.role === "arterial"))
    problems.push({ field: "plan.cannulae", allowed: "an arterial cannula", received: "none" });
  if (!plan.cannulae.some((c) => c.role === "venous"))
    problems.push({ field: "plan.cannulae", allowed: "a venous cannula", received: "none" });

  // Arterial pump
  let pump: Json | undefined;
  if (plan.pump.type === "roller") {
    const boot = plan.pump.bootSizeIn;
    if (!boot || !ROLLER_BOOTS.has(boot)) {
      problems.push({
        field: "plan.pump.bootSizeIn",
        allowed: `a roller boot the simulator has: one of ${[...ROLLER_BOOTS].join(", ")}`,
        received: JSON.stringify(boot ?? null),
      });
    } else {
      pump = {
        bootSize: boot,
        ...(plan.pump.strokeVolumeMlPerRev ? { strokeVolumeMlPerRev: plan.pump.strokeVolumeMlPerRev } : {}),
        ...(plan.pump.maxRpm ? { maxRpm: Math.min(400, plan.pump.maxRpm) } : {}),
        // The standard occlusion setting: a 30-inch column drops 1 inch/min (as the shipped scenarios).
        occlusionDropRateCmPerMin: 2.54,
      };
    }
  } else {
    const model = centrifugalModel(plan);
    if (!model) {
      problems.push({
        field: "plan.pump.model",
        allowed:
          "a centrifugal head the simulator has a pump law for: Rotaflow, CentriMag, PediMag, Bio-Pump BP-50 or BP-80",
        received: JSON.stringify(plan.pump.model ?? null),
      });
    } else pump = { model };
  }
  if (problems.length > 0 || !arterial || !venous || !pump || !plan.reservoir) throw new InputError(problems);
  const reservoir = plan.reservoir;

  const oxyDevice = catalogue?.oxygenators.find((o) => o.id === plan.oxygenator.id);
  const filterDevice = plan.arterialFilter
    ? catalogue?.arterialFilters.find((f) => f.id === plan.arterialFilter!.id)
    : undefined;
  const line = (id: string, sizeIn: string, lengthCm: number, extra: Json) => ({
    id,
    type: "tubing",
    params: { internalDiameterIn: sizeIn, lengthM: cm(lengthCm) },
    ...extra,
  });
  const components: Json[] = [];
  if (venousList.length === 2) {
    // Bicaval: each caval cannula into a branch of a Y, whose common port feeds the venous line.
    venousList.forEach((v, j) => {
      components.push({
        id: `${v.vessel}Cannula`,
        type: "cannula",
        params: v,
        outlet: `venousY.branch${j + 1}`,
      });
    });
    components.push({ id: "venousY", type: "yConnector", params: {} });
    components.push(
      line("venousLine", plan.tubing.venous.sizeIn, plan.tubing.venous.lengthCm, {
        inlet: "venousY.common",
        outlet: "venousReservoir.venousIn",
      }),
    );
  } else {
    components.push({ id: "venousCannula", type: "cannula", params: venous, outlet: "venousLine.inlet" });
    components.push(
      line("venousLine", plan.tubing.venous.sizeIn, plan.tubing.venous.lengthCm, {
        outlet: "venousReservoir.venousIn",
      }),
    );
  }
  components.push({
    id: "venousReservoir",
    type: "venousReservoir",
    params: {
      capacityMl: reservoir.capacityMl,
      minOperatingLevelMl: reservoir.minOperatingLevelMl,
      // The plan counts the shell at its minimum operating level; the run starts at twice it (the engine's
      // default), so the level detector (stop at the minimum) does not stop the pump before drainage starts.
      primeVolumeMl: Math.min(reservoir.capacityMl, 2 * reservoir.minOperatingLevelMl),
      siphonHeightCm: plan.drainageHeightCm,
      // Shell geometry [U]: 15 cm/L for a paediatric shell (≤ 1.5 L), the model default (6 cm/L) otherwise,
      // as in the shipped scenarios.
      ...(reservoir.capacityMl <= 1500 ? { heightCmPerL: 15 } : {}),
    },
  });
  // The plan's pump line (boot, or the centrifugal head's lines) split evenly either side of the pump.
  const pumpLine = plan.tubing.pump;
  if (pumpLine) {
    components.push(
      line("pumpInletLine", pumpLine.sizeIn, pumpLine.lengthCm / 2, {
        inlet: "venousReservoir.outlet",
        outlet: "arterialPump.inlet",
      }),
    );
  }
  components.push({
    id: "arterialPump",
    type: plan.pump.type === "roller" ? "rollerPump" : "centrifugalPump",
    role: "arterial",
    params: pump,
    ...(pumpLine ? {} : { inlet: "venousReservoir.outlet" }),
    outlet: pumpLine ? "pumpOutletLine.inlet" : "oxygenator.bloodIn",
  });
  if (pumpLine) {
    components.push(
      line("pumpOutletLine", pumpLine.sizeIn, pumpLine.lengthCm / 2, { outlet: "oxygenator.bloodIn" }),
    );
  }
  // A stand-alone filter, or the oxygenator's integrated one (its volume is in the oxygenator's prime).
  const filter = plan.arterialFilter !== null || plan.oxygenator.integratedArterialFilter;
  const cp = plan.cardioplegia;
  const cpSolution = cp ? cardioplegiaSolution(cp.solution) : undefined;
  const cpBlood = cp ? cp.bloodMl > 0 : false;
  components.push({
    id: "oxygenator",
    type: "oxygenator",
    params: {
      model: `${plan.oxygenator.manufacturer} ${plan.oxygenator.model}`,
      maxFlowLPerMin: plan.oxygenator.maxFlowLPerMin,
      minFlowLPerMin: plan.oxygenator.minFlowLPerMin,
      primeMl: plan.oxygenator.primeMl,
      ...(oxyDevice?.membraneAreaM2 ? { membraneAreaM2: oxyDevice.membraneAreaM2.value } : {}),
    },
    outlet: filter ? "arterialFilter.inlet" : "arterialLine.inlet",
    ...(cp && cpBlood ? { connect: { cardioplegiaOut: "cardioplegia.bloodIn" } } : {}),
  });
  if (filter) {
    components.push({
      id: "arterialFilter",
      type: "arterialFilter",
      params: {
        primeMl: plan.arterialFilter?.primeMl ?? 0,
        ...(filterDevice?.poreMicron ? { poreSizeUm: filterDevice.poreMicron.value } : {}),
      },
      outlet: "arterialLine.inlet",
    });
  }
  components.push(
    line("arterialLine", plan.tubing.arterial.sizeIn, plan.tubing.arterial.lengthCm, {
      outlet: "aorticCannula.connector",
    }),
  );
  components.push({ id: "aorticCannula", type: "cannula", params: arterial });
  const smallBoot = (size: string | undefined) => (size && ROLLER_BOOTS.has(size) ? size : "1/4");
  if (plan.tubing.sucker) {
    components.push({
      id: "sucker",
      type: "rollerPump",
      role: "sucker",
      params: { bootSize: smallBoot(plan.tubing.sucker.sizeIn) },
      inlet: "patient.rightAtrium",
      outlet: "venousReservoir.cardiotomyIn1",
    });
  }
  if (plan.tubing.vent) {
    components.push({
      id: "vent",
      type: "rollerPump",
      role: "vent",
      params: { bootSize: smallBoot(plan.tubing.vent.sizeIn) },
      inlet: "patient.leftVentricle",
      outlet: "venousReservoir.cardiotomyIn2",
    });
  }
  if (cp) {
    const parts = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)/.exec(cp.ratio);
    components.push({
      id: "cardioplegia",
      type: "cardioplegia",
      params: {
        solution: cpSolution ?? "custom",
        // The plan's ratio (blood:crystalloid) overrides the recipe's; a custom solution takes it as is.
        ...(parts ? { bloodParts: Number(parts[1]), crystalloidParts: Number(parts[2]) } : {}),
        ...(cpSolution ? {} : { crystalloidKMmolPerL: 20 }),
        route: "antegrade",
        temperatureC: 8,
        doseMl: cp.doseMl,
        heartMassG: heartMassG(plan.patient.weightKg),
      },
      outlet: "patient.aorticRoot",
    });
  }
  const level = reservoir.minOperatingLevelMl;
  components.push(
    { id: "venousClamp", type: "clamp", params: { occlusion: 1 }, at: "venousLine" },
    { id: "arterialClamp", type: "clamp", params: { occlusion: 1 }, at: "arterialLine" },
    {
      id: "levelSensor",
      type: "levelSensor",
      params: { alarmLevelMl: Math.max(2 * level, level + 1), stopLevelMl: level },
      at: "venousReservoir",
    },
    {
      id: "bubbleDetector",
      type: "bubbleDetector",
      params: { thresholdUl: plan.patient.weightKg < 10 ? 1 : 5 },
      at: "arterialLine",
    },
    {
      id: "arterialPressure",
      type: "pressureTransducer",
      params: { site: "arterialLine" },
      at: filter ? "arterialFilter.outlet" : "oxygenator.bloodOut",
    },
    {
      id: "preOxygenatorPressure",
      type: "pressureTransducer",
      params: { site: "preOxygenator" },
      at: "oxygenator.bloodIn",
    },
    { id: "venousPressure", type: "pressureTransducer", params: { site: "venousLine" }, at: "venousLine" },
    {
      id: "arterialTemperature",
      type: "temperatureProbe",
      params: { site: "arterialOutlet" },
      at: "oxygenator.bloodOut",
    },
    { id: "venousTemperature", type: "temperatureProbe", params: { site: "venousInlet" }, at: "venousLine" },
    { id: "venousMonitor", type: "bloodMonitor", params: { site: "venous" }, at: "venousLine" },
    { id: "arterialMonitor", type: "bloodMonitor", params: { site: "arterial" }, at: "arterialLine" },
  );
  const heparin = plan.primeRecipe.find((r) => /heparin/i.test(r.name) && r.unit === "U");
  return {
    name: `Planned CPB circuit, ${plan.patient.weightKg} kg: ${plan.oxygenator.model}, ${plan.tubing.venous.sizeIn}" venous, ${plan.tubing.arterial.sizeIn}" arterial, ${plan.pump.type} pump (perfuse plan, ${plan.protocol})`,
    population: population(plan.patient.ageYears),
    plannedFlowLPerMin: plan.maxFlowLPerMin,
    components,
    // The plan's prime composition: its red cells in its prime, Hct = rbcToAddMl·rbcHct / primeVolumeMl (the
    // planner's mixing formula, prime.ts). The run's shell starts at twice the minimum level the plan counts; that
    // extra volume holds the same mixture (the recipe scaled to the volume primed).
    prime: {
      hct: Math.min(0.6, plan.primeHct ?? 0),
      tempC: 35,
      ...(heparin ? { heparinU: Math.min(50000, heparin.amount) } : {}),
    },
  };
}

/** The plan's patient for the engine (sex defaults to male when the plan has none, as in the console). */
export function patientFromPlan(plan: Plan): PatientSpec {
  const p = plan.patient;
  try {
    return validatePatientSpec({
      weightKg: p.weightKg,
      heightCm: p.heightCm,
      ageYears: p.ageYears,
      sex: p.sex ?? "male",
      hct: p.hct,
    });
  } catch (e) {
    if (e instanceof InputError)
      throw new InputError(
        e.problems.map((q) => ({
          ...q,
          field: `plan.${q.field.startsWith("patient") ? q.field : `patient.${q.field}`}`,
        })),
      );
    throw e;
  }
}

/** Steps of the standard initiation: fractions of the target flow and their times after the venous unclamp. */
export const INITIATION_STEPS: readonly { afterS: number; fraction: number }[] = [
  { afterS: 0, fraction: 0.2 },
  { afterS: 15, fraction: 0.4 },
  { afterS: 30, fraction: 0.6 },
  { afterS: 45, fraction: 0.8 },
  { afterS: 60, fraction: 1 },
];

/**
 * Shut-off head a centrifugal pump is brought to before its arterial line is unclamped, mmHg: above any
 * arterial pressure the patient has before bypass, so blood cannot run backwards through the stopped head into
 * the reservoir (the retrograde flow of a centrifugal pump: docs/models/circuit.md) [U: teaching value].
 */
export const CENTRIFUGAL_PRIMING_HEAD_MMHG = 120;

/**
 * The standard initiation, as the shipped scenarios do it: at t0 heparin (the plan's dose), the gas on (FiO2 0.5,
 * sweep:flow 0.55 at the target flow), heater–cooler at 37 °C, VAVD when the plan needs it; a centrifugal pump
 * is first turned to the speed whose shut-off head is CENTRIFUGAL_PRIMING_HEAD_MMHG (H = a·n²); at t0 + 1 s the
 * arterial line is unclamped; at t0 + 5 s the venous line, and the pump is stepped to the plan's target flow over
 * 60 s (20, 40, 60, 80, 100 % every 15 s).
 */
export function initiationActions(plan: Plan, t0 = 0): Action[] {
  const q = plan.targetFlowLPerMin;
  const round3 = (v: number) => Number(v.toFixed(3));
  const out: Action[] = [
    { t: t0, type: "drug.bolus", drug: "heparin", amount: plan.heparinUnits },
    { t: t0, type: "gas.set", fio2: 0.5, sweepGasFlowLPerMin: round3(0.55 * q) },
    { t: t0, type: "heaterCooler.set", waterTempC: 37 },
  ];
  if (plan.vavdMmHg > 0)
    out.push({ t: t0, type: "vavd.set", on: true, pressureMmHg: -Math.min(150, plan.vavdMmHg) });
  const cm = plan.pump.type === "centrifugal" ? centrifugalModel(plan) : undefined;
  if (cm) {
    const rpm = Math.round(1000 * Math.sqrt(CENTRIFUGAL_PRIMING_HEAD_MMHG / CENTRIFUGAL_MODELS[cm].a));
    out.push({ t: t0, type: "arterialPump.setRpm", rpm });
  }
  out.push({ t: t0 + 1, type: "clamp.set", clamp: "arterialLine", occlusion: 0 });
  out.push({ t: t0 + 5, type: "clamp.set", clamp: "venousLine", occlusion: 0 });
  for (const s of INITIATION_STEPS)
    out.push({ t: t0 + 5 + s.afterS, type: "arterialPump.setFlow", flowLPerMin: round3(q * s.fraction) });
  return out;
}

/**
 * Schemas (zod) for the device catalogue and the institution protocol. The catalogue and the protocol are
 * data (YAML/JSON under catalogue/), so an institution can add devices and change defaults without code:
 * these schemas are the contract its files must meet. Every numeric device specification is a `Spec`:
 * the value with the source it came from and an evidence tag that matches
 * shared/reference/reference-data.md §0:
 *   S  = quoted from the named primary source;  S2 = from a secondary source (app, reseller, flash cards);
 *   C  = computed from a stated formula;        U  = unverified / estimated (never a test oracle).
 */
import { z } from "zod";

export const EVIDENCE = ["S", "S2", "C", "U"] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** One sourced number. */
export const specSchema = z.strictObject({
  value: z.number().finite(),
  source: z.string().min(1),
  evidence: z.enum(EVIDENCE),
  note: z.string().optional(),
});
export type Spec = z.infer<typeof specSchema>;

/** Tubing sizes the planner knows, as written in the field (inches, internal diameter). */
export const TUBING_SIZES = ["3/16", "1/4", "5/16", "3/8", "1/2", "5/8"] as const;
export type TubingSize = (typeof TUBING_SIZES)[number];
const tubingSize = z.enum(TUBING_SIZES);

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes");
const deviceBase = {
  id,
  model: z.string().min(1),
  manufacturer: z.string().min(1),
  note: z.string().optional(),
};

export const oxygenatorSchema = z.strictObject({
  ...deviceBase,
  /** Which procedures the device is meant for (CPB: ≤ 6 h devices; ECMO: long-term devices). */
  uses: z.array(z.enum(["cpb", "ecmo"])).min(1),
  minFlowLPerMin: specSchema,
  maxFlowLPerMin: specSchema,
  primeMl: specSchema,
  membraneAreaM2: specSchema.optional(),
  heatExchanger: z.strictObject({ integrated: z.boolean(), areaM2: specSchema.optional() }),
  maxPressureMmHg: specSchema.optional(),
  integratedArterialFilter: z.boolean(),
  /** Id of the reservoir this oxygenator comes mounted on, when it is sold as one unit. */
  reservoirId: id.optional(),
});
export type Oxygenator = z.infer<typeof oxygenatorSchema>;

export const CANNULA_KINDS = [
  "aortic-arterial",
  "femoral-arterial",
  "venous-single-stage",
  "venous-two-stage",
  "venous-bicaval",
  "femoral-venous",
  "ecmo-dual-lumen",
] as const;
export type CannulaKind = (typeof CANNULA_KINDS)[number];

/** Pressure drop (mmHg) against flow (L/min), digitised or tabulated, with the test fluid. */
export const pressureFlowSchema = z.strictObject({
  /** [flow L/min, pressure drop mmHg] pairs, flow increasing. */
  points: z
    .array(z.tuple([z.number().positive(), z.number().positive()]))
    .min(1)
    .refine((p) => p.every((q, i) => i === 0 || q[0] > (p[i - 1]?.[0] ?? 0)), "flows must increase"),
  fluid: z.enum(["water", "blood"]),
  /** "exact": ΔP at that flow; "upper-bound": the measured drop includes more than the cannula (e.g. tubing). */
  kind: z.enum(["exact", "upper-bound"]).default("exact"),
  source: z.string().min(1),
  evidence: z.enum(EVIDENCE),
  note: z.string().optional(),
});
export type PressureFlow = z.infer<typeof pressureFlowSchema>;

export const cannulaSchema = z.strictObject({
  ...deviceBase,
  kind: z.enum(CANNULA_KINDS),
  fr: z.number().positive(),
  lengthCm: specSchema.optional(),
  /** Blood into the patient (arterial / return lumen). */
  pressureFlow: pressureFlowSchema.optional(),
  /** Drainage lumen of a dual-lumen cannula (pressure drop as a positive number). */
  drainagePressureFlow: pressureFlowSchema.optional(),
});
export type Cannula = z.infer<typeof cannulaSchema>;

export const tubingSchema = z.strictObject({
  sizeIn: tubingSize,
  internalDiameterMm: z.number().positive(),
  /** Highest blood flow the size is quoted for; `qualifier: ">"` means "at least", no upper bound known. */
  maxFlowLPerMin: specSchema.extend({ qualifier: z.enum(["<", ">"]) }),
  maxGravityDrainageLPerMin: specSchema.extend({ qualifier: z.enum(["<", ">", "range"]) }),
});
export type Tubing = z.infer<typeof tubingSchema>;

export const rollerBootSchema = z.strictObject({
  sizeIn: tubingSize,
  strokeVolumeMlPerRev: specSchema,
});
export const rollerBootsFileSchema = z.strictObject({
  family: z.literal("roller-boots"),
  maxRpm: specSchema,
  boots: z.array(rollerBootSchema).min(1),
});
export type RollerBoots = z.infer<typeof rollerBootsFileSchema>;

export const centrifugalPumpSchema = z.strictObject({
  ...deviceBase,
  primeMl: specSchema,
  maxFlowLPerMin: specSchema.optional(),
  operatingRpm: z
    .strictObject({ min: z.number(), max: z.number(), source: z.string(), evidence: z.enum(EVIDENCE) })
    .optional(),
});
export type CentrifugalPump = z.infer<typeof centrifugalPumpSchema>;

export const reservoirSchema = z.strictObject({
  ...deviceBase,
  capacityMl: specSchema,
  minOperatingLevelMl: specSchema,
  maxFlowLPerMin: specSchema,
  vavd: z.boolean(),
  maxVavdMmHg: specSchema.optional(),
});
export type Reservoir = z.infer<typeof reservoirSchema>;

export const arterialFilterSchema = z.strictObject({
  ...deviceBase,
  primeMl: specSchema,
  maxFlowLPerMin: specSchema,
  poreMicron: specSchema.optional(),
});
export type ArterialFilter = z.infer<typeof arterialFilterSchema>;

export const haemoconcentratorSchema = z.strictObject({
  ...deviceBase,
  primeMl: specSchema,
  membraneAreaM2: specSchema.optional(),
  maxBloodFlowMlPerMin: specSchema.optional(),
  minWeightKg: z.number().nonnegative(),
});
export type Haemoconcentrator = z.infer<typeof haemoconcentratorSchema>;

export const cardioplegiaSetSchema = z.strictObject({
  ...deviceBase,
  /** Blood:crystalloid parts, e.g. [4, 1] or [1, 4]; [0, 1] for crystalloid only. */
  ratio: z.tuple([z.number().nonnegative(), z.number().positive()]),
  primeMl: specSchema,
  heatExchanger: z.boolean(),
});
export type CardioplegiaSet = z.infer<typeof cardioplegiaSetSchema>;

export const ecmoPackSchema = z.strictObject({
  ...deviceBase,
  /** Oxygenator id (in oxygenators.yaml) that the pack contains. */
  oxygenatorId: id,
  pumpId: id.optional(),
  primeMl: specSchema,
  minFlowLPerMin: specSchema,
  maxFlowLPerMin: specSchema,
});
export type EcmoPack = z.infer<typeof ecmoPackSchema>;

export const familySchemas = {
  oxygenators: z.strictObject({
    family: z.literal("oxygenators"),
    devices: z.array(oxygenatorSchema).min(1),
  }),
  cannulae: z.strictObject({ family: z.literal("cannulae"), devices: z.array(cannulaSchema).min(1) }),
  tubing: z.strictObject({ family: z.literal("tubing"), sizes: z.array(tubingSchema).min(1) }),
  "roller-boots": rollerBootsFileSchema,
  "centrifugal-pumps": z.strictObject({
    family: z.literal("centrifugal-pumps"),
    devices: z.array(centrifugalPumpSchema).min(1),
  }),
  reservoirs: z.strictObject({ family: z.literal("reservoirs"), devices: z.array(reservoirSchema).min(1) }),
  "arterial-filters": z.strictObject({
    family: z.literal("arterial-filters"),
    devices: z.array(arterialFilterSchema).min(1),
  }),
  haemoconcentrators: z.strictObject({
    family: z.literal("haemoconcentrators"),
    devices: z.array(haemoconcentratorSchema).min(1),
  }),
  "cardioplegia-sets": z.strictObject({
    family: z.literal("cardioplegia-sets"),
    devices: z.array(cardioplegiaSetSchema).min(1),
  }),
  "ecmo-packs": z.strictObject({ family: z.literal("ecmo-packs"), devices: z.array(ecmoPackSchema).min(1) }),
} as const;
export type FamilyName = keyof typeof familySchemas;
export const FAMILY_NAMES = Object.keys(familySchemas) as FamilyName[];

/** The whole catalogue, as the pure planner takes it (parsed and validated). */
export interface Catalogue {
  oxygenators: Oxygenator[];
  cannulae: Cannula[];
  tubing: Tubing[];
  rollerBoots: RollerBoots;
  centrifugalPumps: CentrifugalPump[];
  reservoirs: Reservoir[];
  arterialFilters: ArterialFilter[];
  haemoconcentrators: Haemoconcentrator[];
  cardioplegiaSets: CardioplegiaSet[];
  ecmoPacks: EcmoPack[];
}

// ---------------------------------------------------------------------------------------------------
// Institution protocol

/** A protocol number with its source (institutions may write "local protocol" as the source). */
const sourced = specSchema;

const flowBand = z.strictObject({
  /** Band applies up to and including this weight (kg). */
  maxWeightKg: z.number().positive(),
  targetMlPerKgPerMin: z.number().positive(),
  maxMlPerKgPerMin: z.number().positive(),
  source: z.string(),
  evidence: z.enum(EVIDENCE),
});
export type FlowBand = z.infer<typeof flowBand>;

const tubingBand = z.strictObject({
  maxWeightKg: z.number().positive(),
  arterial: tubingSize,
  venous: tubingSize,
  source: z.string(),
  evidence: z.enum(EVIDENCE),
});
export type TubingBand = z.infer<typeof tubingBand>;

const layout = z.strictObject({
  arterialCm: z.number().positive(),
  venousCm: z.number().positive(),
  pumpBootCm: z.number().positive(),
  suckerCm: z.number().positive(),
  ventCm: z.number().positive(),
  cardioplegiaCm: z.number().positive(),
  suckerSizeIn: tubingSize,
  ventSizeIn: tubingSize,
  cardioplegiaSizeIn: tubingSize,
  /** Height of the patient's right atrium above the venous reservoir inlet (cm), for gravity drainage. */
  drainageHeightCm: z.number().nonnegative(),
  source: z.string(),
  evidence: z.enum(EVIDENCE),
});
export type TableLayout = z.infer<typeof layout>;

const primeItem = z.strictObject({
  name: z.string().min(1),
  /** How much: per kg of patient, per litre of total prime, or a fixed amount. */
  per: z.enum(["kg", "litre-prime", "fixed"]),
  amount: z.number().nonnegative(),
  unit: z.string().min(1),
  /** Counts toward the prime volume (mL) when the unit is mL. */
  source: z.string(),
  evidence: z.enum(EVIDENCE),
});
export type PrimeItem = z.infer<typeof primeItem>;

export const PROCEDURES = ["cpb", "va-ecmo", "vv-ecmo"] as const;
export type Procedure = (typeof PROCEDURES)[number];

/**
 * What the CPB operation does to the right heart: "standard" leaves it closed (coronary, aortic valve, aorta);
 * "open-right-heart" opens the right atrium/ventricle (tricuspid, ASD/VSD, most congenital repairs);
 * "mitral" reaches the mitral valve (trans-septal or left atrial, with caval snares in many units).
 */
export const SURGERIES = ["standard", "open-right-heart", "mitral"] as const;
export type Surgery = (typeof SURGERIES)[number];
export const VENOUS_CANNULATIONS = ["auto", "single", "bicaval"] as const;
export type VenousCannulation = (typeof VENOUS_CANNULATIONS)[number];

export const protocolSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  bsaMethod: z.enum(["dubois", "mosteller", "haycock", "gehan-george", "boyd"]),
  /** Patients at or above this weight get flows by cardiac index, below it by weight band. */
  adultFlowFromKg: sourced,
  /** Cardiac index (L/min/m²) against the planned lowest temperature (°C); linear between points. */
  cardiacIndexByTemperature: z
    .array(
      z.strictObject({
        tempC: z.number(),
        cardiacIndex: z.number().positive(),
        source: z.string(),
        evidence: z.enum(EVIDENCE),
      }),
    )
    .min(1),
  /** Highest cardiac index the circuit must be able to deliver (sizes the oxygenator). */
  maxCardiacIndex: sourced,
  paediatricFlowBands: z.array(flowBand).min(1),
  ecmoFlowBands: z.strictObject({ "va-ecmo": z.array(flowBand).min(1), "vv-ecmo": z.array(flowBand).min(1) }),
  /** Oxygenator rated maximum must be ≥ maximum flow × (1 + margin). */
  oxygenatorFlowMargin: sourced,
  tubingByWeight: z.array(tubingBand).min(1),
  tableLayouts: z.record(z.string(), layout),
  /** Which table layout applies, by weight (first band whose maxWeightKg ≥ weight). */
  layoutByWeight: z.array(z.strictObject({ maxWeightKg: z.number().positive(), layout: z.string() })).min(1),
  /** Arterial pump for CPB: "auto" uses a roller pump when a boot covers the maximum flow, else centrifugal. */
  arterialPump: z.enum(["auto", "roller", "centrifugal"]),
  /** Console calibration overriding roller-boots.yaml: mL/rev per boot size. */
  rollerBootCalibration: z.record(z.string(), z.number().positive()).optional(),
  rollerMaxRpm: z.number().positive().optional(),
  vavd: z.strictObject({ available: z.boolean(), maxMmHg: sourced }),
  arterialCannulaMaxDropMmHg: sourced,
  ecmoDrainageMaxDropMmHg: sourced,
  /**
   * When a CPB plan uses bicaval venous cannulation (an SVC and an IVC cannula joined by a Y): for these
   * surgeries, and for every CPB patient at or below `belowWeightKg` (0 = by surgery only). Institutional choice.
   */
  bicaval: z.strictObject({
    forSurgeries: z.array(z.enum(SURGERIES)),
    belowWeightKg: sourced,
  }),
  /** Share of the venous return that comes through the SVC, against age (linear between points, held at ends). */
  svcFlowFractionByAge: z
    .array(
      z.strictObject({
        ageYears: z.number().nonnegative(),
        fraction: z.number().gt(0).lt(1),
        source: z.string(),
        evidence: z.enum(EVIDENCE),
      }),
    )
    .min(1),
  /** Maximum extrapolation beyond a cannula's highest data point (factor on flow). */
  cannulaMaxExtrapolation: z.number().min(1).max(2),
  hctTrigger: sourced,
  hctTarget: sourced,
  /** Packed red cell haematocrit used for the prime. */
  rbcHct: sourced,
  /** Assumed pre-bypass Hct when none is given, by age (first band whose maxAgeYears ≥ age). */
  defaultHct: z
    .array(
      z.strictObject({
        maxAgeYears: z.number(),
        hct: z.number().min(0).max(1),
        source: z.string(),
        evidence: z.enum(EVIDENCE),
      }),
    )
    .min(1),
  /** Extra crystalloid expected before bypass (anaesthesia fluids), mL/kg; counts in the dilution. */
  preBypassFluidMlPerKg: sourced,
  primeRecipe: z.array(primeItem),
  heparin: z.strictObject({
    cpbUnitsPerKg: sourced,
    ecmoUnitsPerKg: sourced,
    protamineMgPer100Units: sourced,
  }),
  cardioplegia: z.strictObject({
    solution: z.string(),
    /** Blood:crystalloid parts. */
    ratio: z.tuple([z.number().nonnegative(), z.number().positive()]),
    doseMlPerKg: sourced,
    maxDoseMl: sourced,
    setId: id.optional(),
  }),
  do2i: z.strictObject({
    warnBelow: sourced,
    sao2: z.number().min(0).max(1),
    pao2MmHg: z.number().nonnegative(),
    /** Hb (g/dL) per unit Hct (fraction) when the patient's own Hb is not given (MCHC). */
    hbPerHct: sourced,
  }),
  /** Restricts choices to these device ids (in order of preference), per family. */
  preferredDevices: z
    .strictObject({
      oxygenators: z.array(id).optional(),
      cannulae: z.array(id).optional(),
      reservoirs: z.array(id).optional(),
      arterialFilters: z.array(id).optional(),
      centrifugalPumps: z.array(id).optional(),
      ecmoPacks: z.array(id).optional(),
    })
    .optional(),
});
export type Protocol = z.infer<typeof protocolSchema>;

/** An institution's protocol file: any subset of the protocol; merged over the default. */
export const protocolOverrideSchema = protocolSchema.partial();
export type ProtocolOverride = z.infer<typeof protocolOverrideSchema>;

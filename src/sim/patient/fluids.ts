/**
 * Fluids given into a central vein (the SVC): volume and what each millilitre carries
 * (docs/models/fluids.md). Temperatures default to a fluid warmer's 37 °C.
 */
export const FLUIDS = ["crystalloid", "albumin", "packedRedCells", "plasma"] as const;
export type Fluid = (typeof FLUIDS)[number];

export interface FluidComposition {
  /** Haemoglobin g/dL. Packed red cells: Hct ≈ 0.55–0.65 → Hb ≈ 20 g/dL (AABB Technical Manual range). */
  hbGPerDl: number;
  /** O2 saturation of the Hb it carries (stored red cells are partly deoxygenated). */
  so2: number;
  /** PO2 (mmHg) for dissolved O2. */
  po2MmHg: number;
  /** Total CO2 (mmol/L). */
  tco2MmolPerL: number;
  /** Base excess (mmol/L). */
  baseExcessMmolPerL: number;
  lactateMmolPerL: number;
  /** K+ of the fluid's plasma or supernatant (mmol/L); the carried amount is this × (1 − Hct of the fluid). */
  potassiumMmolPerL: number;
  /** Glucose of the fluid's plasma or supernatant (mmol/L), likewise × (1 − Hct). */
  glucoseMmolPerL: number;
}

/**
 * Balanced crystalloid and 5 % albumin carry no Hb, CO2 or buffer base (dilution); stored packed red
 * cells are acidotic with lactate (≈ 10 mmol/L after 2–3 weeks of storage); thawed plasma is close
 * to normal plasma. Values are modelling choices within published storage ranges (docs/models/fluids.md).
 *
 * K+ and glucose (docs/models/metabolism.md):
 * - crystalloid = Plasma-Lyte 148: K+ 5 mmol/L, no glucose (Baxter composition: Na 140, K 5, Mg 1.5, Cl 98,
 *   acetate 27, gluconate 23 mmol/L).
 * - 5 % albumin: only traces of K+ (product labels give an upper limit of a few mmol/L): 0 here; no glucose.
 * - packed red cells: supernatant K+ rises with storage from ≈ 4 to ≈ 40 mmol/L over 1–35 days and supernatant
 *   glucose (from the additive solution) falls from ≈ 29 to ≈ 14 mmol/L (Signa Vitae 2011;6(2), 80 units; also
 *   Vraets, Lin & Callum, Transfus Med Rev 2011;25:184): a unit of 2–3 weeks is taken, K+ 25, glucose 20.
 * - thawed plasma: plasma diluted by CPD anticoagulant (63 mL per 450 mL donation, dextrose 25.5 g/L): K+ ≈ 3.2 and
 *   glucose ≈ 29 mmol/L [C: 4.0 and 5.0 mmol/L donor plasma, ≈ 260 mL, mixed with 63 mL CPD at 129 mmol/L dextrose].
 */
export const FLUID_COMPOSITION: Record<Fluid, FluidComposition> = {
  crystalloid: {
    hbGPerDl: 0,
    so2: 0,
    po2MmHg: 150,
    tco2MmolPerL: 0,
    baseExcessMmolPerL: 0,
    lactateMmolPerL: 0,
    potassiumMmolPerL: 5,
    glucoseMmolPerL: 0,
  },
  albumin: {
    hbGPerDl: 0,
    so2: 0,
    po2MmHg: 150,
    tco2MmolPerL: 0,
    baseExcessMmolPerL: 0,
    lactateMmolPerL: 0,
    potassiumMmolPerL: 0,
    glucoseMmolPerL: 0,
  },
  packedRedCells: {
    hbGPerDl: 20,
    so2: 0.7,
    po2MmHg: 40,
    tco2MmolPerL: 20,
    baseExcessMmolPerL: -20,
    lactateMmolPerL: 10,
    potassiumMmolPerL: 25,
    glucoseMmolPerL: 20,
  },
  plasma: {
    hbGPerDl: 0,
    so2: 0,
    po2MmHg: 100,
    tco2MmolPerL: 22,
    baseExcessMmolPerL: -2,
    lactateMmolPerL: 2,
    potassiumMmolPerL: 3.2,
    glucoseMmolPerL: 29,
  },
};

/**
 * A blood prime at haematocrit `hct`: packed red cells (Hct = their Hb / 33.3) made up with the crystalloid. K+ and
 * glucose per mL of prime (mmol/mL) into `out` = [K+, glucose]; hct 0 is the crystalloid alone.
 */
export function primePotassiumGlucose(hct: number, out: Float64Array): void {
  const rbc = FLUID_COMPOSITION.packedRedCells;
  const cry = FLUID_COMPOSITION.crystalloid;
  const rbcHct = rbc.hbGPerDl / 33.3;
  const f = hct > 0 ? (hct < rbcHct ? hct / rbcHct : 1) : 0; // volume fraction of packed cells
  const rbcPlasma = f * (1 - rbcHct);
  out[0] = (rbcPlasma * rbc.potassiumMmolPerL + (1 - f) * cry.potassiumMmolPerL) / 1000;
  out[1] = (rbcPlasma * rbc.glucoseMmolPerL + (1 - f) * cry.glucoseMmolPerL) / 1000;
}

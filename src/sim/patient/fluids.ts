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
}

/**
 * Balanced crystalloid and 5 % albumin carry no Hb, CO2 or buffer base (dilution); stored packed red
 * cells are acidotic with lactate (≈ 10 mmol/L after 2–3 weeks of storage); thawed plasma is close
 * to normal plasma. Values are modelling choices within published storage ranges (docs/models/fluids.md).
 */
export const FLUID_COMPOSITION: Record<Fluid, FluidComposition> = {
  crystalloid: {
    hbGPerDl: 0,
    so2: 0,
    po2MmHg: 150,
    tco2MmolPerL: 0,
    baseExcessMmolPerL: 0,
    lactateMmolPerL: 0,
  },
  albumin: { hbGPerDl: 0, so2: 0, po2MmHg: 150, tco2MmolPerL: 0, baseExcessMmolPerL: 0, lactateMmolPerL: 0 },
  packedRedCells: {
    hbGPerDl: 20,
    so2: 0.7,
    po2MmHg: 40,
    tco2MmolPerL: 20,
    baseExcessMmolPerL: -20,
    lactateMmolPerL: 10,
  },
  plasma: { hbGPerDl: 0, so2: 0, po2MmHg: 100, tco2MmolPerL: 22, baseExcessMmolPerL: -2, lactateMmolPerL: 2 },
};

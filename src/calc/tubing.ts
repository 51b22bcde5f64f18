/**
 * Tubing volume and roller-pump flow (shared/reference/reference-data.md §7.2–7.3).
 *
 * Volume:      V (mL) = π · (ID/2)² · L, ID in cm (1 inch = 2.54 cm exactly), L in cm; 1 cm³ = 1 mL.
 * Roller pump: Q (L/min) = SV (mL/rev) · rpm / 1000. Stroke volume per boot size from perfusion flash cards
 *              [S2] (3/16" 7, 1/4" 13, 3/8" 27, 1/2" 45 mL/rev; typical of a ~150 mm raceway, console not
 *              named). Consoles differ and some calibrate per boot, so a measured SV should be given instead.
 */
import { InputError } from "../common/errors.ts";
import type { CalcResult, CalculatorSpec } from "./types.ts";
import { describeRange, isInRange, optionalInRange, requireInRange } from "./validate.ts";

export const CM_PER_INCH = 2.54;
export const NAMED_TUBING_SIZES = ["3/16", "1/4", "5/16", "3/8", "1/2", "5/8"] as const;

/** Boot ID → stroke volume (mL/rev), brainscape perfusion flash cards [S2], reference §7.3. */
export const ROLLER_STROKE_VOLUME_ML: Readonly<Record<string, number>> = {
  "3/16": 7,
  "1/4": 13,
  "3/8": 27,
  "1/2": 45,
};

const ID_RANGE = { min: 0, minExclusive: true, max: 2, unit: "inch" } as const;
const LENGTH_RANGE = { min: 0, minExclusive: true, max: 10000, unit: "cm" } as const;
const RPM_RANGE = { min: 0, max: 250, unit: "rpm" } as const;
const STROKE_RANGE = { min: 0, minExclusive: true, max: 200, unit: "mL/rev" } as const;

const ID_ALLOWED = `a size in inches: ${NAMED_TUBING_SIZES.join(", ")}, a fraction like 7/16, or a decimal ${describeRange(ID_RANGE)}`;

/** Reads an inner diameter in inches: "3/8", "0.375", 0.375. Returns the canonical label and the inches. */
export function parseInches(field: string, value: unknown): { label: string; inches: number } {
  let inches = Number.NaN;
  let label = String(value);
  if (typeof value === "number") inches = value;
  else if (typeof value === "string") {
    const text = value
      .trim()
      .replace(/(in|inch|")$/i, "")
      .trim();
    const frac = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    if (frac) {
      const den = Number(frac[2]);
      inches = den === 0 ? Number.NaN : Number(frac[1]) / den;
      label = `${Number(frac[1])}/${den}`;
    } else if (/^\d*\.?\d+$/.test(text)) {
      inches = Number(text);
      label = text;
    }
  }
  if (!isInRange(inches, ID_RANGE))
    throw new InputError({ field, allowed: ID_ALLOWED, received: String(value) });
  // A decimal that equals a named size is reported and looked up under the name.
  const named = NAMED_TUBING_SIZES.find((n) => {
    const [a, b] = n.split("/").map(Number) as [number, number];
    return Math.abs(a / b - inches) < 1e-9;
  });
  return { label: named ?? label, inches };
}

export function tubingVolume(input: { idIn: string | number; lengthCm: number }): CalcResult {
  const id = parseInches("idIn", input.idIn);
  const lengthCm = requireInRange("lengthCm", input.lengthCm, LENGTH_RANGE);
  const radiusCm = (id.inches * CM_PER_INCH) / 2;
  const mlPerCm = Math.PI * radiusCm * radiusCm;
  return {
    calculator: "tubing-volume",
    value: mlPerCm * lengthCm,
    unit: "mL",
    method: "tubing-volume",
    formula: "V = π · (ID/2)² · L, ID = inches × 2.54 cm",
    constants: { cmPerInch: CM_PER_INCH },
    inputs: { idIn: id.label, lengthCm },
    source: "cylinder geometry; table in reference §7.2",
    extra: { mlPerCm: { value: mlPerCm, unit: "mL/cm" }, idMm: { value: id.inches * 25.4, unit: "mm" } },
  };
}

export function rollerFlow(input: {
  rpm: number;
  strokeVolumeMl?: number;
  idIn?: string | number;
}): CalcResult {
  const rpm = requireInRange("rpm", input.rpm, RPM_RANGE);
  const given = optionalInRange("strokeVolumeMl", input.strokeVolumeMl, STROKE_RANGE);
  if (given !== undefined && input.idIn !== undefined) {
    throw new InputError({
      field: "strokeVolumeMl",
      allowed: "given without --id-in (give the measured stroke volume or the boot size, not both)",
      received: String(given),
    });
  }
  let sv: number;
  let method: string;
  let source: string;
  const inputs: Record<string, number | string> = { rpm };
  if (given !== undefined) {
    sv = given;
    method = "stroke-volume";
    source = "Q = SV × rpm (reference §7.3)";
    inputs.strokeVolumeMl = sv;
  } else if (input.idIn !== undefined) {
    const id = parseInches("idIn", input.idIn);
    const table = ROLLER_STROKE_VOLUME_ML[id.label];
    if (table === undefined) {
      throw new InputError({
        field: "idIn",
        allowed: `a boot size with a tabulated stroke volume: ${Object.keys(ROLLER_STROKE_VOLUME_ML).join(", ")} (or give --stroke-volume-ml)`,
        received: String(input.idIn),
      });
    }
    sv = table;
    method = "boot-table";
    source =
      "Q = SV × rpm; SV per boot ID from perfusion flash cards (brainscape) [S2], reference §7.3; console-specific, check against your pump";
    inputs.idIn = id.label;
  } else {
    throw new InputError({
      field: "strokeVolumeMl",
      allowed: "given (mL/rev), or the boot size as --id-in",
      received: "nothing",
    });
  }
  return {
    calculator: "roller-flow",
    value: (sv * rpm) / 1000,
    unit: "L/min",
    method,
    formula: "Q = SV × rpm / 1000",
    constants: { strokeVolumeMl: sv },
    inputs,
    source,
    extra: { strokeVolumeMl: { value: sv, unit: "mL/rev" } },
  };
}

export const tubingVolumeSpec: CalculatorSpec = {
  name: "tubing-volume",
  summary: "Volume (mL) of a length of tubing from its inner diameter",
  source: "cylinder geometry, 1 in = 2.54 cm; reference §7.2",
  params: [
    {
      key: "idIn",
      flag: "id-in",
      description: `inner diameter in inches (${NAMED_TUBING_SIZES.join(", ")} or a decimal)`,
      kind: "text",
    },
    { key: "lengthCm", flag: "length-cm", description: "length", kind: "number", range: LENGTH_RANGE },
  ],
  run: (i) => tubingVolume({ idIn: i.idIn as string, lengthCm: i.lengthCm as number }),
};

export const rollerFlowSpec: CalculatorSpec = {
  name: "roller-flow",
  summary: "Roller pump flow (L/min) = stroke volume × rpm",
  source: "Q = SV × rpm; SV by boot size from brainscape flash cards [S2], reference §7.3",
  params: [
    { key: "rpm", flag: "rpm", description: "pump speed", kind: "number", range: RPM_RANGE },
    {
      key: "strokeVolumeMl",
      flag: "stroke-volume-ml",
      description: "stroke volume per revolution (measured/calibrated)",
      kind: "number",
      range: STROKE_RANGE,
      optional: true,
    },
    {
      key: "idIn",
      flag: "id-in",
      description: `boot inner diameter, for the tabulated stroke volume (${Object.keys(ROLLER_STROKE_VOLUME_ML).join(", ")})`,
      kind: "text",
      optional: true,
    },
  ],
  run: (i) =>
    rollerFlow({
      rpm: i.rpm as number,
      strokeVolumeMl: i.strokeVolumeMl as number | undefined,
      idIn: i.idIn as string | undefined,
    }),
};

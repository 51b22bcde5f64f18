/**
 * Tubing per line. Arterial and venous sizes start from the protocol's weight-band table (default: Darling &
 * Searles 2000 via the perfusioncalc app [S2]) and are upsized when the flow limits of the tubing catalogue
 * (Tschaut 2020 [S2]) are exceeded: the arterial line against its maximum flow, the venous line against its
 * gravity-drainage capacity (if VAVD is available the size is kept and VAVD is flagged instead).
 * Suckers, vent and cardioplegia lines take the table layout's sizes. Lengths come from the table layout;
 * volumes from the tubingVolume calculator (π r² L). Arterial, venous and pump lines count in the prime;
 * suckers, vent and the cardioplegia line are primed separately or run dry and do not.
 */
import { tubingVolume } from "../calc/index.ts";
import { InputError } from "../common/errors.ts";
import type { Explained } from "./explain.ts";
import type { Patient } from "./patient.ts";
import type { Catalogue, Protocol, TableLayout, Tubing, TubingSize } from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

export const LINE_NAMES = ["arterial", "venous", "pump", "sucker", "vent", "cardioplegia"] as const;
export type LineName = (typeof LINE_NAMES)[number];

export interface TubingLine {
  sizeIn: TubingSize;
  lengthCm: number;
  volumeMl: number;
  /** Counted in the circuit prime. */
  inPrime: boolean;
  why: string;
}

export interface TubingPlan {
  layout: string;
  lines: Partial<Record<LineName, TubingLine>>;
  volumeExplained: Partial<Record<LineName, Explained>>;
  warnings: PlanWarning[];
  layoutSource: string;
}

export function layoutFor(weightKg: number, protocol: Protocol): { name: string; layout: TableLayout } {
  const band = [...protocol.layoutByWeight]
    .sort((a, b) => a.maxWeightKg - b.maxWeightKg)
    .find((b) => weightKg <= b.maxWeightKg);
  const name = band?.layout;
  const layout = name === undefined ? undefined : protocol.tableLayouts[name];
  if (!name || !layout) {
    throw new InputError({
      field: "layoutByWeight",
      allowed: `a band covering ${weightKg} kg`,
      received: "none",
    });
  }
  return { name, layout };
}

const ORDER: readonly TubingSize[] = ["3/16", "1/4", "5/16", "3/8", "1/2", "5/8"];

function sorted(catalogue: Catalogue): Tubing[] {
  return [...catalogue.tubing].sort((a, b) => ORDER.indexOf(a.sizeIn) - ORDER.indexOf(b.sizeIn));
}

/** Smallest catalogue size ≥ `from` whose limit (value, qualifier) accepts `flow`. */
function upsize(
  catalogue: Catalogue,
  from: TubingSize,
  flow: number,
  limit: (t: Tubing) => { value: number; qualifier: string },
): Tubing | undefined {
  return sorted(catalogue)
    .filter((t) => ORDER.indexOf(t.sizeIn) >= ORDER.indexOf(from))
    .find((t) => {
      const l = limit(t);
      return l.qualifier === ">" || flow <= l.value;
    });
}

export function planTubing(
  patient: Patient,
  flows: { targetLPerMin: number; fullLPerMin: number; maxLPerMin: number },
  pumpLine: { sizeIn: TubingSize; why: string } | undefined,
  protocol: Protocol,
  catalogue: Catalogue,
): TubingPlan {
  const { name, layout } = layoutFor(patient.weightKg, protocol);
  const band = [...protocol.tubingByWeight]
    .sort((a, b) => a.maxWeightKg - b.maxWeightKg)
    .find((b) => patient.weightKg <= b.maxWeightKg);
  if (!band) {
    throw new InputError({
      field: "tubingByWeight",
      allowed: `a band covering ${patient.weightKg} kg`,
      received: "none",
    });
  }
  const warnings: PlanWarning[] = [];
  const bandWhy = `weight band ≤ ${band.maxWeightKg} kg (${band.source})`;
  const ecmo = patient.procedure !== "cpb";

  // Arterial (return) line against its maximum flow.
  let arterial = band.arterial;
  let arterialWhy = bandWhy;
  const a = upsize(catalogue, band.arterial, flows.maxLPerMin, (t) => t.maxFlowLPerMin);
  if (!a)
    throw new InputError({
      field: "tubing",
      allowed: `a size carrying ${flows.maxLPerMin} L/min`,
      received: "none",
    });
  if (a.sizeIn !== band.arterial) {
    arterial = a.sizeIn;
    arterialWhy = `${band.arterial}" carries < ${flows.maxLPerMin.toFixed(2)} L/min (${a.maxFlowLPerMin.source}); upsized`;
    warnings.push(
      warn(
        "TUBING_UPSIZED",
        `Arterial line upsized from ${band.arterial}" to ${arterial}" for ${flows.maxLPerMin.toFixed(2)} L/min`,
        "the weight-band size is quoted for lower flows than this patient's maximum",
        "accept the larger line (more prime) or lower the maximum flow in the protocol",
        "info",
      ),
    );
  }

  // Venous (drainage) line: gravity capacity for CPB, maximum flow for pumped ECMO drainage.
  let venous = band.venous;
  let venousWhy = bandWhy;
  const bandTube = catalogue.tubing.find((t) => t.sizeIn === band.venous)!;
  if (ecmo) {
    const v = upsize(catalogue, band.venous, flows.maxLPerMin, (t) => t.maxFlowLPerMin);
    if (v && v.sizeIn !== band.venous) {
      venous = v.sizeIn;
      venousWhy = `${band.venous}" carries less than ${flows.maxLPerMin.toFixed(2)} L/min; upsized`;
    }
  } else {
    const cap = bandTube.maxGravityDrainageLPerMin;
    const fits = cap.qualifier === ">" || flows.fullLPerMin <= cap.value;
    if (!fits) {
      if (protocol.vavd.available) {
        venousWhy = `${bandWhy}; gravity drainage of ${band.venous}" is quoted from ${cap.value} L/min (${cap.source}), below ${flows.fullLPerMin.toFixed(2)} L/min: VAVD assumed`;
        warnings.push(
          warn(
            "TUBING_DRAINAGE_NEEDS_VAVD",
            `Venous line ${band.venous}" needs VAVD to drain ${flows.fullLPerMin.toFixed(2)} L/min`,
            `gravity drainage through ${band.venous}" is quoted at ${cap.value} L/min or more (lower end of the source's range)`,
            `plan VAVD, or use the next size up (more prime)`,
            "info",
          ),
        );
      } else {
        const v = upsize(catalogue, band.venous, flows.fullLPerMin, (t) => t.maxGravityDrainageLPerMin);
        if (v) {
          venous = v.sizeIn;
          venousWhy = `${band.venous}" drains < ${flows.fullLPerMin.toFixed(2)} L/min by gravity and VAVD is not available; upsized`;
          warnings.push(
            warn(
              "TUBING_UPSIZED",
              `Venous line upsized from ${band.venous}" to ${venous}" for gravity drainage`,
              "the weight-band size cannot drain the full flow by gravity and the protocol has no VAVD",
              "accept the larger line or enable VAVD in the protocol",
              "info",
            ),
          );
        }
      }
    }
  }

  const lines: Partial<Record<LineName, TubingLine>> = {};
  const volumeExplained: Partial<Record<LineName, Explained>> = {};
  const add = (line: LineName, sizeIn: TubingSize, lengthCm: number, inPrime: boolean, why: string) => {
    const r = tubingVolume({ idIn: sizeIn, lengthCm });
    lines[line] = { sizeIn, lengthCm, volumeMl: r.value, inPrime, why };
    volumeExplained[line] = { ...r, evidence: layout.evidence };
  };
  add("arterial", arterial, layout.arterialCm, true, arterialWhy);
  add("venous", venous, layout.venousCm, true, venousWhy);
  if (pumpLine) add("pump", pumpLine.sizeIn, layout.pumpBootCm, true, pumpLine.why);
  if (!ecmo) {
    add("sucker", layout.suckerSizeIn, layout.suckerCm, false, `table layout "${name}"`);
    add("vent", layout.ventSizeIn, layout.ventCm, false, `table layout "${name}"`);
    add("cardioplegia", layout.cardioplegiaSizeIn, layout.cardioplegiaCm, false, `table layout "${name}"`);
  }
  return { layout: name, lines, volumeExplained, warnings, layoutSource: layout.source };
}

/**
 * Pump, venous reservoir and arterial filter.
 * - Pump: ECMO always centrifugal. CPB per protocol.arterialPump; "auto" takes a roller pump when a boot's
 *   stroke volume × the console's maximum rpm covers the maximum flow (rollerFlow calculator, Q = SV × rpm),
 *   else a centrifugal head. Boot stroke volumes come from roller-boots.yaml unless the protocol gives the
 *   console's own calibration.
 * - Reservoir (CPB): the one mounted on the oxygenator when it has one, else the smallest capacity whose rated
 *   flow covers the maximum flow. Its minimum operating level counts in the prime.
 * - Arterial filter (CPB): none when the oxygenator integrates one, else the smallest-prime filter whose rated
 *   flow covers the maximum flow.
 */
import { rollerFlow } from "../calc/index.ts";
import type { Explained } from "./explain.ts";
import type {
  ArterialFilter,
  Catalogue,
  CentrifugalPump,
  Oxygenator,
  Procedure,
  Protocol,
  Reservoir,
  TubingSize,
} from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

export interface PumpChoice {
  type: "roller" | "centrifugal";
  bootSizeIn?: TubingSize;
  strokeVolumeMlPerRev?: number;
  maxRpm?: number;
  capacity?: Explained;
  head?: CentrifugalPump;
  why: string;
}

export function choosePump(
  procedure: Procedure,
  maxLPerMin: number,
  protocol: Protocol,
  catalogue: Catalogue,
): PumpChoice {
  const centrifugal = (why: string): PumpChoice => {
    const preferred = protocol.preferredDevices?.centrifugalPumps;
    const pool = preferred?.length
      ? catalogue.centrifugalPumps.filter((p) => preferred.includes(p.id))
      : [...catalogue.centrifugalPumps].sort((a, b) => a.primeMl.value - b.primeMl.value);
    const head = pool[0];
    return head ? { type: "centrifugal", head, why } : { type: "centrifugal", why };
  };
  if (procedure !== "cpb") return centrifugal("ECMO circuits use a centrifugal pump");
  if (protocol.arterialPump === "centrifugal") return centrifugal("protocol arterialPump: centrifugal");
  const maxRpm = protocol.rollerMaxRpm ?? catalogue.rollerBoots.maxRpm.value;
  const boots = catalogue.rollerBoots.boots
    .map((b) => ({
      sizeIn: b.sizeIn,
      sv: protocol.rollerBootCalibration?.[b.sizeIn] ?? b.strokeVolumeMlPerRev.value,
      source: protocol.rollerBootCalibration?.[b.sizeIn]
        ? "console calibration (protocol)"
        : b.strokeVolumeMlPerRev.source,
      evidence: protocol.rollerBootCalibration?.[b.sizeIn] ? undefined : b.strokeVolumeMlPerRev.evidence,
    }))
    .sort((a, b) => a.sv - b.sv);
  for (const b of boots) {
    const cap = rollerFlow({ rpm: maxRpm, strokeVolumeMl: b.sv });
    if (cap.value >= maxLPerMin) {
      return {
        type: "roller",
        bootSizeIn: b.sizeIn,
        strokeVolumeMlPerRev: b.sv,
        maxRpm,
        capacity: {
          ...cap,
          source: `${cap.source}; stroke volume: ${b.source}`,
          ...(b.evidence ? { evidence: b.evidence } : {}),
        },
        why: `${b.sizeIn}" boot: ${b.sv} mL/rev × ${maxRpm} rpm = ${cap.value.toFixed(2)} L/min ≥ ${maxLPerMin.toFixed(2)} L/min`,
      };
    }
  }
  if (protocol.arterialPump === "roller") {
    const big = boots[boots.length - 1]!;
    return {
      type: "roller",
      bootSizeIn: big.sizeIn,
      strokeVolumeMlPerRev: big.sv,
      maxRpm,
      why: `protocol arterialPump: roller; the largest boot (${big.sizeIn}") does not reach ${maxLPerMin.toFixed(2)} L/min at ${maxRpm} rpm`,
    };
  }
  return centrifugal(
    `no roller boot reaches ${maxLPerMin.toFixed(2)} L/min at ${maxRpm} rpm: centrifugal pump`,
  );
}

export function chooseReservoir(
  oxygenator: Oxygenator,
  maxLPerMin: number,
  protocol: Protocol,
  catalogue: Catalogue,
): Reservoir | undefined {
  if (oxygenator.reservoirId) return catalogue.reservoirs.find((r) => r.id === oxygenator.reservoirId);
  const preferred = protocol.preferredDevices?.reservoirs;
  const pool = preferred?.length
    ? catalogue.reservoirs.filter((r) => preferred.includes(r.id))
    : catalogue.reservoirs;
  return [...pool]
    .filter((r) => r.maxFlowLPerMin.value >= maxLPerMin)
    .sort((a, b) => a.capacityMl.value - b.capacityMl.value)[0];
}

export function chooseArterialFilter(
  oxygenator: Oxygenator,
  maxLPerMin: number,
  protocol: Protocol,
  catalogue: Catalogue,
): { filter?: ArterialFilter; warnings: PlanWarning[] } {
  if (oxygenator.integratedArterialFilter) return { warnings: [] };
  const preferred = protocol.preferredDevices?.arterialFilters;
  const pool = preferred?.length
    ? catalogue.arterialFilters.filter((f) => preferred.includes(f.id))
    : catalogue.arterialFilters;
  const filter = [...pool]
    .filter((f) => f.maxFlowLPerMin.value >= maxLPerMin)
    .sort((a, b) => a.primeMl.value - b.primeMl.value)[0];
  if (filter) return { filter, warnings: [] };
  return {
    warnings: [
      warn(
        "NO_ARTERIAL_FILTER",
        `No arterial line filter in the catalogue is rated for ${maxLPerMin.toFixed(2)} L/min`,
        `${oxygenator.model} has no integrated arterial filter`,
        "add a suitable filter to the catalogue or choose an oxygenator with an integrated filter",
      ),
    ],
  };
}

/**
 * Dual-lumen bicaval cannula (VV ECMO through one vein, ELSO "dlV-V"): one device, two lumens. The drainage lumen
 * takes blood through side holes in the SVC and at the tip in the IVC; the return lumen ends in a port in the right
 * atrium whose jet is aimed at the tricuspid valve, so that, well positioned, little of the returned blood reaches
 * the drainage holes (Abrams, Bacchetta, Brodie, ASAIO J 2015;61:115: dual-lumen cannulae are among the measures
 * that minimise recirculation).
 *
 * Ports: `drainage` (to the drainage line → pump inlet) and `return` (from the oxygenator's return line).
 *
 * Pressure–flow of each lumen: Getinge Avalon Elite charts (water) as fitted by nickmmark/ecmo-calculations
 * (catalogue/cannulae.yaml, evidence S2), evaluated at the catalogue's points and fitted here with the cannula
 * model's ΔP = a·Q + b·Q² (src/sim/circuit/cannula.ts, water → blood by dynamic similarity).
 */
import { z } from "zod";
import { buildCannulaParams, type CannulaParams } from "./cannula.ts";
import { parseSpec } from "./units.ts";

const AVALON =
  "Getinge Avalon Elite chart (water) as fitted by nickmmark/ecmo-calculations; catalogue/cannulae.yaml [S2]";

/** [flow L/min, ΔP mmHg] per lumen, the catalogue's points (catalogue/cannulae.yaml, ids getinge-avalon-elite-*). */
export const DUAL_LUMEN_DATA = {
  "getinge-avalon-elite-20": {
    fr: 20,
    returnPoints: [
      [1, 71.0],
      [2, 279.6],
    ],
    drainagePoints: [
      [1, 28.3],
      [2, 91.0],
    ],
  },
  "getinge-avalon-elite-23": {
    fr: 23,
    returnPoints: [
      [1, 28.8],
      [2, 111.7],
      [3, 248.7],
    ],
    drainagePoints: [
      [1, 16.2],
      [2, 47.9],
      [3, 95.0],
    ],
  },
  "getinge-avalon-elite-27": {
    fr: 27,
    returnPoints: [
      [2, 54.5],
      [3, 114.8],
      [4, 197.0],
      [5, 301.1],
    ],
    drainagePoints: [
      [2, 18.7],
      [3, 38.5],
      [4, 65.3],
      [5, 99.1],
    ],
  },
  "getinge-avalon-elite-31": {
    fr: 31,
    returnPoints: [
      [2, 27.0],
      [3, 59.4],
      [4, 104.5],
      [5, 162.1],
      [6, 232.4],
    ],
    drainagePoints: [
      [2, 7.0],
      [3, 16.8],
      [4, 30.6],
      [5, 48.6],
      [6, 70.7],
    ],
  },
} as const satisfies Record<
  string,
  {
    fr: number;
    returnPoints: readonly (readonly [number, number])[];
    drainagePoints: readonly (readonly [number, number])[];
  }
>;
export type DualLumenModel = keyof typeof DUAL_LUMEN_DATA;
const MODELS = Object.keys(DUAL_LUMEN_DATA) as [DualLumenModel, ...DualLumenModel[]];

export const dualLumenCannulaSpecSchema = z
  .object({
    model: z.enum(MODELS),
    /** Compartments the drainage holes sit in (SVC side holes and IVC tip when well positioned). */
    drainageVessels: z.array(z.string().min(1)).min(1).max(2).default(["svc", "ivc"]),
    /** Compartment of the return port (the right atrium, jet toward the tricuspid valve). */
    returnVessel: z.string().min(1).default("rightAtrium"),
    /**
     * Share of the return jet that goes straight through the tricuspid valve into the right ventricle (0–0.9):
     * the well-positioned cannula's aim. 0.5 by default [U: a model setting; lower it for a port turned toward the
     * atrial wall or the IVC]. The lumped right atrium is well mixed, so without it the returned blood would mix
     * with the venous return before reaching the ventricle.
     */
    jetToTricuspidFraction: z.number().min(0).max(0.9).default(0.5),
  })
  .strict();
export type DualLumenCannulaSpec = z.input<typeof dualLumenCannulaSpecSchema>;

export interface DualLumenCannulaParams {
  readonly model: DualLumenModel;
  readonly fr: number;
  readonly drainageVessels: readonly string[];
  readonly returnVessel: string;
  readonly jetToTricuspidFraction: number;
  /** The drainage lumen (whole flow). */
  readonly drainage: CannulaParams;
  readonly return: CannulaParams;
}

export function buildDualLumenCannulaParams(
  spec: unknown,
  root = "dualLumenCannula",
): DualLumenCannulaParams {
  const s = parseSpec(dualLumenCannulaSpecSchema, spec, root);
  const d = DUAL_LUMEN_DATA[s.model];
  const lumen = (points: readonly (readonly [number, number])[]) =>
    buildCannulaParams(
      {
        type: "ecmo",
        fr: d.fr,
        pressureFlow: { points: points.map((p) => [p[0], p[1]]), fluid: "water", source: AVALON },
      },
      root,
    );
  return {
    model: s.model,
    fr: d.fr,
    drainageVessels: s.drainageVessels,
    returnVessel: s.returnVessel,
    jetToTricuspidFraction: s.jetToTricuspidFraction,
    drainage: lumen(d.drainagePoints),
    return: lumen(d.returnPoints),
  };
}

/**
 * One drainage port's share of the drainage lumen when `ports` ports drain in parallel into it: with an equal split
 * q = Q/n, a port curve a' = n·a, b' = n²·b gives each port the lumen's published drop at the total flow Q (exact at
 * an equal split; the lumen's common resistance is not modelled separately).
 */
export function drainagePortParams(lumen: CannulaParams, ports: number): CannulaParams {
  return { ...lumen, aPerCp: lumen.aPerCp * ports, bBlood: lumen.bBlood * ports * ports };
}

/**
 * The return lumen split into two parallel paths carrying `share` and 1 − share of the flow (the jet into the
 * ventricle and the rest into the atrium): a' = a/share, b' = b/share² gives each path the lumen's drop at the
 * total flow (exact when the two ends sit at equal pressures).
 */
export function returnShareParams(lumen: CannulaParams, share: number): CannulaParams {
  return { ...lumen, aPerCp: lumen.aPerCp / share, bBlood: lumen.bBlood / (share * share) };
}

/**
 * ECMO circuit descriptions for the configuration tests (docs/models/ecmo.md): the adult VV fixture's devices
 * (Rotaflow, Quadrox-iD Adult, 3/8" lines) with the cannulae of each ELSO configuration.
 */
import vvCircuit from "../../src/sim/circuit/fixtures/adult-vv-ecmo.json" with { type: "json" };
import { clone } from "./cpb-helpers.ts";

type Component = Record<string, unknown> & { id: string; type: string; params?: Record<string, unknown> };
type Circuit = { configuration?: Record<string, unknown>; components: Component[] } & Record<string, unknown>;

const base = () => clone(vvCircuit) as unknown as Circuit;
const get = (c: Circuit, id: string) => c.components.find((x) => x.id === id)!;

/** VV femoral (IVC) → jugular (SVC), with a tip distance (cm) when given. */
export function vvFemoroJugular(tipDistanceCm?: number): Circuit {
  const c = base();
  c.configuration = { name: "VV-femoro-jugular", ...(tipDistanceCm !== undefined ? { tipDistanceCm } : {}) };
  return c;
}

/** VV through one bicaval dual-lumen cannula (Avalon Elite 27 Fr): SVC + IVC drainage, RA return. */
export function vvDualLumen(): Circuit {
  const c = base();
  c.configuration = { name: "VV-dual-lumen" };
  c.components = c.components.filter((x) => x.id !== "drainageCannula" && x.id !== "returnCannula");
  c.components.unshift({
    id: "avalon",
    type: "dualLumenCannula",
    params: { model: "getinge-avalon-elite-27" },
  });
  get(c, "drainageLine").inlet = "avalon.drainage";
  get(c, "returnLine").outlet = "avalon.return";
  return c;
}

/** VA central: 24 Fr drainage in the right atrium, 19 Fr return in the ascending aorta. */
export function vaCentral(): Circuit {
  const c = base();
  c.configuration = { name: "VA-central" };
  get(c, "drainageCannula").params!.vessel = "rightAtrium";
  get(c, "returnCannula").params!.vessel = "ascendingAorta";
  return c;
}

/** VA femoral–femoral: drainage tip at the right atrium, 19 Fr femoral arterial return. */
export function vaFemoral(): Circuit {
  const c = base();
  c.configuration = { name: "VA-femoral" };
  get(c, "drainageCannula").params!.vessel = "rightAtrium";
  get(c, "returnCannula").params!.vessel = "lowerBodyArteries";
  return c;
}

/**
 * A Y on the return line: limb 1 to the existing return cannula, limb 2 (tubing `limbTubing`) to `second`.
 * `clampLimb`: a clamp on limb 2's tubing with that occlusion.
 */
function withY(
  c: Circuit,
  second: Component,
  limbTubing: Record<string, unknown>,
  clampLimb?: number,
): Circuit {
  get(c, "returnLine").outlet = "returnY.common";
  c.components.push(
    { id: "returnY", type: "yConnector", params: { primeMl: 3 } },
    {
      id: "limb1",
      type: "tubing",
      params: { internalDiameterIn: "3/8", lengthM: 0.3 },
      inlet: "returnY.branch1",
      outlet: "returnCannula.connector",
    },
    {
      id: "limb2",
      type: "tubing",
      params: limbTubing,
      inlet: "returnY.branch2",
      outlet: `${second.id}.connector`,
    },
    second,
  );
  if (clampLimb !== undefined)
    c.components.push({ id: "limb2Clamp", type: "clamp", at: "limb2", params: { occlusion: clampLimb } });
  return c;
}

/** VA femoral with a distal perfusion cannula (8 Fr Bio-Medicus, 1/4" × 0.5 m) to the cannulated leg. */
export function vaFemoralDistalPerfusion(): Circuit {
  return withY(
    vaFemoral(),
    {
      id: "distalCannula",
      type: "cannula",
      role: "distalPerfusion",
      params: {
        type: "arterial",
        fr: 8,
        model: "medtronic-biomedicus-arterial-8",
        vessel: "lowerBodyArteries",
      },
    },
    { internalDiameterIn: "1/4", lengthM: 0.5 },
  );
}

/** VAV: VA femoral plus a 17 Fr venous return limb into the SVC (right internal jugular); limb clamped if asked. */
export function vav(clampLimb?: number): Circuit {
  const c = withY(
    vaFemoral(),
    {
      id: "jugularReturn",
      type: "cannula",
      role: "return",
      params: { type: "femoralArterial", fr: 17, model: "medtronic-biomedicus-nextgen-fa-17", vessel: "svc" },
    },
    { internalDiameterIn: "3/8", lengthM: 1.0 },
    clampLimb,
  );
  c.configuration = { name: "VAV" };
  return c;
}

/**
 * Oxygenator choice: among the catalogue's oxygenators for the procedure (CPB, or ECMO-capable), optionally
 * restricted to the protocol's preferred list, those whose rated maximum covers the maximum expected flow with
 * the protocol's margin (rated max ≥ Qmax × (1 + margin)); the smallest static prime wins (then the larger
 * rated maximum, then the preferred order). Rated ranges come from FDA 510(k) summaries where found.
 * No covering oxygenator → the plan is refused with what to change.
 */
import { InputError } from "../common/errors.ts";
import { type Explained, explained, weakest } from "./explain.ts";
import type { Catalogue, Oxygenator, Procedure, Protocol } from "./schema.ts";
import { type PlanWarning, warn } from "./warnings.ts";

export interface OxygenatorChoice {
  device: Oxygenator;
  requiredMaxLPerMin: Explained;
  warnings: PlanWarning[];
}

export function chooseOxygenator(
  procedure: Procedure,
  flows: { targetLPerMin: number; maxLPerMin: number },
  protocol: Protocol,
  catalogue: Catalogue,
): OxygenatorChoice {
  const use = procedure === "cpb" ? "cpb" : "ecmo";
  const preferred = protocol.preferredDevices?.oxygenators;
  let pool = catalogue.oxygenators.filter((o) => o.uses.includes(use));
  if (preferred && preferred.length > 0) pool = pool.filter((o) => preferred.includes(o.id));
  const margin = protocol.oxygenatorFlowMargin.value;
  const need = flows.maxLPerMin * (1 + margin);
  const requiredMaxLPerMin = explained("oxygenator-required-max", need, "L/min", {
    formula: "required rated maximum = Qmax × (1 + margin)",
    inputs: { maxFlowLPerMin: flows.maxLPerMin },
    constants: { margin },
    source: protocol.oxygenatorFlowMargin.source,
    evidence: protocol.oxygenatorFlowMargin.evidence,
  });
  const covering = pool
    .filter((o) => o.maxFlowLPerMin.value >= need)
    .sort(
      (a, b) =>
        a.primeMl.value - b.primeMl.value ||
        b.maxFlowLPerMin.value - a.maxFlowLPerMin.value ||
        (preferred ? preferred.indexOf(a.id) - preferred.indexOf(b.id) : 0),
    );
  const device = covering[0];
  if (!device) {
    const largest = pool.reduce((m, o) => Math.max(m, o.maxFlowLPerMin.value), 0);
    throw new InputError({
      field: "maxFlowLPerMin",
      allowed: `covered by an oxygenator: no ${use.toUpperCase()} oxygenator${preferred ? " in the protocol's preferred list" : " in the catalogue"} is rated for ${need.toFixed(2)} L/min (${flows.maxLPerMin.toFixed(2)} L/min + ${Math.round(margin * 100)} % margin; largest rated ${largest} L/min). Change: add a larger oxygenator to the catalogue${preferred ? " or the preferred list" : ""}, lower maxCardiacIndex / the flow bands or the margin in the protocol, or check weight and height`,
      received: `${flows.maxLPerMin.toFixed(2)} L/min`,
    });
  }
  const warnings: PlanWarning[] = [];
  if (flows.targetLPerMin < device.minFlowLPerMin.value) {
    warnings.push(
      warn(
        "OXYGENATOR_BELOW_MIN_FLOW",
        `Target flow ${flows.targetLPerMin.toFixed(2)} L/min is below the ${device.model} rated minimum ${device.minFlowLPerMin.value} L/min`,
        "below its rated range the oxygenator's gas exchange and heat exchange are not specified",
        "choose a smaller oxygenator (protocol preferredDevices.oxygenators) or plan a higher flow at the lowest temperature",
      ),
    );
  }
  const ev = weakest(device.minFlowLPerMin.evidence, device.maxFlowLPerMin.evidence, device.primeMl.evidence);
  if (ev === "U") {
    warnings.push(
      warn(
        "OXYGENATOR_RANGE_UNVERIFIED",
        `${device.model}: some specifications are unverified (${[
          device.minFlowLPerMin.evidence === "U" ? "minimum flow" : "",
          device.maxFlowLPerMin.evidence === "U" ? "maximum flow" : "",
          device.primeMl.evidence === "U" ? "static prime" : "",
        ]
          .filter(Boolean)
          .join(", ")})`,
        "the catalogue could not source these values from the IFU or a 510(k) summary",
        "check them against the device's instructions for use before relying on this plan",
        "info",
      ),
    );
  }
  return { device, requiredMaxLPerMin, warnings };
}

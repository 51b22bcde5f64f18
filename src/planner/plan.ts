/**
 * The planner: patient + institution protocol + device catalogue → Plan (plain JSON).
 * Pure: no I/O, no clock. Each decision lives in its own module (flows, tubing, oxygenator, components,
 * cannulae, prime, doses); every number comes with an explanation (formula, inputs, constants, source).
 * Impossible requests throw InputError saying why and what to change.
 */
import { bloodVolume, bsa } from "../calc/index.ts";
import { decideBicaval } from "./bicaval.ts";
import { chooseCannulae } from "./cannulae.ts";
import { checkReferences } from "./catalogue.ts";
import { chooseArterialFilter, choosePump, chooseReservoir } from "./components.ts";
import { planDo2i, planDoses } from "./doses.ts";
import { type Explained, explained } from "./explain.ts";
import { planFlows } from "./flows.ts";
import { chooseOxygenator } from "./oxygenator.ts";
import { checkPatient, type PatientInput } from "./patient.ts";
import { type PrimeComponent, planPrime } from "./prime.ts";
import type { Catalogue, Protocol, TubingSize } from "./schema.ts";
import { layoutFor, planTubing } from "./tubing.ts";
import type { Plan } from "./types.ts";
import { venousLineDrop } from "./venous-line.ts";
import { type PlanWarning, warn } from "./warnings.ts";

export const DISCLAIMER = "For education, planning and research; not a medical device.";

const round = (v: number, d: number) => Number(v.toFixed(d));

export function plan(input: PatientInput, protocol: Protocol, catalogue: Catalogue): Plan {
  const patient = checkPatient(input);
  checkReferences(catalogue, protocol);
  const cpb = patient.procedure === "cpb";
  const warnings: PlanWarning[] = [];
  const explanations: Record<string, Explained> = {};

  // Body size
  const bsaR = bsa({ weightKg: patient.weightKg, heightCm: patient.heightCm, method: protocol.bsaMethod });
  explanations.bsaM2 = bsaR;
  const bvR = bloodVolume({
    weightKg: patient.weightKg,
    ageYears: patient.ageYears,
    ...(patient.sex ? { sex: patient.sex } : {}),
    method: "table",
  });
  explanations.bloodVolumeMl = bvR;

  // Flows
  const flows = planFlows(patient, bsaR.value, protocol);
  explanations.targetFlowLPerMin = flows.target;
  explanations.fullFlowLPerMin = flows.fullFlow;
  explanations.maxFlowLPerMin = flows.max;
  if (flows.cardiacIndex) explanations.cardiacIndex = flows.cardiacIndex;
  const q = {
    targetLPerMin: flows.target.value,
    fullLPerMin: flows.fullFlow.value,
    maxLPerMin: flows.max.value,
  };

  // Devices
  const oxy = chooseOxygenator(patient.procedure, q, protocol, catalogue);
  explanations.oxygenatorRequiredMaxLPerMin = oxy.requiredMaxLPerMin;
  warnings.push(...oxy.warnings);
  const pump = choosePump(patient.procedure, q.maxLPerMin, protocol, catalogue);
  if (pump.capacity) explanations.rollerPumpCapacityLPerMin = pump.capacity;
  const reservoir = cpb ? chooseReservoir(oxy.device, q.maxLPerMin, protocol, catalogue) : undefined;
  const filter = cpb ? chooseArterialFilter(oxy.device, q.maxLPerMin, protocol, catalogue) : { warnings: [] };
  warnings.push(...filter.warnings);

  // Tubing: the pump line is the roller boot, or the centrifugal head's inlet/outlet at the arterial size.
  const tubing = planTubing(patient, q, undefined, protocol, catalogue);
  const pumpSize: TubingSize = pump.bootSizeIn ?? tubing.lines.arterial!.sizeIn;
  const tubingWithPump = planTubing(
    patient,
    q,
    {
      sizeIn: pumpSize,
      why: pump.type === "roller" ? `roller boot: ${pump.why}` : `centrifugal pump line at the arterial size`,
    },
    protocol,
    catalogue,
  );
  warnings.push(...tubingWithPump.warnings);
  for (const [k, v] of Object.entries(tubingWithPump.volumeExplained))
    explanations[`tubing.${k}.volumeMl`] = v;

  // Doses (cardioplegia crystalloid counts in the dilution)
  const doses = planDoses(patient, protocol);
  explanations.heparinUnits = doses.heparin;
  if (doses.protamine) explanations.protamineMg = doses.protamine;
  if (doses.cardioplegia) explanations.cardioplegiaMl = doses.cardioplegia;

  // Prime
  const components: PrimeComponent[] = [
    {
      name: `oxygenator ${oxy.device.model}`,
      volumeMl: oxy.device.primeMl.value,
      source: `${oxy.device.primeMl.source} [${oxy.device.primeMl.evidence}]`,
    },
  ];
  if (reservoir) {
    components.push({
      name: `reservoir minimum level (${reservoir.model})`,
      volumeMl: reservoir.minOperatingLevelMl.value,
      source: `${reservoir.minOperatingLevelMl.source} [${reservoir.minOperatingLevelMl.evidence}]`,
    });
  }
  for (const line of ["arterial", "venous", "pump"] as const) {
    const l = tubingWithPump.lines[line];
    if (l)
      components.push({
        name: `${line} line ${l.sizeIn}" × ${l.lengthCm} cm`,
        volumeMl: l.volumeMl,
        source: "tubingVolume (π r² L)",
      });
  }
  if (filter.filter) {
    components.push({
      name: `arterial filter ${filter.filter.model}`,
      volumeMl: filter.filter.primeMl.value,
      source: `${filter.filter.primeMl.source} [${filter.filter.primeMl.evidence}]`,
    });
  }
  if (pump.type === "centrifugal" && pump.head) {
    components.push({
      name: `centrifugal head ${pump.head.model}`,
      volumeMl: pump.head.primeMl.value,
      source: `${pump.head.primeMl.source} [${pump.head.primeMl.evidence}]`,
    });
  }
  const hctDefault = [...protocol.defaultHct]
    .sort((a, b) => a.maxAgeYears - b.maxAgeYears)
    .find((b) => patient.ageYears <= b.maxAgeYears);
  const hctAssumed = patient.hct === undefined && patient.hbGPerDl === undefined;
  const hct =
    patient.hct ??
    (patient.hbGPerDl !== undefined
      ? patient.hbGPerDl / protocol.do2i.hbPerHct.value
      : (hctDefault?.hct ?? 0.4));
  const cardioplegiaCrystalloidMl = doses.cardioplegia?.extra?.crystalloidMl?.value ?? 0;
  const otherFluidMl = protocol.preBypassFluidMlPerKg.value * patient.weightKg + cardioplegiaCrystalloidMl;
  const prime = planPrime(
    { weightKg: patient.weightKg, hct, hctAssumed, bloodVolumeMl: bvR.value, components, otherFluidMl },
    protocol,
  );
  warnings.push(...prime.warnings);
  explanations.primeVolumeMl = prime.total;
  explanations.predictedHct = prime.predictedHct;
  explanations.rbcToAddMl = prime.rbcToAdd;
  explanations.predictedHctWithRbc = prime.predictedHctWithRbc;

  // Cannulae at the full (normothermic) flow. CPB venous drainage: the venous line's drop (Poiseuille at the Hct
  // on bypass) shares the siphon + VAVD with the cannula; bicaval plans size an SVC and an IVC cannula.
  const { layout } = layoutFor(patient.weightKg, protocol);
  const venousLine = tubingWithPump.lines.venous!;
  const lineDrop = cpb
    ? venousLineDrop({
        sizeIn: venousLine.sizeIn,
        lengthCm: venousLine.lengthCm,
        hctOnBypass: prime.predictedHctWithRbc.value,
        fullFlowLPerMin: q.fullLPerMin,
        targetFlowLPerMin: q.targetLPerMin,
        lowestTempC: patient.lowestTempC,
      })
    : undefined;
  if (lineDrop) explanations.venousLineDropMmHg = lineDrop;
  const bicaval = decideBicaval(patient, protocol);
  if (bicaval.svcFraction) explanations.svcFlowFraction = bicaval.svcFraction;
  // Each cannula's drop is the simulator's blood-scaled law at the predicted Hct on bypass (cannulae.ts).
  const can = chooseCannulae(
    patient.procedure,
    q.fullLPerMin,
    layout.drainageHeightCm,
    protocol,
    catalogue,
    {
      hct: prime.predictedHctWithRbc.value,
      lowestTempC: patient.lowestTempC,
      targetFlowFraction: Math.min(1, q.targetLPerMin / q.fullLPerMin),
    },
    {
      lineDropMmHg: lineDrop?.value ?? 0,
      ...(reservoir ? { reservoir } : {}),
      ...(bicaval.svcFraction
        ? { bicaval: { svcFraction: bicaval.svcFraction.value, why: bicaval.why } }
        : {}),
    },
  );
  warnings.push(...can.warnings);
  can.cannulae.forEach((c, i) => {
    if (c.explanation) explanations[`cannulae[${i}].pressureDropMmHg`] = c.explanation;
  });

  // DO2i at the planned flow and at full flow (the threshold is a normothermic one)
  const hctOnBypass = prime.predictedHctWithRbc.value;
  const atTarget = planDo2i(patient, bsaR.value, q.targetLPerMin, hctOnBypass, protocol);
  const atFull = planDo2i(patient, bsaR.value, q.fullLPerMin, hctOnBypass, protocol);
  explanations.do2iAtTarget = atTarget.do2i;
  explanations.do2iAtFullFlow = atFull.do2i;
  if (!cpb) {
    if (atTarget.warnings.length > 0) {
      warnings.push(
        warn(
          "DO2I_LOW",
          `Circuit DO2i at ${q.targetLPerMin.toFixed(2)} L/min is ${atTarget.do2i.value.toFixed(0)} mL/min/m² (pump flow only)`,
          "on ECMO the native heart and lungs add to oxygen delivery; the CPB threshold does not apply directly",
          "judge adequacy by SvO2, lactate and the patient's own output; raise the flow if they suggest under-perfusion",
          "info",
        ),
      );
    }
  } else if (atFull.warnings.length > 0) warnings.push(...atFull.warnings);
  else if (atTarget.warnings.length > 0) {
    const w = atTarget.warnings[0]!;
    warnings.push(
      warn(
        "DO2I_LOW",
        `${w.message} at ${patient.lowestTempC} °C (≥ ${protocol.do2i.warnBelow.value} at full flow)`,
        "the threshold is a normothermic one; oxygen consumption falls with temperature",
        "check SvO2/lactate at the lowest temperature; raise flow or Hct if they suggest under-perfusion",
        "info",
      ),
    );
  }

  const unverified = collectUnverified(explanations);
  if (unverified.length > 0) {
    warnings.push(
      warn(
        "UNVERIFIED_VALUES",
        `${unverified.length} number(s) in this plan rest on unverified [U] values: ${unverified.join(", ")}`,
        "the catalogue or protocol could not source them (see perfuse plan --explain)",
        "replace them with your institution's or the manufacturer's values (protocol / catalogue files)",
        "info",
      ),
    );
  }

  const line = (name: "arterial" | "venous" | "pump" | "sucker" | "vent" | "cardioplegia") => {
    const l = tubingWithPump.lines[name];
    return l
      ? {
          sizeIn: l.sizeIn,
          lengthCm: l.lengthCm,
          volumeMl: round(l.volumeMl, 1),
          inPrime: l.inPrime,
          why: l.why,
        }
      : undefined;
  };
  const tubingOut: Plan["tubing"] = { arterial: line("arterial")!, venous: line("venous")! };
  for (const name of ["pump", "sucker", "vent", "cardioplegia"] as const) {
    const l = line(name);
    if (l) tubingOut[name] = l;
  }

  return {
    schemaVersion: 1,
    disclaimer: DISCLAIMER,
    patient: {
      weightKg: patient.weightKg,
      heightCm: patient.heightCm,
      ageYears: patient.ageYears,
      ...(patient.sex ? { sex: patient.sex } : {}),
      hct,
      hctAssumed,
      ...(patient.hbGPerDl !== undefined ? { hbGPerDl: patient.hbGPerDl } : {}),
      procedure: patient.procedure,
      lowestTempC: patient.lowestTempC,
      ...(cpb ? { surgery: patient.surgery } : {}),
    },
    protocol: protocol.name,
    bsaM2: round(bsaR.value, 4),
    bsaMethod: bsaR.method,
    bloodVolumeMl: round(bvR.value, 1),
    flowMethod: flows.method,
    cardiacIndex: flows.cardiacIndex ? round(flows.cardiacIndex.value, 3) : null,
    targetFlowLPerMin: round(flows.target.value, 3),
    fullFlowLPerMin: round(flows.fullFlow.value, 3),
    maxFlowLPerMin: round(flows.max.value, 3),
    pump: {
      type: pump.type,
      ...(pump.bootSizeIn ? { bootSizeIn: pump.bootSizeIn } : {}),
      ...(pump.strokeVolumeMlPerRev
        ? { strokeVolumeMlPerRev: pump.strokeVolumeMlPerRev, maxRpm: pump.maxRpm }
        : {}),
      ...(pump.head
        ? { model: pump.head.model, manufacturer: pump.head.manufacturer, primeMl: pump.head.primeMl.value }
        : {}),
      why: pump.why,
    },
    oxygenator: {
      id: oxy.device.id,
      model: oxy.device.model,
      manufacturer: oxy.device.manufacturer,
      minFlowLPerMin: oxy.device.minFlowLPerMin.value,
      maxFlowLPerMin: oxy.device.maxFlowLPerMin.value,
      primeMl: oxy.device.primeMl.value,
      integratedArterialFilter: oxy.device.integratedArterialFilter,
      ratedRangeSource: oxy.device.maxFlowLPerMin.source,
      evidence: {
        minFlow: oxy.device.minFlowLPerMin.evidence,
        maxFlow: oxy.device.maxFlowLPerMin.evidence,
        prime: oxy.device.primeMl.evidence,
      },
    },
    reservoir: reservoir
      ? {
          id: reservoir.id,
          model: reservoir.model,
          manufacturer: reservoir.manufacturer,
          capacityMl: reservoir.capacityMl.value,
          minOperatingLevelMl: reservoir.minOperatingLevelMl.value,
        }
      : null,
    arterialFilter: filter.filter
      ? {
          id: filter.filter.id,
          model: filter.filter.model,
          manufacturer: filter.filter.manufacturer,
          primeMl: filter.filter.primeMl.value,
        }
      : null,
    tubing: tubingOut,
    tableLayout: tubingWithPump.layout,
    drainageHeightCm: layout.drainageHeightCm,
    cannulae: can.cannulae.map((c) => ({
      role: c.role,
      ...(c.device ? { id: c.device.id } : {}),
      fr: c.fr,
      model: c.model,
      ...(c.manufacturer ? { manufacturer: c.manufacturer } : {}),
      flowLPerMin: round(c.flowLPerMin, 3),
      pressureDropMmHg: c.pressureDropMmHg === null ? null : round(c.pressureDropMmHg, 1),
      ...(c.drainagePressureDropMmHg !== undefined
        ? {
            drainagePressureDropMmHg:
              c.drainagePressureDropMmHg === null ? null : round(c.drainagePressureDropMmHg, 1),
          }
        : {}),
      limitMmHg: round(c.limitMmHg, 1),
      withinLimit: c.withinLimit,
      ...(c.dataFluid ? { dataFluid: c.dataFluid } : {}),
      ...(c.bloodViscosityCp !== undefined ? { bloodViscosityCp: round(c.bloodViscosityCp, 3) } : {}),
      ...(c.site ? { site: c.site } : {}),
    })),
    venousCannulation: cpb ? (bicaval.bicaval ? "bicaval" : "single") : null,
    ...(bicaval.svcFraction ? { svcFlowFraction: round(bicaval.svcFraction.value, 4) } : {}),
    venousLineDropMmHg: lineDrop ? round(lineDrop.value, 1) : null,
    vavdMmHg: can.vavdMmHg,
    primeVolumeMl: round(prime.total.value, 1),
    primeComponents: prime.components.map((c) => ({ name: c.name, volumeMl: round(c.volumeMl, 1) })),
    predictedHct: round(prime.predictedHct.value, 4),
    targetHct: protocol.hctTarget.value,
    hctTrigger: protocol.hctTrigger.value,
    rbcToAddMl: round(prime.rbcToAdd.value, 1),
    rbcHct: protocol.rbcHct.value,
    primeHct: round(prime.primeHct, 4),
    predictedHctWithRbc: round(prime.predictedHctWithRbc.value, 4),
    primeRecipe: prime.recipe.map((r) => ({ ...r, amount: round(r.amount, 1) })),
    heparinUnits: round(doses.heparin.value, 0),
    protamineMg: doses.protamine ? round(doses.protamine.value, 1) : null,
    cardioplegia: doses.cardioplegia
      ? {
          solution: protocol.cardioplegia.solution,
          doseMl: round(doses.cardioplegia.value, 1),
          bloodMl: round(doses.cardioplegia.extra?.bloodMl?.value ?? 0, 1),
          crystalloidMl: round(doses.cardioplegia.extra?.crystalloidMl?.value ?? 0, 1),
          ratio: `${protocol.cardioplegia.ratio[0]}:${protocol.cardioplegia.ratio[1]} blood:crystalloid`,
        }
      : null,
    hbOnBypassGPerDl: round(atTarget.hbGPerDl, 2),
    do2iAtTarget: round(atTarget.do2i.value, 1),
    do2iAtFullFlow: round(atFull.do2i.value, 1),
    warnings,
    explanations,
  };
}

function collectUnverified(explanations: Record<string, Explained>): string[] {
  return Object.entries(explanations)
    .filter(([, e]) => e.evidence === "U")
    .map(([k]) => k);
}

export { explained };

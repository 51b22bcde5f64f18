// biome-ignore-all lint/complexity/useMathMinMax: ternary clamps map NaN to the bound; Math.max/min would propagate NaN.
/**
 * Diffusive gas transfer between blood and a gas space: native alveolar capillaries or an oxygenator membrane.
 *
 * Piiper & Scheid's model of diffusion limitation (Respir Physiol 1981;46:193-208): blood flowing at Q̇ past a
 * barrier of diffusing capacity D approaches the gas partial pressure exponentially, with the fraction not
 * equilibrated exp(−D/(Q̇·β)), β = dC/dP the blood's capacitance coefficient for that gas. Because β varies
 * along the ODC, the exchanger is integrated as N segments in series (a discrete Bohr integration): each segment
 * takes an exact exponential step with the local β, so high flow through a small membrane transfers less and no
 * segment can overshoot equilibrium. O2 and CO2 are stepped alternately so the Bohr and Haldane couplings follow.
 * Shunt (blood bypassing the exchanger) is left to the engine (mix outflow with bypassing blood).
 */
import { AB_IO, solveAcidBaseIo, tco2FromPco2Io } from "../blood/acid-base.ts";
import { ODC_IO, o2ContentFromPo2Io, po2FromO2ContentIo, so2FromPo2Io } from "../blood/odc.ts";

// Imported bindings as module-local constants (under the module transform tsx applies, each use of an imported
// binding is a getter call).
const AB = AB_IO;
const OD = ODC_IO;
const solveAb = solveAcidBaseIo;
const tco2FromPco2Reg = tco2FromPco2Io;
const po2FromContent = po2FromO2ContentIo;
const contentFromPo2 = o2ContentFromPo2Io;
const so2FromPo2Reg = so2FromPo2Io;

/** CO2 molar volume at STPD, mL per mmol (ideal gas 22.41, real CO2 22.26). */
export const CO2_ML_PER_MMOL = 22.26;

/** Output layout of `equilibrateBlood`. */
export const EQ_O2_CONTENT = 0; // mL O2/dL, outflowing blood
export const EQ_TCO2 = 1; // mmol/L, outflowing blood
export const EQ_O2_UPTAKE_ML = 2; // mL O2 (STPD) moved gas → blood during dt
export const EQ_CO2_REMOVED_ML = 3; // mL CO2 (STPD) moved blood → gas during dt
export const EQ_PO2 = 4; // mmHg, outflowing blood
export const EQ_PCO2 = 5; // mmHg, outflowing blood
export const EQ_PH = 6; // outflowing blood, at its temperature
export const EQ_SO2 = 7; // fraction
export const EQ_OUT_SIZE = 8;

const SEGMENTS = 8;
const scratch = new Float64Array(2);
/**
 * Argument registers (single-threaded): `equilibrateBlood` copies its numbers here and calls the kernel with none, so
 * a caller V8 does not inline it into boxes nothing (docs/models/engine.md, performance).
 */
const ARG = new Float64Array(11);

/**
 * Register interface for hot callers (oxygenator.ts): write the eleven numbers of `equilibrateBlood`, in its
 * parameter order, into EQ_IO and call `equilibrateBloodIo(out)`.
 */
export { ARG as EQ_IO, equilibrateBloodKernel as equilibrateBloodIo };

/**
 * Blood leaving an exchanger. Inputs: inflowing O2 content (mL/dL), total CO2 (mmol/L), BE (mmol/L), Hb (g/dL),
 * temperature (°C); gas-side PO2 and PCO2 (mmHg); diffusing capacities for O2 and CO2 (mL/min/mmHg, STPD);
 * blood flow (mL/s) and dt (s, only used for the amounts transferred). Writes `out` (layout EQ_*).
 * At zero flow the outflow values are those of blood fully equilibrated with the gas and nothing is transferred.
 */
export function equilibrateBlood(
  o2ContentMlPerDl: number,
  tco2MmolPerL: number,
  baseExcessMmolPerL: number,
  hbGPerDl: number,
  tempC: number,
  gasPo2MmHg: number,
  gasPco2MmHg: number,
  dlO2MlPerMinPerMmHg: number,
  dlCo2MlPerMinPerMmHg: number,
  bloodFlowMlPerS: number,
  dtS: number,
  out: Float64Array,
): void {
  const a = ARG;
  a[0] = o2ContentMlPerDl;
  a[1] = tco2MmolPerL;
  a[2] = baseExcessMmolPerL;
  a[3] = hbGPerDl;
  a[4] = tempC;
  a[5] = gasPo2MmHg;
  a[6] = gasPco2MmHg;
  a[7] = dlO2MlPerMinPerMmHg;
  a[8] = dlCo2MlPerMinPerMmHg;
  a[9] = bloodFlowMlPerS;
  a[10] = dtS;
  equilibrateBloodKernel(out);
}

/** `equilibrateBlood` on the arguments in ARG[0..10]. */
function equilibrateBloodKernel(out: Float64Array): void {
  const o2ContentMlPerDl = ARG[0]!;
  const tco2MmolPerL = ARG[1]!;
  const baseExcessMmolPerL = ARG[2]!;
  const hbGPerDl = ARG[3]!;
  const tempC = ARG[4]!;
  const gasPo2MmHg = ARG[5]!;
  const gasPco2MmHg = ARG[6]!;
  const dlO2MlPerMinPerMmHg = ARG[7]!;
  const dlCo2MlPerMinPerMmHg = ARG[8]!;
  const bloodFlowMlPerS = ARG[9]!;
  const dtS = ARG[10]!;
  const q = bloodFlowMlPerS > 1e-9 ? bloodFlowMlPerS : 1e-9;
  // Per-segment D/Q in (mL gas/mmHg) per mL blood.
  const dO2 = (dlO2MlPerMinPerMmHg > 0 ? dlO2MlPerMinPerMmHg : 0) / 60 / q / SEGMENTS;
  const dCO2 = (dlCo2MlPerMinPerMmHg > 0 ? dlCo2MlPerMinPerMmHg : 0) / 60 / q / SEGMENTS;
  const gasPo2 = gasPo2MmHg > 0 ? gasPo2MmHg : 0;
  const gasPco2 = gasPco2MmHg > 0 ? gasPco2MmHg : 0;
  let c = o2ContentMlPerDl > 0 ? o2ContentMlPerDl : 0; // mL/dL
  let t = tco2MmolPerL > 0 ? tco2MmolPerL : 0; // mmol/L
  let so2 = 0;
  let po2 = 0;
  // The blood functions are called through their registers (AB_IO, ODC_IO): no number crosses a call, so nothing is
  // boxed whichever of them V8 inlines here. Same functions, same arguments as the number-taking forms.
  const ab = AB;
  const od = OD;
  for (let i = 0; i < SEGMENTS; i++) {
    // Acid–base state with the current saturation (estimated from the last PO2; first pass uses S = 0.75).
    ab[0] = t;
    ab[1] = baseExcessMmolPerL;
    ab[2] = hbGPerDl;
    ab[3] = i === 0 ? 0.75 : so2;
    ab[4] = tempC;
    solveAb(scratch);
    const ph = scratch[0]!;
    const pco2 = scratch[1]!;
    od[1] = tempC;
    od[2] = ph;
    od[3] = pco2;
    od[4] = hbGPerDl;
    od[0] = c;
    po2FromContent();
    po2 = od[5]!;
    // O2: local capacitance β (mL O2 per mL blood per mmHg) by secant towards the gas PO2.
    od[0] = gasPo2;
    contentFromPo2();
    const cGas = od[5]!;
    const dp = gasPo2 - po2;
    if (dp > 1e-9 || dp < -1e-9) {
      const beta = (cGas - c) / 100 / dp;
      c += (cGas - c) * (1 - Math.exp(-dO2 / (beta > 1e-9 ? beta : 1e-9)));
    }
    od[0] = c;
    po2FromContent();
    po2 = od[5]!;
    od[0] = po2;
    so2FromPo2Reg();
    so2 = od[5]!;
    // CO2: same exponential step on total CO2 with the secant capacitance towards the gas PCO2.
    ab[0] = gasPco2;
    ab[1] = baseExcessMmolPerL;
    ab[2] = hbGPerDl;
    ab[3] = so2;
    ab[4] = tempC;
    tco2FromPco2Reg();
    const tGas = ab[5]!;
    ab[0] = t;
    solveAb(scratch);
    const dpc = gasPco2 - scratch[1]!;
    if (dpc > 1e-9 || dpc < -1e-9) {
      const betaC = ((tGas - t) * CO2_ML_PER_MMOL) / 1000 / dpc; // mL CO2 per mL blood per mmHg
      t += (tGas - t) * (1 - Math.exp(-dCO2 / (betaC > 1e-9 ? betaC : 1e-9)));
    }
  }
  ab[0] = t;
  ab[1] = baseExcessMmolPerL;
  ab[2] = hbGPerDl;
  ab[3] = so2;
  ab[4] = tempC;
  solveAb(scratch);
  od[0] = c;
  od[1] = tempC;
  od[2] = scratch[0]!;
  od[3] = scratch[1]!;
  od[4] = hbGPerDl;
  po2FromContent();
  po2 = od[5]!;
  const flowing = bloodFlowMlPerS > 1e-9;
  out[EQ_O2_CONTENT] = c;
  out[EQ_TCO2] = t;
  out[EQ_O2_UPTAKE_ML] = flowing ? ((c - o2ContentMlPerDl) / 100) * bloodFlowMlPerS * dtS : 0;
  out[EQ_CO2_REMOVED_ML] = flowing
    ? (((tco2MmolPerL - t) * CO2_ML_PER_MMOL) / 1000) * bloodFlowMlPerS * dtS
    : 0;
  out[EQ_PO2] = po2;
  out[EQ_PCO2] = scratch[1]!;
  out[EQ_PH] = scratch[0]!;
  od[0] = po2;
  so2FromPo2Reg();
  out[EQ_SO2] = od[5]!;
}

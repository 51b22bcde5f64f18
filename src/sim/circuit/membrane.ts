/**
 * Oxygenator readout formulas (reference-data §9). The membrane's gas transfer itself is the shared
 * `equilibrateBlood` (src/sim/exchange/membrane.ts), called by `oxygenatorTransfer` (oxygenator.ts); this file no
 * longer carries an ODC of its own.
 */

/** CO2 removal by the sweep-flow method (reference §9): V̇CO2 (mL/min) = sweep (L/min) × 1000 × FeCO2. */
export function sweepCo2RemovalMlPerMin(sweepLPerMin: number, feco2: number): number {
  return sweepLPerMin * 1000 * feco2;
}

/** Fick across the membrane (reference §9): V̇O2 (mL/min) = Q (L/min) × 10 × (Cpost − Cpre) (mL/dL). */
export function fickO2TransferMlPerMin(
  flowLPerMin: number,
  preContentMlPerDl: number,
  postContentMlPerDl: number,
): number {
  return flowLPerMin * 10 * (postContentMlPerDl - preContentMlPerDl);
}

/**
 * VV ECMO recirculation from the distance between the cannula tips (docs/models/ecmo.md).
 *
 * In the lumped patient the return and the drainage sit in caval/atrial compartments, and recirculation already
 * emerges from the network when the pump drains more than the cava bring (it rises with ECMO flow / cardiac
 * output). What the compartments cannot hold is the geometry of the return jet: its core stays unmixed for some
 * distance, and a drainage tip within that distance takes part of it straight back. Published basis:
 *
 * - A co-flowing confined jet from an ECMO return cannula needs 9–12 cannula diameters to mix homogeneously
 *   (Lemétayer, Broman, Prahl Wittberg, Front Bioeng Biotechnol 2021;9:630568, PIV/PLIF in vitro).
 * - Recirculation rises as the tips get closer (Abrams, Bacchetta, Brodie, ASAIO J 2015;61:115, review; CFD: the
 *   closer the cannulae the more recirculation at 3 L/min, Sci Rep 2022, doi 10.1038/s41598-022-23159-z), and
 *   adjusting the drainage cannula's position lowered it by 7 points (Palmér et al., ASAIO J 2016;62:737).
 *
 * Model assumption [U: the decay law and its constant are ours, anchored to the mixing length above]: the fraction
 * of the return flow still in the unmixed jet at distance d falls as exp(−d/λ), with λ = L_mix/3 so that 95 % is
 * mixed at L_mix = 10.5 jet diameters (the middle of 9–12), the jet diameter being the return cannula's outer
 * diameter (Fr/3 mm). That fraction is what enters the drainage tip directly (`recirculationStream`, a flow from
 * the return vessel to the drainage vessel, so that the streamed blood still passes both cannulae and the pump
 * flow is what the circuit's resistances give). 19 Fr: λ = 2.2 cm → 41 % at 2 cm, 10 % at 5 cm, 1 % at 10 cm.
 */

/** Cannula diameters over which the return jet mixes homogeneously (Lemétayer et al. 2021: 9–12). */
export const JET_MIXING_DIAMETERS = 10.5;

/** Decay length λ (cm) of the unmixed jet from a return cannula of `fr` French. */
export function jetDecayLengthCm(fr: number): number {
  const diameterCm = fr / 30; // Fr/3 mm
  return (JET_MIXING_DIAMETERS * diameterCm) / 3;
}

/** Fraction of the return flow that streams straight into a drainage tip `distanceCm` away. */
export function streamingFraction(distanceCm: number, returnFr: number): number {
  const d = Math.max(distanceCm, 0);
  return Math.exp(-d / jetDecayLengthCm(returnFr > 0 ? returnFr : 19));
}

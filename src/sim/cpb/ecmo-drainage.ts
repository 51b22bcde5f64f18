/**
 * Drainage of a closed (ECMO) circuit (docs/models/ecmo.md): a drained vein below its unstressed volume U
 * collapses onto the cannula, and below an inlet pressure limit the line "chatters".
 *
 * Smooth collapse [model assumption]: lumen area ∝ V/U, Poiseuille conductance at fixed length ∝ area², so the
 * drainage connector's open fraction is (V/U)² below U.
 *
 * Chatter [model assumption on a described mechanism]: when the pump inlet is more negative than the limit while
 * the vein is already unsupported (V < U), the vein wall is sucked onto the cannula's holes and seals them; the
 * drainage stops, the vein refills from the venous return, and the wall lets go once the vein is back near its
 * unstressed volume (REOPEN_FRACTION·U) or after MAX_SEALED_S: the flow and the inlet pressure oscillate (the
 * "chattering" or shaking line of ECMO practice). The limit is a circuit setting (`configuration.
 * inletPressureLimitMmHg`, default −100 mmHg for adult circuits: the critical drainage suction reported by Robak et
 * al., ASAIO J, in vivo suction pressures of VV-ECMO drainage cannulae; haemolysis at −100 mmHg inlet, Ann Thorac
 * Surg 1997;63:1333). With volume (V ≥ U) nothing seals: the chatter resolves.
 *
 * State per drainage connector in a Float64Array (2 slots each): [sealed 0/1, seconds in the current state].
 */

/** Open fraction of a sealed drainage port (side holes never all seal) [U]. */
export const SEALED_OPEN_FRACTION = 0.02;
/** The wall lets go when the vein has refilled to this fraction of U [U]. */
export const REOPEN_FRACTION = 0.95;
/** ... or after this long (s) [U]: a sealed cannula's suction relaxes as the line stops. */
export const MAX_SEALED_S = 1.5;
/** After letting go the port stays open at least this long (s) [U]: the inlet pressure recovers as flow resumes. */
export const MIN_OPEN_S = 0.3;
export const DRAINAGE_STATE_SLOTS = 2;

/**
 * Open fraction of drainage port j (state slots 2j, 2j+1) for a vein of volume v and unstressed volume u at pump
 * inlet pressure pInlet; updates the sealed state.
 */
export function drainageOpenFraction(
  state: Float64Array,
  j: number,
  v: number,
  u: number,
  pInlet: number,
  limitMmHg: number,
  dt: number,
): number {
  DRAIN_IO[0] = v;
  DRAIN_IO[1] = u;
  DRAIN_IO[2] = pInlet;
  DRAIN_IO[3] = limitMmHg;
  DRAIN_IO[4] = dt;
  drainageOpenFractionIo(state, j);
  return DRAIN_IO[5]!;
}

/**
 * Register interface of `drainageOpenFraction` for the circuit's slow step (a number passed to or returned from a call
 * V8 does not inline is boxed; docs/models/engine.md, what allocates): [0] v, [1] u, [2] pInlet, [3] limitMmHg,
 * [4] dt; drainageOpenFractionIo(state, j) writes the open fraction to [5].
 */
export const DRAIN_IO = new Float64Array(6);

export function drainageOpenFractionIo(state: Float64Array, j: number): void {
  const v = DRAIN_IO[0]!;
  const u = DRAIN_IO[1]!;
  const pInlet = DRAIN_IO[2]!;
  const limitMmHg = DRAIN_IO[3]!;
  const dt = DRAIN_IO[4]!;
  const x = u > 0 ? v / u : 1;
  const o = j * DRAINAGE_STATE_SLOTS;
  const t = state[o + 1]! + dt;
  state[o + 1] = t;
  if (state[o]! > 0.5) {
    if (x >= REOPEN_FRACTION || t >= MAX_SEALED_S) {
      state[o] = 0;
      state[o + 1] = 0;
    } else {
      DRAIN_IO[5] = SEALED_OPEN_FRACTION;
      return;
    }
  } else if (x < 1 && pInlet < limitMmHg && t >= MIN_OPEN_S) {
    state[o] = 1;
    state[o + 1] = 0;
    DRAIN_IO[5] = SEALED_OPEN_FRACTION;
    return;
  }
  DRAIN_IO[5] = x >= 1 ? 1 : x > 0 ? x * x : 0;
}

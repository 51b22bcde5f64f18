/** Circuit planner: public surface. The pure planner takes parsed objects; src/io/catalogue-files.ts reads the files. */
export { checkReferences, closeNames, mergeCatalogues, mergeProtocol } from "./catalogue.ts";
export { type Explained, explainText } from "./explain.ts";
export { type PatientInput, PLANNER_RANGES } from "./patient.ts";
export { DISCLAIMER, plan } from "./plan.ts";
export type { Catalogue, Evidence, Procedure, Protocol, ProtocolOverride, Spec } from "./schema.ts";
export { familySchemas, protocolOverrideSchema, protocolSchema } from "./schema.ts";
export type { Plan, PlanCannula, PlanLine } from "./types.ts";
export type { PlanWarning, WarningCode } from "./warnings.ts";

// The input's one home is next to its service (the service validates it again); re-exported for the procedure.
export { updateOutcomeSettingsInput } from "@/server/services/outcomes/outcome-settings.schema";

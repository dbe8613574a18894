// The input's one home is the domain (the dialog checks it too; the service validates it again); re-exported for the procedure.
export { updateOutcomeSettingsInput } from "@/server/domain/outcomes/outcome-settings";

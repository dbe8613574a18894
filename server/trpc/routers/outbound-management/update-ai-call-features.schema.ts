// The input's one home is next to its service (the service validates it again); re-exported for the procedure.
export { updateAiCallFeaturesInput } from "@/server/services/vendor/ai-call-features.schema";

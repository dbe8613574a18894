import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/router";

type Outputs = inferRouterOutputs<AppRouter>;

export type TemplateView = Outputs["scripts"]["templates"][number];
export type ScriptDetail = Outputs["scripts"]["byId"];
export type ClinicOption = Outputs["scripts"]["clinics"][number];

import { inngest } from "../client";
import { patientImportRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { runPatientImport } from "@/server/services/patients/import/run-patient-import";

/**
 * 导入患者: one confirmed file, read and written in one transaction (a failed run leaves no rows and is marked failed by
 * the service itself, so the function does not retry it). One import per company at a time.
 */
export const patientImport = inngest.createFunction(
  {
    id: "patient-import",
    name: "导入患者",
    triggers: [patientImportRequested],
    concurrency: [{ key: "event.data.companyId", limit: 1 }],
    retries: 0,
  },
  async ({ event, step }) =>
    step.run("import", async () => {
      const deps = await jobDeps();
      return runPatientImport(deps.db, deps.storage, event.data.jobId, deps.now());
    }),
);

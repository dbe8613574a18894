import { createTRPCRouter } from "@/server/trpc/init";
import { myQualificationProcedure } from "./mine";
import { saveApplicantProcedure } from "./save-applicant";
import { submitQualificationProcedure } from "./submit";

/** The company's side of onboarding. Documents are uploaded through app/api/qualification/documents (multipart). */
export const qualificationRouter = createTRPCRouter({
  mine: myQualificationProcedure,
  saveApplicant: saveApplicantProcedure,
  submit: submitQualificationProcedure,
});

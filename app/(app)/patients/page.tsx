import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { PatientTable } from "@/components/patients/patient-table";
import { PatientImportDialog } from "@/components/patients/patient-import-dialog";
import { HydrateClient, prefetch, trpc } from "@/components/trpc/server";
import { requireCompanyPermission } from "@/server/auth/viewer";
import { can } from "@/server/domain/auth/permissions";
import { parsePatientSearch } from "@/components/patients/patient-search";

export async function generateMetadata() {
  return { title: (await getTranslations("patients"))("title") };
}

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireCompanyPermission("patients.view");
  const input = parsePatientSearch(new URLSearchParams((await searchParams) as Record<string, string>));
  await Promise.all([
    prefetch(trpc.patients.list.queryOptions(input)),
    prefetch(trpc.clinics.list.queryOptions()),
    prefetch(trpc.patients.consultants.queryOptions()),
  ]);
  const t = await getTranslations("patients");
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} actions={can(viewer, "patients.import") ? <PatientImportDialog /> : undefined} />
      <HydrateClient>
        <PatientTable canStartCalls={can(viewer, "outbound.calls.start")} />
      </HydrateClient>
    </div>
  );
}

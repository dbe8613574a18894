import type { ListPatientsInput } from "@/server/services/patients/list-patients";

/** URL search params ⇄ list input, shared by the server prefetch and the client table so both ask the same query. */
export function parsePatientSearch(params: URLSearchParams): ListPatientsInput {
  const page = Number(params.get("page") ?? "1");
  return {
    q: params.get("q") || undefined,
    clinicId: params.get("clinicId") || undefined,
    consultantId: params.get("consultantId") || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: 20,
  };
}

import type { ListQualificationApplicationsInput } from "@/server/services/qualification/list-qualification-applications";

const STATUSES = ["pending", "approved", "rejected"] as const;

/** The queue's filters live in the URL (?status=&q=&page=), so a reviewer can share or reload a view. */
export function parseReviewSearch(params: URLSearchParams): ListQualificationApplicationsInput {
  const status = params.get("status");
  const page = Number(params.get("page") ?? "1");
  return {
    status: STATUSES.find((s) => s === status),
    q: params.get("q")?.trim() || undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: 20,
  };
}

import type { ListCallRecordsInput } from "@/server/services/calls/records/list-call-records";

const OUTCOMES = [
  "answered", "noAnswer", "busy", "rejected", "poweredOff", "emptyNumber", "suspended", "failed",
  "voicemail", "secretary", "operatorMessage", "wrongNumber",
] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** URL search params ⇄ list input, shared by the server prefetch and the client so both ask the same query. */
export function parseCallRecordSearch(params: URLSearchParams): ListCallRecordsInput {
  const page = Number(params.get("page") ?? "1");
  const scriptId = params.get("scriptId") || undefined;
  const outcome = params.get("outcome");
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const reversed = DAY.test(from) && DAY.test(to) && from > to;
  // A reversed range (typed into the URL) keeps its start: the page says the end was refused (reversedDateRange).
  const range = { from: DAY.test(from) ? from : undefined, to: DAY.test(to) && !reversed ? to : undefined };
  const q = (params.get("q") ?? "").trim().slice(0, 30);
  return {
    scriptId,
    clinicId: params.get("clinicId") || undefined,
    q: q || undefined,
    // 客户意向 only narrows a chosen script (seed §8).
    intent: scriptId ? params.get("intent") || undefined : undefined,
    consultantId: params.get("consultantId") || undefined,
    onlineConsultantId: params.get("onlineConsultantId") || undefined,
    callback: params.get("callback") === "1" || undefined,
    review: params.get("review") === "1" || undefined,
    proposedTime: params.get("proposedTime") === "1" || undefined,
    outcome: (OUTCOMES as readonly string[]).includes(outcome ?? "") ? (outcome as (typeof OUTCOMES)[number]) : undefined,
    ...range,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: 20,
  };
}

/** The end date of the URL when it is before the start date (refused, not silently applied or dropped). */
export function reversedDateRange(params: URLSearchParams): { from: string; to: string } | null {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return DAY.test(from) && DAY.test(to) && from > to ? { from, to } : null;
}

/** The list's filters without its paging: what the summary above the list counts. */
export function summaryInput(input: ListCallRecordsInput): Omit<ListCallRecordsInput, "page" | "pageSize"> {
  const { page: _page, pageSize: _pageSize, ...filters } = input;
  return filters;
}

export { OUTCOMES as CALL_RECORD_OUTCOMES };

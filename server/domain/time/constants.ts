/** 24 hours of elapsed time (a rolling window's length). A calendar day in a zone is localDayRange's business. */
export const DAY_MS = 86_400_000;

/**
 * China time: where a figure has no clinic of its own (company-wide totals, 话单 dates, the UI's timestamps) and where a
 * clinic has no zone recorded. Clinic.timezone defaults to it too (prisma/schema.prisma).
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

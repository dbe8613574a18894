export * from "./types";
export { decide } from "./decide";
export { callingWindowRule, isInCallingWindow, nextWindowStart, WINDOW_START_HOUR, WINDOW_END_HOUR } from "./calling-window";
export { matchDnc } from "./dnc";
export { effectiveMaxAttempts, planAfterAttempt, MAX_REDIALS, REDIAL_OUTCOMES, type AfterAttempt, type RedialPolicy } from "./redial";
export { freeCapacity, THROTTLE_WINDOW_MS, type DialerLoad } from "./capacity";
export { companyLimits, PRODUCT_LIMITS, type CompanyLimits, type ConfiguredLimits } from "./limits";
export { historySince, HISTORY_LOOKBACK_DAYS } from "./history-window";
export { evaluatePatients, firstDialMoment, type PatientPolicyInputs, type PatientToEvaluate, type PatientVerdict } from "./evaluate-patients";

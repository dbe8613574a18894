export * from "./types";
export { decide } from "./decide";
export { callingWindowRule, isInCallingWindow, nextWindowStart, WINDOW_START_HOUR, WINDOW_END_HOUR } from "./calling-window";
export { matchDnc } from "./dnc";
export { effectiveMaxAttempts, planAfterAttempt, MAX_REDIALS, type AfterAttempt, type RedialPolicy } from "./redial";
export { THROTTLE_WINDOW_MS } from "./capacity";

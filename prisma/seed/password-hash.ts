import bcrypt from "bcryptjs";
import { DEMO_PASSWORD } from "./demo-password";

let cached: Promise<string> | undefined;

/** bcrypt (cost 10) of DEMO_PASSWORD, hashed once per process and shared by every seeded account. */
export function demoPasswordHash(): Promise<string> {
  cached ??= bcrypt.hash(DEMO_PASSWORD, 10);
  return cached;
}

import { describe, expect, it } from "vitest";
import { devSecretsAllowed } from "./env";

describe("devSecretsAllowed", () => {
  it("only under `next dev` or the test runner, whatever NODE_ENV says", () => {
    expect(devSecretsAllowed({ NODE_ENV: "development" })).toBe(false); // e.g. a staging `next start`
    expect(devSecretsAllowed({ NODE_ENV: "test" })).toBe(false);
    expect(devSecretsAllowed({ NODE_ENV: "production", __NEXT_DEV_SERVER: "1" })).toBe(true);
    expect(devSecretsAllowed({ VITEST: "true" })).toBe(true);
  });
});

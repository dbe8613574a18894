import { describe, expect, it } from "vitest";
import { NotifiedCache } from "./notified-cache";
import type { NotificationListener } from "./notifications";

function fakeListener() {
  const lost: (() => void)[] = [];
  const listener = { live: true, onLost: (fn: () => void) => (lost.push(fn), () => {}) };
  return { listener: listener as unknown as NotificationListener & { live: boolean }, lose: () => lost.forEach((fn) => fn()) };
}

describe("NotifiedCache", () => {
  it("serves a stored value until it is invalidated", async () => {
    const { listener } = fakeListener();
    const cache = new NotifiedCache<number>(listener, 60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get("a", load)).toBe(1);
    expect(await cache.get("a", load)).toBe(1);
    cache.invalidate((key) => key === "b");
    expect(await cache.get("a", load)).toBe(1);
    cache.invalidate((key) => key === "a");
    expect(await cache.get("a", load)).toBe(2);
  });

  it("does not store a load that a notification overtook", async () => {
    const { listener } = fakeListener();
    const cache = new NotifiedCache<string>(listener, 60_000);
    let release!: () => void;
    const slow = cache.get("a", () => new Promise<string>((resolve) => (release = () => resolve("old"))));
    cache.invalidate();
    release();
    expect(await slow).toBe("old");
    expect(await cache.get("a", async () => "new")).toBe("new");
  });

  it("trusts nothing while the connection is down, and forgets what it had when it was lost", async () => {
    const { listener, lose } = fakeListener();
    const cache = new NotifiedCache<string>(listener, 60_000);
    await cache.get("a", async () => "first");
    listener.live = false;
    expect(await cache.get("a", async () => "while down")).toBe("while down");
    listener.live = true;
    expect(await cache.get("a", async () => "unused")).toBe("first");
    lose();
    expect(await cache.get("a", async () => "after loss")).toBe("after loss");
  });

  it("expires entries after the TTL", async () => {
    const { listener } = fakeListener();
    const cache = new NotifiedCache<string>(listener, 0);
    await cache.get("a", async () => "first");
    expect(await cache.get("a", async () => "second")).toBe("second");
  });
});

import path from "node:path";
import { appUrl, carrierSimTimeScale, carrierWebhookSecret, env } from "@/server/env";
import { LocalStorage } from "@/server/adapters/storage/local-storage";
import { getTts } from "@/server/adapters/tts";
import { newSimulatorState, SimulatorCarrier, type SimulatorFaults, type SimulatorState } from "./simulator-carrier";

export { SimulatorCarrier } from "./simulator-carrier";

/** Defaults: realistic at-least-once behaviour (carrier.md). CARRIER_SIM_FAULTS="off" or "duplicate=0.1,drop=0" … */
export const DEFAULT_FAULTS: SimulatorFaults = { duplicate: 0.1, reorder: 0.2, batch: 0.2, drop: 0.03 };

export function parseFaults(spec: string | undefined): SimulatorFaults {
  if (!spec) return DEFAULT_FAULTS;
  if (spec.trim() === "off") return { duplicate: 0, reorder: 0, batch: 0, drop: 0 };
  const faults = { ...DEFAULT_FAULTS };
  for (const part of spec.split(",")) {
    const [name, value] = part.split("=").map((s) => s.trim());
    const rate = Number(value);
    if (name && name in faults && Number.isFinite(rate) && rate >= 0 && rate <= 1) faults[name as keyof SimulatorFaults] = rate;
  }
  return faults;
}

const g = globalThis as unknown as { __zwCarrierSimState?: SimulatorState };

let instance: SimulatorCarrier | undefined;

/**
 * The process's simulator. Its pending calls and deliveries live on globalThis so a dev-server hot reload keeps them;
 * its delivery timer is unref'd, so everything stops with the process.
 */
export function getSimulatorCarrier(): SimulatorCarrier {
  if (instance) return instance;
  const state = (g.__zwCarrierSimState ??= newSimulatorState());
  const base = appUrl();
  instance = new SimulatorCarrier(
    {
      webhookUrl: `${base}/api/carrier/webhook`,
      publicBaseUrl: base,
      secret: carrierWebhookSecret(),
      timeScale: carrierSimTimeScale(),
      faults: parseFaults(env.CARRIER_SIM_FAULTS),
      storage: simulatorStorage(),
      tts: env.CARRIER_SIM_RECORDINGS === "off" ? null : getTts(),
      recordingTtlSeconds: Number(env.CARRIER_SIM_RECORDING_TTL_SECONDS) || 3600,
      maxAcceptsPerSecond: 200,
    },
    state,
  );
  instance.start();
  return instance;
}

/** The simulated vendor's own object store (its "OSS"), separate from ours: recordings are copied out of it. */
export function simulatorStorage() {
  return new LocalStorage(path.resolve(process.env.DATA_DIR || ".data", "carrier-sim"));
}

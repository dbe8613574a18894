import path from "node:path";
import { appUrl, carrierSimTimeScale, carrierWebhookSecret, env } from "@/server/env";
import type { CarrierPort } from "@/server/ports/carrier";
import { HttpCarrierClient } from "./http-carrier-client";
import { LocalStorage } from "@/server/adapters/storage/local-storage";
import { getTts } from "@/server/adapters/tts";
import { newSimulatorState, SimulatorCarrier, type SimulatorState } from "./simulator-carrier";
import { parseFaults } from "./parse-faults";

export { SimulatorCarrier } from "./simulator-carrier";

export { DEFAULT_FAULTS, parseFaults } from "./parse-faults";

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

/**
 * The simulator the app talks to: the carrier service over HTTP when CARRIER_SIM_URL is set (the launchers start it,
 * scripts/carrier-sim.ts), in this process when CARRIER_SIM_IN_PROCESS=1 or no service is configured.
 */
export function getSimulatorCarrierPort(): CarrierPort {
  if (env.CARRIER_SIM_URL && env.CARRIER_SIM_IN_PROCESS !== "1") {
    return new HttpCarrierClient(env.CARRIER_SIM_URL.replace(/\/+$/, ""), carrierWebhookSecret());
  }
  return getSimulatorCarrier();
}

/** The simulated vendor's own object store (its "OSS"), separate from ours: recordings are copied out of it. */
export function simulatorStorage() {
  return new LocalStorage(path.resolve(process.env.DATA_DIR || ".data", "carrier-sim"));
}

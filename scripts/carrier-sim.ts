/**
 * The carrier simulator as its own process (docs/carrier-simulator.md#the-carrier-service), started by
 * scripts/start-app.ts, the e2e harness and the fault bench next to the app: `npx tsx scripts/carrier-sim.ts [--fresh]`.
 *   CARRIER_SIM_PORT (default 3400)         where it listens (127.0.0.1)
 *   CARRIER_SIM_WEBHOOK_URL                 the app's webhook(s), comma-separated (default $APP_URL/api/carrier/webhook)
 *   CARRIER_SIM_STATE_DIR                   its calls and outbox (default $DATA_DIR/carrier-sim/state); --fresh empties it
 *   CARRIER_WEBHOOK_SECRET, CARRIER_SIM_TIME_SCALE, CARRIER_SIM_FAULTS, CARRIER_SIM_RECORDINGS,
 *   CARRIER_SIM_RECORDING_TTL_SECONDS       as for the in-process simulator
 */
import path from "node:path";
import { LocalStorage } from "../server/adapters/storage/local-storage";
import { EspeakTts } from "../server/adapters/tts/espeak-tts";
import { parseFaults } from "../server/adapters/carrier/simulator/parse-faults";
import { startCarrierService } from "../server/adapters/carrier/simulator/service/carrier-sim-service";

const DEV_SECRET = "dev-carrier-webhook-secret-not-for-production";

async function main() {
  const env = process.env;
  const port = Number(env.CARRIER_SIM_PORT ?? 3400);
  const dataDir = env.DATA_DIR || ".data";
  const appUrl = (env.APP_URL ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
  const secret = env.CARRIER_WEBHOOK_SECRET ?? (env.NODE_ENV === "production" ? undefined : DEV_SECRET);
  if (!secret) throw new Error("CARRIER_WEBHOOK_SECRET must be set in production");
  const timeScale = Number(env.CARRIER_SIM_TIME_SCALE ?? 1);
  const service = await startCarrierService({
    port,
    webhookUrls: (env.CARRIER_SIM_WEBHOOK_URL ?? `${appUrl}/api/carrier/webhook`).split(",").map((u) => u.trim()).filter(Boolean),
    publicUrl: `http://127.0.0.1:${port}`,
    secret,
    timeScale: Number.isFinite(timeScale) && timeScale > 0 ? timeScale : 1,
    faults: parseFaults(env.CARRIER_SIM_FAULTS),
    storage: new LocalStorage(path.resolve(dataDir, "carrier-sim")),
    tts: env.CARRIER_SIM_RECORDINGS === "off" ? null : new EspeakTts(),
    recordingTtlSeconds: Number(env.CARRIER_SIM_RECORDING_TTL_SECONDS) || 3600,
    stateDir: path.resolve(env.CARRIER_SIM_STATE_DIR ?? path.join(dataDir, "carrier-sim", "state")),
    fresh: process.argv.includes("--fresh"),
  });
  const stop = () => void service.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

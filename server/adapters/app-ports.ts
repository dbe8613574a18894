import type { AppPorts } from "@/server/ports/app-ports";
import { getCarrier } from "./carrier";
import { DemoRecordingRenderer } from "./carrier/simulator/demo-recording-renderer";
import { getIntentClassifier } from "./intent";
import { getLlm } from "./llm";
import { getSms } from "./sms";
import { getStorage } from "./storage";
import { getTts } from "./tts";
import { fetchWebhookTransport } from "./webhook/fetch-transport";

/**
 * The app's adapters behind their ports, each chosen by env and made on first use, so a vendor's settings are read only
 * when something needs it (tests swap one with its setter, e.g. setStorageForTests). The composition roots hand these
 * to services; services never pick an adapter themselves.
 */
export const appPorts: AppPorts = {
  get carrier() {
    return getCarrier();
  },
  get sms() {
    return getSms();
  },
  get storage() {
    return getStorage();
  },
  get tts() {
    return getTts();
  },
  get llm() {
    return getLlm();
  },
  get intentClassifier() {
    return getIntentClassifier();
  },
  get recordingRenderer() {
    return new DemoRecordingRenderer(getTts());
  },
  get webhookTransport() {
    return fetchWebhookTransport;
  },
};

import type { CarrierPort } from "./carrier";
import type { IntentClassifier } from "./intent";
import type { LlmPort } from "./llm";
import type { RecordingRenderer } from "./recording-renderer";
import type { SmsPort } from "./sms";
import type { ObjectStorage } from "./storage";
import type { TtsPort } from "./tts";
import type { WebhookTransport } from "./webhook";

/**
 * Every outside system the app talks to, as its port. Composed once (server/adapters/app-ports.ts) and handed to services
 * by the composition roots: the tRPC context, the jobs' deps (server/jobs/job-deps.ts) and route handlers.
 */
export interface AppPorts {
  readonly carrier: CarrierPort;
  readonly sms: SmsPort;
  readonly storage: ObjectStorage;
  readonly tts: TtsPort;
  readonly llm: LlmPort;
  readonly intentClassifier: IntentClassifier;
  readonly recordingRenderer: RecordingRenderer;
  readonly webhookTransport: WebhookTransport;
}

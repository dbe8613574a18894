import { cron } from "inngest";
import { inngest } from "../client";
import { webhookDeliveryRequested } from "@/server/jobs/events";
import { jobDeps } from "@/server/jobs/job-deps";
import { deliverWebhook, retryDueWebhooks } from "@/server/services/webhooks/deliver-webhook";

/** A webhook's first attempt (or 重发), at once. A failure is left to the retry sweep below, with its backoff. */
export const webhookDeliver = inngest.createFunction(
  { id: "webhook-deliver", name: "Webhook 投递", triggers: [webhookDeliveryRequested], retries: 0 },
  async ({ event, step }) =>
    step.run("deliver", async () => {
      const deps = await jobDeps();
      return deliverWebhook(deps.db, deps.webhookTransport, event.data.deliveryId, deps.now());
    }),
);

/** Every minute: deliveries whose backoff is over are tried again (for 24 h, then marked failed). */
export const webhookRetry = inngest.createFunction(
  { id: "webhook-retry", name: "Webhook 重试", triggers: [cron("* * * * *")], concurrency: { limit: 1 }, retries: 0 },
  async ({ step }) =>
    step.run("retry-due", async () => {
      const deps = await jobDeps();
      return retryDueWebhooks(deps.db, deps.webhookTransport, deps.now());
    }),
);

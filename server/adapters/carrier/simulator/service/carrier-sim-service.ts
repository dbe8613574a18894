import { REJECTION_STATUS } from "../rejection-status";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { CarrierRejected, type CreateCallInput } from "@/server/ports/carrier";
import { checkRecordingLink, isSimCallId, recordingObjectKey } from "../recording-links";
import { SimulatorCarrier, type SimulatorOptions } from "../simulator-carrier";
import { DurableState } from "./durable-state";

export interface CarrierServiceOptions extends Pick<SimulatorOptions, "secret" | "timeScale" | "faults" | "storage" | "tts" | "recordingTtlSeconds" | "log"> {
  port: number;
  host?: string;
  /** The app's webhook endpoint(s); several = failover between app instances. */
  webhookUrls: string[];
  /** This service's own base URL (recording links point here). */
  publicUrl: string;
  /** Where the carrier keeps its calls and outbox (survives a restart of this service; `fresh` empties it first). */
  stateDir: string;
  fresh?: boolean;
}


/**
 * The carrier simulator as its own process, as a real vendor is: it holds its calls and outbox (on disk, see
 * DurableState), so a crash of an app instance loses nothing on the carrier's side; it pushes results to the app's
 * webhook and answers the app's control requests (docs/carrier-simulator.md#the-carrier-service):
 *   POST /v1/calls · POST /v1/calls/batch · POST /v1/calls/:id/cancel · GET /v1/calls/:id · GET /v1/calls?clientRef= ·
 *   POST /v1/calls/:id/recording-link · GET /api/carrier/sim/recordings/:id (signed link) · GET /health ·
 *   GET /v1/inspect/calls (every call with its events so far, createCall counts and the log of create requests: the
 *   fault bench's independent check)
 */
export async function startCarrierService(options: CarrierServiceOptions): Promise<{ server: Server; sim: SimulatorCarrier; close: () => Promise<void> }> {
  const log = options.log ?? ((m: string) => console.log(m));
  if (options.fresh) DurableState.wipe(options.stateDir);
  const loaded = DurableState.load(options.stateDir);
  const sim = new SimulatorCarrier(
    {
      webhookUrl: options.webhookUrls,
      publicBaseUrl: options.publicUrl,
      secret: options.secret,
      timeScale: options.timeScale,
      faults: options.faults,
      storage: options.storage,
      tts: options.tts,
      recordingTtlSeconds: options.recordingTtlSeconds,
      maxAcceptsPerSecond: 200,
      log,
    },
    loaded.state,
  );
  const durable = new DurableState(options.stateDir, sim.state);
  durable.markArchived(loaded.archived);
  const resumed = sim.resumeAfterRestart();
  if (loaded.state.calls.size > 0) log(`[carrier-sim] restored ${loaded.state.calls.size} calls, ${loaded.state.outbox.length} deliveries (${resumed} resumed without recording)`);
  sim.start();
  durable.start();

  /** createCall requests per clientRef since this process started: the bench's independent double-dial count. */
  const creates = new Map<string, number>();
  /**
   * Every create request as this service received it — [clientRef, epoch ms, accepted] — so the bench measures the
   * rolling minute on the carrier's clock, not from our own rows. The newest CREATE_LOG_MAX are kept.
   */
  const createLog: [clientRef: string, at: number, accepted: boolean][] = [];
  /** The simulator's side of every call, for the fault bench's check (not a vendor API). */
  const inspect = () => {
    const now = Date.now();
    return {
      calls: [...sim.state.calls.values()].map((c) => ({
        carrierCallId: c.plan.carrierCallId,
        clientRef: c.plan.clientRef,
        events: c.known.filter((k) => k.availableAt <= now).map((k) => k.wire),
      })),
      creates: Object.fromEntries(creates),
      createLog,
      outbox: sim.state.outbox.length,
    };
  };

  /** One create as the carrier receives it: logged (the bench's independent check), then accepted or refused. */
  async function create(input: CreateCallInput): Promise<CreateAnswer> {
    creates.set(input.clientRef, (creates.get(input.clientRef) ?? 0) + 1);
    const entry: (typeof createLog)[number] = [input.clientRef, Date.now(), false];
    createLog.push(entry);
    if (createLog.length > CREATE_LOG_MAX) createLog.splice(0, createLog.length - CREATE_LOG_MAX);
    try {
      const accepted = await sim.createCall(input);
      entry[2] = true;
      return { ok: true, ...accepted };
    } catch (error) {
      if (error instanceof CarrierRejected) return { ok: false, error: { reason: error.reason, message: error.message } };
      return { ok: false, error: { reason: "internal", message: (error as Error).message } };
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`[carrier-sim] ${req.method} ${req.url}: ${(error as Error).message}`);
      if (!res.headersSent) json(res, 500, { error: { reason: "internal", message: (error as Error).message } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://carrier");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    if (req.method === "GET" && url.pathname === "/health") {
      return json(res, 200, { calls: sim.state.calls.size, outbox: sim.state.outbox.length });
    }
    if (parts[0] === "api" && parts[1] === "carrier" && parts[2] === "sim" && parts[3] === "recordings" && parts[4] && req.method === "GET") {
      return serveRecording(res, parts[4], url);
    }
    if (req.method === "GET" && url.pathname === "/v1/inspect/calls") return json(res, 200, inspect());
    if (parts[0] !== "v1" || parts[1] !== "calls") return json(res, 404, { error: { reason: "notFound" } });
    const id = parts[2];
    if (req.method === "POST" && !id) {
      const input = JSON.parse(await readBody(req)) as CreateCallInput;
      const answer = await create(input);
      if (answer.ok) await durable.commit(); // accepted calls are on disk before we say so
      if (answer.ok) return json(res, 200, { carrierCallId: answer.carrierCallId, callerId: answer.callerId });
      if (answer.error.reason === "internal") throw new Error(answer.error.message);
      return json(res, REJECTION_STATUS[answer.error.reason], { error: answer.error });
    }
    // Batch create: each call decided as POST /v1/calls would, one answer per call in order, one commit to disk.
    if (req.method === "POST" && id === "batch" && !parts[3]) {
      const { calls } = JSON.parse(await readBody(req)) as { calls: CreateCallInput[] };
      if (!Array.isArray(calls) || calls.length === 0 || calls.length > BATCH_MAX) {
        return json(res, 400, { error: { reason: "badRequest", message: `calls: 1 to ${BATCH_MAX} calls` } });
      }
      const results = [];
      for (const input of calls) results.push(await create(input));
      if (results.some((r) => r.ok)) await durable.commit();
      return json(res, 200, { results });
    }
    if (req.method === "GET" && !id) {
      const found = await sim.findCallByClientRef(url.searchParams.get("clientRef") ?? "");
      return found ? json(res, 200, found) : json(res, 404, { error: { reason: "unknownCall" } });
    }
    if (req.method === "GET" && id && !parts[3]) {
      const events = await sim.getCall(id);
      return events ? json(res, 200, { events }) : json(res, 404, { error: { reason: "unknownCall" } });
    }
    if (req.method === "POST" && id && parts[3] === "cancel") {
      await sim.cancelCall(id);
      await durable.commit();
      return json(res, 200, {});
    }
    if (req.method === "POST" && id && parts[3] === "recording-link") {
      const link = await sim.refreshRecording(id);
      return link ? json(res, 200, link) : json(res, 404, { error: { reason: "noRecording" } });
    }
    return json(res, 404, { error: { reason: "notFound" } });
  }

  async function serveRecording(res: ServerResponse, carrierCallId: string, url: URL) {
    if (!isSimCallId(carrierCallId)) return text(res, 404, "Not Found");
    const check = checkRecordingLink(options.secret, carrierCallId, url.searchParams, Date.now());
    if (check !== "ok") return text(res, 403, check === "expired" ? "Request has expired" : "Signature does not match");
    const object = await options.storage.get(recordingObjectKey(carrierCallId));
    if (!object) return text(res, 404, "Not Found");
    res.writeHead(200, { "content-type": "audio/mpeg", "content-length": String(object.size), "cache-control": "private, no-store" });
    res.end(object.body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  log(`[carrier-sim] listening on ${options.publicUrl}, pushing to ${options.webhookUrls.join(", ")}`);
  return {
    server,
    sim,
    close: async () => {
      sim.stop();
      durable.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** The answer to one create, in a batch's `results` (wire format shared with HttpCarrierClient.createCalls). */
export type CreateAnswer =
  | { ok: true; carrierCallId: string; callerId: string }
  | { ok: false; error: { reason: CarrierRejected["reason"] | "internal"; message: string } };

/** Most calls in one batch create (the dialer sends PLACE_BATCH_SIZE). */
export const BATCH_MAX = 500;
const MAX_BODY = 32 * 1024 * 1024;
const CREATE_LOG_MAX = 200_000;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("request body too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function json(res: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

function text(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}

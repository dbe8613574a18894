import {
  CarrierRejected,
  type BatchCreateItem,
  type CarrierEvent,
  type CarrierPort,
  type CreateCallInput,
  type RecordingReady,
} from "@/server/ports/carrier";
import { verifySignature } from "../webhook-signature";
import { REJECTION_REASON_BY_STATUS } from "./rejection-status";
import { parseWireBody } from "./wire-format";
import type { CreateAnswer } from "./service/carrier-sim-service";

const TIMEOUT_MS = 10_000;

/**
 * The app's side of the carrier service (scripts/carrier-sim.ts): the same CarrierPort as a real vendor adapter, over
 * HTTP. A create that got no answer (timeout, reset) may have been accepted, so it throws a plain Error — placingAt stays
 * set and reconciliation asks the carrier by clientRef; a refused connection reached no one and is `unavailable`.
 */
export class HttpCarrierClient implements CarrierPort {
  constructor(
    private readonly baseUrl: string,
    private readonly secret: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async createCall(input: CreateCallInput): Promise<{ carrierCallId: string; callerId: string }> {
    const res = await this.request("POST", "/v1/calls", input, { refusedIsUnavailable: true });
    if (res.status === 200) return (await res.json()) as { carrierCallId: string; callerId: string };
    const reason = REJECTION_REASON_BY_STATUS.get(res.status);
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
    if (reason) throw new CarrierRejected(reason, body.error?.message ?? `carrier answered ${res.status}`);
    throw new Error(`carrier service answered ${res.status} to createCall`);
  }

  /**
   * `POST /v1/calls/batch`: many creates in one request, each answered on its own. A request without an answer (timeout,
   * reset) may have been accepted in part: it throws a plain Error, and every item's placingAt stays set.
   */
  async createCalls(inputs: CreateCallInput[]): Promise<BatchCreateItem[]> {
    const res = await this.request("POST", "/v1/calls/batch", { calls: inputs }, { refusedIsUnavailable: true });
    if (res.status !== 200) {
      const reason = REJECTION_REASON_BY_STATUS.get(res.status);
      const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
      if (reason) throw new CarrierRejected(reason, body.error?.message ?? `carrier answered ${res.status}`);
      throw new Error(`carrier service answered ${res.status} to createCalls`);
    }
    const { results } = (await res.json()) as { results: CreateAnswer[] };
    if (results.length !== inputs.length) throw new Error(`carrier service answered ${results.length} results for ${inputs.length} calls`);
    return results.map((r): BatchCreateItem => {
      if (r.ok) return { ok: true, carrierCallId: r.carrierCallId, callerId: r.callerId };
      if (r.error.reason === "internal") return { ok: false, unknown: new Error(`carrier service failed a create: ${r.error.message}`) };
      return { ok: false, rejected: new CarrierRejected(r.error.reason, r.error.message) };
    });
  }

  async cancelCall(carrierCallId: string): Promise<void> {
    const res = await this.request("POST", `/v1/calls/${encodeURIComponent(carrierCallId)}/cancel`, {});
    await this.expect(res, [200], "cancelCall");
  }

  async getCall(carrierCallId: string): Promise<CarrierEvent[] | null> {
    const res = await this.request("GET", `/v1/calls/${encodeURIComponent(carrierCallId)}`);
    if (res.status === 404) return null;
    await this.expect(res, [200], "getCall");
    return ((await res.json()) as { events: CarrierEvent[] }).events;
  }

  async findCallByClientRef(clientRef: string): Promise<{ carrierCallId: string; callerId: string } | null> {
    const res = await this.request("GET", `/v1/calls?clientRef=${encodeURIComponent(clientRef)}`);
    if (res.status === 404) return null;
    await this.expect(res, [200], "findCallByClientRef");
    return (await res.json()) as { carrierCallId: string; callerId: string };
  }

  /** The carrier service serves its recording links itself (scripts/carrier-sim.ts, publicUrl). */
  servesRecordingsFrom(url: URL): boolean {
    return url.origin === new URL(this.baseUrl).origin;
  }

  async refreshRecording(carrierCallId: string): Promise<RecordingReady | null> {
    const res = await this.request("POST", `/v1/calls/${encodeURIComponent(carrierCallId)}/recording-link`, {});
    if (res.status === 404) return null;
    await this.expect(res, [200], "refreshRecording");
    return (await res.json()) as RecordingReady;
  }

  parseCallback(headers: Headers, rawBody: string): CarrierEvent[] {
    verifySignature(this.secret, headers, rawBody, Date.now());
    return parseWireBody(rawBody);
  }

  private async request(method: string, path: string, body?: unknown, opts: { refusedIsUnavailable?: boolean } = {}): Promise<Response> {
    try {
      return await this.send(method, path, body);
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (opts.refusedIsUnavailable && code === "ECONNREFUSED") throw new CarrierRejected("unavailable", "carrier service unreachable");
      // A kept-alive connection the service closed (it restarted): reads are safe to send again, once.
      if (method === "GET" && code === "UND_ERR_SOCKET") return this.send(method, path, body);
      throw error;
    }
  }

  private send(method: string, path: string, body?: unknown): Promise<Response> {
    return this.fetchImpl(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  private async expect(res: Response, ok: number[], what: string) {
    if (ok.includes(res.status)) return;
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`carrier service answered ${res.status} to ${what}`);
  }
}

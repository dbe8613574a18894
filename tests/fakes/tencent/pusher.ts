import { randomUUID } from "node:crypto";

export interface PushRecord {
  url: string;
  body: string;
  status: number | null;
  attempt: number;
  uuid: string;
}

/**
 * Vendor-side deliveries: POST JSON, retried when the receiver does not confirm (TCCC: "ErrCode 0", at most 3
 * retries; SMS: "result 0"). Every delivery attempt is logged for tests. Timers are unref'd.
 */
export class Pusher {
  readonly log: PushRecord[] = [];
  private pending = new Set<Promise<void>>();

  constructor(private readonly retryDelaysMs: number[] = [500, 1000, 2000]) {}

  push(url: string, payload: unknown, opts: { headers?: Record<string, string>; delayMs?: number; uuid?: string; ok: (body: unknown) => boolean }): void {
    const body = JSON.stringify(payload);
    const uuid = opts.uuid ?? randomUUID();
    const run = async () => {
      await sleep(opts.delayMs ?? 0);
      for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
        const record: PushRecord = { url, body, status: null, attempt, uuid };
        this.log.push(record);
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json;charset=utf8", "x-tccc-push-uuid": uuid, ...opts.headers },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          record.status = res.status;
          const answer = await res.json().catch(() => null);
          if (res.ok && opts.ok(answer)) return;
        } catch {
          // receiver down: retry
        }
        if (attempt < this.retryDelaysMs.length) await sleep(this.retryDelaysMs[attempt]!);
      }
    };
    const p = run().finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves when every delivery scheduled so far has finished (tests). */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Speech synthesis and mp3 encoding take 0.1–0.5 s of CPU each; on the main thread a batch of answered calls (the
 * carrier simulator records every one) froze the web server and its webhook for seconds at a time. They run in one
 * worker thread instead, started on first use and unref'd so it never keeps a process alive. The worker is plain
 * JavaScript under the app root (Next bundles the server code, the worker is loaded by Node as is).
 */
const WORKER_FILE = path.join("server", "adapters", "tts", "speech-worker.mjs");

type Request = { op: "speak"; args: string[] } | { op: "mp3"; samples: Int16Array; sampleRate: number; kbps: number };
type Reply = { id: number; bytes?: Uint8Array; error?: string };

class SpeechWorker {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void }>();

  request(message: Request): Promise<Uint8Array> {
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, ...message });
    });
  }

  private spawn(): Worker {
    const file = path.resolve(process.cwd(), WORKER_FILE);
    if (!existsSync(file)) throw new Error(`speech worker not found at ${file}: start the app from its root directory`);
    const worker = new Worker(file);
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error !== undefined) waiting.reject(new Error(reply.error));
      else waiting.resolve(reply.bytes!);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`speech worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}

const holder = globalThis as unknown as { __zwSpeechWorker?: SpeechWorker };
const speechWorker = () => (holder.__zwSpeechWorker ??= new SpeechWorker());

/** espeak-ng with these CLI arguments; resolves to the WAV it wrote. */
export function speakToWav(args: string[]): Promise<Uint8Array> {
  return speechWorker().request({ op: "speak", args });
}

/** Mono 16-bit PCM → CBR mp3. The samples are copied, not transferred: callers keep theirs (the simulator caches clips). */
export function encodeMp3InWorker(samples: Int16Array, sampleRate: number, kbps: number): Promise<Uint8Array> {
  return speechWorker().request({ op: "mp3", samples, sampleRate, kbps });
}

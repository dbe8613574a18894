// The CPU-heavy half of speech, off the server's main thread: espeak-ng (WASM) synthesis and lamejs mp3 encoding.
// Plain JavaScript so Node can start it as a worker without the app's bundler; see speech-worker-client.ts.
import { parentPort } from "node:worker_threads";
import ESpeakNg from "espeak-ng";
import { Mp3Encoder } from "@breezystack/lamejs";

const OUT = "/tmp/speech.wav";
const FRAME = 1152;

/** Runs the espeak-ng CLI once (`-w <wav>` plus these arguments) and returns the WAV it wrote. */
async function speak(args) {
  const log = [];
  const espeak = await ESpeakNg({ arguments: ["-w", OUT, ...args], print: (s) => log.push(s), printErr: (s) => log.push(s) });
  try {
    return espeak.FS.readFile(OUT);
  } catch {
    throw new Error(`espeak-ng produced no audio: ${log.join(" ")}`);
  }
}

/** Mono 16-bit PCM → CBR mp3. */
function encodeMp3(samples, sampleRate, kbps) {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const parts = [];
  for (let i = 0; i < samples.length; i += FRAME) parts.push(encoder.encodeBuffer(samples.subarray(i, i + FRAME)));
  parts.push(encoder.flush());
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

parentPort.on("message", async (message) => {
  try {
    const bytes = message.op === "speak" ? await speak(message.args) : encodeMp3(message.samples, message.sampleRate, message.kbps);
    const copy = bytes.slice();
    parentPort.postMessage({ id: message.id, bytes: copy }, [copy.buffer]);
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});

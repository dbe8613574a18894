import { encodeMp3InWorker } from "./speech-worker-client";
import type { Pcm } from "./wav";

/** Mono PCM → MP3 (CBR), encoded in the speech worker. 48 kbps is plenty for 22 kHz speech. */
export async function encodeMp3(pcm: Pcm, kbps = 48): Promise<Uint8Array> {
  if (pcm.channels !== 1) throw new Error("only mono audio is encoded");
  return encodeMp3InWorker(pcm.samples, pcm.sampleRate, kbps);
}

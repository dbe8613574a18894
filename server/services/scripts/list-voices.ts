import type { Tx } from "@/server/db/create-client";

/** The 音色 catalogue. The sample is served by /api/outbound/voices/<key>/sample. */
export async function listVoices(db: Tx) {
  const voices = await db.voice.findMany({
    orderBy: { sortOrder: "asc" },
    select: { id: true, key: true, name: true, avatarUrl: true, gender: true, style: true, speed: true, pitch: true, volume: true },
  });
  return voices.map((v) => ({ ...v, sampleUrl: `/api/outbound/voices/${v.key}/sample` }));
}

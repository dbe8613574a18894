import { serveSimulatorRecording } from "@/server/adapters/carrier/simulator/serve-recording";

/** The carrier simulator's expiring recording links (see server/adapters/carrier/simulator/recording-links.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return serveSimulatorRecording(id, new URL(request.url));
}

/**
 * Our idempotency key at the carrier, `<callTaskId>:<attempt>`, echoed on every event: built and read only here.
 * `attempt` is the attempt being placed (1 = the first dial).
 */
export const clientRefOf = (taskId: string, attempt: number) => `${taskId}:${attempt}`;

export function parseClientRef(clientRef: string): { taskId: string; attempt: number } | null {
  const i = clientRef.lastIndexOf(":");
  if (i <= 0) return null;
  const attempt = Number(clientRef.slice(i + 1));
  if (!Number.isInteger(attempt) || attempt < 1) return null;
  return { taskId: clientRef.slice(0, i), attempt };
}

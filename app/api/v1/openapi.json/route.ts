import { openApiDocument } from "@/server/services/api/v1/openapi";

/** The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers validate with. Public. */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { "Cache-Control": "public, max-age=300" } });
}

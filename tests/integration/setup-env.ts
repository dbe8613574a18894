import { inject } from "vitest";

// Before any app module reads its configuration: point the app's one Prisma client at this run's database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.SKIP_ENV_VALIDATION = "1";
// The webhook tests' receivers listen on loopback; the SSRF guard itself is tested with its own transport.
process.env.WEBHOOK_ALLOW_PRIVATE = "1";

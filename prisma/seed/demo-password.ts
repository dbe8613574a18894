/** Password of every seeded account (platform admin and every company user). Development and tests only. */
export const DEMO_PASSWORD = "Demo@2026";

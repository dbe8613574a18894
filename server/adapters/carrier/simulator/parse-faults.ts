import type { SimulatorFaults } from "./simulator-carrier";

/** Defaults: realistic at-least-once behaviour (carrier.md). CARRIER_SIM_FAULTS="off" or "duplicate=0.1,drop=0" … */
export const DEFAULT_FAULTS: SimulatorFaults = { duplicate: 0.1, reorder: 0.2, batch: 0.2, drop: 0.03 };

export function parseFaults(spec: string | undefined): SimulatorFaults {
  if (!spec) return DEFAULT_FAULTS;
  if (spec.trim() === "off") return { duplicate: 0, reorder: 0, batch: 0, drop: 0 };
  const faults = { ...DEFAULT_FAULTS };
  for (const part of spec.split(",")) {
    const [name, value] = part.split("=").map((s) => s.trim());
    const rate = Number(value);
    if (name && name in faults && Number.isFinite(rate) && rate >= 0 && rate <= 1) faults[name as keyof SimulatorFaults] = rate;
  }
  return faults;
}

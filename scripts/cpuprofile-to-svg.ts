/**
 * A V8 .cpuprofile (`node --cpu-prof`) → a flame graph SVG, and the heaviest functions on stdout:
 * `npx tsx scripts/cpuprofile-to-svg.ts <in.cpuprofile> <out.svg> [--title=…] [--skip-ms=N] [--top=25]`.
 * No dependency: the profile's call tree is already a tree of nodes with self samples; each frame's width is its
 * samples including its callees. `--skip-ms` drops the first N ms of samples (the server's start-up) so the graph
 * shows the steady state of the load.
 */
import { readFileSync, writeFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [input, output] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const opt = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
if (!input || !output) throw new Error("usage: cpuprofile-to-svg.ts <in.cpuprofile> <out.svg> [--title=…] [--skip-ms=N] [--top=25]");
const profile = JSON.parse(readFileSync(input, "utf8")) as Profile;
const skipUs = Number(opt("skip-ms", "0")) * 1000;

// Self samples per node, after the skipped start.
const self = new Map<number, number>();
let t = 0;
profile.samples.forEach((id, i) => {
  t += profile.timeDeltas[i] ?? 0;
  if (t >= skipUs) self.set(id, (self.get(id) ?? 0) + 1);
});
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const root = profile.nodes[0]!;

/** Where a frame comes from: the package under node_modules, the app's own code, or node itself. */
function origin(url: string): string {
  if (!url) return "";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node";
  if (url.includes("/.next")) return "app (bundle)";
  return url.split("/").slice(-1)[0]!;
}
const label = (n: ProfileNode) => {
  const name = n.callFrame.functionName || "(anonymous)";
  const from = origin(n.callFrame.url);
  return from ? `${name} · ${from}` : name;
};

interface Frame {
  name: string;
  value: number;
  self: number;
  children: Frame[];
}
function build(n: ProfileNode): Frame {
  const children = (n.children ?? []).map((c) => build(byId.get(c)!)).filter((f) => f.value > 0);
  // Merge siblings with the same label (the same function reached through different call sites of one parent).
  const merged = new Map<string, Frame>();
  for (const c of children) {
    const m = merged.get(c.name);
    if (!m) merged.set(c.name, c);
    else {
      m.value += c.value;
      m.self += c.self;
      m.children.push(...c.children);
    }
  }
  const s = self.get(n.id) ?? 0;
  const kids = [...merged.values()].sort((a, b) => b.value - a.value);
  return { name: label(n), self: s, value: s + kids.reduce((a, c) => a + c.value, 0), children: kids };
}
const tree = build(root);
const total = tree.value;
const idle = (name: string) => name.startsWith("(idle)") || name.startsWith("(program)") || name.startsWith("(garbage collector)");
const busy = total - tree.children.filter((c) => idle(c.name) && !c.name.startsWith("(garbage")).reduce((a, c) => a + c.value, 0);

// ── SVG ──
const WIDTH = 1600;
const ROW = 17;
let depthMax = 0;
const rects: string[] = [];
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
function color(name: string): string {
  let h = 0;
  for (const ch of name.split(" · ")[1] ?? name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${20 + (h % 40)}, ${70 + (h % 20)}%, ${55 + (h % 15)}%)`;
}
function draw(f: Frame, x: number, depth: number, scale: number) {
  const w = f.value * scale;
  if (w < 0.3) return;
  depthMax = Math.max(depthMax, depth);
  const y = depth * ROW;
  const pct = ((f.value / total) * 100).toFixed(1);
  const text = w > 40 ? esc(f.name.slice(0, Math.floor(w / 6.5))) : "";
  rects.push(
    `<g><title>${esc(f.name)} — ${f.value} samples, ${pct} % (self ${f.self})</title><rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 1}" fill="${color(f.name)}"/>${text ? `<text x="${(x + 3).toFixed(1)}" y="${y + 12}">${text}</text>` : ""}</g>`,
  );
  let cx = x;
  for (const c of f.children) {
    draw(c, cx, depth + 1, scale);
    cx += c.value * scale;
  }
}
draw(tree, 0, 0, WIDTH / Math.max(1, total));
const title = opt("title", input);
const height = (depthMax + 1) * ROW + 40;
// Root at the top (an icicle graph): deep stacks stay readable in a document.
writeFileSync(
  output,
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="monospace" font-size="11">
<text x="4" y="${height - 22}" font-size="13">${esc(title)}</text>
<text x="4" y="${height - 6}" font-size="11">${total} samples (${busy} not idle); width = samples including callees; hover a frame for its share</text>
${rects.join("\n")}
</svg>
`,
);

// ── The heaviest functions (self) and packages (self), of the busy samples ──
const selfByName = new Map<string, number>();
const selfByOrigin = new Map<string, number>();
for (const n of profile.nodes) {
  const s = self.get(n.id) ?? 0;
  if (!s || idle(label(n))) continue;
  selfByName.set(label(n), (selfByName.get(label(n)) ?? 0) + s);
  const o = origin(n.callFrame.url) || n.callFrame.functionName || "(native)";
  selfByOrigin.set(o, (selfByOrigin.get(o) ?? 0) + s);
}
const top = Number(opt("top", "25"));
const pct = (n: number) => `${((n / busy) * 100).toFixed(1)} %`;
console.log(`${busy} busy samples of ${total}`);
console.log("\nself time by package / file:");
for (const [k, v] of [...selfByOrigin].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v).padStart(7)}  ${k}`);
console.log("\nself time by function:");
for (const [k, v] of [...selfByName].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(v).padStart(7)}  ${k}`);

// ── Inclusive time (with callees) by function, counted once per stack even when it recurses ──
const inclusive = new Map<string, number>();
function walk(f: Frame, open: Set<string>) {
  if (!open.has(f.name)) inclusive.set(f.name, (inclusive.get(f.name) ?? 0) + f.value);
  const next = new Set(open).add(f.name);
  for (const c of f.children) walk(c, next);
}
walk(tree, new Set());
console.log("\ntime including callees, by function:");
for (const [k, v] of [...inclusive].filter(([k]) => !idle(k) && k !== tree.name).sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`  ${pct(v).padStart(7)}  ${k}`);

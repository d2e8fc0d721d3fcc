/** A node placed on the plane of the relationship graph. */
export interface Placed { id: string; x: number; y: number; ring: number }

/**
 * Places nodes on rings by hop (no forces, so the same graph always draws the same way): one
 * seed sits in the centre, several seeds share the inner ring; each later ring is ordered so a
 * node sits near the neighbour that brought it in, which keeps most links short.
 */
export function radialLayout(nodes: { id: string; hop: number }[], edges: { source: string; target: string }[], size: number): Map<string, Placed> {
  const centre = size / 2;
  const byHop = new Map<number, string[]>();
  for (const n of nodes) byHop.set(n.hop, [...(byHop.get(n.hop) ?? []), n.id]);
  const hops = [...byHop.keys()].sort((a, b) => a - b);
  const seeds = byHop.get(hops[0] ?? 0) ?? [];
  const rings = hops.length + (seeds.length > 1 ? 1 : 0) - 1;
  const step = (size / 2 - 28) / Math.max(1, rings);
  const out = new Map<string, Placed>();
  const neighbours = new Map<string, string[]>();
  for (const e of edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  const angleOf = new Map<string, number>();
  hops.forEach((hop, i) => {
    const ids = byHop.get(hop)!;
    const ring = seeds.length > 1 ? i + 1 : i;
    if (ring === 0) {
      out.set(ids[0]!, { id: ids[0]!, x: centre, y: centre, ring: 0 });
      angleOf.set(ids[0]!, 0);
      return;
    }
    // Order by the mean angle of already-placed neighbours, then spread evenly round the ring.
    const wanted = (id: string) => {
      const placed = (neighbours.get(id) ?? []).map((n) => angleOf.get(n)).filter((a): a is number => a !== undefined);
      return placed.length ? placed.reduce((s, a) => s + a, 0) / placed.length : 0;
    };
    const ordered = [...ids].sort((a, b) => wanted(a) - wanted(b) || a.localeCompare(b));
    const r = ring * step;
    ordered.forEach((id, k) => {
      const angle = (2 * Math.PI * k) / ordered.length - Math.PI / 2;
      angleOf.set(id, angle + Math.PI / 2);
      out.set(id, { id, x: centre + r * Math.cos(angle), y: centre + r * Math.sin(angle), ring });
    });
  });
  return out;
}

// Points on a sunflower spiral (Vogel's model): evenly spread over a disc that grows with the count.

export const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The k-th point (from 0) of a sunflower whose points lie about `spacing` apart, about the origin. */
export function sunflower(k: number, spacing: number): { x: number; y: number } {
  const r = spacing * Math.sqrt(k + 0.5);
  return { x: r * Math.cos(k * GOLDEN_ANGLE), y: r * Math.sin(k * GOLDEN_ANGLE) };
}

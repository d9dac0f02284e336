import { shade, tint } from './colour.js';

/** What every drawing gets: the pavilion's colours, the product's own colour and an id prefix for gradients. */
export interface ArtPalette {
  readonly id: string;
  readonly primary: string;
  readonly accent: string;
  /** The goods' own colour: honey amber, cherry red, tea brown… */
  readonly fill: string;
  /** Stable per product, for small variations. */
  readonly seed: number;
}

/** Numbers in SVG attributes: two decimals at most, never NaN. */
export const n = (value: number): string => {
  if (!Number.isFinite(value)) throw new RangeError(`Not a drawable number: ${value}`);
  return String(Math.round(value * 100) / 100);
};

export function linear(id: string, stops: readonly string[], x2 = 0, y2 = 1): string {
  const offsets = stops.map((colour, i) => `<stop offset="${n(i / Math.max(1, stops.length - 1))}" stop-color="${colour}"/>`).join('');
  return `<linearGradient id="${id}" x1="0" y1="0" x2="${n(x2)}" y2="${n(y2)}">${offsets}</linearGradient>`;
}

export function radial(id: string, stops: readonly string[], cx = 0.5, cy = 0.5, r = 0.5, fx = cx, fy = cy): string {
  const offsets = stops.map((colour, i) => `<stop offset="${n(i / Math.max(1, stops.length - 1))}" stop-color="${colour}"/>`).join('');
  return `<radialGradient id="${id}" cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fx="${n(fx)}" fy="${n(fy)}">${offsets}</radialGradient>`;
}

/** A glossy sphere gradient (cherries, berries, balls): light from the upper left. */
export function sphere(id: string, colour: string): string {
  return radial(id, [tint(colour, 0.45), colour, shade(colour, 0.45)], 0.38, 0.32, 0.7, 0.3, 0.25);
}

/** A small four-petal rosette, the ornament on labels and lids. */
export function rosette(cx: number, cy: number, size: number, colour: string, centre: string): string {
  const petals = [0, 90, 180, 270]
    .map((angle) => `<path d="M0,0 C${n(size * 0.45)},${n(-size * 0.35)} ${n(size * 0.45)},${n(-size * 0.8)} 0,${n(-size)} C${n(-size * 0.45)},${n(-size * 0.8)} ${n(-size * 0.45)},${n(-size * 0.35)} 0,0 Z" transform="rotate(${angle})" fill="${colour}"/>`)
    .join('');
  return `<g transform="translate(${n(cx)} ${n(cy)})">${petals}<g transform="rotate(45)" opacity="0.55">${[0, 90, 180, 270]
    .map((angle) => `<path d="M0,0 L${n(size * 0.18)},${n(-size * 0.45)} L0,${n(-size * 0.62)} L${n(-size * 0.18)},${n(-size * 0.45)} Z" transform="rotate(${angle})" fill="${colour}"/>`)
    .join('')}</g><circle r="${n(size * 0.16)}" fill="${centre}"/></g>`;
}

/** A label card with a rosette and two lines that read as print, without any words. */
export function label(x: number, y: number, w: number, h: number, p: ArtPalette, paper = '#fffaf0'): string {
  const cx = x + w / 2;
  return `<g><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(Math.min(16, h / 5))}" fill="${paper}"/>
<rect x="${n(x + 7)}" y="${n(y + 7)}" width="${n(w - 14)}" height="${n(h - 14)}" rx="${n(Math.min(11, h / 7))}" fill="none" stroke="${p.accent}" stroke-width="3"/>
${rosette(cx, y + h * 0.38, Math.min(w, h) * 0.2, p.primary, p.accent)}
<rect x="${n(cx - w * 0.28)}" y="${n(y + h * 0.66)}" width="${n(w * 0.56)}" height="${n(Math.max(5, h * 0.07))}" rx="4" fill="${shade(p.primary, 0.1)}" opacity="0.75"/>
<rect x="${n(cx - w * 0.18)}" y="${n(y + h * 0.79)}" width="${n(w * 0.36)}" height="${n(Math.max(4, h * 0.05))}" rx="3" fill="${p.accent}" opacity="0.8"/></g>`;
}

/** A leaf pointing along `angle` degrees from its stalk at (x, y). */
export function leaf(x: number, y: number, length: number, angle: number, colour: string): string {
  const w = length * 0.38;
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><path d="M0,0 C${n(length * 0.3)},${n(-w)} ${n(length * 0.75)},${n(-w)} ${n(length)},0 C${n(length * 0.75)},${n(w)} ${n(length * 0.3)},${n(w)} 0,0 Z" fill="${colour}"/><path d="M${n(length * 0.05)},0 L${n(length * 0.85)},0" stroke="${shade(colour, 0.3)}" stroke-width="${n(Math.max(1.5, length * 0.025))}" stroke-linecap="round" opacity="0.6"/></g>`;
}

/** A bowl seen from slightly above; draw the contents between `back` and `front`. */
export function bowl(p: ArtPalette, cx: number, rimY: number, halfWidth: number, depth: number): { back: string; front: string } {
  const rimRy = halfWidth * 0.16;
  const id = `${p.id}-bowl${n(cx)}`.replace('.', '_');
  const back = `<defs>${linear(id, [tint(p.primary, 0.15), p.primary, shade(p.primary, 0.3)], 1, 0.2)}</defs>
<ellipse cx="${n(cx)}" cy="${n(rimY)}" rx="${n(halfWidth)}" ry="${n(rimRy)}" fill="${shade(p.primary, 0.45)}"/>`;
  const bottom = rimY + depth;
  const front = `<path d="M${n(cx - halfWidth)},${n(rimY)} C${n(cx - halfWidth)},${n(bottom - depth * 0.1)} ${n(cx - halfWidth * 0.45)},${n(bottom)} ${n(cx)},${n(bottom)} C${n(cx + halfWidth * 0.45)},${n(bottom)} ${n(cx + halfWidth)},${n(bottom - depth * 0.1)} ${n(cx + halfWidth)},${n(rimY)} A${n(halfWidth)},${n(rimRy)} 0 0 1 ${n(cx - halfWidth)},${n(rimY)} Z" fill="url(#${id})"/>
<path d="M${n(cx - halfWidth * 0.93)},${n(rimY + depth * 0.32)} Q${n(cx)},${n(rimY + depth * 0.32 + rimRy * 1.6)} ${n(cx + halfWidth * 0.93)},${n(rimY + depth * 0.32)}" fill="none" stroke="${p.accent}" stroke-width="${n(depth * 0.09)}" stroke-linecap="round" opacity="0.9"/>
<path d="M${n(cx - halfWidth * 0.8)},${n(rimY + depth * 0.52)} Q${n(cx)},${n(rimY + depth * 0.52 + rimRy * 1.3)} ${n(cx + halfWidth * 0.8)},${n(rimY + depth * 0.52)}" fill="none" stroke="${tint(p.accent, 0.5)}" stroke-width="${n(depth * 0.03)}" stroke-dasharray="${n(depth * 0.02)} ${n(depth * 0.07)}" stroke-linecap="round"/>
<ellipse cx="${n(cx - halfWidth * 0.55)}" cy="${n(rimY + depth * 0.45)}" rx="${n(halfWidth * 0.08)}" ry="${n(depth * 0.22)}" fill="#ffffff" opacity="0.18"/>`;
  return { back, front };
}

/**
 * A heap of small items (dried fruit, nuts, balls) rising from `baseY` to a dome of the given height.
 * Positions come from a fixed lattice nudged by the seed, so every product's heap differs but never moves.
 */
export function heap(
  cx: number,
  baseY: number,
  halfWidth: number,
  height: number,
  itemSize: number,
  draw: (x: number, y: number, i: number) => string,
  seed: number,
): string {
  const items: string[] = [];
  let i = 0;
  const rows = Math.max(1, Math.floor(height / (itemSize * 0.7)));
  for (let row = 0; row < rows; row++) {
    const y = baseY - row * itemSize * 0.7;
    const rise = (baseY - y) / height;
    const rowHalf = halfWidth * Math.sqrt(Math.max(0, 1 - rise * rise));
    const count = Math.max(1, Math.floor((rowHalf * 2) / (itemSize * 0.95)));
    for (let k = 0; k < count; k++) {
      const jitter = (((seed >>> ((i * 3) % 24)) & 7) - 3.5) * itemSize * 0.05;
      const x = cx - rowHalf + ((k + 0.5) * rowHalf * 2) / count + jitter + (row % 2) * itemSize * 0.2;
      items.push(draw(x, y + jitter * 0.5, i++));
    }
  }
  // Rows nearer the viewer (lower on the page) are drawn last, so they overlap the ones behind.
  return items.reverse().join('');
}

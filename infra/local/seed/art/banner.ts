import type { Pavilion } from '../../../../functions/domain/pavilion.js';
import { mix, shade, tint } from './colour.js';
import { linear, n } from './shapes.js';

type Landscape = 'mountains' | 'steppe' | 'skyline' | 'pyramids' | 'forest' | 'tea-hills';
type Ornament = 'horns' | 'stitch' | 'meander' | 'lotus' | 'stars' | 'paisley';

/** What each region's banner shows: its skyline and the ornament its crafts are known for. */
const REGION: Record<string, { landscape: Landscape; ornament: Ornament }> = {
  KG: { landscape: 'mountains', ornament: 'horns' },
  KZ: { landscape: 'mountains', ornament: 'horns' },
  TJ: { landscape: 'mountains', ornament: 'horns' },
  AF: { landscape: 'mountains', ornament: 'stars' },
  PK: { landscape: 'mountains', ornament: 'stars' },
  MN: { landscape: 'steppe', ornament: 'meander' },
  UZ: { landscape: 'skyline', ornament: 'horns' },
  IR: { landscape: 'skyline', ornament: 'stars' },
  TR: { landscape: 'skyline', ornament: 'stars' },
  EG: { landscape: 'pyramids', ornament: 'lotus' },
  RU: { landscape: 'forest', ornament: 'stitch' },
  BY: { landscape: 'forest', ornament: 'stitch' },
  IN: { landscape: 'tea-hills', ornament: 'paisley' },
};

/** Nature keeps its own colours, nudged toward the flag: a red forest or a green sun would look wrong. */
const SUN = '#f7c64a';
const FOLIAGE = '#3f7d4e';
const TILE = '#2f9fb4';

const W = 1600;
const H = 500;
const BAND = 404;

function ridge(points: ReadonlyArray<readonly [number, number]>, colour: string, opacity = 1): string {
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join(' ');
  return `<path d="${d} L${W},${BAND} L0,${BAND} Z" fill="${colour}" opacity="${opacity}"/>`;
}

function landscape(kind: Landscape, primary: string, accent: string): string {
  const far = tint(primary, 0.62);
  const mid = tint(primary, 0.35);
  const near = primary;
  switch (kind) {
    case 'mountains': {
      const peaks: Array<[number, number, number]> = [
        [600, 120, 260],
        [900, 80, 300],
        [1230, 130, 260],
        [1480, 170, 200],
      ];
      const snow = peaks.map(([x, y, w]) => `<path d="M${x},${y} L${x - w * 0.22},${y + 70} L${x - w * 0.08},${y + 56} L${x},${y + 78} L${x + w * 0.1},${y + 54} L${x + w * 0.22},${y + 70} Z" fill="#ffffff" opacity="0.92"/>`).join('');
      const range = peaks.map(([x, y, w]) => `<path d="M${x - w},${BAND} L${x},${y} L${x + w},${BAND} Z" fill="${far}"/>`).join('');
      return `${range}${snow}${ridge([[0, 330], [300, 290], [640, 320], [980, 280], [1300, 310], [1600, 290]], mid)}${ridge([[0, 370], [420, 350], [800, 372], [1200, 348], [1600, 366]], near)}`;
    }
    case 'steppe': {
      const ger = (x: number, s: number) => `<g transform="translate(${x} ${BAND - 40}) scale(${s})"><path d="M-64,0 L-64,-42 Q0,-92 64,-42 L64,0 Z" fill="#ffffff"/><path d="M-64,-42 Q0,-92 64,-42 Q0,-56 -64,-42 Z" fill="#f1ece2"/><rect x="-8" y="-80" width="16" height="8" rx="3" fill="${accent}"/><rect x="-12" y="-30" width="24" height="30" fill="${accent}"/><path d="M-60,-22 H60" stroke="${primary}" stroke-width="5"/></g>`;
      return `${ridge([[0, 300], [400, 250], [800, 290], [1200, 240], [1600, 280]], far)}${ridge([[0, 350], [500, 320], [1000, 345], [1600, 318]], mid)}${ger(960, 1.3)}${ger(1130, 1)}${ger(1270, 1.15)}${ridge([[0, 385], [600, 372], [1600, 382]], near)}`;
    }
    case 'skyline': {
      const dome = (x: number, w: number, h: number, colour: string) => `<rect x="${x - w / 2}" y="${BAND - h}" width="${w}" height="${h}" fill="${colour}"/><path d="M${x - w * 0.42},${BAND - h} Q${x - w * 0.45},${BAND - h - w * 0.7} ${x},${BAND - h - w * 0.85} Q${x + w * 0.45},${BAND - h - w * 0.7} ${x + w * 0.42},${BAND - h} Z" fill="${colour}"/><rect x="${x - 3}" y="${BAND - h - w * 0.85 - 26}" width="6" height="28" fill="${colour}"/>`;
      const minaret = (x: number, h: number, colour: string) => `<rect x="${x - 14}" y="${BAND - h}" width="28" height="${h}" fill="${colour}"/><rect x="${x - 20}" y="${BAND - h * 0.72}" width="40" height="12" fill="${colour}"/><path d="M${x - 14},${BAND - h} L${x},${BAND - h - 40} L${x + 14},${BAND - h} Z" fill="${colour}"/>`;
      const arches = (x: number, w: number, h: number, colour: string) => `<rect x="${x}" y="${BAND - h}" width="${w}" height="${h}" fill="${colour}"/>${Array.from({ length: Math.floor(w / 60) }, (_, i) => `<path d="M${x + 15 + i * 60},${BAND - 10} L${x + 15 + i * 60},${BAND - h + 40} Q${x + 30 + i * 60},${BAND - h + 14} ${x + 45 + i * 60},${BAND - h + 40} L${x + 45 + i * 60},${BAND - 10} Z" fill="${shade(colour, 0.2)}" opacity="0.5"/>`).join('')}`;
      return `${ridge([[0, 330], [800, 310], [1600, 330]], far, 0.7)}${minaret(720, 230, mid)}${dome(900, 170, 120, mid)}${arches(980, 300, 150, mid)}${dome(1380, 140, 110, mid)}${minaret(1540, 250, mid)}${minaret(1250, 200, tint(primary, 0.15))}${dome(1130, 130, 60, TILE)}${ridge([[0, 388], [1600, 380]], near)}`;
    }
    case 'pyramids': {
      const pyramid = (x: number, w: number, h: number) => `<path d="M${x - w / 2},${BAND} L${x},${BAND - h} L${x + w / 2},${BAND} Z" fill="${tint(accent, 0.35)}"/><path d="M${x},${BAND - h} L${x + w / 2},${BAND} L${x + w * 0.1},${BAND} Z" fill="${shade(accent, 0.15)}" opacity="0.6"/>`;
      const palm = (x: number, h: number) => `<path d="M${x},${BAND} Q${x + 10},${BAND - h / 2} ${x - 6},${BAND - h}" stroke="#8a6a44" stroke-width="10" fill="none"/>${[-60, -20, 20, 60, 110, 150].map((a) => `<path d="M${x - 6},${BAND - h} q${n(Math.cos((a * Math.PI) / 180) * 50)},${n(-20 + Math.sin((a * Math.PI) / 180) * 20)} ${n(Math.cos((a * Math.PI) / 180) * 90)},${n(30 + Math.sin((a * Math.PI) / 180) * 30)}" stroke="${FOLIAGE}" stroke-width="14" fill="none" stroke-linecap="round"/>`).join('')}`;
      return `${pyramid(950, 420, 240)}${pyramid(1260, 340, 190)}${pyramid(1460, 220, 120)}${ridge([[0, 370], [1600, 362]], tint(accent, 0.55))}<rect y="384" width="${W}" height="20" fill="${tint(primary, 0.5)}" opacity="0.5"/>${palm(760, 200)}${palm(820, 160)}`;
    }
    case 'forest': {
      const pine = (x: number, h: number, colour: string) => `<path d="M${x},${BAND - h} L${x - h * 0.22},${BAND - h * 0.55} L${x - h * 0.12},${BAND - h * 0.55} L${x - h * 0.3},${BAND - h * 0.15} L${x + h * 0.3},${BAND - h * 0.15} L${x + h * 0.12},${BAND - h * 0.55} L${x + h * 0.22},${BAND - h * 0.55} Z" fill="${colour}"/>`;
      const birch = (x: number, h: number) => `<rect x="${x - 7}" y="${BAND - h}" width="14" height="${h}" fill="#f7f5ef"/>${[0.2, 0.45, 0.7].map((f) => `<rect x="${x - 7}" y="${BAND - h * f}" width="10" height="5" fill="#3a3a3a"/>`).join('')}<ellipse cx="${x}" cy="${BAND - h}" rx="${h * 0.22}" ry="${h * 0.3}" fill="${tint(FOLIAGE, 0.35)}" opacity="0.9"/>`;
      const green = mix(FOLIAGE, primary, 0.15);
      const trees = Array.from({ length: 16 }, (_, i) => pine(560 + i * 66, 140 + ((i * 53) % 90), i % 2 ? tint(green, 0.45) : tint(green, 0.2))).join('');
      return `${trees}${birch(760, 210)}${birch(1060, 180)}${birch(1390, 230)}${ridge([[0, 380], [1600, 372]], near)}`;
    }
    case 'tea-hills': {
      const rows = Array.from({ length: 6 }, (_, i) => `<path d="M${560 + i * 20},${300 + i * 16} Q1050,${240 + i * 20} 1600,${290 + i * 14}" stroke="${shade(accent, 0.1)}" stroke-width="12" fill="none" stroke-linecap="round" opacity="0.4"/>`).join('');
      return `${ridge([[0, 330], [600, 270], [1100, 220], [1600, 260]], mid)}${rows}${ridge([[0, 380], [800, 350], [1600, 372]], near)}`;
    }
  }
}

function ornament(kind: Ornament, id: string, primary: string, accent: string): string {
  const bg = shade(primary, 0.25);
  const motif = {
    horns: `<path d="M40,60 C40,36 16,24 8,36 C2,46 14,54 20,46 M40,60 C40,36 64,24 72,36 C78,46 66,54 60,46" fill="none" stroke="${accent}" stroke-width="6" stroke-linecap="round"/><path d="M40,20 L48,32 L40,44 L32,32 Z" fill="${tint(accent, 0.4)}"/>`,
    stitch: [[40, 16], [32, 24], [48, 24], [24, 32], [56, 32], [32, 40], [48, 40], [40, 48], [40, 32]]
      .map(([x, y]) => `<rect x="${x! - 4}" y="${y! - 4 + 8}" width="8" height="8" fill="${accent}"/>`)
      .join('') + `<rect x="4" y="36" width="8" height="8" fill="#ffffff" opacity="0.8"/><rect x="68" y="36" width="8" height="8" fill="#ffffff" opacity="0.8"/>`,
    meander: `<path d="M0,64 L0,16 L64,16 L64,52 L24,52 L24,30 L44,30" fill="none" stroke="${accent}" stroke-width="7"/>`,
    lotus: `<path d="M40,64 C20,50 20,26 40,12 C60,26 60,50 40,64 Z" fill="${accent}"/><path d="M40,64 C20,60 6,44 6,30 C20,34 32,48 40,64 Z M40,64 C60,60 74,44 74,30 C60,34 48,48 40,64 Z" fill="${tint(accent, 0.35)}"/>`,
    stars: `<path d="M40,12 L47,29 L64,22 L57,40 L64,58 L47,51 L40,68 L33,51 L16,58 L23,40 L16,22 L33,29 Z" fill="${accent}"/><circle cx="40" cy="40" r="8" fill="${bg}"/>`,
    paisley: `<path d="M46,62 C20,62 14,36 30,24 C40,16 56,18 56,30 C56,40 44,42 42,34 C40,28 50,14 62,12 C56,24 72,40 64,52 C60,58 54,62 46,62 Z" fill="${accent}"/><circle cx="44" cy="44" r="5" fill="${bg}"/>`,
  }[kind];
  return `<defs><pattern id="${id}-ornament" width="80" height="80" patternUnits="userSpaceOnUse"><rect width="80" height="80" fill="${bg}"/>${motif}</pattern></defs>
<rect y="${BAND}" width="${W}" height="${H - BAND}" fill="url(#${id}-ornament)"/>
<rect y="${BAND}" width="${W}" height="8" fill="${accent}"/>
<rect y="${H - 8}" width="${W}" height="8" fill="${accent}"/>`;
}

/** The pavilion's banner body (1600 x 500): sky, sun, the region's skyline and an ornament band. */
export function pavilionBanner(pavilion: Pavilion): string {
  const { primary, accent } = pavilion.colors;
  const id = `pav-${pavilion.code.toLowerCase()}`;
  const region = REGION[pavilion.code] ?? { landscape: 'mountains', ornament: 'stars' };
  return `<defs>${linear(`${id}-sky`, [tint(primary, 0.93), tint(accent, 0.8)], 0, 1)}</defs>
<rect width="${W}" height="${H}" fill="url(#${id}-sky)"/>
<circle cx="1180" cy="150" r="150" fill="${SUN}" opacity="0.25"/>
<circle cx="1180" cy="150" r="86" fill="${tint(SUN, 0.2)}"/>
${landscape(region.landscape, primary, accent)}
${ornament(region.ornament, id, primary, accent)}`;
}

import { shade, tint } from './colour.js';
import { bowl, heap, label, leaf, linear, n, radial, sphere, type ArtPalette } from './shapes.js';

const STEM = '#6b4a2b';
const LEAF = '#5f9a3c';

export function cherries(p: ArtPalette): string {
  const id = p.id;
  return `<defs>${sphere(`${id}-cherry`, p.fill)}</defs>
${leaf(418, 196, 170, -18, LEAF)}${leaf(420, 200, 120, -150, tint(LEAF, 0.15))}
<path d="M318,470 Q340,300 420,198" fill="none" stroke="${STEM}" stroke-width="10" stroke-linecap="round"/>
<path d="M492,492 Q470,320 420,198" fill="none" stroke="${STEM}" stroke-width="10" stroke-linecap="round"/>
<path d="M614,560 Q600,450 640,380" fill="none" stroke="${STEM}" stroke-width="8" stroke-linecap="round"/>
<circle cx="318" cy="520" r="100" fill="url(#${id}-cherry)"/>
<circle cx="494" cy="540" r="104" fill="url(#${id}-cherry)"/>
<circle cx="626" cy="596" r="62" fill="url(#${id}-cherry)"/>
<ellipse cx="286" cy="478" rx="24" ry="14" transform="rotate(-30 286 478)" fill="#ffffff" opacity="0.55"/>
<ellipse cx="462" cy="498" rx="24" ry="14" transform="rotate(-30 462 498)" fill="#ffffff" opacity="0.55"/>
<ellipse cx="608" cy="574" rx="14" ry="8" transform="rotate(-30 608 574)" fill="#ffffff" opacity="0.55"/>
<path d="M312,428 q6,-8 12,0 M488,444 q6,-8 12,0" stroke="${shade(p.fill, 0.5)}" stroke-width="5" fill="none" stroke-linecap="round"/>`;
}

/** Round fruit with a stem and a leaf: apples, and with another outline lemons and mangoes. */
export function wholeFruit(p: ArtPalette, shape: 'apple' | 'lemon' | 'mango'): string {
  const id = p.id;
  const outline = {
    apple: 'M0,-92 C-60,-140 -150,-100 -148,8 C-146,110 -70,160 0,140 C70,160 146,110 148,8 C150,-100 60,-140 0,-92 Z',
    lemon: 'M-170,0 C-150,-30 -120,-110 0,-112 C120,-110 150,-30 170,0 C150,30 120,110 0,112 C-120,110 -150,30 -170,0 Z',
    mango: 'M-170,10 C-175,-80 -90,-125 10,-118 C120,-110 185,-40 165,40 C150,105 60,132 -30,118 C-110,106 -166,70 -170,10 Z',
  }[shape];
  const streaks =
    shape === 'apple'
      ? Array.from({ length: 6 }, (_, i) => `<path d="M${-90 + i * 34},-70 Q${-80 + i * 34},20 ${-70 + i * 30},110" stroke="${shade(p.fill, 0.25)}" stroke-width="7" fill="none" opacity="0.3" stroke-linecap="round"/>`).join('')
      : '';
  const one = (x: number, y: number, scale: number, rot: number, suffix: string) => `<g transform="translate(${x} ${y}) rotate(${rot}) scale(${scale})">
<path d="${outline}" fill="url(#${id}-fruit)"/>${streaks}
<ellipse cx="-70" cy="-40" rx="34" ry="18" transform="rotate(-35 -70 -40)" fill="#ffffff" opacity="0.35"/>
${shape === 'lemon' ? '' : `<path d="M0,-92 Q6,-130 22,-150" stroke="${STEM}" stroke-width="10" fill="none" stroke-linecap="round"/>${leaf(16, -140, 90, -30, LEAF)}`}
${suffix}</g>`;
  // Mangoes blush from green at the stem to red; other fruit is lit from the upper left.
  const gradient =
    shape === 'mango'
      ? linear(`${id}-fruit`, ['#9dbb3c', '#f2c037', p.fill, '#e0513a'], 1, 0.6)
      : radial(`${id}-fruit`, [tint(p.fill, 0.45), p.fill, shade(p.fill, 0.35)], 0.35, 0.3, 0.75, 0.3, 0.25);
  return `<defs>${gradient}</defs>
${one(520, 470, 0.85, 12, '')}${one(340, 500, 1.05, -8, '')}`;
}

/** Dried fruit, nuts or dried curds heaped in a bowl. */
export function driedHeap(p: ArtPalette, piece: 'oval' | 'round' | 'long' | 'ball'): string {
  const id = p.id;
  const { back, front } = bowl(p, 400, 470, 230, 170);
  const size = piece === 'ball' ? 56 : piece === 'long' ? 64 : 52;
  const draw = (x: number, y: number, i: number) => {
    const colour = [p.fill, tint(p.fill, 0.15), shade(p.fill, 0.15)][i % 3]!;
    const angle = (i * 47 + p.seed) % 180;
    if (piece === 'ball') return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(size * 0.5)}" fill="url(#${id}-piece)"/>`;
    const rx = piece === 'long' ? size * 0.55 : piece === 'round' ? size * 0.45 : size * 0.5;
    const ry = piece === 'long' ? size * 0.28 : piece === 'round' ? size * 0.4 : size * 0.36;
    return `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(rx)}" ry="${n(ry)}" transform="rotate(${angle} ${n(x)} ${n(y)})" fill="${colour}" stroke="${shade(p.fill, 0.35)}" stroke-width="3"/>
<ellipse cx="${n(x - rx * 0.25)}" cy="${n(y - ry * 0.3)}" rx="${n(rx * 0.35)}" ry="${n(ry * 0.25)}" transform="rotate(${angle} ${n(x)} ${n(y)})" fill="#ffffff" opacity="0.28"/>`;
  };
  const scattered = [
    [640, 640],
    [170, 632],
    [690, 610],
  ]
    .map(([x, y], i) => draw(x!, y!, i + 1))
    .join('');
  return `<defs>${sphere(`${id}-piece`, p.fill)}</defs>${back}${heap(400, 480, 205, 170, size, draw, p.seed)}${front}${scattered}`;
}

export function milkAndCheese(p: ArtPalette): string {
  const id = p.id;
  const holes = [
    [505, 560, 16],
    [560, 600, 11],
    [610, 566, 14],
    [540, 520, 9],
  ];
  return `<defs>${linear(`${id}-milk`, ['#ffffff', '#f4efe6'], 1, 0)}${linear(`${id}-cheese`, [tint(p.fill, 0.3), p.fill], 0, 1)}</defs>
<path d="M290,170 L370,170 L370,250 Q440,290 440,360 L440,616 Q440,648 408,648 L252,648 Q220,648 220,616 L220,360 Q220,290 290,250 Z" fill="url(#${id}-milk)" stroke="#e6ddd0" stroke-width="4"/>
<rect x="282" y="140" width="96" height="46" rx="12" fill="${p.primary}"/>
<rect x="282" y="176" width="96" height="10" fill="${shade(p.primary, 0.3)}"/>
<rect x="238" y="360" width="18" height="240" rx="9" fill="#ffffff"/>
${label(240, 410, 180, 150, p)}
<path d="M440,640 L680,640 L680,520 Z" fill="${shade(p.fill, 0.2)}"/>
<path d="M440,640 L680,520 L640,470 L420,600 Z" fill="${tint(p.fill, 0.35)}"/>
<path d="M440,640 L680,640 L680,520 Z" fill="url(#${id}-cheese)"/>
${holes.map(([x, y, r]) => `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${n(r! * 0.8)}" fill="${shade(p.fill, 0.2)}"/>`).join('')}`;
}

/** A tin (milk powder, condensed milk, camel milk) with a glass of milk. */
export function dairyTin(p: ArtPalette): string {
  const id = p.id;
  return `<defs>${linear(`${id}-tin`, [shade(p.primary, 0.2), tint(p.primary, 0.15), shade(p.primary, 0.3)], 1, 0)}${linear(`${id}-metal`, ['#d7d9dc', '#f7f7f7', '#b9bcc0'], 1, 0)}</defs>
<rect x="210" y="300" width="280" height="340" fill="url(#${id}-tin)"/>
<ellipse cx="350" cy="640" rx="140" ry="26" fill="${shade(p.primary, 0.35)}"/>
<rect x="210" y="300" width="280" height="30" fill="url(#${id}-metal)"/>
<ellipse cx="350" cy="300" rx="140" ry="26" fill="url(#${id}-metal)" stroke="#a9adb2" stroke-width="3"/>
<ellipse cx="350" cy="300" rx="116" ry="19" fill="none" stroke="#c4c7cb" stroke-width="4"/>
<rect x="210" y="380" width="280" height="16" fill="${p.accent}"/>
${label(250, 420, 200, 170, p)}
<path d="M520,430 L640,430 L628,640 Q627,650 617,650 L543,650 Q533,650 532,640 Z" fill="#ffffff" opacity="0.6"/>
<path d="M526,470 L634,470 L626,636 Q625,644 617,644 L543,644 Q535,644 534,636 Z" fill="#fffdf8" stroke="#efe7da" stroke-width="3"/>
<ellipse cx="580" cy="470" rx="54" ry="9" fill="#ffffff" stroke="#efe7da" stroke-width="3"/>`;
}

export function butterBlock(p: ArtPalette): string {
  return `<path d="M170,560 L420,640 L660,560 L420,500 Z" fill="#fdfaf3" stroke="#e8dfcf" stroke-width="4"/>
<path d="M230,470 L410,520 L410,610 L230,560 Z" fill="${shade(p.fill, 0.08)}"/>
<path d="M410,520 L600,470 L600,560 L410,610 Z" fill="${tint(p.fill, 0.1)}"/>
<path d="M230,470 L420,420 L600,470 L410,520 Z" fill="${tint(p.fill, 0.35)}"/>
<path d="M290,460 Q330,440 380,452" stroke="${shade(p.fill, 0.1)}" stroke-width="6" fill="none" stroke-linecap="round"/>
<path d="M410,520 L600,470 L600,530 L410,580 Z" fill="${p.primary}" opacity="0.9"/>
<path d="M410,546 L600,496" stroke="${p.accent}" stroke-width="8"/>
<g transform="rotate(-14 560 400)"><rect x="430" y="380" width="230" height="22" rx="11" fill="#c9ccd1"/><rect x="430" y="380" width="110" height="22" rx="11" fill="#8b5e3c"/></g>`;
}

export function sausageBoard(p: ArtPalette, strips: boolean): string {
  const id = p.id;
  const meat = strips
    ? Array.from({ length: 5 }, (_, i) => `<rect x="${n(230 + i * 70)}" y="${n(330 + (i % 2) * 20)}" width="50" height="230" rx="20" transform="rotate(${-12 + i * 6} ${n(255 + i * 70)} 450)" fill="${[p.fill, shade(p.fill, 0.15), tint(p.fill, 0.1)][i % 3]}" stroke="${shade(p.fill, 0.4)}" stroke-width="3"/>`).join('')
    : `<path d="M200,480 C260,360 460,330 600,420" fill="none" stroke="url(#${id}-sausage)" stroke-width="92" stroke-linecap="round"/>
<path d="M214,456 C270,360 450,336 584,404" fill="none" stroke="#ffffff" stroke-width="10" opacity="0.25" stroke-linecap="round"/>
<path d="M186,500 q-18,20 -8,44" stroke="#d8c8a0" stroke-width="6" fill="none" stroke-linecap="round"/>
${[
  [470, 560, 52],
  [560, 580, 48],
  [640, 560, 44],
]
  .map(
    ([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="${shade(p.fill, 0.3)}"/><circle cx="${x}" cy="${y}" r="${r! - 7}" fill="${tint(p.fill, 0.25)}"/>
${Array.from({ length: 7 }, (_, i) => `<circle cx="${n(x! + Math.cos(i * 2.1) * r! * 0.5)}" cy="${n(y! + Math.sin(i * 2.1) * r! * 0.5)}" r="${n(4 + (i % 3) * 2)}" fill="#fbf1e4"/>`).join('')}`,
  )
  .join('')}`;
  return `<defs>${linear(`${id}-sausage`, [tint(p.fill, 0.15), p.fill, shade(p.fill, 0.35)], 0, 1)}${linear(`${id}-board`, ['#d9a86c', '#b98250'], 0, 1)}</defs>
<rect x="130" y="470" width="560" height="160" rx="36" fill="url(#${id}-board)"/>
<rect x="130" y="606" width="560" height="26" rx="13" fill="#9b6b3e"/>
<circle cx="660" cy="520" r="14" fill="#9b6b3e"/>
${Array.from({ length: 4 }, (_, i) => `<path d="M170,${500 + i * 28} Q400,${490 + i * 30} 620,${504 + i * 26}" stroke="#c99560" stroke-width="4" fill="none" opacity="0.7"/>`).join('')}
${meat}
${leaf(230, 560, 80, 200, LEAF)}${leaf(240, 566, 60, 150, tint(LEAF, 0.2))}`;
}

export function grainSack(p: ArtPalette, flour: boolean): string {
  const id = p.id;
  const grains = flour
    ? `<path d="M420,646 Q470,560 560,560 Q650,560 700,646 Z" fill="#fbf8f1"/><path d="M470,600 q40,-30 80,-26" stroke="#ebe3d4" stroke-width="6" fill="none"/>`
    : heap(560, 640, 130, 80, 22, (x, y, i) => `<ellipse cx="${n(x)}" cy="${n(y)}" rx="11" ry="7" transform="rotate(${(i * 53) % 180} ${n(x)} ${n(y)})" fill="${[p.fill, shade(p.fill, 0.12), tint(p.fill, 0.12)][i % 3]}" stroke="${shade(p.fill, 0.3)}" stroke-width="1.5"/>`, p.seed);
  const ear = (x: number, rot: number) =>
    `<g transform="rotate(${rot} ${x} 640)"><path d="M${x},640 L${x},330" stroke="#c9a44f" stroke-width="6"/>${Array.from({ length: 7 }, (_, i) => `<ellipse cx="${x - 14}" cy="${350 + i * 28}" rx="10" ry="20" transform="rotate(-28 ${x - 14} ${350 + i * 28})" fill="#e0b95a"/><ellipse cx="${x + 14}" cy="${350 + i * 28}" rx="10" ry="20" transform="rotate(28 ${x + 14} ${350 + i * 28})" fill="#d4a94a"/>`).join('')}</g>`;
  return `<defs>${linear(`${id}-sack`, ['#e9d6b0', '#d2b482', '#b8945e'], 1, 0.3)}<pattern id="${id}-weave" width="12" height="12" patternUnits="userSpaceOnUse"><path d="M0,6 H12 M6,0 V12" stroke="#a88654" stroke-width="1.2" opacity="0.35"/></pattern></defs>
${ear(150, -12)}${ear(190, 4)}
<path d="M250,300 Q230,250 280,230 Q400,260 520,230 Q570,250 550,300 Q610,420 590,600 Q580,650 520,650 L280,650 Q220,650 210,600 Q190,420 250,300 Z" fill="url(#${id}-sack)"/>
<path d="M250,300 Q230,250 280,230 Q400,260 520,230 Q570,250 550,300 Q610,420 590,600 Q580,650 520,650 L280,650 Q220,650 210,600 Q190,420 250,300 Z" fill="url(#${id}-weave)"/>
<path d="M262,306 Q400,330 540,306" stroke="${p.primary}" stroke-width="14" fill="none" stroke-linecap="round"/>
<ellipse cx="400" cy="250" rx="120" ry="22" fill="${flour ? '#fbf8f1' : p.fill}" stroke="#b8945e" stroke-width="4"/>
${label(290, 400, 220, 170, p, '#f8f0de')}
${grains}`;
}

import { mix, shade, tint } from './colour.js';
import { label, leaf, linear, n, radial, sphere, type ArtPalette } from './shapes.js';

function hexagon(cx: number, cy: number, r: number): string {
  const points = Array.from({ length: 6 }, (_, i) => {
    const a = (Math.PI / 3) * i + Math.PI / 6;
    return `${n(cx + r * Math.cos(a))},${n(cy + r * Math.sin(a))}`;
  });
  return `<polygon points="${points.join(' ')}"/>`;
}

/** Honeycomb cells behind the jar, a few of them full and glinting. */
function honeycomb(p: ArtPalette, cx: number, cy: number, r: number): string {
  const w = Math.sqrt(3) * r;
  const cells: string[] = [];
  const full: string[] = [];
  for (let row = -2; row <= 2; row++) {
    for (let col = -2; col <= 2; col++) {
      if (Math.abs(row) + Math.abs(col) > 3) continue;
      const x = cx + col * w + (row % 2 !== 0 ? w / 2 : 0);
      const y = cy + row * r * 1.5;
      cells.push(hexagon(x, y, r * 0.9));
      if ((row + col + p.seed) % 3 === 0) full.push(hexagon(x, y, r * 0.72));
    }
  }
  return `<g fill="${tint(p.fill, 0.72)}" stroke="${tint(p.fill, 0.35)}" stroke-width="6" stroke-linejoin="round">${cells.join('')}</g>
<g fill="${tint(p.fill, 0.25)}" opacity="0.9">${full.join('')}</g>`;
}

export function honeyJar(p: ArtPalette): string {
  const id = p.id;
  return `<defs>${linear(`${id}-honey`, [tint(p.fill, 0.3), p.fill, mix(p.fill, '#b5650f', 0.35)])}${linear(`${id}-lid`, [tint(p.primary, 0.25), p.primary, shade(p.primary, 0.25)], 0, 1)}</defs>
${honeycomb(p, 560, 250, 42)}
<rect x="250" y="292" width="300" height="352" rx="72" fill="#ffffff" opacity="0.55"/>
<rect x="264" y="322" width="272" height="310" rx="62" fill="url(#${id}-honey)"/>
<path d="M264,384 Q330,366 400,380 T536,376" fill="none" stroke="${tint(p.fill, 0.5)}" stroke-width="6" opacity="0.6"/>
<rect x="286" y="350" width="24" height="250" rx="12" fill="#ffffff" opacity="0.35"/>
<rect x="282" y="268" width="236" height="40" rx="12" fill="${tint(p.fill, 0.55)}" opacity="0.85"/>
<rect x="262" y="214" width="276" height="66" rx="18" fill="url(#${id}-lid)"/>
${Array.from({ length: 12 }, (_, i) => `<rect x="${n(280 + i * 21)}" y="224" width="6" height="46" rx="3" fill="${shade(p.primary, 0.3)}" opacity="0.35"/>`).join('')}
<rect x="274" y="220" width="252" height="12" rx="6" fill="#ffffff" opacity="0.25"/>
${label(300, 430, 200, 140, p)}
<g transform="rotate(24 640 520)">
<rect x="632" y="300" width="16" height="230" rx="8" fill="#b98452"/>
<ellipse cx="640" cy="560" rx="40" ry="58" fill="#d9a066"/>
${[0, 1, 2, 3].map((i) => `<rect x="596" y="${n(522 + i * 22)}" width="88" height="10" rx="5" fill="#a86e3c"/>`).join('')}
<path d="M640,612 C654,636 658,650 640,662 C622,650 626,636 640,612 Z" fill="${p.fill}"/>
</g>`;
}

/** A jam jar with a cloth cap tied with string, fruit of the same colour beside it. */
export function jamJar(p: ArtPalette): string {
  const id = p.id;
  const gingham = `<pattern id="${id}-cloth" width="28" height="28" patternUnits="userSpaceOnUse"><rect width="28" height="28" fill="${tint(p.accent, 0.55)}"/><rect width="14" height="28" fill="${p.accent}" opacity="0.55"/><rect width="28" height="14" fill="${p.accent}" opacity="0.55"/></pattern>`;
  const berries = [
    [600, 600, 44],
    [660, 620, 36],
    [560, 630, 32],
  ] as const;
  return `<defs>${gingham}${linear(`${id}-jam`, [tint(p.fill, 0.15), p.fill, shade(p.fill, 0.35)])}${sphere(`${id}-fruit`, p.fill)}</defs>
<rect x="245" y="330" width="290" height="312" rx="58" fill="#ffffff" opacity="0.55"/>
<rect x="259" y="356" width="262" height="274" rx="50" fill="url(#${id}-jam)"/>
${Array.from({ length: 9 }, (_, i) => `<circle cx="${n(290 + ((i * 67 + p.seed) % 200))}" cy="${n(420 + ((i * 53) % 180))}" r="${n(10 + (i % 3) * 4)}" fill="${shade(p.fill, 0.25)}" opacity="0.45"/>`).join('')}
<rect x="278" y="380" width="22" height="200" rx="11" fill="#ffffff" opacity="0.3"/>
<path d="M212,316 Q390,228 568,316 L584,388 Q540,378 520,398 Q480,380 440,400 Q400,382 360,400 Q320,380 280,398 Q258,378 196,388 Z" fill="url(#${id}-cloth)"/>
<path d="M240,352 Q390,374 540,352" fill="none" stroke="${shade(p.accent, 0.4)}" stroke-width="10" stroke-linecap="round"/>
<path d="M300,360 q-40,10 -58,40 M300,360 q-18,34 -4,64" fill="none" stroke="${shade(p.accent, 0.4)}" stroke-width="7" stroke-linecap="round"/>
${label(305, 455, 170, 130, p)}
${berries.map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}" fill="url(#${id}-fruit)"/>`).join('')}
${leaf(610, 560, 70, -40, '#6f9e45')}`;
}

/** A slim oil bottle with a cork, and a sprig of whatever the oil was pressed from. */
export function oilBottle(p: ArtPalette, variant: 'olive' | 'pine' | 'seed'): string {
  const id = p.id;
  const sprig =
    variant === 'olive'
      ? `<path d="M520,640 Q600,560 660,430" fill="none" stroke="#7a6a3a" stroke-width="8" stroke-linecap="round"/>
${[0, 1, 2, 3, 4].map((i) => leaf(540 + i * 24, 610 - i * 42, 78, -70 + (i % 2) * 100, i % 2 ? '#7d9a4e' : '#5f7f3b')).join('')}
<ellipse cx="590" cy="560" rx="20" ry="26" fill="#4d5b2a"/><ellipse cx="630" cy="500" rx="18" ry="24" fill="#6b7c34"/><ellipse cx="556" cy="626" rx="16" ry="21" fill="#3f4a24"/>`
      : variant === 'pine'
        ? `<g transform="translate(625 545) rotate(-18) scale(1.45)">${Array.from({ length: 8 }, (_, row) => {
            const half = 46 * Math.sin((Math.PI * (row + 0.6)) / 8.4);
            const count = Math.max(2, Math.round(half / 16));
            return Array.from({ length: count }, (_, k) => {
              const x = -half + ((k + 0.5) * 2 * half) / count;
              return `<path d="M${n(x - 14)},${n(row * 19 - 70)} Q${n(x)},${n(row * 19 - 52)} ${n(x + 14)},${n(row * 19 - 70)} Q${n(x)},${n(row * 19 - 80)} ${n(x - 14)},${n(row * 19 - 70)} Z" fill="${row % 2 ? '#8a5a34' : '#a86f3f'}" stroke="#5e3a1e" stroke-width="2.5"/>`;
            }).join('');
          }).join('')}<path d="M0,-84 L0,-100" stroke="#5e3a1e" stroke-width="6" stroke-linecap="round"/></g>`
        : Array.from({ length: 14 }, (_, i) => `<ellipse cx="${n(560 + ((i * 37) % 130))}" cy="${n(600 + ((i * 23) % 50))}" rx="12" ry="8" transform="rotate(${(i * 47) % 180} ${n(560 + ((i * 37) % 130))} ${n(600 + ((i * 23) % 50))})" fill="${shade(p.fill, 0.2 + (i % 3) * 0.12)}"/>`).join('');
  return `<defs>${linear(`${id}-oil`, [tint(p.fill, 0.35), p.fill, shade(p.fill, 0.25)], 1, 0)}</defs>
<path d="M352,170 L448,170 L448,250 Q520,300 520,380 L520,610 Q520,648 482,648 L318,648 Q280,648 280,610 L280,380 Q280,300 352,250 Z" fill="#ffffff" opacity="0.5"/>
<path d="M364,268 Q296,314 296,390 L296,606 Q296,632 322,632 L478,632 Q504,632 504,606 L504,390 Q504,314 436,268 Z" fill="url(#${id}-oil)"/>
<rect x="318" y="340" width="20" height="250" rx="10" fill="#ffffff" opacity="0.35"/>
<rect x="344" y="150" width="112" height="44" rx="10" fill="${p.primary}"/>
<rect x="356" y="118" width="88" height="40" rx="8" fill="#c8a070"/>
<rect x="338" y="188" width="124" height="14" rx="7" fill="${p.accent}"/>
${label(316, 430, 168, 150, p)}
${sprig}`;
}

/** A bottle and a glass poured from it. */
export function drinkBottle(p: ArtPalette): string {
  const id = p.id;
  return `<defs>${linear(`${id}-drink`, [tint(p.fill, 0.3), p.fill, shade(p.fill, 0.2)], 1, 0)}${radial(`${id}-glass`, ['#ffffff', tint(p.fill, 0.75)], 0.4, 0.3, 0.8)}</defs>
<path d="M300,150 L370,150 L370,236 Q430,268 430,340 L430,620 Q430,648 402,648 L268,648 Q240,648 240,620 L240,340 Q240,268 300,236 Z" fill="#ffffff" opacity="0.5"/>
<path d="M308,250 Q256,280 256,344 L256,616 Q256,632 272,632 L398,632 Q414,632 414,616 L414,344 Q414,280 362,250 Z" fill="url(#${id}-drink)"/>
<rect x="272" y="330" width="18" height="260" rx="9" fill="#ffffff" opacity="0.35"/>
<rect x="294" y="120" width="82" height="40" rx="10" fill="${p.primary}"/>
<rect x="294" y="150" width="82" height="10" fill="${shade(p.primary, 0.3)}"/>
${label(262, 400, 146, 150, p)}
<path d="M470,420 L610,420 L596,640 Q595,650 585,650 L495,650 Q485,650 484,640 Z" fill="#ffffff" opacity="0.55"/>
<path d="M478,480 L602,480 L592,630 Q591,640 581,640 L499,640 Q489,640 488,630 Z" fill="url(#${id}-drink)" opacity="0.92"/>
<ellipse cx="540" cy="480" rx="62" ry="10" fill="${tint(p.fill, 0.4)}"/>
<rect x="492" y="500" width="12" height="120" rx="6" fill="#ffffff" opacity="0.35"/>
${leaf(548, 448, 64, -30, '#6f9e45')}
<circle cx="${n(540 + (p.seed % 20))}" cy="560" r="8" fill="#ffffff" opacity="0.4"/><circle cx="560" cy="590" r="5" fill="#ffffff" opacity="0.4"/>`;
}

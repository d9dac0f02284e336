import { shade, tint } from './colour.js';
import { bowl, heap, label, leaf, linear, n, radial, rosette, type ArtPalette } from './shapes.js';

function candy(x: number, y: number, colour: string, angle: number): string {
  return `<g transform="translate(${n(x)} ${n(y)}) rotate(${n(angle)})"><path d="M-34,0 L-62,-22 L-58,0 L-62,22 Z M34,0 L62,-22 L58,0 L62,22 Z" fill="${tint(colour, 0.2)}"/><ellipse rx="38" ry="26" fill="${colour}"/><path d="M-20,-10 Q0,-20 20,-10" stroke="#ffffff" stroke-width="5" fill="none" opacity="0.5" stroke-linecap="round"/></g>`;
}

export function giftBox(p: ArtPalette): string {
  const id = p.id;
  return `<defs>${linear(`${id}-box`, [tint(p.primary, 0.1), shade(p.primary, 0.2)], 0, 1)}</defs>
<path d="M190,330 L610,330 L610,620 Q610,640 590,640 L210,640 Q190,640 190,620 Z" fill="url(#${id}-box)"/>
<rect x="170" y="282" width="460" height="82" rx="14" fill="${tint(p.primary, 0.12)}"/>
<rect x="370" y="282" width="60" height="358" fill="${p.accent}"/>
<rect x="190" y="364" width="420" height="12" fill="${shade(p.primary, 0.35)}" opacity="0.4"/>
<path d="M400,284 C330,180 250,220 300,270 C330,300 380,290 400,284 Z" fill="${p.accent}" stroke="${shade(p.accent, 0.25)}" stroke-width="5"/>
<path d="M400,284 C470,180 550,220 500,270 C470,300 420,290 400,284 Z" fill="${p.accent}" stroke="${shade(p.accent, 0.25)}" stroke-width="5"/>
<circle cx="400" cy="284" r="20" fill="${shade(p.accent, 0.15)}"/>
${rosette(280, 500, 60, tint(p.primary, 0.35), p.accent)}${rosette(520, 500, 60, tint(p.primary, 0.35), p.accent)}
${candy(250, 650, p.fill, -14)}${candy(520, 664, tint(p.accent, 0.1), 10)}${candy(650, 620, shade(p.fill, 0.1), 30)}`;
}

export function chocolateBar(p: ArtPalette): string {
  const id = p.id;
  const squares = Array.from({ length: 12 }, (_, i) => {
    const x = 250 + (i % 3) * 78;
    const y = 196 + Math.floor(i / 3) * 78;
    return `<rect x="${x}" y="${y}" width="66" height="66" rx="8" fill="url(#${id}-choc)"/><rect x="${x + 6}" y="${y + 6}" width="54" height="10" rx="5" fill="#ffffff" opacity="0.12"/>`;
  }).join('');
  return `<defs>${linear(`${id}-choc`, [tint(p.fill, 0.12), p.fill, shade(p.fill, 0.3)], 1, 1)}${linear(`${id}-wrap`, [tint(p.primary, 0.15), shade(p.primary, 0.2)], 1, 0)}</defs>
<g transform="rotate(-10 400 420)">
<rect x="236" y="182" width="256" height="470" rx="14" fill="${shade(p.fill, 0.4)}"/>
${squares}
<path d="M226,470 L502,440 L502,660 Q502,676 486,676 L242,676 Q226,676 226,660 Z" fill="#d9dcdf"/>
<path d="M226,500 L502,480 L502,660 Q502,676 486,676 L242,676 Q226,676 226,660 Z" fill="url(#${id}-wrap)"/>
${label(270, 530, 190, 120, p)}
</g>
${[0, 1, 2].map((i) => `<path d="M${560 + i * 40},${600 - i * 30} l26,8 l-6,22 l-24,-6 Z" fill="${shade(p.fill, 0.1 * i)}"/>`).join('')}`;
}

/** A round tray of cut confections: baklava, lokum, halva, pastila, nougat. */
export function sweetTray(p: ArtPalette): string {
  const id = p.id;
  const pieces = heap(400, 520, 220, 150, 66, (x, y, i) => {
    const colour = [p.fill, tint(p.fill, 0.12), shade(p.fill, 0.08)][i % 3]!;
    return `<g transform="translate(${n(x)} ${n(y)})"><path d="M-30,-8 L0,-24 L30,-8 L0,8 Z" fill="${tint(colour, 0.3)}"/><path d="M-30,-8 L0,8 L0,34 L-30,18 Z" fill="${colour}"/><path d="M0,8 L30,-8 L30,18 L0,34 Z" fill="${shade(colour, 0.15)}"/>${i % 2 ? `<circle cx="-4" cy="-10" r="4" fill="#7fae48"/><circle cx="8" cy="-6" r="3" fill="#93c05a"/>` : `<circle cx="0" cy="-9" r="3" fill="#ffffff" opacity="0.7"/>`}</g>`;
  }, p.seed);
  return `<defs>${radial(`${id}-tray`, [tint(p.accent, 0.55), p.accent, shade(p.accent, 0.25)], 0.5, 0.4, 0.6)}</defs>
<ellipse cx="400" cy="560" rx="290" ry="90" fill="${shade(p.accent, 0.35)}"/>
<ellipse cx="400" cy="548" rx="290" ry="86" fill="url(#${id}-tray)"/>
<ellipse cx="400" cy="548" rx="250" ry="68" fill="none" stroke="${tint(p.accent, 0.5)}" stroke-width="5" stroke-dasharray="4 14" stroke-linecap="round"/>
${pieces}`;
}

export function teaSet(p: ArtPalette): string {
  const id = p.id;
  const steam = [0, 1, 2].map((i) => `<path d="M${500 + i * 34},${420 - i * 6} c-20,-30 20,-50 0,-80 c-16,-24 10,-44 4,-60" fill="none" stroke="${tint(p.fill, 0.5)}" stroke-width="8" stroke-linecap="round" opacity="0.55"/>`).join('');
  return `<defs>${linear(`${id}-box`, [tint(p.primary, 0.1), shade(p.primary, 0.25)], 1, 0.2)}${radial(`${id}-tea`, [tint(p.fill, 0.25), p.fill, shade(p.fill, 0.3)], 0.5, 0.5, 0.6)}</defs>
<path d="M170,240 L390,240 L390,640 L170,640 Z" fill="url(#${id}-box)"/>
<path d="M170,240 L210,200 L430,200 L390,240 Z" fill="${tint(p.primary, 0.3)}"/>
<path d="M390,240 L430,200 L430,600 L390,640 Z" fill="${shade(p.primary, 0.4)}"/>
<rect x="170" y="300" width="220" height="14" fill="${p.accent}"/>
${label(192, 340, 176, 200, p)}
${leaf(200, 610, 70, -20, '#5f9a3c')}
${steam}
<ellipse cx="560" cy="630" rx="150" ry="28" fill="${tint(p.accent, 0.3)}"/>
<ellipse cx="560" cy="622" rx="150" ry="26" fill="#ffffff"/>
<path d="M660,500 C720,490 730,570 660,580" fill="none" stroke="#ffffff" stroke-width="18"/>
<path d="M440,456 L680,456 Q676,590 600,618 L520,618 Q444,590 440,456 Z" fill="#ffffff"/>
<path d="M452,480 Q560,500 668,480" fill="none" stroke="${p.accent}" stroke-width="10"/>
<ellipse cx="560" cy="456" rx="120" ry="26" fill="#f1ece4"/>
<ellipse cx="560" cy="460" rx="104" ry="19" fill="url(#${id}-tea)"/>
${[0, 1, 2, 3].map((i) => leaf(660 + i * 20, 640 - (i % 2) * 12, 34, 160 + i * 40, i % 2 ? shade(p.fill, 0.2) : '#4e7a34')).join('')}`;
}

const SPICE_FRIENDS = ['#c8642a', '#e2b23a', '#8a5a34', '#b8322a', '#d98f3f'];

export function spiceBowls(p: ArtPalette): string {
  const id = p.id;
  const friendA = SPICE_FRIENDS[p.seed % SPICE_FRIENDS.length]!;
  const friendB = SPICE_FRIENDS[(p.seed + 2) % SPICE_FRIENDS.length]!;
  const one = (cx: number, rimY: number, half: number, colour: string, key: string) => {
    const { back, front } = bowl({ ...p, id: `${id}${key}` }, cx, rimY, half, half * 0.62);
    return `${back}<path d="M${n(cx - half * 0.95)},${n(rimY)} Q${n(cx)},${n(rimY - half * 0.75)} ${n(cx + half * 0.95)},${n(rimY)} Z" fill="${colour}"/>
${Array.from({ length: 16 }, (_, i) => `<circle cx="${n(cx - half * 0.7 + ((i * 37) % Math.round(half * 1.4)))}" cy="${n(rimY - 6 - ((i * 29) % Math.round(half * 0.42)))}" r="3.5" fill="${shade(colour, 0.3)}" opacity="0.6"/>`).join('')}${front}`;
  };
  return `<defs>${radial(`${id}-spoon`, ['#d9a86c', '#a8743f'])}</defs>
${one(230, 500, 120, friendA, 'a')}${one(570, 500, 120, friendB, 'b')}${one(400, 560, 160, p.fill, 'c')}
<g transform="rotate(-22 620 640)"><rect x="560" y="630" width="190" height="18" rx="9" fill="#b47d48"/><ellipse cx="560" cy="639" rx="44" ry="26" fill="url(#${id}-spoon)"/><ellipse cx="560" cy="636" rx="30" ry="14" fill="${p.fill}"/></g>
${[0, 1, 2].map((i) => `<g transform="translate(${170 + i * 60} ${650 + (i % 2) * 10}) rotate(${i * 30})">${[0, 1, 2, 3, 4, 5, 6, 7].map((k) => `<path d="M0,0 L6,-22 L0,-28 L-6,-22 Z" transform="rotate(${k * 45})" fill="#7a4a2a"/>`).join('')}<circle r="5" fill="#5a3520"/></g>`).join('')}`;
}

export function saffronVial(p: ArtPalette): string {
  const threads = Array.from({ length: 22 }, (_, i) => {
    const x = 470 + ((i * 41) % 200);
    const y = 560 + ((i * 23) % 80);
    return `<path d="M${x},${y} q14,-10 30,-4" transform="rotate(${(i * 67) % 180} ${x} ${y})" stroke="${i % 3 ? p.fill : '#e8a23a'}" stroke-width="5" fill="none" stroke-linecap="round"/>`;
  }).join('');
  const inside = Array.from({ length: 30 }, (_, i) => `<path d="M${300 + ((i * 37) % 120)},${420 + ((i * 53) % 190)} q10,-8 22,-2" stroke="${p.fill}" stroke-width="5" fill="none" stroke-linecap="round"/>`).join('');
  return `<rect x="270" y="330" width="190" height="310" rx="36" fill="#ffffff" opacity="0.6"/>
${inside}
<rect x="286" y="360" width="16" height="240" rx="8" fill="#ffffff" opacity="0.55"/>
<rect x="258" y="276" width="214" height="70" rx="14" fill="${p.primary}"/>
<rect x="258" y="276" width="214" height="14" rx="7" fill="#ffffff" opacity="0.2"/>
${label(300, 470, 130, 110, p)}
<path d="M600,420 Q596,520 604,600" stroke="#6f9a45" stroke-width="7" fill="none"/>
${leaf(602, 560, 110, -75, '#6f9a45')}${leaf(600, 580, 100, -110, '#7fa955')}
<path d="M600,420 C548,400 540,320 566,280 C586,310 598,360 600,420 Z" fill="#8c68bd"/>
<path d="M600,420 C652,400 660,320 634,280 C614,310 602,360 600,420 Z" fill="#8c68bd"/>
<path d="M600,420 C570,380 572,300 600,262 C628,300 630,380 600,420 Z" fill="#b497dc"/>
<path d="M600,400 L578,318 M600,400 L600,300 M600,400 L622,318" stroke="${p.fill}" stroke-width="5" stroke-linecap="round"/>
${threads}`;
}

/** A ceramic or enamel plate with a radial pattern in the pavilion's colours. */
export function patternPlate(p: ArtPalette): string {
  const id = p.id;
  const petals = Array.from({ length: 12 }, (_, i) => `<path d="M0,-70 C40,-110 40,-170 0,-200 C-40,-170 -40,-110 0,-70 Z" transform="rotate(${i * 30})" fill="${i % 2 ? p.primary : tint(p.primary, 0.25)}"/>`).join('');
  const dots = Array.from({ length: 24 }, (_, i) => `<circle cx="0" cy="-236" r="9" transform="rotate(${i * 15})" fill="${p.accent}"/>`).join('');
  return `<defs>${radial(`${id}-glaze`, ['#ffffff', '#f6f1e8', '#e4dccd'], 0.45, 0.4, 0.65)}</defs>
<ellipse cx="400" cy="650" rx="250" ry="30" fill="${shade(p.primary, 0.4)}" opacity="0.18"/>
<g transform="translate(400 400)">
<circle r="280" fill="${shade(p.accent, 0.2)}"/>
<circle r="270" fill="url(#${id}-glaze)"/>
<circle r="254" fill="none" stroke="${p.primary}" stroke-width="10"/>
${dots}${petals}
<circle r="70" fill="${p.accent}"/>
${rosette(0, 0, 60, p.primary, '#ffffff')}
<path d="M-190,-150 A250,250 0 0 1 -60,-240" stroke="#ffffff" stroke-width="14" fill="none" opacity="0.6" stroke-linecap="round"/>
</g>`;
}

/** Felt, rug or embroidered textile: medallions and a border in the pavilion's colours. */
export function textile(p: ArtPalette): string {
  const horn = (x: number, y: number, s: number, colour: string) =>
    `<path transform="translate(${x} ${y}) scale(${s})" d="M0,30 C0,-10 -40,-30 -60,-10 C-76,6 -60,30 -42,22 C-30,16 -34,2 -44,4 M0,30 C0,-10 40,-30 60,-10 C76,6 60,30 42,22 C30,16 34,2 44,4 M0,30 L0,60" fill="none" stroke="${colour}" stroke-width="12" stroke-linecap="round"/>`;
  const fringe = Array.from({ length: 26 }, (_, i) => `<path d="M${178 + i * 18},622 l0,30 M${178 + i * 18},178 l0,-30" stroke="${tint(p.primary, 0.5)}" stroke-width="5" stroke-linecap="round"/>`).join('');
  return `<g transform="rotate(-4 400 400)">${fringe}
<rect x="170" y="170" width="460" height="460" rx="10" fill="${p.primary}"/>
<rect x="196" y="196" width="408" height="408" rx="6" fill="${tint(p.accent, 0.75)}"/>
<rect x="196" y="196" width="408" height="408" rx="6" fill="none" stroke="${p.accent}" stroke-width="12" stroke-dasharray="24 12"/>
<circle cx="400" cy="400" r="120" fill="${p.primary}"/>
<circle cx="400" cy="400" r="100" fill="${tint(p.accent, 0.35)}"/>
${rosette(400, 400, 88, p.primary, p.accent)}
${horn(270, 250, 0.8, p.primary)}${horn(530, 250, 0.8, p.primary)}
<g transform="rotate(180 400 400)">${horn(270, 250, 0.8, p.primary)}${horn(530, 250, 0.8, p.primary)}</g>
</g>`;
}

/** Folded cloth: scarves, towels, tablecloths, runners. */
export function foldedCloth(p: ArtPalette): string {
  const layer = (y: number, colour: string, stripe: string, key: number) => `<g>
<path d="M180,${y} L620,${y} Q650,${y} 650,${y + 30} L650,${y + 80} Q650,${y + 110} 620,${y + 110} L180,${y + 110} Q150,${y + 110} 150,${y + 80} L150,${y + 30} Q150,${y} 180,${y} Z" fill="${colour}"/>
<rect x="150" y="${y + 70}" width="500" height="12" fill="${stripe}"/>
<rect x="150" y="${y + 88}" width="500" height="5" fill="${stripe}" opacity="0.6"/>
${Array.from({ length: 9 }, (_, i) => `<path d="M${190 + i * 52},${y + 32} l12,12 l-12,12 l-12,-12 Z" fill="${stripe}" opacity="${key % 2 ? 0.7 : 0.45}"/>`).join('')}
<path d="M180,${y + 6} Q400,${y - 4} 620,${y + 6}" stroke="#ffffff" stroke-width="6" opacity="0.35" fill="none"/></g>`;
  return `${layer(520, shade(p.fill, 0.1), p.primary, 0)}${layer(400, p.fill, p.accent, 1)}${layer(280, tint(p.fill, 0.2), p.primary, 2)}
${Array.from({ length: 12 }, (_, i) => `<path d="M${160 + i * 40},630 l-4,26" stroke="${shade(p.fill, 0.15)}" stroke-width="5" stroke-linecap="round"/>`).join('')}`;
}

export function saltLamp(p: ArtPalette): string {
  const id = p.id;
  return `<defs>${radial(`${id}-glow`, ['#fff4e0', '#ffc79a', 'rgba(255,199,154,0)'], 0.5, 0.5, 0.5)}${radial(`${id}-salt`, ['#ffe2cc', p.fill, shade(p.fill, 0.3)], 0.45, 0.4, 0.7)}</defs>
<circle cx="400" cy="380" r="330" fill="url(#${id}-glow)" opacity="0.7"/>
<path d="M300,560 L250,420 L300,280 L380,200 L470,230 L540,330 L560,470 L510,560 Z" fill="url(#${id}-salt)"/>
<path d="M300,280 L380,200 L400,330 L300,420 Z M470,230 L540,330 L460,380 L400,330 Z M300,420 L400,330 L460,380 L420,520 Z" fill="#ffffff" opacity="0.18"/>
<path d="M420,520 L460,380 L540,330 L560,470 Z" fill="${shade(p.fill, 0.15)}" opacity="0.4"/>
<rect x="260" y="560" width="290" height="70" rx="14" fill="#7a4a2a"/>
<rect x="260" y="560" width="290" height="16" rx="8" fill="#9b6540"/>`;
}

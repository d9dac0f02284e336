import { shade, tint } from './colour.js';
import { n, radial, type ArtPalette } from './shapes.js';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

export function svgDocument(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>${body}</svg>\n`;
}

/** The product's stage: a soft wall in the pavilion's tint, a table edge trimmed with its accent, a halo and a shadow. */
export function productStage(p: ArtPalette, body: string): string {
  const id = p.id;
  const wall = radial(`${id}-wall`, [tint(p.primary, 0.96), tint(p.primary, 0.87)], 0.5, 0.4, 0.75);
  const trim = Array.from({ length: 20 }, (_, i) => `<path d="M${n(20 + i * 40)},650 l10,-10 l10,10 l-10,10 Z" fill="${p.accent}" opacity="0.55"/>`).join('');
  return `<defs>${wall}</defs>
<rect width="800" height="800" fill="url(#${id}-wall)"/>
<circle cx="400" cy="400" r="290" fill="${tint(p.accent, 0.8)}" opacity="0.55"/>
<circle cx="400" cy="400" r="318" fill="none" stroke="${tint(p.accent, 0.55)}" stroke-width="3" stroke-dasharray="2 16" stroke-linecap="round" opacity="0.8"/>
<rect y="620" width="800" height="180" fill="${tint(p.primary, 0.8)}"/>
<rect y="620" width="800" height="8" fill="${tint(p.primary, 0.65)}"/>
${trim}
<ellipse cx="400" cy="652" rx="270" ry="30" fill="${shade(p.primary, 0.5)}" opacity="0.16"/>
${body}`;
}

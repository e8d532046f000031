// The things demo sellers photograph, drawn as simple still lifes. Each takes where it stands (the
// centre of its base) and answers SVG; scenes.ts puts them in rooms and on tables.
import { lin, shade, shadow, text } from './draw.js';

export function tablet(cx: number, baseY: number, { body = '#5d6168', w = 300, h = 420, screen = ['#3a4fd0', '#8a4fd8', '#e0609a'] } = {}): string {
  const x = cx - w / 2;
  const y = baseY - h;
  return `${shadow(cx, baseY + 6, w * 0.55, 16)}
<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="26" fill="${lin([shade(body, 0.15), body])}"/>
<rect x="${x + 14}" y="${y + 14}" width="${w - 28}" height="${h - 28}" rx="14" fill="${lin(screen)}"/>
<path d="M${x + 14} ${y + h * 0.62} C ${cx - 40} ${y + h * 0.45}, ${cx + 60} ${y + h * 0.8}, ${x + w - 14} ${y + h * 0.55} L ${x + w - 14} ${y + h - 28} Q ${x + w - 14} ${y + h - 14} ${x + w - 28} ${y + h - 14} L ${x + 28} ${y + h - 14} Q ${x + 14} ${y + h - 14} ${x + 14} ${y + h - 28} Z" fill="#fff" opacity="0.18"/>
<circle cx="${cx}" cy="${y + 8}" r="3" fill="#222"/>`;
}

export function headphones(cx: number, baseY: number, { color = '#9cc3dd', cushion = '#e9eef2', band = '#d8dde2' } = {}): string {
  return `${shadow(cx, baseY + 4, 210, 18)}
<path d="M${cx - 150} ${baseY - 150} C ${cx - 150} ${baseY - 420}, ${cx + 150} ${baseY - 420}, ${cx + 150} ${baseY - 150}" stroke="${shade(band, -0.25)}" stroke-width="30" fill="none" stroke-linecap="round"/>
<path d="M${cx - 142} ${baseY - 160} C ${cx - 142} ${baseY - 400}, ${cx + 142} ${baseY - 400}, ${cx + 142} ${baseY - 160}" stroke="${band}" stroke-width="14" fill="none" stroke-linecap="round"/>
<rect x="${cx - 215}" y="${baseY - 230}" width="110" height="230" rx="46" fill="${lin([shade(color, 0.2), shade(color, -0.15)])}"/>
<rect x="${cx + 105}" y="${baseY - 230}" width="110" height="230" rx="46" fill="${lin([shade(color, 0.2), shade(color, -0.15)])}"/>
<rect x="${cx - 120}" y="${baseY - 215}" width="34" height="200" rx="16" fill="${cushion}"/>
<rect x="${cx + 86}" y="${baseY - 215}" width="34" height="200" rx="16" fill="${cushion}"/>`;
}

/** A stack of books lying flat, bottom first: [cover colour, spine text, thickness]. */
export function bookStack(cx: number, baseY: number, books: [string, string, number][], width = 380): string {
  let y = baseY;
  const parts = [shadow(cx, baseY + 4, width * 0.58, 16)];
  for (const [i, [color, label, thick]] of books.entries()) {
    const w = width - ((i * 23) % 50);
    const x = cx - w / 2 + ((i * 37) % 30) - 15;
    y -= thick;
    parts.push(
      `<rect x="${x}" y="${y}" width="${w}" height="${thick}" rx="4" fill="${lin([shade(color, 0.12), shade(color, -0.1)])}"/>`,
      `<rect x="${x + w - 10}" y="${y + 3}" width="8" height="${thick - 6}" fill="#f5f0e6" opacity="0.85"/>`,
      label ? text(x + (w - 10) / 2, y + thick / 2 + Math.min(thick * 0.25, 10), label, { size: Math.min(thick * 0.55, 26), fill: '#fff' }) : '',
    );
  }
  return parts.join('\n');
}

/** Books upright in a row, as on a shelf: [colour, height]. */
export function bookRow(x0: number, baseY: number, books: [string, number][], thick = 30): string {
  return books
    .map(([color, h], i) => {
      const x = x0 + i * (thick + 2);
      return `<rect x="${x}" y="${baseY - h}" width="${thick}" height="${h}" rx="3" fill="${lin([shade(color, 0.1), shade(color, -0.12)], false)}"/>
<rect x="${x + 4}" y="${baseY - h + 18}" width="${thick - 8}" height="5" fill="#f3d36b" opacity="0.8"/>`;
    })
    .join('');
}

export function pot(cx: number, baseY: number, { w = 200, h = 170, color = '#c9794f' } = {}): string {
  return `${shadow(cx, baseY + 4, w * 0.6, 16)}
<path d="M${cx - w / 2} ${baseY - h} L ${cx + w / 2} ${baseY - h} L ${cx + w * 0.38} ${baseY} L ${cx - w * 0.38} ${baseY} Z" fill="${lin([shade(color, 0.1), shade(color, -0.15)], false)}"/>
<rect x="${cx - w / 2 - 10}" y="${baseY - h - 14}" width="${w + 20}" height="30" rx="6" fill="${shade(color, 0.05)}"/>
<ellipse cx="${cx}" cy="${baseY - h - 12}" rx="${w / 2}" ry="10" fill="#4a3524"/>`;
}

/** A leaf from (x, y) pointing at `angle` degrees, `length` long. */
export function leaf(x: number, y: number, angle: number, length: number, color = '#2f7d3a', split = false): string {
  const w = length * 0.55;
  const cuts = split
    ? [0.3, 0.5, 0.7]
        .map((t) => `<path d="M${t * length} 0 L ${t * length + 30} ${-w * 0.42} M${t * length} 0 L ${t * length + 30} ${w * 0.42}" stroke="${shade(color, -0.35)}" stroke-width="10"/>`)
        .join('')
    : '';
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
<path d="M0 0 C ${length * 0.2} ${-w * 0.6}, ${length * 0.8} ${-w * 0.5}, ${length} 0 C ${length * 0.8} ${w * 0.5}, ${length * 0.2} ${w * 0.6}, 0 0 Z" fill="${lin([shade(color, 0.2), color])}"/>
<path d="M0 0 L ${length * 0.95} 0" stroke="${shade(color, 0.35)}" stroke-width="3"/>${cuts}</g>`;
}

/** A jacket laid flat or on a hanger: puffy ones in horizontal baffles, coats long with lapels. */
export function jacket(cx: number, topY: number, { color = '#1d1f22', puffy = true, w = 360, h = 440, hood = false } = {}): string {
  const x = cx - w / 2;
  const body = lin([shade(color, 0.18), shade(color, -0.1)], false);
  const baffles = puffy
    ? Array.from({ length: 6 }, (_, i) => `<line x1="${x - 10}" y1="${topY + 60 + i * (h / 6.5)}" x2="${x + w + 10}" y2="${topY + 60 + i * (h / 6.5)}" stroke="#000" stroke-opacity="0.3" stroke-width="4"/>`).join('')
    : `<path d="M${cx - 70} ${topY} L ${cx - 10} ${topY + 180} L ${cx - 95} ${topY + 60} Z M${cx + 70} ${topY} L ${cx + 10} ${topY + 180} L ${cx + 95} ${topY + 60} Z" fill="${shade(color, -0.2)}"/>
       ${[0, 1, 2].map((i) => `<circle cx="${cx + 24}" cy="${topY + 230 + i * 70}" r="9" fill="${shade(color, -0.35)}"/>`).join('')}`;
  return `${shadow(cx, topY + h + 18, w * 0.6, 18, 0.2)}
<path d="M${cx} ${topY - 70} Q ${cx + 6} ${topY - 92} ${cx + 22} ${topY - 88}" stroke="#8a8f96" stroke-width="6" fill="none"/>
<path d="M${cx - 170} ${topY + 20} L ${cx} ${topY - 60} L ${cx + 170} ${topY + 20}" stroke="#8a8f96" stroke-width="6" fill="none"/>
<path d="M${x} ${topY + 20} L ${x - 90} ${topY + h * 0.75} L ${x - 30} ${topY + h * 0.78} L ${x + 10} ${topY + 140} Z M${x + w} ${topY + 20} L ${x + w + 90} ${topY + h * 0.75} L ${x + w + 30} ${topY + h * 0.78} L ${x + w - 10} ${topY + 140} Z" fill="${body}"/>
<rect x="${x}" y="${topY}" width="${w}" height="${h}" rx="${puffy ? 40 : 14}" fill="${body}"/>
${hood ? `<path d="M${cx - 90} ${topY + 10} C ${cx - 90} ${topY - 80}, ${cx + 90} ${topY - 80}, ${cx + 90} ${topY + 10} Z" fill="${shade(color, -0.1)}"/>` : ''}
<line x1="${cx}" y1="${topY + 10}" x2="${cx}" y2="${topY + h - 6}" stroke="#000" stroke-opacity="0.35" stroke-width="4"/>${baffles}`;
}

/** A cardboard box, seen a little from above. */
export function box(cx: number, baseY: number, { w = 420, h = 260, color = '#c49a6c', open = false } = {}): string {
  const x = cx - w / 2;
  const top = baseY - h;
  return `${shadow(cx, baseY + 6, w * 0.6, 18)}
<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="${lin([shade(color, 0.05), shade(color, -0.12)])}"/>
<path d="M${x} ${top} L ${x + 40} ${top - 60} L ${x + w - 40} ${top - 60} L ${x + w} ${top} Z" fill="${shade(color, open ? -0.35 : 0.12)}"/>
${open ? `<path d="M${x} ${top} L ${x - 50} ${top - 90} L ${x + 40} ${top - 60} Z M${x + w} ${top} L ${x + w + 50} ${top - 90} L ${x + w - 40} ${top - 60} Z" fill="${shade(color, 0.1)}"/>` : `<line x1="${cx}" y1="${top - 60}" x2="${cx}" y2="${top}" stroke="#d9c7a3" stroke-width="26"/>`}`;
}

export function wheel(cx: number, cy: number, r: number, { tyre = '#222', rim = '#c8ccd0', spokes = 12 } = {}): string {
  const lines = Array.from({ length: spokes }, (_, i) => {
    const a = (i / spokes) * Math.PI * 2;
    return `<line x1="${cx}" y1="${cy}" x2="${cx + Math.cos(a) * (r - 10)}" y2="${cy + Math.sin(a) * (r - 10)}" stroke="${rim}" stroke-width="2"/>`;
  }).join('');
  return `<circle cx="${cx}" cy="${cy}" r="${r}" stroke="${tyre}" stroke-width="${Math.max(8, r * 0.14)}" fill="none"/>
<circle cx="${cx}" cy="${cy}" r="${r - 8}" stroke="${rim}" stroke-width="3" fill="none"/>${lines}<circle cx="${cx}" cy="${cy}" r="8" fill="${rim}"/>`;
}

/** A ticket with a torn stub, turned by `angle` degrees. */
export function ticket(cx: number, cy: number, angle: number, { color = '#7a1f2b', title = '', lines = [] as string[] } = {}): string {
  return `<g transform="translate(${cx} ${cy}) rotate(${angle})">
${shadow(0, 90, 260, 20, 0.25)}
<rect x="-260" y="-95" width="520" height="190" rx="14" fill="${lin([shade(color, 0.12), shade(color, -0.1)], false)}"/>
<rect x="130" y="-95" width="130" height="190" rx="0" fill="#f3ead8"/>
<line x1="130" y1="-90" x2="130" y2="90" stroke="#f3ead8" stroke-width="4" stroke-dasharray="8 8"/>
${text(-60, -20, title, { size: 36, fill: '#f7e7b4', weight: 700 })}
${lines.map((line, i) => text(-60, 28 + i * 34, line, { size: 24, fill: '#fff', weight: 500 })).join('')}
${text(195, 10, 'ADMIT', { size: 22, fill: color, weight: 700 })}
${text(195, 40, 'ONE', { size: 22, fill: color, weight: 700 })}</g>`;
}

/** A chair's sling seat and back between four legs, as folding camping chairs are. */
export function campChair(cx: number, baseY: number, color = '#2b2f33'): string {
  return `${shadow(cx, baseY + 4, 130, 14)}
<path d="M${cx - 100} ${baseY} L ${cx + 60} ${baseY - 190} M${cx + 100} ${baseY} L ${cx - 60} ${baseY - 190} M${cx - 90} ${baseY - 20} L ${cx + 90} ${baseY - 20}" stroke="#6b7075" stroke-width="9" stroke-linecap="round"/>
<path d="M${cx - 85} ${baseY - 190} Q ${cx} ${baseY - 120} ${cx + 85} ${baseY - 190} L ${cx + 95} ${baseY - 360} Q ${cx} ${baseY - 330} ${cx - 95} ${baseY - 360} Z" fill="${lin([shade(color, 0.15), color])}"/>`;
}

// Drawing helpers for the demo listings' photos: an SVG canvas the size of a phone photo (4:3), the
// rooms and tables things are photographed on, soft light and shadows. Used by make-demo-photos.ts.
export const WIDTH = 1024;
export const HEIGHT = 768;

/** Where small things stand on a table: zooming in keeps this line where it is. */
const FOCUS_Y = 540;

let defs: string[] = [];
let nextId = 0;

/** A gradient, returned as a fill; `vertical` runs top to bottom, else left to right. */
export function lin(stops: string[], vertical = true): string {
  const id = `g${nextId++}`;
  const at = (i: number) => (stops.length === 1 ? 0 : (i / (stops.length - 1)) * 100);
  defs.push(
    `<linearGradient id="${id}" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">${stops
      .map((c, i) => `<stop offset="${at(i)}%" stop-color="${c}"/>`)
      .join('')}</linearGradient>`,
  );
  return `url(#${id})`;
}

/** A round gradient from the centre out. */
export function radial(inner: string, outer: string, cx = 0.5, cy = 0.5, r = 0.5): string {
  const id = `g${nextId++}`;
  defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}"><stop offset="0%" stop-color="${inner}"/><stop offset="100%" stop-color="${outer}"/></radialGradient>`);
  return `url(#${id})`;
}

/**
 * The whole picture: what was drawn, then the window light from the upper left and a soft vignette.
 * A zoom above 1 frames a small thing closer, as a seller steps in to photograph it.
 */
export function photo(body: string, zoom = 1): string {
  const light = radial('rgba(255,250,240,0.38)', 'rgba(255,250,240,0)', 0.2, 0.1, 0.75);
  const vignette = radial('rgba(0,0,0,0)', 'rgba(20,12,4,0.22)', 0.5, 0.5, 0.75);
  const out = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
<defs>
  <filter id="blur" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="14"/></filter>
  <filter id="blur-s" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="4"/></filter>
  ${defs.join('\n  ')}
</defs>
<g transform="translate(${WIDTH / 2} ${FOCUS_Y}) scale(${zoom}) translate(${-WIDTH / 2} ${-FOCUS_Y})">${body}</g>
<rect width="${WIDTH}" height="${HEIGHT}" fill="${light}"/>
<rect width="${WIDTH}" height="${HEIGHT}" fill="${vignette}"/>
</svg>`;
  defs = [];
  nextId = 0;
  return out;
}

/** A contact shadow under something standing at (cx, cy). */
export const shadow = (cx: number, cy: number, rx: number, ry = rx * 0.12, opacity = 0.3) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="#1a1208" opacity="${opacity}" filter="url(#blur)"/>`;

/** A room corner: a painted wall and a wooden (or tiled) floor from `floorY` down. */
export function room({ wall = '#ece6dc', floor = '#c9a27a', floorY = 560, planks = true } = {}): string {
  const lines = planks
    ? Array.from({ length: 5 }, (_, i) => {
        const y = floorY + 18 + i * i * 9 + i * 22;
        return `<line x1="0" y1="${y}" x2="${WIDTH}" y2="${y}" stroke="#000" stroke-opacity="0.07" stroke-width="2"/>`;
      }).join('')
    : '';
  return `<rect width="${WIDTH}" height="${floorY}" fill="${lin([shade(wall, 0.04), shade(wall, -0.05)])}"/>
<rect y="${floorY}" width="${WIDTH}" height="${HEIGHT - floorY}" fill="${lin([shade(floor, -0.08), shade(floor, 0.06)])}"/>
<rect y="${floorY - 14}" width="${WIDTH}" height="14" fill="${shade(wall, 0.08)}"/>
<line x1="0" y1="${floorY}" x2="${WIDTH}" y2="${floorY}" stroke="#000" stroke-opacity="0.12" stroke-width="2"/>${lines}`;
}

/** Something photographed on a table: the wall behind, the table top from `topY` down. */
export function table({ wall = '#e9e4dc', top = '#f4f1ec', topY = 420 } = {}): string {
  return `<rect width="${WIDTH}" height="${topY}" fill="${lin([shade(wall, 0.03), shade(wall, -0.07)])}"/>
<rect y="${topY}" width="${WIDTH}" height="${HEIGHT - topY}" fill="${lin([shade(top, -0.06), shade(top, 0.04)])}"/>
<line x1="0" y1="${topY}" x2="${WIDTH}" y2="${topY}" stroke="#000" stroke-opacity="0.08" stroke-width="2"/>`;
}

/** A bed or sofa throw: the whole frame is fabric, with a few soft folds. */
export function fabric(color = '#dfe3e6'): string {
  const folds = [
    'M-20 180 C 240 120, 420 260, 1050 170',
    'M-20 520 C 300 600, 700 430, 1050 560',
    'M120 800 C 200 600, 260 420, 180 -20',
  ]
    .map((d) => `<path d="${d}" stroke="${shade(color, -0.12)}" stroke-width="34" fill="none" opacity="0.5" filter="url(#blur)"/>`)
    .join('');
  return `<rect width="${WIDTH}" height="${HEIGHT}" fill="${lin([shade(color, 0.05), shade(color, -0.05)])}"/>${folds}`;
}

/** A colour made lighter (amount > 0) or darker (< 0). */
export function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const channel = (shift: number) => {
    const c = (n >> shift) & 255;
    const v = amount >= 0 ? c + (255 - c) * amount : c * (1 + amount);
    return Math.max(0, Math.min(255, Math.round(v)));
  };
  return `#${[16, 8, 0].map((s) => channel(s).toString(16).padStart(2, '0')).join('')}`;
}

/** Text in the Noto fonts Debian ships (Korean included). */
export const text = (x: number, y: number, content: string, { size = 28, fill = '#222', weight = 600, anchor = 'middle', rotate = 0 } = {}) =>
  `<text x="${x}" y="${y}" font-family="Noto Sans CJK KR, Noto Sans, sans-serif" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}"${
    rotate ? ` transform="rotate(${rotate} ${x} ${y})"` : ''
  }>${content}</text>`;

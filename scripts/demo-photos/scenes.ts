// One still life per demo photo name (DemoDetails.photos in server/src/services/demo-listings.ts):
// the thing on a table, a floor or a bed, as a neighbour would photograph it before listing it.
import { fabric, lin, photo, room, shade, shadow, table, text } from './draw.js';
import { bookRow, bookStack, box, campChair, headphones, jacket, leaf, pot, tablet, ticket, wheel } from './things.js';

const wood = '#b8875a';
const birch = '#e2c597';

export const SCENES: Record<string, () => string> = {
  'ipad-air': () => photo(`${table({ top: '#efe9df' })}${tablet(512, 640)}`, 1.1),
  'ipad-air-pencil': () =>
    photo(`${table({ top: '#e9e2d6', topY: 300 })}${shadow(470, 600, 250, 20)}
<rect x="250" y="330" width="440" height="280" rx="22" fill="${lin(['#3f4a4d', '#2c3436'])}"/>
<path d="M260 400 L 680 400 M260 470 L 680 470" stroke="#000" stroke-opacity="0.25" stroke-width="3"/>
${shadow(800, 650, 150, 10)}<g transform="rotate(-18 800 500)"><rect x="790" y="330" width="20" height="300" rx="8" fill="#f7f7f5"/><path d="M790 630 L 800 665 L 810 630 Z" fill="#d9d2c7"/></g>`),
  'switch-oled': () =>
    photo(`${table({ top: '#f2efe9' })}${shadow(512, 620, 330, 18)}
<rect x="272" y="350" width="480" height="270" rx="16" fill="#1e1f22"/>
<rect x="292" y="368" width="440" height="234" rx="6" fill="${lin(['#5ec4f0', '#f2d15c', '#f08c5c'])}"/>
<rect x="208" y="350" width="70" height="270" rx="34" fill="#f5f5f3"/><rect x="746" y="350" width="70" height="270" rx="34" fill="#f5f5f3"/>
<circle cx="243" cy="420" r="16" fill="#2b2b2b"/><circle cx="781" cy="520" r="16" fill="#2b2b2b"/>
<g fill="#3a3a3a"><circle cx="243" cy="480" r="7"/><circle cx="243" cy="510" r="7"/><circle cx="228" cy="495" r="7"/><circle cx="258" cy="495" r="7"/>
<circle cx="781" cy="410" r="7"/><circle cx="781" cy="440" r="7"/><circle cx="766" cy="425" r="7"/><circle cx="796" cy="425" r="7"/></g>`),
  'switch-games': () =>
    photo(`${table({ top: '#ece7df' })}${[0, 1]
      .map((i) => {
        const x = 300 + i * 250;
        const art = i === 0 ? ['#7fb8e0', '#3f7d4a'] : ['#f4c542', '#e0503a'];
        return `${shadow(x + 100, 660, 120, 14)}<rect x="${x}" y="300" width="200" height="340" rx="10" fill="#e60012"/>
<rect x="${x + 12}" y="350" width="176" height="276" rx="4" fill="${lin(art)}"/>${text(x + 100, 337, i === 0 ? 'ZELDA' : 'MARIO KART 8', { size: 24, fill: '#fff', weight: 700 })}`;
      })
      .join('')}`, 1.2),
  'camping-set': () =>
    photo(`${room({ wall: '#dfe6e0', floor: '#9c8b72', floorY: 520, planks: false })}${campChair(300, 680)}${campChair(720, 680, '#3b4a3a')}
${shadow(512, 690, 120, 12)}<rect x="420" y="560" width="184" height="16" rx="4" fill="#c8ccd0"/><path d="M440 576 L 480 690 M584 576 L 544 690 M480 576 L 440 690 M544 576 L 584 690" stroke="#8b9096" stroke-width="6"/>`),
  'oak-table': () =>
    photo(`${room({ wall: '#f0ebe3', floor: '#a9825c', floorY: 520 })}${shadow(512, 690, 360, 20)}
<path d="M180 380 L 844 380 L 900 440 L 124 440 Z" fill="${lin([shade(wood, 0.25), wood])}"/><rect x="124" y="440" width="776" height="26" fill="${shade(wood, -0.2)}"/>
${[170, 260, 764, 854].map((x, i) => `<rect x="${x - 14}" y="${i % 3 === 0 ? 466 : 440}" width="28" height="${i % 3 === 0 ? 230 : 200}" fill="${shade(wood, -0.1)}"/>`).join('')}`),
  'oak-table-corner': () =>
    photo(`<rect width="1024" height="768" fill="${lin([shade(wood, 0.2), wood, shade(wood, 0.1)], false)}"/>
${Array.from({ length: 14 }, (_, i) => `<path d="M0 ${40 + i * 55} C 300 ${20 + i * 55}, 600 ${80 + i * 55}, 1024 ${30 + i * 56}" stroke="${shade(wood, -0.25)}" stroke-opacity="0.35" stroke-width="3" fill="none"/>`).join('')}
<path d="M640 420 L 700 438 M650 450 L 690 452" stroke="#f2dcc0" stroke-width="5" stroke-linecap="round"/><circle cx="672" cy="440" r="70" stroke="#fff" stroke-opacity="0.0" fill="none"/>`),
  monstera: () =>
    photo(`${room({ wall: '#eef0ea', floor: '#c4a07a' })}${pot(512, 690, { w: 230, h: 180, color: '#e8e4dc' })}
<path d="M512 500 L 500 300 M512 500 L 400 330 M512 500 L 620 320 M512 500 L 700 420 M512 500 L 330 440" stroke="#3d6b35" stroke-width="8"/>
${leaf(500, 300, -100, 230, '#2f6f3a', true)}${leaf(400, 330, -150, 220, '#2d7a3e', true)}${leaf(620, 320, -40, 240, '#336f36', true)}${leaf(700, 420, -10, 200, '#2c6a34', true)}${leaf(330, 440, 190, 200, '#2f7440', true)}`),
  'kids-bike': () =>
    photo(`${room({ wall: '#e6e9ec', floor: '#8f9499', floorY: 500, planks: false })}${shadow(512, 690, 330, 18)}
${wheel(340, 600, 92)}${wheel(690, 600, 92)}${wheel(240, 660, 30, { spokes: 6 })}
<path d="M340 600 L 470 470 L 640 470 L 690 600 M470 470 L 520 600 L 640 470 M520 600 L 340 600" stroke="#5ac8b8" stroke-width="16" fill="none" stroke-linejoin="round"/>
<path d="M640 470 L 620 400 L 660 390" stroke="#333" stroke-width="10" fill="none"/><rect x="430" y="440" width="90" height="22" rx="10" fill="#333"/><path d="M340 600 L 240 660" stroke="#bbb" stroke-width="6"/>`),
  'poang-armchair': () =>
    photo(`${room({ wall: '#efe8de', floor: '#b48d66' })}${shadow(512, 690, 250, 18)}
<path d="M330 690 C 320 600, 360 540, 430 530 M694 690 C 704 600, 664 540, 594 530" stroke="${birch}" stroke-width="20" fill="none" stroke-linecap="round"/>
<path d="M330 690 L 694 690" stroke="${shade(birch, -0.15)}" stroke-width="14" stroke-linecap="round"/>
<g transform="rotate(-10 512 330)"><rect x="392" y="130" width="250" height="330" rx="70" fill="${lin(['#ece2cd', '#d6c7a9'])}"/>
<path d="M410 290 Q 517 310 624 290" stroke="#c3b292" stroke-width="4" fill="none"/></g>
<path d="M380 470 Q 512 440 650 470 L 670 560 Q 512 590 360 560 Z" fill="${lin(['#e2d6bd', '#cbbb9b'])}"/>
<path d="M372 330 C 340 430, 350 520, 420 560 M652 330 C 684 430, 674 520, 604 560" stroke="${birch}" stroke-width="18" fill="none" stroke-linecap="round"/>`),
  'lego-classic': () =>
    photo(`${table({ top: '#f3f0ea' })}${shadow(420, 640, 230, 16)}<rect x="230" y="250" width="380" height="390" rx="8" fill="${lin(['#ffd43a', '#f2b705'])}"/>
<rect x="250" y="330" width="340" height="230" rx="6" fill="#fff"/>${text(420, 300, 'CLASSIC 10698', { size: 30, fill: '#d01012', weight: 800 })}
${[['#d01012', 300, 380], ['#0055bf', 420, 420], ['#237841', 330, 480], ['#f2cd37', 460, 500], ['#fe8a18', 380, 440]].map(([c, x, y]) => `<rect x="${x}" y="${y}" width="90" height="44" rx="4" fill="${c}"/>`).join('')}
${[['#0055bf', 700, 600], ['#d01012', 780, 630], ['#237841', 690, 660], ['#f2cd37', 820, 560]].map(([c, x, y]) => `${shadow(Number(x) + 40, Number(y) + 40, 50, 6)}<rect x="${x}" y="${y}" width="80" height="40" rx="4" fill="${c}"/><circle cx="${Number(x) + 20}" cy="${Number(y) - 2}" r="10" fill="${c}"/><circle cx="${Number(x) + 60}" cy="${Number(y) - 2}" r="10" fill="${c}"/>`).join('')}`),
  nuptse: () => photo(`${room({ wall: '#e9e9ea', floor: '#bfb3a3' })}${jacket(512, 170, { color: '#1b1c1f', puffy: true, h: 400 })}`),
  pothos: () =>
    photo(`${table({ top: '#f1ece2', wall: '#e7ece4' })}${[330, 512, 694]
      .map((x, i) => `${shadow(x, 640, 90, 10)}<rect x="${x - 70}" y="420" width="140" height="220" rx="18" fill="#dbeff0" fill-opacity="0.55" stroke="#b9d6d8" stroke-width="4"/>
<rect x="${x - 62}" y="470" width="124" height="162" rx="12" fill="#bfe0e4" fill-opacity="0.6"/>
<path d="M${x} 620 L ${x - 10} 420 L ${x + 20 - i * 10} 300" stroke="#5b8c3a" stroke-width="5" fill="none"/><path d="M${x - 6} 600 C ${x - 30} 580, ${x - 20} 560, ${x - 8} 540 M${x + 4} 610 C ${x + 30} 590, ${x + 22} 560, ${x + 6} 548" stroke="#e8e2d0" stroke-width="2" fill="none"/>
${leaf(x - 10, 420, -140, 90, '#6aa83f')}${leaf(x + 20 - i * 10, 300, -60, 100, '#4f9a36')}${leaf(x - 4, 360, -20, 80, '#78b54a')}`)
      .join('')}`),
  'rice-cooker': () =>
    photo(`${table({ top: '#eeeae4', wall: '#e4e8ea' })}${shadow(512, 650, 250, 18)}
<path d="M300 420 Q 300 650 512 650 Q 724 650 724 420 Z" fill="${lin(['#fbfbfa', '#d9d9d6'])}"/><ellipse cx="512" cy="420" rx="212" ry="70" fill="${lin(['#f4f4f2', '#c9c9c6'])}"/>
<ellipse cx="512" cy="400" rx="150" ry="40" fill="#b01e2e"/><rect x="440" y="480" width="144" height="70" rx="12" fill="#2b2d30"/>${text(512, 524, '백미 취사', { size: 22, fill: '#8fe3a0' })}
<rect x="470" y="330" width="84" height="30" rx="14" fill="#555"/>`, 1.15),
  badminton: () =>
    photo(`${fabric('#d9dde3')}${[-28, 22]
      .map((a, i) => `<g transform="rotate(${a} 512 420)">${shadow(512 + i * 20, 700, 40, 8)}<ellipse cx="${512 + i * 20}" cy="250" rx="110" ry="150" fill="none" stroke="${i ? '#1f3b8f' : '#1b1b1b'}" stroke-width="14"/>
${Array.from({ length: 9 }, (_, k) => `<line x1="${420 + i * 20 + k * 23}" y1="110" x2="${420 + i * 20 + k * 23}" y2="390" stroke="#eee" stroke-width="2"/><line x1="${402 + i * 20}" y1="${140 + k * 28}" x2="${622 + i * 20}" y2="${140 + k * 28}" stroke="#eee" stroke-width="2"/>`).join('')}
<rect x="${504 + i * 20}" y="400" width="16" height="200" fill="#444"/><rect x="${498 + i * 20}" y="590" width="28" height="130" rx="10" fill="${i ? '#f2f2f2' : '#e23b3b'}"/></g>`)
      .join('')}
${shadow(820, 610, 50, 8)}<path d="M790 600 L 850 600 L 880 480 L 760 480 Z" fill="#fafafa" stroke="#ddd" stroke-width="3"/><ellipse cx="820" cy="610" rx="34" ry="22" fill="#e9d2a8"/>`),
  'topik-books': () =>
    photo(`${table({ top: '#ebe4d8' })}${bookStack(512, 640, [
      ['#1f5fa8', 'TOPIK II 읽기', 62],
      ['#c8432f', 'TOPIK II 듣기', 56],
      ['#3c8c5a', 'TOPIK II 쓰기', 50],
    ])}${shadow(760, 660, 90, 8)}<rect x="690" y="640" width="170" height="10" rx="5" fill="#f2c94c" transform="rotate(-12 760 645)"/>`, 1.5),
  essence: () =>
    photo(`${table({ top: '#f5efe4', wall: '#efe7da' })}${shadow(420, 640, 120, 14)}
<path d="M340 640 Q 330 420 400 400 L 440 400 Q 510 420 500 640 Z" fill="${lin(['#e7b765', '#b4782d'], false)}"/><rect x="385" y="330" width="70" height="76" rx="10" fill="${lin(['#f4d58a', '#c8962e'], false)}"/>
${shadow(650, 650, 140, 14)}<rect x="540" y="300" width="220" height="350" rx="4" fill="${lin(['#f1dfb6', '#d9bd82'])}"/>${text(650, 420, '雪花秀', { size: 44, fill: '#8a5a1c', weight: 700 })}${text(650, 470, '윤조에센스', { size: 26, fill: '#8a5a1c' })}${text(650, 600, '90ml', { size: 22, fill: '#8a5a1c' })}`, 1.2),
  airwrap: () =>
    photo(`${fabric('#e7dde0')}${shadow(520, 560, 300, 18)}<rect x="240" y="330" width="560" height="230" rx="36" fill="${lin(['#d9a5ae', '#b97c88'])}"/>
<rect x="270" y="360" width="500" height="170" rx="24" fill="#f0e6e8"/>
<rect x="300" y="420" width="260" height="46" rx="23" fill="${lin(['#a27bb5', '#6e4f87'])}"/><rect x="560" y="426" width="60" height="34" rx="8" fill="#c9a36b"/>
${[650, 700, 740].map((x) => `<rect x="${x}" y="380" width="30" height="130" rx="14" fill="#c9a36b"/>`).join('')}`),
  'wool-coat': () => photo(`${room({ wall: '#ebe7e1', floor: '#c6ad8f' })}${jacket(512, 150, { color: '#1f2d4a', puffy: false, w: 320, h: 480 })}`),
  'harry-potter': () =>
    photo(`${room({ wall: '#efe9df', floor: '#b99672', floorY: 600 })}${shadow(512, 600, 420, 16)}<rect x="80" y="580" width="864" height="20" fill="${shade(wood, 0.1)}"/>
${bookRow(110, 580, Array.from({ length: 23 }, (_, i) => [['#7b1e2b', '#1d3b6e', '#2f5e3a', '#5a3b1c', '#6b2c5e', '#1e5a6b', '#8a6d1e'][i % 7], 300 + ((i * 37) % 4) * 12] as [string, number]), 33)}`),
  'musical-tickets': () =>
    photo(`${fabric('#2a2c33')}${ticket(470, 330, -8, { color: '#7a1f2b', title: 'LES MISÉRABLES', lines: ['토 19:00  R석', '1층 C구역 8열'] })}${ticket(560, 500, 6, { color: '#7a1f2b', title: 'LES MISÉRABLES', lines: ['토 19:00  R석', '1층 C구역 8열'] })}`),
  'air-fryer': () =>
    photo(`${table({ top: '#e9e6e1', wall: '#dfe3e2' })}${shadow(512, 650, 220, 18)}
<path d="M340 650 L 360 300 Q 512 250 664 300 L 684 650 Z" fill="${lin(['#3a3c40', '#1c1d20'], false)}"/><rect x="372" y="450" width="280" height="180" rx="18" fill="#2a2b2f" stroke="#111" stroke-width="3"/>
<rect x="450" y="520" width="124" height="36" rx="12" fill="#4a4c52"/><circle cx="512" cy="370" r="34" fill="#555" stroke="#888" stroke-width="4"/>`, 1.1),
  sourdough: () =>
    photo(`${table({ top: '#efe6d6', wall: '#e8e1d4' })}${shadow(470, 650, 150, 16)}
<rect x="340" y="300" width="260" height="350" rx="30" fill="#e9f2f2" fill-opacity="0.55" stroke="#c8d8d8" stroke-width="5"/>
<rect x="350" y="420" width="240" height="222" rx="24" fill="${lin(['#efe2c4', '#dcc79b'])}"/>
${Array.from({ length: 14 }, (_, i) => `<circle cx="${370 + ((i * 53) % 210)}" cy="${440 + ((i * 37) % 180)}" r="${4 + (i % 4) * 2}" fill="#c9b07c"/>`).join('')}
<rect x="336" y="470" width="268" height="12" fill="#d9534f"/><rect x="330" y="280" width="280" height="30" rx="8" fill="#c9c2b5"/>
<g transform="rotate(-24 760 600)">${shadow(760, 660, 120, 8)}<ellipse cx="680" cy="600" rx="50" ry="30" fill="${birch}"/><rect x="720" y="592" width="220" height="16" rx="8" fill="${birch}"/></g>`),
  'pet-carrier': () =>
    photo(`${room({ wall: '#eceae6', floor: '#b89b7c' })}${shadow(512, 690, 300, 20)}
<path d="M250 690 L 250 520 Q 260 470 320 470 L 704 470 Q 764 470 774 520 L 774 690 Z" fill="#f1f1ef"/><path d="M240 540 Q 250 380 512 370 Q 774 380 784 540 Z" fill="${lin(['#9aa3ab', '#6f7880'])}"/>
<rect x="430" y="330" width="164" height="30" rx="14" fill="#59616a"/><rect x="360" y="470" width="304" height="200" rx="16" fill="#3a4047"/>
${Array.from({ length: 9 }, (_, i) => `<line x1="${380 + i * 33}" y1="485" x2="${380 + i * 33}" y2="655" stroke="#c7cdd2" stroke-width="5"/>`).join('')}`),
  'baby-clothes': () =>
    photo(`${room({ wall: '#f1ece6', floor: '#c7a882' })}${box(512, 690, { w: 460, h: 240, open: true })}
${[['#f7c9d4', 330], ['#cfe4f7', 420], ['#fff3c4', 510], ['#d7f0dc', 600], ['#f9d9c4', 680]].map(([c, x]) => `<rect x="${x}" y="380" width="110" height="90" rx="16" fill="${c}" transform="rotate(${(Number(x) % 7) - 3} ${x} 420)"/>`).join('')}`),
  'moving-boxes': () =>
    photo(`${room({ wall: '#ebe7e1', floor: '#a99277' })}${shadow(512, 690, 360, 20)}
${Array.from({ length: 10 }, (_, i) => `<rect x="${190 + ((i * 13) % 20)}" y="${660 - i * 18}" width="640" height="18" fill="${i % 2 ? '#c49a6c' : '#b88d5f'}" stroke="#9c7448" stroke-width="1"/>`).join('')}
${shadow(820, 690, 60, 8)}<circle cx="820" cy="650" r="48" fill="none" stroke="#d8c7a0" stroke-width="26"/>`),
  'galaxy-buds': () =>
    photo(`${table({ top: '#f0eeea' })}${shadow(470, 620, 130, 14)}<path d="M360 620 Q 350 470 470 460 Q 590 470 580 620 Z" fill="${lin(['#5a5d63', '#34363a'])}"/><line x1="358" y1="560" x2="582" y2="560" stroke="#222" stroke-width="3"/>
${[650, 760].map((x) => `${shadow(x, 630, 50, 8)}<ellipse cx="${x}" cy="590" rx="42" ry="38" fill="#404348"/><ellipse cx="${x - 12}" cy="580" rx="16" ry="14" fill="#6b6f75"/>`).join('')}`, 1.6),
  'mx-keys': () =>
    photo(`${table({ top: '#dcd6cc', wall: '#d2d6d9', topY: 300 })}${shadow(512, 600, 420, 20)}<path d="M120 470 L 904 470 L 930 590 L 94 590 Z" fill="#3c3f44"/>
${Array.from({ length: 5 }, (_, r) => Array.from({ length: 15 }, (_, c) => `<rect x="${130 + c * 51 - r * 5 + (r > 2 ? 0 : 0)}" y="${480 + r * 21}" width="44" height="17" rx="4" fill="#55595f"/>`).join('')).join('')}`, 1.15),
  monitor: () =>
    photo(`${room({ wall: '#e6e7e4', floor: '#d3c6b3', floorY: 560, planks: false })}${shadow(512, 640, 220, 16)}
<rect x="150" y="110" width="724" height="420" rx="10" fill="#1b1c1e"/><rect x="164" y="124" width="696" height="384" fill="${lin(['#1e3c72', '#2a5298', '#6dd5ed'])}"/>
<path d="M164 420 C 360 330, 520 470, 860 360 L 860 508 L 164 508 Z" fill="#0f2a52" opacity="0.6"/><rect x="492" y="530" width="40" height="90" fill="#c9cbce"/><rect x="392" y="614" width="240" height="20" rx="8" fill="#c9cbce"/>`),
  'baseball-tickets': () =>
    photo(`${table({ top: '#e3ded5' })}${ticket(470, 380, -6, { color: '#13294b', title: 'DOOSAN vs LG', lines: ['잠실 1루 블루석', '토 18:30  212블록'] })}${ticket(560, 540, 5, { color: '#13294b', title: 'DOOSAN vs LG', lines: ['잠실 1루 블루석', '토 18:30  212블록'] })}`),
  kindle: () => photo(`${fabric('#d8d2c8')}${tablet(512, 660, { body: '#222326', w: 300, h: 430, screen: ['#f0efe9', '#e2e0d8'] })}${Array.from({ length: 9 }, (_, i) => `<rect x="392" y="${290 + i * 30}" width="${i % 4 === 3 ? 140 : 240}" height="8" rx="4" fill="#9a988f"/>`).join('')}`, 1.1),
  bookshelf: () =>
    photo(`${room({ wall: '#efe9e0', floor: '#b89470' })}${shadow(512, 700, 220, 16)}<rect x="330" y="70" width="364" height="630" fill="${shade(wood, 0.15)}"/>
${[0, 1, 2, 3, 4].map((i) => `<rect x="348" y="${84 + i * 122}" width="328" height="104" fill="${shade(wood, -0.25)}"/>${i % 2 ? bookRow(356, 188 + i * 122, [['#7b1e2b', 90], ['#1d3b6e', 84], ['#d9c9a8', 96], ['#2f5e3a', 80]], 26) : ''}`).join('')}`),
  'desk-frame': () =>
    photo(`${room({ wall: '#e9e9e7', floor: '#c0b5a6', planks: false })}${shadow(512, 700, 380, 18)}
${[220, 804].map((x) => `<rect x="${x - 18}" y="300" width="36" height="380" fill="#2c2e31"/><rect x="${x - 110}" y="676" width="220" height="20" rx="8" fill="#2c2e31"/><rect x="${x - 26}" y="290" width="52" height="24" fill="#3a3d41"/>`).join('')}
<rect x="200" y="300" width="624" height="26" fill="#2c2e31"/><rect x="300" y="296" width="120" height="30" rx="6" fill="#45484d"/>`),
  bumbo: () =>
    photo(`${room({ wall: '#f0ede7', floor: '#cbb596' })}${shadow(512, 690, 230, 18)}<path d="M320 690 Q 300 520 380 470 L 644 470 Q 724 520 704 690 Z" fill="${lin(['#9fd8c9', '#69b8a4'])}"/>
<ellipse cx="512" cy="490" rx="140" ry="50" fill="#4f9b88"/><path d="M280 450 L 744 450 L 724 410 L 300 410 Z" fill="#eaf6f2"/>`),
  'tripp-trapp': () =>
    photo(`${room({ wall: '#edeae3', floor: '#b99974' })}${shadow(512, 700, 200, 16)}
<path d="M420 700 L 560 90 L 600 100 L 470 700 Z" fill="${birch}"/><path d="M610 700 L 520 240 L 550 235 L 650 700 Z" fill="${shade(birch, -0.1)}"/>
<rect x="450" y="380" width="200" height="22" fill="${shade(birch, -0.05)}"/><rect x="460" y="540" width="200" height="22" fill="${shade(birch, -0.05)}"/><rect x="470" y="190" width="150" height="26" fill="${shade(birch, -0.05)}"/>`),
  'air-force': () =>
    photo(`${table({ top: '#dcdcdc', wall: '#cfd2d6', topY: 380 })}${shadow(512, 600, 300, 18)}
<path d="M230 580 L 230 520 Q 250 430 360 420 L 480 380 Q 560 370 600 420 L 760 480 Q 800 500 800 540 L 800 580 Z" fill="${lin(['#ffffff', '#e6e6e6'])}"/>
<rect x="220" y="570" width="590" height="34" rx="12" fill="#f5f5f5" stroke="#cfcfcf" stroke-width="3"/><path d="M420 520 Q 560 540 700 470" stroke="#d4d4d4" stroke-width="10" fill="none"/>
${[0, 1, 2, 3].map((i) => `<line x1="${470 + i * 26}" y1="${400 + i * 8}" x2="${500 + i * 26}" y2="${416 + i * 8}" stroke="#bbb" stroke-width="4"/>`).join('')}`, 1.25),
  'knit-scarf': () =>
    photo(`${fabric('#cfd4d8')}${shadow(512, 560, 330, 20)}<rect x="200" y="290" width="624" height="260" rx="20" fill="${lin(['#e8b83a', '#c9961c'])}"/>
${Array.from({ length: 26 }, (_, i) => `<line x1="${215 + i * 23}" y1="300" x2="${215 + i * 23}" y2="540" stroke="#a87b12" stroke-opacity="0.45" stroke-width="5"/>`).join('')}
${Array.from({ length: 16 }, (_, i) => `<line x1="${230 + i * 37}" y1="550" x2="${226 + i * 37}" y2="610" stroke="#c9961c" stroke-width="7" stroke-linecap="round"/>`).join('')}`),
  'toeic-books': () => photo(`${table({ top: '#e6e1d8' })}${bookStack(512, 640, [['#0f4c81', 'ETS 토익 1000제 RC', 60], ['#e06a1b', 'ETS 토익 1000제 LC', 60]], 420)}`, 1.35),
  murakami: () =>
    photo(`${table({ top: '#e9e3d8' })}${bookStack(512, 650, [
      ['#2b2b2b', '1Q84 Book 3', 44],
      ['#3e5c76', '1Q84 Book 2', 44],
      ['#b23a48', '1Q84 Book 1', 44],
      ['#1f6f5f', 'Kafka on the Shore', 48],
      ['#c0392b', 'Norwegian Wood', 40],
    ])}`, 1.45),
  stroller: () =>
    photo(`${room({ wall: '#e7e9eb', floor: '#9fa4a8', floorY: 520, planks: false })}${shadow(512, 700, 260, 18)}
${wheel(340, 660, 40, { spokes: 6 })}${wheel(420, 670, 34, { spokes: 6 })}${wheel(640, 660, 40, { spokes: 6 })}${wheel(700, 670, 34, { spokes: 6 })}
<path d="M340 660 L 520 420 L 700 660 M420 670 L 560 460 M520 420 L 660 220" stroke="#2b2e33" stroke-width="12" fill="none" stroke-linecap="round"/>
<path d="M420 470 Q 430 360 560 330 L 600 470 Z" fill="#1f3a5f"/><rect x="450" y="470" width="200" height="60" rx="20" fill="#27466f"/><rect x="640" y="200" width="60" height="26" rx="12" fill="#222"/>`),
  'bike-helmet': () =>
    photo(`${table({ top: '#e8e6e2' })}${shadow(512, 620, 260, 18)}<path d="M270 610 Q 260 330 512 300 Q 760 310 780 560 L 740 610 Z" fill="${lin(['#f4f4f4', '#bfc3c7'])}"/>
${[0, 1, 2, 3].map((i) => `<path d="M${360 + i * 90} ${360 - (i % 2) * 10} Q ${390 + i * 90} ${460} ${370 + i * 90} ${560}" stroke="#2c2f33" stroke-width="26" fill="none" stroke-linecap="round"/>`).join('')}
<path d="M300 600 Q 420 700 560 640" stroke="#333" stroke-width="6" fill="none"/>`, 1.15),
  'dyson-v8': () =>
    photo(`${room({ wall: '#eceae6', floor: '#bfa27f', floorY: 600 })}${shadow(560, 700, 200, 14)}
<rect x="560" y="120" width="26" height="520" rx="10" fill="#b7a2d8" transform="rotate(8 573 380)"/><path d="M470 120 Q 480 60 560 70 L 640 90 Q 680 120 650 190 L 520 200 Z" fill="#8f8f95"/>
<rect x="560" y="120" width="40" height="100" rx="14" fill="#f2c230"/><circle cx="500" cy="150" r="46" fill="#6e5aa6"/><rect x="510" y="640" width="220" height="50" rx="20" fill="#5a5a60"/>`),
  nespresso: () =>
    photo(`${table({ top: '#ebe6de', wall: '#e3e1dc' })}${shadow(420, 640, 150, 16)}
<rect x="300" y="300" width="240" height="340" rx="30" fill="${lin(['#3d3f44', '#1e1f22'], false)}"/><ellipse cx="420" cy="300" rx="120" ry="30" fill="#55575c"/><rect x="350" y="520" width="140" height="16" rx="6" fill="#999"/>
${[['#b8860b', 640], ['#6b2d5c', 720], ['#1f5f8b', 800], ['#2e7d32', 680], ['#c0392b', 760]].map(([c, x], i) => `${shadow(Number(x), 640 - (i > 2 ? 60 : 0), 36, 6)}<path d="M${Number(x) - 34} ${630 - (i > 2 ? 60 : 0)} Q ${x} ${560 - (i > 2 ? 60 : 0)} ${Number(x) + 34} ${630 - (i > 2 ? 60 : 0)} Z" fill="${c}"/>`).join('')}`),
  'cat-feeder': () =>
    photo(`${room({ wall: '#eef0f1', floor: '#c8b59b' })}${shadow(512, 690, 170, 16)}<rect x="400" y="260" width="224" height="380" rx="40" fill="${lin(['#ffffff', '#dfe2e4'], false)}"/>
<rect x="420" y="290" width="184" height="150" rx="20" fill="#dfeaf0" fill-opacity="0.7"/><path d="M420 640 L 604 640 L 604 600 L 420 600 Z" fill="#f3f3f3"/><ellipse cx="512" cy="660" rx="90" ry="28" fill="#c9d3d8"/><rect x="470" y="470" width="84" height="34" rx="8" fill="#2d3135"/>`),
  aquarium: () =>
    photo(`${room({ wall: '#e8ebea', floor: '#ab8d6e' })}${shadow(512, 640, 330, 16)}<rect x="220" y="250" width="584" height="360" fill="#d7ecf0" fill-opacity="0.5" stroke="#9fb6bb" stroke-width="6"/>
<rect x="210" y="236" width="604" height="22" rx="4" fill="#2f3336"/><rect x="230" y="570" width="564" height="34" fill="#d8c7a4"/><rect x="210" y="606" width="604" height="40" fill="#2f3336"/>
<path d="M300 570 C 290 500, 320 450, 300 400 M330 570 C 340 500, 320 470, 350 420" stroke="#6a9a58" stroke-width="8" fill="none"/><rect x="700" y="300" width="40" height="180" rx="8" fill="#555"/>`),
  stucky: () =>
    photo(`${table({ top: '#eee9e0', wall: '#e6eae4' })}${[330, 512, 694]
      .map((x, i) => `${pot(x, 650, { w: 130, h: 120, color: ['#f0ede8', '#cfc6b8', '#9aa3a8'][i] })}${[-24, 0, 22].map((dx, k) => `<rect x="${x + dx - 9}" y="${420 - ((i + k) % 3) * 40}" width="18" height="${120 + ((i + k) % 3) * 40}" rx="9" fill="${lin(['#6f8f5e', '#3f6440'], false)}"/>`).join('')}`)
      .join('')}`),
  'fiddle-leaf': () =>
    photo(`${room({ wall: '#f0efe9', floor: '#c6a57f' })}${pot(512, 700, { w: 200, h: 170, color: '#f2f1ee' })}<path d="M512 520 L 520 120" stroke="#5d4630" stroke-width="12"/>
${[[520, 140, -80], [516, 200, -20], [515, 240, -160], [514, 300, -15], [513, 340, -170], [512, 400, -25], [512, 440, -150]].map(([x, y, a]) => leaf(x, y, a, 150, '#2e6a2e')).join('')}`),
  'desk-lamp': () =>
    photo(`${table({ top: '#e9e3d9' })}${shadow(480, 640, 150, 14)}<ellipse cx="480" cy="630" rx="110" ry="24" fill="#2b2d30"/>
<path d="M480 620 L 420 400 L 600 250" stroke="#2b2d30" stroke-width="16" fill="none" stroke-linejoin="round"/><path d="M560 210 L 700 300 L 640 360 Z" fill="#2b2d30"/><ellipse cx="672" cy="332" rx="46" ry="16" fill="#fff6d6" transform="rotate(34 672 332)"/>`, 1.15),
  'picture-books': () =>
    photo(`${fabric('#e6e0d6')}${[['#f4a261', -10, 380, 300], ['#2a9d8f', 8, 600, 320], ['#e76f51', -4, 440, 470], ['#8ab17d', 12, 640, 500], ['#457b9d', -14, 520, 380]]
      .map(([c, a, x, y]) => `<g transform="rotate(${a} ${x} ${y})">${shadow(Number(x), Number(y) + 110, 160, 14)}<rect x="${Number(x) - 150}" y="${Number(y) - 110}" width="300" height="220" rx="6" fill="${c}"/><circle cx="${Number(x) - 40}" cy="${y}" r="46" fill="#fff" fill-opacity="0.75"/><rect x="${Number(x) + 20}" y="${Number(y) - 40}" width="100" height="18" rx="9" fill="#fff" fill-opacity="0.75"/></g>`)
      .join('')}`),
  'airpods-max': () => photo(`${table({ top: '#f0eeeb' })}${headphones(512, 640, { color: '#a9cfe4', cushion: '#dfe9ef', band: '#e6ebee' })}`),
  'bose-qc45': () => photo(`${fabric('#c9ced4')}${headphones(512, 640, { color: '#2a2c30', cushion: '#1c1d20', band: '#3a3c41' })}`),
  sofa: () =>
    photo(`${room({ wall: '#ece8e1', floor: '#b48f6a' })}${shadow(512, 690, 430, 20)}<rect x="120" y="320" width="784" height="220" rx="36" fill="${lin(['#9ba1a8', '#7d838a'])}"/>
<rect x="90" y="420" width="120" height="250" rx="40" fill="#858b92"/><rect x="814" y="420" width="120" height="250" rx="40" fill="#858b92"/>
${[0, 1, 2].map((i) => `<rect x="${210 + i * 204}" y="500" width="200" height="130" rx="24" fill="${lin(['#a7adb3', '#8c9299'])}"/>`).join('')}<rect x="180" y="620" width="664" height="40" fill="#6f757c"/>`),
  'bunk-bed': () =>
    photo(`${room({ wall: '#eceef0', floor: '#b59a7d' })}${shadow(512, 700, 340, 18)}
${[200, 824].map((x) => `<rect x="${x - 10}" y="90" width="20" height="610" fill="#f5f5f5" stroke="#cfd3d6" stroke-width="2"/>`).join('')}
${[220, 560].map((y) => `<rect x="200" y="${y}" width="624" height="22" fill="#f5f5f5" stroke="#cfd3d6" stroke-width="2"/>${Array.from({ length: 7 }, (_, i) => `<line x1="${260 + i * 85}" y1="${y}" x2="${260 + i * 85}" y2="${y + 22}" stroke="#d9dcdf" stroke-width="3"/>`).join('')}`).join('')}
<path d="M200 160 L 824 160" stroke="#f5f5f5" stroke-width="14"/>${[0, 1, 2, 3, 4].map((i) => `<line x1="700" y1="${260 + i * 60}" x2="780" y2="${260 + i * 60}" stroke="#f5f5f5" stroke-width="10"/>`).join('')}<path d="M700 240 L 700 560 M780 240 L 780 560" stroke="#f5f5f5" stroke-width="10"/>`),
  'cat-tree': () =>
    photo(`${room({ wall: '#ecebe8', floor: '#bea281' })}${shadow(512, 700, 240, 18)}<rect x="320" y="640" width="400" height="60" rx="10" fill="#9ea3a8"/>
${[[420, 230, 410], [600, 330, 310]].map(([x, y, h]) => `<rect x="${Number(x) - 26}" y="${y}" width="52" height="${h}" fill="#d9c39a"/>${Array.from({ length: 12 }, (_, i) => `<line x1="${Number(x) - 26}" y1="${Number(y) + i * 34}" x2="${Number(x) + 26}" y2="${Number(y) + i * 34 + 10}" stroke="#b59c6e" stroke-width="4"/>`).join('')}`).join('')}
<rect x="330" y="200" width="200" height="36" rx="10" fill="#9ea3a8"/><rect x="520" y="300" width="200" height="36" rx="10" fill="#9ea3a8"/><rect x="340" y="440" width="170" height="140" rx="20" fill="#8f959a"/><circle cx="425" cy="510" r="40" fill="#5f646a"/>`),
  'ski-jacket': () => photo(`${room({ wall: '#eceeef', floor: '#c9b69c' })}${jacket(512, 200, { color: '#d62828', puffy: true, w: 290, h: 340, hood: true })}`),
  'storage-boxes': () =>
    photo(`${room({ wall: '#efede9', floor: '#c4aa8a' })}${shadow(512, 700, 260, 16)}
${[0, 1].map((c) => [0, 1, 2].map((r) => `<rect x="${300 + c * 216}" y="${250 + r * 150}" width="208" height="144" rx="6" fill="#eef0f0" fill-opacity="0.92" stroke="#cfd4d6" stroke-width="3"/><rect x="${364 + c * 216}" y="${262 + r * 150}" width="80" height="14" rx="7" fill="#d7dbdd"/>`).join('')).join('')}`),
  'gaming-chair': () =>
    photo(`${room({ wall: '#e5e6e8', floor: '#9d8c78' })}${shadow(512, 700, 200, 16)}<path d="M400 100 Q 512 60 624 100 L 610 440 L 414 440 Z" fill="#1d1e21"/>
<path d="M440 110 L 455 430 M584 110 L 569 430" stroke="#c62828" stroke-width="18"/><rect x="390" y="430" width="244" height="70" rx="24" fill="#26272b"/><rect x="500" y="500" width="24" height="120" fill="#555"/>
${[-1, -0.4, 0.4, 1].map((k) => `<line x1="512" y1="620" x2="${512 + k * 170}" y2="${670 + Math.abs(k) * 10}" stroke="#333" stroke-width="14" stroke-linecap="round"/><circle cx="${512 + k * 170}" cy="${684 + Math.abs(k) * 10}" r="12" fill="#222"/>`).join('')}
<rect x="360" y="380" width="30" height="90" rx="8" fill="#333"/><rect x="634" y="380" width="30" height="90" rx="8" fill="#333"/>`),
  'light-stick': () =>
    photo(`${fabric('#2b2d3a')}${shadow(520, 640, 150, 12)}<rect x="496" y="400" width="48" height="250" rx="20" fill="#e9e9ee" transform="rotate(-20 520 520)"/>
<circle cx="440" cy="300" r="140" fill="#7aa8ff" opacity="0.35" filter="url(#blur)"/><circle cx="440" cy="300" r="100" fill="${lin(['#e8f0ff', '#9cc0ff'])}"/><circle cx="440" cy="300" r="60" fill="#ffffff" opacity="0.85"/>`),
  'yoga-set': () =>
    photo(`${room({ wall: '#efebf0', floor: '#c1a888', floorY: 500 })}${shadow(512, 640, 380, 20)}<rect x="170" y="470" width="500" height="150" rx="20" fill="${lin(['#c9b6e4', '#a48cc8'])}"/>
<ellipse cx="670" cy="545" rx="40" ry="75" fill="#b9a3dc"/>${[0, 1, 2].map((i) => `<ellipse cx="670" cy="545" rx="${30 - i * 9}" ry="${62 - i * 18}" fill="none" stroke="#8d74b3" stroke-width="3"/>`).join('')}
<rect x="700" y="540" width="220" height="100" rx="14" fill="${lin(['#3a7bd5', '#2a5fa8'])}"/>${Array.from({ length: 8 }, (_, i) => `<circle cx="${720 + i * 26}" cy="590" r="7" fill="#1e4a86"/>`).join('')}`),
};

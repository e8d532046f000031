// Demo data a fresh install opens with, so the feed is never empty: real-sounding second-hand
// items in Bundang and Seoul neighbourhoods, in Korean and English, priced in won.
import type { CategoryId } from '@dongne/shared';

export const DEMO_SELLERS = [
  '판교 살림왕', 'Minji K.', '정자동 책방', 'Daniel in Seohyeon', '야탑 캠핑러', '수내 엄마', 'Hyun-woo', '망원 식집사',
];

/** Where the demo listings are: Bundang dongs first, then two in Seoul's Mapo-gu. */
export const DEMO_PLACES = [
  'kr-bundang-pangyo',
  'kr-bundang-baekhyeon',
  'kr-bundang-sampyeong',
  'kr-bundang-unjung',
  'kr-bundang-jeongja',
  'kr-bundang-seohyeon',
  'kr-bundang-sunae',
  'kr-bundang-yatap',
  'kr-mapo-mangwon',
  'kr-mapo-yeonnam',
];

/** The neighbourhood a visitor browses before choosing one: central Bundang, at the widest range. */
export const DEFAULT_NEIGHBOURHOOD_ID = 'kr-bundang-sunae';

type DemoListing = [title: string, priceKrw: number, category: CategoryId, place: number, description: string];

export const DEMO_LISTINGS: DemoListing[] = [
  ['아이패드 에어 5세대 64GB 스페이스그레이', 520000, 'digital', 0, '케이스랑 펜슬 2세대 같이 드려요. 배터리 효율 91%, 기스 없어요.'],
  ['Nintendo Switch OLED + 2 games', 330000, 'digital', 4, 'White model, barely used. Comes with Zelda TOTK and Mario Kart 8. Pick-up near Jeongja station.'],
  ['이케아 포엥 암체어', 45000, 'furniture', 1, '베이지 쿠션, 커버 세탁 완료. 직접 가져가셔야 해요 (엘리베이터 있음).'],
  ['Solid oak dining table (4 seats)', 180000, 'furniture', 5, 'Moving out sale. 120x80 cm, a few small marks on one corner. Chairs sold separately.'],
  ['유아 자전거 14인치 (보조바퀴 포함)', 35000, 'kids', 6, '아이가 커서 내놓아요. 타이어 공기 새로 넣었어요.'],
  ['LEGO Classic 10698 big box, complete', 40000, 'kids', 2, 'All pieces counted. Box is a bit worn but bricks are clean.'],
  ['노스페이스 눕시 패딩 95 블랙', 150000, 'clothing', 7, '작년 겨울에 몇 번 입었어요. 드라이클리닝 완료.'],
  ['Uniqlo wool coat, navy, size M', 30000, 'clothing', 3, 'Worn one season. No stains or pilling.'],
  ['해리포터 전집 (한글판 23권)', 60000, 'books', 4, '책 상태 깨끗해요. 정자동 책방 앞에서 직거래.'],
  ['Korean TOPIK II prep books (3)', 15000, 'books', 0, 'A few pencil notes, easily erased. Good for the July test.'],
  ['요넥스 배드민턴 라켓 2개 + 셔틀콕', 55000, 'sports', 6, '동호회 그만두면서 정리해요. 그립 새로 감았어요.'],
  ['Yoga mat and foam roller set', 12000, 'sports', 1, 'Mat is 6 mm, lilac. Roller 45 cm. Cleaned.'],
  ['설화수 윤조에센스 미개봉 90ml', 70000, 'beauty', 5, '선물 받았는데 안 써서 팔아요. 유통기한 2027년.'],
  ['Dyson Airwrap (older model)', 280000, 'beauty', 2, 'Works perfectly, all attachments included plus the case.'],
  ['쿠쿠 전기밥솥 6인용', 40000, 'household', 3, '이사 가서 새로 샀어요. 내솥 코팅 멀쩡합니다.'],
  ['Philips air fryer XL', 50000, 'household', 7, 'Used for a year, basket non-stick still fine.'],
  ['강아지 이동장 (중형견용)', 25000, 'pets', 0, '항공 기내용 아니고 차량용이에요. 세척했어요.'],
  ['Cat tree, 140 cm, grey', 30000, 'pets', 4, 'Our cats prefer the box it came in. Scratch posts in good shape.'],
  ['몬스테라 대형 화분 (1m)', 35000, 'plants', 8, '잎 10장 이상, 건강해요. 화분째 드려요.'],
  ['Pothos cuttings, rooted — free', 0, 'free', 9, 'Rooted in water, ready to pot. Take as many as you like.'],
  ['뮤지컬 레미제라블 R석 2매 (토요일)', 240000, 'tickets', 8, '일정이 생겨서 양도합니다. 정가 양도, 모바일 티켓 전달.'],
  ['KBO Doosan vs LG tickets x2', 40000, 'tickets', 9, 'Blue seats, Saturday evening game at Jamsil.'],
  ['아기 옷 한 박스 무료나눔 (0-12개월)', 0, 'free', 6, '깨끗하게 세탁했어요. 한 번에 가져가실 분께 드려요.'],
  ['Moving boxes (15), free', 0, 'free', 5, 'Flat-packed, clean, from our move last week.'],
  ['갤럭시 버즈2 프로 그라파이트', 90000, 'digital', 3, '한쪽 이어팁 교체했어요. 충전 케이스 상태 좋아요.'],
  ['Logitech MX Keys keyboard', 70000, 'digital', 2, 'Korean/English layout, backlight works, USB-C.'],
  ['LG 27인치 4K 모니터', 210000, 'digital', 1, '데드픽셀 없어요. HDMI 케이블 포함.'],
  ['Kindle Paperwhite 11th gen', 95000, 'digital', 0, 'Ad-free, with a fabric cover. Screen flawless.'],
  ['원목 책장 5단', 30000, 'furniture', 7, '폭 80cm. 나사 풀어서 분해해 드릴 수 있어요.'],
  ['Standing desk frame (electric)', 160000, 'furniture', 4, 'Dual motor, memory presets. Top not included.'],
  ['범보 의자 + 식판', 20000, 'kids', 5, '깨끗하게 사용했어요. 벨트 있어요.'],
  ['Stokke Tripp Trapp high chair', 150000, 'kids', 2, 'Natural colour with baby set. Minor scuffs on the footplate.'],
  ['나이키 에어포스 270mm', 50000, 'clothing', 6, '두 번 신었어요. 사이즈 실패로 판매.'],
  ['Handmade knit scarf, never worn', 10000, 'clothing', 9, 'Mustard yellow, very soft merino.'],
  ['토익 기출문제집 세트', 10000, 'books', 3, '필기 거의 없어요.'],
  ['Murakami novels in English (5)', 20000, 'books', 8, 'Norwegian Wood, Kafka on the Shore, 1Q84 and two more.'],
  ['캠핑 의자 2개 + 테이블', 60000, 'sports', 4, '헬리녹스 스타일 체어. 수납가방 포함.'],
  ['Road bike helmet, size M', 25000, 'sports', 0, 'No drops, padding washed.'],
  ['다이슨 V8 무선청소기', 130000, 'household', 1, '배터리 교체 1회. 헤드 3종 포함.'],
  ['Nespresso Vertuo + 20 pods', 60000, 'household', 6, 'Descaled last month. Pods are assorted.'],
  ['고양이 자동급식기', 35000, 'pets', 3, '앱 연동되는 모델이에요. 설명서 있어요.'],
  ['Aquarium 60 cm with filter', 45000, 'pets', 7, 'Empty and cleaned; light and heater included.'],
  ['스투키 화분 3개', 15000, 'plants', 5, '물 자주 안 줘도 잘 커요.'],
  ['Fiddle leaf fig, 1.2 m', 40000, 'plants', 9, 'Healthy, just too big for our flat now.'],
  ['책상 스탠드 무료로 드려요', 0, 'free', 1, '잘 작동해요. 전구 포함.'],
  ['Kids picture books (20), free', 0, 'free', 8, 'Mix of Korean and English. Please take them all.'],
  ['에어팟 맥스 스카이블루', 420000, 'digital', 0, '정품 등록 완료, 스마트 케이스 포함.'],
  ['Bose QC45 headphones', 180000, 'digital', 5, 'Ear pads replaced recently. Carry case included.'],
  ['3인용 패브릭 소파', 120000, 'furniture', 3, '그레이 색상. 반려동물 없는 집이에요.'],
  ['Bunk bed frame, white', 90000, 'furniture', 6, 'Sturdy metal frame. Mattresses not included.'],
  ['유모차 (접이식 휴대용)', 80000, 'kids', 4, '한 손으로 접혀요. 비행기 기내 반입 가능.'],
  ['Winter ski jacket, kids 130', 30000, 'kids', 2, 'Waterproof, bright red so you can spot them on the slope.'],
  ['무인양품 수납함 세트', 25000, 'household', 8, '6개 세트. 깨끗해요.'],
  ['Gaming chair, black/red', 70000, 'furniture', 7, 'Reclines, armrests adjust. Small tear on the left arm.'],
  ['콘서트 굿즈 응원봉', 35000, 'tickets', 9, '건전지 넣으면 바로 작동해요.'],
  ['Sourdough starter jar — free to a good home', 0, 'free', 4, 'Three years old and very active. Bring a jar.'],
];

// Demo data a fresh install opens with, so the feed looks like a real neighbourhood: neighbours in
// Bundang and Seoul's Mapo-gu, each living and verified in one dong and selling there, written the
// way people write on Karrot (mostly Korean, a few expats in English), priced in won, with photos.
import type { CategoryId } from '@dongne/shared';

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
] as const;
export type DemoPlace = (typeof DEMO_PLACES)[number];

/** Where visitors browse before choosing a neighbourhood: Sunae 1-dong, in the middle of the demo sellers (once kr-bundang-sunae). */
export const DEFAULT_NEIGHBOURHOOD_ID = 'kr-3102353';

export interface DemoNeighbour {
  nickname: string;
  /** Where they live, are verified and sell. */
  home: DemoPlace;
  joinedDaysAgo: number;
  /** The days (before the seed) on which they verified their location at home: the latest first. */
  verifiedDaysAgo: readonly number[];
  /** Where they usually meet buyers; most of their listings name it. */
  meetingSpot: string;
}

export const DEMO_NEIGHBOURS: readonly DemoNeighbour[] = [
  { nickname: '판교토끼', home: 'kr-bundang-pangyo', joinedDaysAgo: 420, verifiedDaysAgo: [1, 12, 40, 95, 200], meetingSpot: '판교역 1번 출구' },
  { nickname: 'Daniel in Pangyo', home: 'kr-bundang-pangyo', joinedDaysAgo: 150, verifiedDaysAgo: [3, 33], meetingSpot: 'Pangyo station exit 1' },
  { nickname: '백현동살림꾼', home: 'kr-bundang-baekhyeon', joinedDaysAgo: 700, verifiedDaysAgo: [2, 20, 51, 88, 130, 260, 400], meetingSpot: '백현마을 5단지 정문' },
  { nickname: '쌍둥이아빠', home: 'kr-bundang-sampyeong', joinedDaysAgo: 300, verifiedDaysAgo: [4, 35, 90], meetingSpot: '봇들마을 놀이터 앞' },
  { nickname: '판교역출퇴근러', home: 'kr-bundang-sampyeong', joinedDaysAgo: 90, verifiedDaysAgo: [6], meetingSpot: '판교역 3번 출구' },
  { nickname: '빵굽는곰', home: 'kr-bundang-unjung', joinedDaysAgo: 560, verifiedDaysAgo: [1, 28, 70, 150], meetingSpot: '운중동 주민센터 앞' },
  { nickname: '운중동라떼', home: 'kr-bundang-unjung', joinedDaysAgo: 210, verifiedDaysAgo: [8, 45], meetingSpot: '운중저수지 주차장' },
  { nickname: 'Minji K.', home: 'kr-bundang-jeongja', joinedDaysAgo: 240, verifiedDaysAgo: [0, 16, 60], meetingSpot: 'Jeongja station exit 3' },
  { nickname: '정자동주민', home: 'kr-bundang-jeongja', joinedDaysAgo: 880, verifiedDaysAgo: [2, 25, 58, 120, 240, 365, 500, 700], meetingSpot: '정자역 3번 출구' },
  { nickname: 'Sarah in Seohyeon', home: 'kr-bundang-seohyeon', joinedDaysAgo: 400, verifiedDaysAgo: [1, 30, 90], meetingSpot: 'Seohyeon station, AK Plaza' },
  { nickname: '서현아빠', home: 'kr-bundang-seohyeon', joinedDaysAgo: 330, verifiedDaysAgo: [5, 44, 100], meetingSpot: '서현역 AK플라자 앞' },
  { nickname: '수내댁', home: 'kr-bundang-sunae', joinedDaysAgo: 510, verifiedDaysAgo: [3, 19, 66, 140], meetingSpot: '수내역 롯데백화점 앞' },
  { nickname: '탄천러너', home: 'kr-bundang-sunae', joinedDaysAgo: 120, verifiedDaysAgo: [10, 40], meetingSpot: '탄천 수내교 아래' },
  { nickname: '야탑캠퍼', home: 'kr-bundang-yatap', joinedDaysAgo: 610, verifiedDaysAgo: [4, 37, 80, 190], meetingSpot: '야탑역 2번 출구' },
  { nickname: '초코맘', home: 'kr-bundang-yatap', joinedDaysAgo: 180, verifiedDaysAgo: [13], meetingSpot: '야탑역 NC백화점 앞' },
  { nickname: '망원댁', home: 'kr-mapo-mangwon', joinedDaysAgo: 760, verifiedDaysAgo: [1, 22, 50, 110, 300], meetingSpot: '망원시장 입구' },
  { nickname: '망원동책벌레', home: 'kr-mapo-mangwon', joinedDaysAgo: 260, verifiedDaysAgo: [9, 75], meetingSpot: '망원역 2번 출구' },
  { nickname: 'Emma in Yeonnam', home: 'kr-mapo-yeonnam', joinedDaysAgo: 190, verifiedDaysAgo: [2, 31], meetingSpot: 'Yeonnam-dong, by the Gyeongui Line park' },
  { nickname: '연남동덕후', home: 'kr-mapo-yeonnam', joinedDaysAgo: 140, verifiedDaysAgo: [7], meetingSpot: '홍대입구역 3번 출구' },
];

/** The demo sellers' nicknames (the benchmarks' synthetic sellers borrow them). */
export const DEMO_SELLERS: readonly string[] = DEMO_NEIGHBOURS.map((n) => n.nickname);

export interface DemoDetails {
  /** Photo names in server/data/demo-photos/ (drawn by scripts/make-demo-photos.ts), cover first. */
  photos: readonly string[];
  /** Reserved or sold since it was posted; selling otherwise. */
  status?: 'reserved' | 'sold';
  /** 가격 제안 받기. */
  offers?: boolean;
  /** Posted without the seller's usual meeting spot. */
  noSpot?: boolean;
  /** Posted this many days before it was last bumped (끌어올리기). */
  bumpedAfterDays?: number;
}

type DemoListing = [title: string, priceKrw: number, category: CategoryId, seller: string, description: string, details: DemoDetails];

/** Newest first, as the feed shows them: the first was posted minutes ago, the last weeks ago. */
export const DEMO_LISTINGS: DemoListing[] = [
  ['아이패드 에어 5세대 64GB 스페이스그레이', 520000, 'digital', '판교토끼',
    '22년 11월 구매, 배터리 효율 91%예요.\n애플펜슬 2세대랑 정품 스마트폴리오 케이스 같이 드려요. 액정 기스 없고 필름 붙여서 썼어요.\n판교역 근처 직거래만 해요.',
    { photos: ['ipad-air', 'ipad-air-pencil'], offers: true }],
  ['Nintendo Switch OLED + 2 games', 330000, 'digital', 'Minji K.',
    'White model, barely used since we got a PS5. Comes with Zelda TOTK and Mario Kart 8, dock and both Joy-Cons. Pick-up near Jeongja station, weekday evenings.',
    { photos: ['switch-oled', 'switch-games'] }],
  ['캠핑 의자 2개 + 롤테이블 세트', 60000, 'sports', '정자동주민',
    '헬리녹스 스타일 경량 체어 2개랑 알루미늄 롤테이블이에요. 세 번 썼고 수납가방 다 있어요.\n캠핑 접어서 정리합니다.',
    { photos: ['camping-set'], bumpedAfterDays: 4 }],
  ['Solid oak dining table (4 seats)', 180000, 'furniture', 'Sarah in Seohyeon',
    'Moving out sale! 120 x 80 cm solid oak, a few small marks on one corner (see photo). Chairs sold separately. You will need a car, it does not fit in a taxi.',
    { photos: ['oak-table', 'oak-table-corner'], offers: true }],
  ['몬스테라 대형 화분 (1m)', 35000, 'plants', '망원댁',
    '잎 10장 넘고 찢잎도 많아요. 이사 가는 집이 좁아서 보내요.\n화분째 드려요. 무거우니 차 가져오세요.',
    { photos: ['monstera'] }],
  ['유아 자전거 14인치 (보조바퀴 포함)', 35000, 'kids', '수내댁',
    '아이가 커서 내놓아요. 타이어 공기 새로 넣었고 브레이크 잘 들어요.\n보조바퀴는 떼었다 붙였다 할 수 있어요.',
    { photos: ['kids-bike'] }],
  ['이케아 포엥 암체어', 45000, 'furniture', '백현동살림꾼',
    '베이지 쿠션이고 커버는 세탁 완료했어요. 프레임 흔들림 없어요.\n직접 가져가셔야 해요 (엘리베이터 있음).',
    { photos: ['poang-armchair'], bumpedAfterDays: 6 }],
  ['레고 클래식 10698 대형 박스', 40000, 'kids', '쌍둥이아빠',
    '부품 다 세어 봤어요, 빠진 거 없어요. 박스는 좀 헤졌는데 블럭은 깨끗하게 씻었어요.',
    { photos: ['lego-classic'] }],
  ['노스페이스 눕시 패딩 95 블랙', 150000, 'clothing', '야탑캠퍼',
    '작년 겨울에 몇 번 입었어요. 드라이클리닝 완료, 털 빠짐 없어요.\n정품이고 택은 없어요.',
    { photos: ['nuptse'], offers: true }],
  ['Pothos cuttings, rooted — free', 0, 'free', 'Emma in Yeonnam',
    'Rooted in water for three weeks, ready to pot. Take as many as you like, bring a bag or a jar.',
    { photos: ['pothos'] }],
  ['쿠쿠 전기밥솥 6인용', 40000, 'household', '빵굽는곰',
    '이사 오면서 10인용으로 바꿔서 팔아요. 내솥 코팅 멀쩡하고 고무패킹 작년에 갈았어요.',
    { photos: ['rice-cooker'], status: 'reserved' }],
  ['요넥스 배드민턴 라켓 2개 + 셔틀콕', 55000, 'sports', '탄천러너',
    '동호회 그만두면서 정리해요. 그립 새로 감았고 셔틀콕 반 통 같이 드려요.',
    { photos: ['badminton'] }],
  ['Korean TOPIK II prep books (3)', 15000, 'books', 'Daniel in Pangyo',
    'Passed level 5, so passing these on. A few pencil notes, easily erased. Good for the July test.',
    { photos: ['topik-books'] }],
  ['설화수 윤조에센스 미개봉 90ml', 70000, 'beauty', '서현아빠',
    '선물 받았는데 아내가 쓰던 게 있어서 팔아요. 미개봉 새상품이고 유통기한 2027년까지예요.',
    { photos: ['essence'] }],
  ['다이슨 에어랩 컴플리트 (구형)', 280000, 'beauty', '판교역출퇴근러',
    '잘 작동하고 구성품 전부 있어요. 전용 케이스 포함.\n새 모델 선물 받아서 내놓아요.',
    { photos: ['airwrap'], status: 'reserved', offers: true }],
  ['유니클로 울 블렌드 코트 네이비 M', 30000, 'clothing', '운중동라떼',
    '한 시즌 입었어요. 얼룩이나 보풀 없어요. 키 170 기준 무릎 위 기장이에요.',
    { photos: ['wool-coat'], noSpot: true }],
  ['해리포터 전집 (한글판 23권)', 60000, 'books', '정자동주민',
    '아이가 다 읽어서 보내요. 책 상태 깨끗하고 낙서 없어요.\n무거워서 직거래만 해요.',
    { photos: ['harry-potter'], bumpedAfterDays: 3 }],
  ['레미제라블 R석 2매 (토요일 저녁)', 240000, 'tickets', '망원동책벌레',
    '일정이 생겨서 양도해요. 정가 양도이고 1층 R석 연석이에요.\n모바일 티켓으로 전달해 드려요.',
    { photos: ['musical-tickets'], noSpot: true }],
  ['필립스 에어프라이어 XL', 50000, 'household', '초코맘',
    '1년 썼어요. 바스켓 코팅 멀쩡하고 냄새 안 나게 세척했어요.',
    { photos: ['air-fryer'] }],
  ['Sourdough starter jar — free to a good home', 0, 'free', 'Minji K.',
    'Three years old and very active, fed this morning. Bring a clean jar and I will split it with you. Happy to share feeding tips!',
    { photos: ['sourdough'] }],
  ['강아지 이동장 (중형견용)', 25000, 'pets', '판교토끼',
    '항공 기내용 아니고 차량용이에요. 10kg까지 괜찮아요. 깨끗하게 세척했어요.',
    { photos: ['pet-carrier'] }],
  ['아기 옷 한 박스 나눔 (0-12개월)', 0, 'free', '수내댁',
    '내복, 우주복, 손싸개까지 한 박스예요. 깨끗하게 세탁했어요.\n한 번에 다 가져가실 분께 드려요.',
    { photos: ['baby-clothes'], status: 'reserved' }],
  ['Moving boxes (15), free', 0, 'free', 'Sarah in Seohyeon',
    'Flat-packed and clean, from our move last week. Some tape included. Please take them all!',
    { photos: ['moving-boxes'] }],
  ['갤럭시 버즈2 프로 그라파이트', 90000, 'digital', '운중동라떼',
    '한쪽 이어팁 새 걸로 교체했어요. 충전 케이스 상태 좋고 박스 있어요.',
    { photos: ['galaxy-buds'], status: 'sold' }],
  ['로지텍 MX Keys 키보드', 70000, 'digital', '판교역출퇴근러',
    '한/영 각인, 백라이트 잘 들어오고 USB-C 충전이에요. 회사에서 키보드가 나와서 팔아요.',
    { photos: ['mx-keys'], bumpedAfterDays: 5 }],
  ['LG 27인치 4K 모니터', 210000, 'digital', '백현동살림꾼',
    '27UL850 모델이에요. 데드픽셀 없고 HDMI 케이블 같이 드려요.\n박스 있어서 포장해 드릴 수 있어요.',
    { photos: ['monitor'], offers: true }],
  ['KBO 두산 vs LG 2연석 (토요일 저녁)', 40000, 'tickets', '연남동덕후',
    '잠실 1루 블루석 2연석이에요. 정가에 양도해요.',
    { photos: ['baseball-tickets'], status: 'sold', noSpot: true }],
  ['Kindle Paperwhite 11th gen', 95000, 'digital', 'Daniel in Pangyo',
    'Ad-free version with a fabric cover. Screen is flawless, battery lasts weeks. Switching to a Kobo.',
    { photos: ['kindle'] }],
  ['원목 책장 5단', 30000, 'furniture', '야탑캠퍼',
    '폭 80cm, 높이 180cm예요. 나사 풀어서 분해해 드릴 수 있어요.\n1톤 트럭이나 SUV면 충분해요.',
    { photos: ['bookshelf'], bumpedAfterDays: 7 }],
  ['Standing desk frame (electric)', 160000, 'furniture', 'Minji K.',
    'Dual motor, 4 memory presets, goes from 70 to 120 cm. Top not included. Moving back to Toronto in January.',
    { photos: ['desk-frame'], offers: true }],
  ['범보 의자 + 식판', 20000, 'kids', '서현아빠',
    '깨끗하게 사용했어요. 벨트랑 식판 다 있어요.',
    { photos: ['bumbo'], status: 'sold' }],
  ['스토케 트립트랩 하이체어 내추럴', 150000, 'kids', '쌍둥이아빠',
    '베이비세트 포함이에요. 발판에 작은 긁힘 있어요.\n둘째까지 잘 썼어요.',
    { photos: ['tripp-trapp'], offers: true }],
  ['나이키 에어포스1 270', 50000, 'clothing', '탄천러너',
    '두 번 신었어요. 사이즈 실패로 팔아요. 박스 있어요.',
    { photos: ['air-force'] }],
  ['Handmade knit scarf, never worn', 10000, 'clothing', 'Emma in Yeonnam',
    'Mustard yellow merino, very soft. Knitted it for a friend who moved to Busan.',
    { photos: ['knit-scarf'] }],
  ['토익 기출문제집 세트', 10000, 'books', '운중동라떼',
    'ETS 1000제 LC/RC 세트예요. 필기 거의 없어요.',
    { photos: ['toeic-books'], noSpot: true }],
  ['하루키 소설 영문판 5권', 20000, 'books', '망원동책벌레',
    'Norwegian Wood, Kafka on the Shore, 1Q84 1-3권이에요. 영어 공부하려고 샀는데 다 읽었어요.',
    { photos: ['murakami'] }],
  ['휴대용 유모차 (기내 반입)', 80000, 'kids', '정자동주민',
    '한 손으로 접혀요. 비행기 기내 반입 돼요. 바퀴 상태 좋아요.',
    { photos: ['stroller'], status: 'reserved' }],
  ['Road bike helmet, size M', 25000, 'sports', 'Daniel in Pangyo',
    'No drops or cracks, padding washed. Fits 55-59 cm.',
    { photos: ['bike-helmet'] }],
  ['다이슨 V8 무선청소기', 130000, 'household', '백현동살림꾼',
    '배터리 한 번 교체했어요. 헤드 3종이랑 거치대 포함이에요.',
    { photos: ['dyson-v8'], status: 'sold' }],
  ['네스프레소 버츄오 + 캡슐 20개', 60000, 'household', '탄천러너',
    '지난달에 석회 제거했어요. 캡슐은 여러 가지 섞여 있어요.',
    { photos: ['nespresso'], bumpedAfterDays: 4 }],
  ['고양이 자동급식기', 35000, 'pets', '빵굽는곰',
    '앱 연동되는 모델이에요. 설명서 있고 건전지 백업도 돼요.',
    { photos: ['cat-feeder'] }],
  ['어항 60cm 풀세트', 45000, 'pets', '초코맘',
    '물 빼고 깨끗이 닦아 뒀어요. 조명, 히터, 여과기 포함이에요.',
    { photos: ['aquarium'] }],
  ['스투키 화분 3개', 15000, 'plants', '서현아빠',
    '물 한 달에 한 번만 줘도 잘 커요. 세 개 같이 가져가시면 돼요.',
    { photos: ['stucky'] }],
  ['Fiddle leaf fig, 1.2 m', 40000, 'plants', 'Emma in Yeonnam',
    'Healthy, just too big for our flat now. Comes in the white pot.',
    { photos: ['fiddle-leaf'] }],
  ['책상 스탠드 나눔해요', 0, 'free', '백현동살림꾼',
    '잘 작동해요. 전구도 끼워서 드려요. 문고리 나눔 가능해요.',
    { photos: ['desk-lamp'] }],
  ['영어 그림책 20권 나눔', 0, 'free', '망원댁',
    '한글책, 영어책 섞여 있어요. 한 번에 다 가져가실 분 연락 주세요.',
    { photos: ['picture-books'] }],
  ['에어팟 맥스 스카이블루', 420000, 'digital', '판교토끼',
    '정품 등록 완료, 스마트 케이스 포함이에요. 이어쿠션 깨끗해요.',
    { photos: ['airpods-max'], status: 'sold' }],
  ['Bose QC45 headphones', 180000, 'digital', 'Sarah in Seohyeon',
    'Ear pads replaced recently. Carry case and cable included. Noise cancelling works great on the subway.',
    { photos: ['bose-qc45'] }],
  ['3인용 패브릭 소파 그레이', 120000, 'furniture', '빵굽는곰',
    '반려동물 없는 집이에요. 커버 분리 세탁돼요. 폭 210cm라 사다리차 필요할 수 있어요.',
    { photos: ['sofa'], offers: true }],
  ['이층침대 프레임 화이트', 90000, 'furniture', '수내댁',
    '튼튼한 철제 프레임이에요. 매트리스는 포함 안 돼요. 분해해 둘게요.',
    { photos: ['bunk-bed'] }],
  ['캣타워 140cm 그레이', 30000, 'pets', '정자동주민',
    '우리 고양이는 박스만 좋아해서요. 스크래처 기둥 상태 좋아요.',
    { photos: ['cat-tree'] }],
  ['아동 스키복 130 빨강', 30000, 'kids', '쌍둥이아빠',
    '방수 잘 되고 빨간색이라 슬로프에서 잘 보여요. 한 시즌 입었어요.',
    { photos: ['ski-jacket'] }],
  ['무인양품 PP 수납함 6개', 25000, 'household', '망원댁',
    '서랍형 6개 세트예요. 깨끗하게 닦아 뒀어요.',
    { photos: ['storage-boxes'] }],
  ['게이밍 의자 블랙레드', 70000, 'furniture', '야탑캠퍼',
    '등받이 젖혀지고 팔걸이 높이 조절돼요. 왼쪽 팔걸이에 작은 찢어짐 있어요.',
    { photos: ['gaming-chair'], offers: true }],
  ['콘서트 응원봉', 35000, 'tickets', '연남동덕후',
    '건전지 넣으면 바로 작동해요. 블루투스 연동 확인했어요.',
    { photos: ['light-stick'] }],
  ['요가매트 + 폼롤러 세트', 12000, 'sports', '백현동살림꾼',
    '매트 6mm 라일락색, 폼롤러 45cm예요. 깨끗하게 닦았어요.',
    { photos: ['yoga-set'] }],
];

/** Every photo name the demo listings use, each once. */
export const DEMO_PHOTO_NAMES: readonly string[] = [...new Set(DEMO_LISTINGS.flatMap(([, , , , , details]) => details.photos))];

/** A demo neighbour's account id, stable across reseeds. */
export const demoSellerId = (nickname: string) => `demo-seller-${DEMO_NEIGHBOURS.findIndex((n) => n.nickname === nickname) + 1}`;

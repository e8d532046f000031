// Demo posts for the neighbourhood board (동네생활), so a fresh install's board is alive: the demo
// neighbours asking, telling and sharing in their own dongs, some answered under the post and a few
// answered back, with 공감 from the neighbours around.
import type { BoardTopic } from '@dongne/shared';

export interface DemoComment {
  /** The demo neighbour who wrote it (DEMO_NEIGHBOURS' nickname). */
  by: string;
  text: string;
  /** Answers to it, one level only. */
  replies?: readonly { by: string; text: string }[];
}

export interface DemoPost {
  /** The demo neighbour who posted it, in their home dong. */
  by: string;
  topic: BoardTopic;
  text: string;
  hoursAgo: number;
  comments?: readonly DemoComment[];
  /** How many neighbours around gave it 공감. */
  reactions: number;
}

/** Newest first, as the board shows them. */
export const DEMO_POSTS: readonly DemoPost[] = [
  {
    by: '수내댁',
    topic: 'question',
    text: '수내동 근처에 주말에도 여는 소아과 있을까요? 아이가 어젯밤부터 열이 나는데 토요일이라 걱정이에요.',
    hoursAgo: 0.7,
    comments: [
      {
        by: '탄천러너',
        text: '수내역 롯데백화점 건너편 건물 3층 소아과가 토요일 오후 1시까지 해요!',
        replies: [{ by: '수내댁', text: '감사해요 지금 바로 가볼게요 🙏' }],
      },
      { by: '정자동주민', text: '정자역 근처 달빛어린이병원은 주말에도 밤 늦게까지 해요.' },
    ],
    reactions: 4,
  },
  {
    by: '초코맘',
    topic: 'lost_found',
    text: '야탑역 2번 출구 근처에서 갈색 푸들을 잃어버렸어요. 이름은 초코, 빨간 목줄을 하고 있어요. 보신 분 꼭 연락 부탁드려요 😢',
    hoursAgo: 3,
    comments: [
      {
        by: '야탑캠퍼',
        text: '아까 7시쯤 탄천 자전거길 쪽에서 갈색 강아지 혼자 다니는 거 봤어요!',
        replies: [{ by: '초코맘', text: '정말요? 지금 그쪽으로 가볼게요. 감사합니다!' }],
      },
    ],
    reactions: 12,
  },
  {
    by: '탄천러너',
    topic: 'hobby',
    text: '탄천 새벽 러닝 같이 하실 분 구해요 🏃 매주 화·목 6시 수내교 아래에서 출발, 5km 천천히 뛰어요. 초보 환영!',
    hoursAgo: 5,
    comments: [
      {
        by: 'Minji K.',
        text: 'Can I join? I run pretty slowly though 😅',
        replies: [{ by: '탄천러너', text: 'Of course! 정말 천천히 뛰어요. 목요일에 봬요 👋' }],
      },
    ],
    reactions: 6,
  },
  {
    by: 'Sarah in Seohyeon',
    topic: 'question',
    text: 'Does anyone know an English-speaking dentist near Seohyeon station? Just moved here and need a check-up.',
    hoursAgo: 6,
    comments: [
      {
        by: '서현아빠',
        text: '서현역 AK플라자 맞은편 건물 2층 치과 원장님이 영어를 잘하세요.',
        replies: [{ by: 'Sarah in Seohyeon', text: 'Thank you so much! 감사합니다 😊' }],
      },
    ],
    reactions: 3,
  },
  {
    by: '빵굽는곰',
    topic: 'food',
    text: '운중동에 새로 생긴 베이글집 다녀왔어요. 플레인이랑 블루베리 크림치즈 추천해요! 오전 11시쯤 가면 갓 구운 걸 살 수 있어요.',
    hoursAgo: 26,
    comments: [{ by: '운중동라떼', text: '거기 커피도 괜찮더라고요 ☕' }],
    reactions: 9,
  },
  {
    by: '망원댁',
    topic: 'food',
    text: '망원시장 칼국수집은 줄 서서 먹을 만해요. 바지락이 듬뿍! 평일 오후 2시쯤 가면 덜 기다려요.',
    hoursAgo: 30,
    comments: [{ by: '망원동책벌레', text: '거기 수제비도 맛있어요. 다음엔 꼭 드셔 보세요!' }],
    reactions: 3,
  },
  {
    by: '판교토끼',
    topic: 'news',
    text: '판교역 앞 도로가 다음 주 월요일부터 2주간 야간 공사를 한대요. 밤 10시부터 새벽 5시까지 차선 통제가 있으니 참고하세요.',
    hoursAgo: 50,
    comments: [
      {
        by: '판교역출퇴근러',
        text: '정보 감사해요! 버스도 우회하는지 아시나요?',
        replies: [{ by: '판교토끼', text: '구청 공지에는 우회 없다고 나와 있었어요.' }],
      },
    ],
    reactions: 7,
  },
  {
    by: '연남동덕후',
    topic: 'hobby',
    text: '연남동 보드게임 모임 멤버를 모집해요 🎲 매주 금요일 저녁 8시, 경의선숲길 근처 카페에서 해요.',
    hoursAgo: 54,
    comments: [
      {
        by: 'Emma in Yeonnam',
        text: "I'd love to come! Is it okay if my Korean is basic?",
        replies: [{ by: '연남동덕후', text: '그럼요! 규칙은 천천히 설명해 드릴게요 😄' }],
      },
    ],
    reactions: 2,
  },
  {
    by: '정자동주민',
    topic: 'pets',
    text: '정자동 카페거리에서 강아지 동반 되는 카페를 정리해 봤어요. 테라스 있는 곳 위주로요. 산책하다 들르기 좋아요 🐶',
    hoursAgo: 75,
    reactions: 8,
  },
  {
    by: '쌍둥이아빠',
    topic: 'daily',
    text: '쌍둥이 돌잔치 무사히 끝났어요. 봇들마을 놀이터에서 자주 뵙던 분들이 축하해 주셔서 감사했어요 😊',
    hoursAgo: 100,
    comments: [{ by: '백현동살림꾼', text: '축하드려요! 벌써 돌이라니 시간 정말 빠르네요.' }],
    reactions: 11,
  },
];

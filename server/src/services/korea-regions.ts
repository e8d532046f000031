// Which city and district a dong is in, read from its administrative code (Statistics Korea's, as in
// the 2018 boundaries): the first two digits are the province or metropolitan city, the first five
// the si, gun or gu. Dong names repeat across Korea (there are 정자동s in Suwon and in Seongnam), so
// search results and labels say where each one is.

/** Provinces and metropolitan cities by their two-digit code: [Korean, English]. */
const PROVINCES: Record<string, [string, string]> = {
  '11': ['서울', 'Seoul'],
  '21': ['부산', 'Busan'],
  '22': ['대구', 'Daegu'],
  '23': ['인천', 'Incheon'],
  '24': ['광주', 'Gwangju'],
  '25': ['대전', 'Daejeon'],
  '26': ['울산', 'Ulsan'],
  '29': ['세종', 'Sejong'],
  '31': ['경기도', 'Gyeonggi-do'],
  '32': ['강원도', 'Gangwon-do'],
  '33': ['충청북도', 'Chungcheongbuk-do'],
  '34': ['충청남도', 'Chungcheongnam-do'],
  '35': ['전라북도', 'Jeollabuk-do'],
  '36': ['전라남도', 'Jeollanam-do'],
  '37': ['경상북도', 'Gyeongsangbuk-do'],
  '38': ['경상남도', 'Gyeongsangnam-do'],
  '39': ['제주도', 'Jeju-do'],
};

// "code district-ko district-en [city-ko city-en]": a gu inside a city (분당구 in 성남시) names its city;
// any other si, gun or gu is named with its province or metropolitan city.
const DISTRICTS = `
11010 종로구 Jongno-gu
11020 중구 Jung-gu
11030 용산구 Yongsan-gu
11040 성동구 Seongdong-gu
11050 광진구 Gwangjin-gu
11060 동대문구 Dongdaemun-gu
11070 중랑구 Jungnang-gu
11080 성북구 Seongbuk-gu
11090 강북구 Gangbuk-gu
11100 도봉구 Dobong-gu
11110 노원구 Nowon-gu
11120 은평구 Eunpyeong-gu
11130 서대문구 Seodaemun-gu
11140 마포구 Mapo-gu
11150 양천구 Yangcheon-gu
11160 강서구 Gangseo-gu
11170 구로구 Guro-gu
11180 금천구 Geumcheon-gu
11190 영등포구 Yeongdeungpo-gu
11200 동작구 Dongjak-gu
11210 관악구 Gwanak-gu
11220 서초구 Seocho-gu
11230 강남구 Gangnam-gu
11240 송파구 Songpa-gu
11250 강동구 Gangdong-gu
21010 중구 Jung-gu
21020 서구 Seo-gu
21030 동구 Dong-gu
21040 영도구 Yeongdo-gu
21050 부산진구 Busanjin-gu
21060 동래구 Dongnae-gu
21070 남구 Nam-gu
21080 북구 Buk-gu
21090 해운대구 Haeundae-gu
21100 사하구 Saha-gu
21110 금정구 Geumjeong-gu
21120 강서구 Gangseo-gu
21130 연제구 Yeonje-gu
21140 수영구 Suyeong-gu
21150 사상구 Sasang-gu
21310 기장군 Gijang-gun
22010 중구 Jung-gu
22020 동구 Dong-gu
22030 서구 Seo-gu
22040 남구 Nam-gu
22050 북구 Buk-gu
22060 수성구 Suseong-gu
22070 달서구 Dalseo-gu
22310 달성군 Dalseong-gun
23010 중구 Jung-gu
23020 동구 Dong-gu
23030 남구 Nam-gu
23040 연수구 Yeonsu-gu
23050 남동구 Namdong-gu
23060 부평구 Bupyeong-gu
23070 계양구 Gyeyang-gu
23080 서구 Seo-gu
23310 강화군 Ganghwa-gun
23320 옹진군 Ongjin-gun
24010 동구 Dong-gu
24020 서구 Seo-gu
24030 남구 Nam-gu
24040 북구 Buk-gu
24050 광산구 Gwangsan-gu
25010 동구 Dong-gu
25020 중구 Jung-gu
25030 서구 Seo-gu
25040 유성구 Yuseong-gu
25050 대덕구 Daedeok-gu
26010 중구 Jung-gu
26020 남구 Nam-gu
26030 동구 Dong-gu
26040 북구 Buk-gu
26310 울주군 Ulju-gun
29010 세종시 Sejong-si
31011 장안구 Jangan-gu 수원시 Suwon-si
31012 권선구 Gwonseon-gu 수원시 Suwon-si
31013 팔달구 Paldal-gu 수원시 Suwon-si
31014 영통구 Yeongtong-gu 수원시 Suwon-si
31021 수정구 Sujeong-gu 성남시 Seongnam-si
31022 중원구 Jungwon-gu 성남시 Seongnam-si
31023 분당구 Bundang-gu 성남시 Seongnam-si
31030 의정부시 Uijeongbu-si
31041 만안구 Manan-gu 안양시 Anyang-si
31042 동안구 Dongan-gu 안양시 Anyang-si
31050 부천시 Bucheon-si
31060 광명시 Gwangmyeong-si
31070 평택시 Pyeongtaek-si
31080 동두천시 Dongducheon-si
31091 상록구 Sangnok-gu 안산시 Ansan-si
31092 단원구 Danwon-gu 안산시 Ansan-si
31101 덕양구 Deogyang-gu 고양시 Goyang-si
31103 일산동구 Ilsandong-gu 고양시 Goyang-si
31104 일산서구 Ilsanseo-gu 고양시 Goyang-si
31110 과천시 Gwacheon-si
31120 구리시 Guri-si
31130 남양주시 Namyangju-si
31140 오산시 Osan-si
31150 시흥시 Siheung-si
31160 군포시 Gunpo-si
31170 의왕시 Uiwang-si
31180 하남시 Hanam-si
31191 처인구 Cheoin-gu 용인시 Yongin-si
31192 기흥구 Giheung-gu 용인시 Yongin-si
31193 수지구 Suji-gu 용인시 Yongin-si
31200 파주시 Paju-si
31210 이천시 Icheon-si
31220 안성시 Anseong-si
31230 김포시 Gimpo-si
31240 화성시 Hwaseong-si
31250 광주시 Gwangju-si
31260 양주시 Yangju-si
31270 포천시 Pocheon-si
31280 여주시 Yeoju-si
31350 연천군 Yeoncheon-gun
31370 가평군 Gapyeong-gun
31380 양평군 Yangpyeong-gun
32010 춘천시 Chuncheon-si
32020 원주시 Wonju-si
32030 강릉시 Gangneung-si
32040 동해시 Donghae-si
32050 태백시 Taebaek-si
32060 속초시 Sokcho-si
32070 삼척시 Samcheok-si
32310 홍천군 Hongcheon-gun
32320 횡성군 Hoengseong-gun
32330 영월군 Yeongwol-gun
32340 평창군 Pyeongchang-gun
32350 정선군 Jeongseon-gun
32360 철원군 Cheorwon-gun
32370 화천군 Hwacheon-gun
32380 양구군 Yanggu-gun
32390 인제군 Inje-gun
32400 고성군 Goseong-gun
32410 양양군 Yangyang-gun
33020 충주시 Chungju-si
33030 제천시 Jecheon-si
33041 상당구 Sangdang-gu 청주시 Cheongju-si
33042 서원구 Seowon-gu 청주시 Cheongju-si
33043 흥덕구 Heungdeok-gu 청주시 Cheongju-si
33044 청원구 Cheongwon-gu 청주시 Cheongju-si
33320 보은군 Boeun-gun
33330 옥천군 Okcheon-gun
33340 영동군 Yeongdong-gun
33350 진천군 Jincheon-gun
33360 괴산군 Goesan-gun
33370 음성군 Eumseong-gun
33380 단양군 Danyang-gun
33390 증평군 Jeungpyeong-gun
34011 동남구 Dongnam-gu 천안시 Cheonan-si
34012 서북구 Seobuk-gu 천안시 Cheonan-si
34020 공주시 Gongju-si
34030 보령시 Boryeong-si
34040 아산시 Asan-si
34050 서산시 Seosan-si
34060 논산시 Nonsan-si
34070 계룡시 Gyeryong-si
34080 당진시 Dangjin-si
34310 금산군 Geumsan-gun
34330 부여군 Buyeo-gun
34340 서천군 Seocheon-gun
34350 청양군 Cheongyang-gun
34360 홍성군 Hongseong-gun
34370 예산군 Yesan-gun
34380 태안군 Taean-gun
35011 완산구 Wansan-gu 전주시 Jeonju-si
35012 덕진구 Deokjin-gu 전주시 Jeonju-si
35020 군산시 Gunsan-si
35030 익산시 Iksan-si
35040 정읍시 Jeongeup-si
35050 남원시 Namwon-si
35060 김제시 Gimje-si
35310 완주군 Wanju-gun
35320 진안군 Jinan-gun
35330 무주군 Muju-gun
35340 장수군 Jangsu-gun
35350 임실군 Imsil-gun
35360 순창군 Sunchang-gun
35370 고창군 Gochang-gun
35380 부안군 Buan-gun
36010 목포시 Mokpo-si
36020 여수시 Yeosu-si
36030 순천시 Suncheon-si
36040 나주시 Naju-si
36060 광양시 Gwangyang-si
36310 담양군 Damyang-gun
36320 곡성군 Gokseong-gun
36330 구례군 Gurye-gun
36350 고흥군 Goheung-gun
36360 보성군 Boseong-gun
36370 화순군 Hwasun-gun
36380 장흥군 Jangheung-gun
36390 강진군 Gangjin-gun
36400 해남군 Haenam-gun
36410 영암군 Yeongam-gun
36420 무안군 Muan-gun
36430 함평군 Hampyeong-gun
36440 영광군 Yeonggwang-gun
36450 장성군 Jangseong-gun
36460 완도군 Wando-gun
36470 진도군 Jindo-gun
36480 신안군 Sinan-gun
37011 남구 Nam-gu 포항시 Pohang-si
37012 북구 Buk-gu 포항시 Pohang-si
37020 경주시 Gyeongju-si
37030 김천시 Gimcheon-si
37040 안동시 Andong-si
37050 구미시 Gumi-si
37060 영주시 Yeongju-si
37070 영천시 Yeongcheon-si
37080 상주시 Sangju-si
37090 문경시 Mungyeong-si
37100 경산시 Gyeongsan-si
37310 군위군 Gunwi-gun
37320 의성군 Uiseong-gun
37330 청송군 Cheongsong-gun
37340 영양군 Yeongyang-gun
37350 영덕군 Yeongdeok-gun
37360 청도군 Cheongdo-gun
37370 고령군 Goryeong-gun
37380 성주군 Seongju-gun
37390 칠곡군 Chilgok-gun
37400 예천군 Yecheon-gun
37410 봉화군 Bonghwa-gun
37420 울진군 Uljin-gun
37430 울릉군 Ulleung-gun
38030 진주시 Jinju-si
38050 통영시 Tongyeong-si
38060 사천시 Sacheon-si
38070 김해시 Gimhae-si
38080 밀양시 Miryang-si
38090 거제시 Geoje-si
38100 양산시 Yangsan-si
38111 의창구 Uichang-gu 창원시 Changwon-si
38112 성산구 Seongsan-gu 창원시 Changwon-si
38113 마산합포구 Masanhappo-gu 창원시 Changwon-si
38114 마산회원구 Masanhoewon-gu 창원시 Changwon-si
38115 진해구 Jinhae-gu 창원시 Changwon-si
38310 의령군 Uiryeong-gun
38320 함안군 Haman-gun
38330 창녕군 Changnyeong-gun
38340 고성군 Goseong-gun
38350 남해군 Namhae-gun
38360 하동군 Hadong-gun
38370 산청군 Sancheong-gun
38380 함양군 Hamyang-gun
38390 거창군 Geochang-gun
38400 합천군 Hapcheon-gun
39010 제주시 Jeju-si
39020 서귀포시 Seogwipo-si
`;

export interface Region {
  /** "성남시 분당구", "서울 마포구", "경기도 가평군". */
  ko: string;
  /** "Bundang-gu, Seongnam-si", "Mapo-gu, Seoul", "Gapyeong-gun, Gyeonggi-do". */
  en: string;
}

const REGIONS = new Map<string, Region>(
  DISTRICTS.trim()
    .split('\n')
    .map((line) => {
      const [code, districtKo, districtEn, cityKo, cityEn] = line.split(' ');
      const [provinceKo, provinceEn] = PROVINCES[code.slice(0, 2)];
      if (cityKo) return [code, { ko: `${cityKo} ${districtKo}`, en: `${districtEn}, ${cityEn}` }];
      // Sejong is a city and its own province.
      if (code === '29010') return [code, { ko: provinceKo, en: provinceEn }];
      return [code, { ko: `${provinceKo} ${districtKo}`, en: `${districtEn}, ${provinceEn}` }];
    }),
);

/** The region of a 7-digit dong code (or any code that starts with the district's five digits). */
export function regionOfCode(code: string): Region | undefined {
  return REGIONS.get(code.slice(0, 5));
}

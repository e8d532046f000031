// Which writing systems (Unicode scripts) a character belongs to, through the regular expression
// engine's own Unicode data (\p{Script_Extensions=…}), so the rules follow the Unicode version of
// the runtime rather than a table of ours. The names are ISO 15924 codes; an engine older than a
// script skips it (its characters then count as no script, as unassigned ones do).

// Every Script value ECMAScript names, less Common (Zyyy), Inherited (Zinh), Unknown (Zzzz) and the
// aliases Qaac / Qaai: those belong to every script, or none. Listed by asking the engine which
// four-letter codes it takes.
const SCRIPT_CODES = (
  'Adlm Aghb Ahom Arab Armi Armn Avst Bali Bamu Bass Batk Beng Berf Bhks Bopo Brah Brai Bugi Buhd Cakm ' +
  'Cans Cari Cham Cher Chrs Copt Cpmn Cprt Cyrl Deva Diak Dogr Dsrt Dupl Egyp Elba Elym Ethi Gara Geor ' +
  'Glag Gong Gonm Goth Gran Grek Gujr Gukh Guru Hang Hani Hano Hatr Hebr Hira Hluw Hmng Hmnp Hung Ital ' +
  'Java Kali Kana Kawi Khar Khmr Khoj Kits Knda Krai Kthi Lana Laoo Latn Lepc Limb Lina Linb Lisu Lyci ' +
  'Lydi Mahj Maka Mand Mani Marc Medf Mend Merc Mero Miao Mlym Modi Mong Mroo Mtei Mult Mymr Nagm Nand ' +
  'Narb Nbat Newa Nkoo Nshu Ogam Olck Onao Orkh Orya Osge Osma Ougr Palm Pauc Perm Phag Phli Phlp Phnx ' +
  'Plrd Prti Rjng Rohg Runr Samr Sarb Saur Sgnw Shaw Shrd Sidd Sidt Sind Sinh Sogd Sogo Sora Soyo Sund ' +
  'Sunu Sylo Syrc Tagb Takr Tale Talu Taml Tang Tavt Tayo Telu Tfng Tglg Thaa Thai Tibt Tirh Tnsa Todr ' +
  'Tols Toto Tutg Ugar Vaii Vith Wara Wcho Xpeo Xsux Yezi Yiii Zanb'
).split(' ');

/** Scripts written right to left, whose letters reorder the digits and marks around them. */
export const RIGHT_TO_LEFT_SCRIPTS = new Set(['Adlm', 'Arab', 'Armi', 'Avst', 'Chrs', 'Elym', 'Hatr', 'Hebr', 'Khar', 'Lydi', 'Mand', 'Mani', 'Mend', 'Merc', 'Mero', 'Narb', 'Nbat', 'Nkoo', 'Orkh', 'Palm', 'Phli', 'Phlp', 'Phnx', 'Prti', 'Rohg', 'Samr', 'Sarb', 'Sogd', 'Sogo', 'Syrc', 'Thaa', 'Yezi']);

let patterns: [string, RegExp][] | undefined;

function scriptPatterns(): [string, RegExp][] {
  patterns ??= SCRIPT_CODES.flatMap((code): [string, RegExp][] => {
    try {
      return [[code, new RegExp(`\\p{Script_Extensions=${code}}`, 'u')]];
    } catch {
      return []; // a script newer than this engine
    }
  });
  return patterns;
}

/** The scripts `char` (one code point) is written in; empty for Common and Inherited characters (digits, marks, punctuation). */
export function scriptsOf(char: string): string[] {
  return scriptPatterns()
    .filter(([, pattern]) => pattern.test(char))
    .map(([code]) => code);
}

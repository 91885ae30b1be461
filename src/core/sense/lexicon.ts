/**
 * Small word lists the sense rules read: given names, titles, team words, articles. Kept as
 * space-separated strings (compact in the content script) and folded on first use, so lookups
 * compare folded text the way the matcher does (Vassíli = vassili, Ё = Е).
 *
 * Given names: the common ones in the languages the extension reads, plus the namesakes that real
 * pages pair with our surnames (Jill and Hunter Biden, Brigitte Macron, Lyudmila Putina, Vasily
 * Peskov, Sadiq Khan, Paul Bucha…). The dictionary's own people add theirs at run time. Words that
 * are also ordinary capitalised words (May, Will, Grant, Mark) are left out on purpose.
 */
import { normalizeAlias } from '../normalize';

const GIVEN_LATIN = `aamir abdul adam adrian agnieszka ahmed aleksander aleksandr aleksandra aleksei aleksey alain
alex alexander alexandra alexandre alexei alexey ali alice alina amir amy ana andrea andreas andrei andrej andrew
andrzej angela anna anne annie antoine anton ashley barbara beau benjamin bernard bohdan boris brian brigitte carl
carlos caroline catherine charles chaka christian christine christopher claude claudia daniel dariusz david denis
diana dmitri dmitrij dmitriy dmitro dmitry dmytro donald edward elena elizabeth emily emma eric erik eva evgeny
finnegan francesca francois frank franz gabriel genghis george georg gerhard giorgio giovanni giuseppe gregory
hana hans helena henry hunter igor ilya imran ines irina iryna isabel ivan jacques jakub james jan jana janet
jean jemima jennifer jill joanna joe johann johannes john jonathan jorge jose josef joseph juan julia julian
jurgen karen karl katarzyna katerina katharina kateryna kathleen kevin klaus krzysztof kublai larisa laura
leonid lina liudmila ljudmila lioudmila louis lucas ludmila ludmilla luis luigi lyudmila magdalena marc marcel
marco margaret maria marie marina mario martin mary matteo matthew maxim maksim michael michel michelle
mikhail mohammed monika mykola nadia naomi natalia natalya nicolas nikita nikolai nikolay olena oleg oleksandr
oleksiy olga oliver pablo paolo patricia paul pavel pavlo peter petr petro philippe pierre piotr pyotr rachel
richard robert roman ruslan ryan salman sandra sarah sebastian shah sophie stanislav stefan stephen steven
susan svetlana swetlana taras tatiana tatyana thomas tomasz valentina valerie vasily vasiliy vasilij vassili
vassily vasyl victor viktor vladimir vladislav wassili wasilij wolfgang yaroslav yekaterina yelena yevgeny
yulia yuri yuriy zofia`;

const GIVEN_CYRILLIC = `алексей александр александра алина андрей анна антон артём артем богдан борис бриджит брижит
валентина валерий валерій василий василь васил вадим виктор виталий віктор віталій владимир володимир владислав
вячеслав ганна григорий григорій денис джилл джо дмитрий дмитро евгений екатерина елена євген игорь ігор иван іван
ирина ірина катерина кирилл кирило лариса леонид леонід людмила максим марина мария марія михаил михайло наталья
наталія николай микола никита оксана олег олена олександр олексій ольга павел павло пётр петр петро роман руслан
светлана світлана сергей сергій станислав тарас татьяна тетяна хантер юлия юлія юрий юрій ярослав`;

/** Honorifics and ranks: before a one-word name they make it a person's. */
const TITLES = `mr mrs ms miss mx dr sgt sergeant capt captain col colonel lt lieutenant maj cpl corporal pvt
prof professor sen senator rep rev sir dame lord lady mister doctor herr frau hr fr mme mlle monsieur
madame sr sra srta senor senora sig signor signora pan pani pán paní г-н г-жа господин госпожа пан пані`;

/** Titles that address a woman: before a man's surname they mean his wife or another woman. */
const FEMALE_TITLES = `mrs mme madame frau fr sra senora signora pani paní г-жа госпожа пані`;

/** Titles that address a man: before a man's surname they confirm it is him, not his wife. */
const MALE_TITLES = `mr m monsieur herr hr sr senor sig signor pan pán г-н господин пан sir`;

/** Words that name a sports club before a city's name (Dynamo Kyiv, «Динамо» Киев, FC Mariupol). */
const TEAM_WORDS = `fc afc cf sc fk ofk фк
arsenal арсенал metalist металіст металлист metalurh metallurg металург zorya зоря obolon оболонь
krystal кристал illichivets ільічівець`;

/** Articles before a derived word (la Macronie, le poutinisme): a French, Spanish or Italian noun. */
const ARTICLES = `la le les el los las il lo gli della delle dello del`;

let cache: {
  given: Set<string>;
  givenStems: string[];
  titles: Set<string>;
  female: Set<string>;
  male: Set<string>;
  teams: Set<string>;
  articles: Set<string>;
} | null = null;

function words(list: string): string[] {
  return list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => normalizeAlias(w));
}

/** Letters the matcher keeps apart but that names are spelt with or without (Ludmiła, Ludmila). */
const PLAIN: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', ı: 'i' };
const plain = (word: string) => word.replace(/[łøđßı]/gu, (c) => PLAIN[c]!);

/** Strip a final vowel or soft sign so inflected given names (Василия, Людмилы) meet their stem. */
export function nameStem(word: string): string {
  const w = plain(word);
  return w.length > 3 ? w.replace(/[аяйьоеиыіїєaeiouy]$/u, '') : w;
}

function lists() {
  if (cache) return cache;
  const given = new Set([...words(GIVEN_LATIN), ...words(GIVEN_CYRILLIC)]);
  cache = {
    given,
    givenStems: [...given].filter((g) => /[а-яіїєґ]/u.test(g) || g.length > 4).map(nameStem),
    titles: new Set(words(TITLES)),
    female: new Set(words(FEMALE_TITLES)),
    male: new Set(words(MALE_TITLES)),
    teams: new Set(words(TEAM_WORDS)),
    articles: new Set(words(ARTICLES)),
  };
  return cache;
}

/**
 * Whether a folded word is a given name of the lexicon, in its dictionary form or an inflected one
 * (stem plus at most three letters: Василия, Lyudmily).
 */
export function isGivenName(word: string, extra?: ReadonlySet<string>): boolean {
  const { given, givenStems } = lists();
  const folded = plain(word);
  if (given.has(folded) || extra?.has(folded)) return true;
  return givenStems.some((s) => s.length >= 4 && folded.startsWith(s) && folded.length - s.length <= 3);
}

/** Whether `folded` is one of `names` (a person's given names), allowing inflected forms. */
export function isOneOf(word: string, names: readonly string[]): boolean {
  const folded = plain(word);
  const stem = nameStem(folded);
  return names.some((n) => {
    if (plain(n) === folded) return true;
    const own = nameStem(n);
    // Case endings on either side: Дмитра/Дмитро, Antonym/Antony, Dmitrija/Dmitrij.
    return own.length >= 3 && (own === stem || (folded.startsWith(own) && folded.length - own.length <= 3));
  });
}

export const isTitle = (folded: string) => lists().titles.has(folded);
export const isFemaleTitle = (folded: string) => lists().female.has(folded);
export const isMaleTitle = (folded: string) => lists().male.has(folded);
/** A club's word, Dynamo in any case (Dynamom Kyjev, Dinamu Kijev, «Динамо»). */
export const isTeamWord = (folded: string) =>
  lists().teams.has(folded) || /^(dynam|dinam|динам|дінам)/u.test(folded);
export const isArticle = (folded: string) => lists().articles.has(folded);

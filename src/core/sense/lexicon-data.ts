/**
 * The sense rules' word lists, as the data that travels with the dictionary (`compileDictionary`
 * puts them in it, `serializeDictionary` stores them with it): the content script reads them from
 * `storage.local` with the dictionary and never ships them as code. Space-separated words, folded
 * on first use (`lexicon.ts`).
 *
 * Given names: the common ones in the languages the extension reads, plus the namesakes that real
 * pages pair with our surnames (Jill and Hunter Biden, Brigitte Macron, Lyudmila Putina, Vasily
 * Peskov, Sadiq Khan, Paul Bucha…); the dictionary's own people add theirs at run time. Words that
 * are also ordinary capitalised words (May, Will, Grant, Mark) are left out on purpose.
 */
import type { SenseLexicon } from '../dictionary-types';

/** The lexicon every dictionary is compiled with unless told otherwise. */
export const SENSE_LEXICON: SenseLexicon = {
  given: `aamir abdul adam adrian agnieszka ahmed aleksander aleksandr aleksandra aleksei aleksey alain
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
yulia yuri yuriy zofia
алексей александр александра алина андрей анна антон артём артем богдан борис бриджит брижит
валентина валерий валерій василий василь васил вадим виктор виталий віктор віталій владимир володимир владислав
вячеслав ганна григорий григорій денис джилл джо дмитрий дмитро евгений екатерина елена євген игорь ігор иван іван
ирина ірина катерина кирилл кирило лариса леонид леонід людмила максим марина мария марія михаил михайло наталья
наталія николай микола никита оксана олег олена олександр олексій ольга павел павло пётр петр петро роман руслан
светлана світлана сергей сергій станислав тарас татьяна тетяна хантер юлия юлія юрий юрій ярослав`,
  /** Honorifics and ranks: before a one-word name they make it a person's. */
  titles: `mr mrs ms miss mx dr sgt sergeant capt captain col colonel lt lieutenant maj cpl corporal pvt
prof professor sen senator rep rev sir dame lord lady mister doctor herr frau hr fr mme mlle monsieur
madame sr sra srta senor senora sig signor signora pan pani pán paní г-н г-жа господин госпожа пан пані`,
  /** Titles that address a woman: before a man's surname they mean his wife or another woman. */
  female: `mrs mme madame frau fr sra senora signora pani paní г-жа госпожа пані`,
  /** Titles that address a man: before a man's surname they confirm it is him, not his wife. */
  male: `mr m monsieur herr hr sr senor sig signor pan pán г-н господин пан sir`,
  /** Words that name a sports club before a city's name (Dynamo Kyiv, «Динамо» Киев, FC Mariupol). */
  teams: `fc afc cf sc fk ofk фк
arsenal арсенал metalist металіст металлист metalurh metallurg металург zorya зоря obolon оболонь
krystal кристал illichivets ільічівець`,
  /** Stems of a club's name in any case (Dynamom Kyjev, Dinamu Kijev, «Динамо»). */
  teamStems: 'dynam dinam динам дінам',
  /** Articles before a derived word (la Macronie, le poutinisme): a French, Spanish or Italian noun. */
  articles: `la le les el los las il lo gli della delle dello del`,
  /** Function words that tell a Latin-script page's language (`language.ts`). */
  functionWords: {
    en: 'the and of to is that for was with said has were from',
    de: 'der die das und ist nicht mit den dem sich auf für von wurde sagte eine',
    fr: 'le la les des et est une dans pour qui que du au sur a été',
    es: 'el los las del y que una por con para se fue dijo según',
    it: 'il gli della delle che è una per con non nel alla ha detto',
    pt: 'os do da dos das que em uma para com não é foi disse',
    nl: 'het een en van dat op te niet met zijn werd door ook',
    pl: 'i w z na się że do nie jest to jak przez został powiedział',
    cs: 'a v se na že je do pro jako ale byl bylo podle řekl',
    sk: 'a v sa na že je do pre ako ale bol bolo podľa povedal',
    sh: 'i u je na se da za od su kao što bio rekao prema',
    ro: 'și în de la cu că pe nu este un o din a fost',
    hu: 'a az és hogy nem egy is meg van volt szerint',
    fi: 'ja on ei että se oli hän myös kun mutta mukaan',
    tr: 've bir bu da de için ile olarak çok gibi dedi',
  },
  /** Why a candidate was left out, by key: {0}, {1}… are the words and names the rule saw. */
  reasons: {
    blocker: '"{0}" names something else than {1}',
    lower: 'lower case on a page in {0}: the common word',
    foreign: '{0} case form on a page in {1}: another word',
    article: 'after the article "{0}": a derived word',
    age: 'an age after it: a person, not {0}',
    initial: 'the initial "{0}." is not {1}\'s',
    given: '"{0}" is not {1}\'s given name',
    woman: '"{0}" addresses a woman, not {1}',
    title: '"{0}" before it: a person, not {1}',
    name: '"{0}" before it: a person\'s name, not {1}',
    club: '"{0}" before it: a club\'s name, not {1}',
    word: 'the page uses "{0}" as a common word, and this use is not capitalised mid-sentence',
    namesake: 'the page names "{0}", and {1} is not named unambiguously in this block',
    unsupported: 'ambiguous alias, and nothing on the page supports it',
  },
  languages: {
    en: 'English',
    de: 'German',
    fr: 'French',
    es: 'Spanish',
    it: 'Italian',
    pt: 'Portuguese',
    nl: 'Dutch',
    pl: 'Polish',
    cs: 'Czech',
    sk: 'Slovak',
    sh: 'Serbian/Croatian',
    ro: 'Romanian',
    hu: 'Hungarian',
    fi: 'Finnish',
    tr: 'Turkish',
    ru: 'Russian',
    uk: 'Ukrainian',
    bg: 'Bulgarian',
    el: 'Greek',
  },
};

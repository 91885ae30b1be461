import type { LexiconSource } from './types';

/** Polish reporting verbs (past tense in every gender, present 3rd person) and frames. */
export const PL: LexiconSource = {
  lang: 'pl',
  verbs: [
    {
      lemma: 'powiedzieć',
      stance: 'asserts',
      forms: [
        'powiedział|powiedziała|powiedziało|powiedzieli|powiedziały|mówi|mówią|mówił|mówiła',
        'stwierdził|stwierdziła|stwierdziło|stwierdzili|stwierdza|oświadczył|oświadczyła|oświadczyło|oświadczyli|oświadcza',
        'podkreślił|podkreśliła|podkreśliło|podkreślili|podkreśla|zaznaczył|zaznaczyła|zaznaczyło|zaznaczyli|zaznacza',
        'dodał|dodała|dodało|dodali|przekazał|przekazała|przekazało|przekazali|poinformował|poinformowała|poinformowało|poinformowali|informuje',
        'napisał|napisała|napisało|napisali|pisze|ocenił|oceniła|ocenili|ocenia|wyjaśnił|wyjaśniła|wyjaśnili',
        'twierdzi|twierdził|twierdziła|zapewnił|zapewniła|zapewnili|zapewnia|odpowiedział|odpowiedziała|przypomniał|przypomniała|ogłosił|ogłosiła|ogłosiło',
      ],
    },
    {
      lemma: 'zaprzeczyć',
      stance: 'denies',
      forms: [
        'zaprzeczył|zaprzeczyła|zaprzeczyło|zaprzeczyli|zaprzecza|zdementował|zdementowała|zdementowało|zdementowali|dementuje',
        'odrzucił|odrzuciła|odrzuciło|odrzucili|odrzuca',
      ],
      takes: 'object',
    },
    { lemma: 'nazwać', stance: 'asserts', forms: ['nazwał|nazwała|nazwało|nazwali|nazywa'], takes: 'marker' },
    {
      lemma: 'oskarżyć',
      stance: 'accuses',
      forms: [
        'oskarżył|oskarżyła|oskarżyło|oskarżyli|oskarża|zarzucił|zarzuciła|zarzuciło|zarzucili|zarzuca',
      ],
      takes: 'object',
    },
    {
      lemma: 'ostrzec',
      stance: 'warns',
      forms: ['ostrzegł|ostrzegła|ostrzegło|ostrzegli|ostrzega'],
      takes: 'object',
    },
    {
      lemma: 'wezwać',
      stance: 'calls-for',
      forms: [
        'wezwał|wezwała|wezwało|wezwali|wzywa|zaapelował|zaapelowała|zaapelowało|zaapelowali|apeluje',
        'zażądał|zażądała|zażądało|zażądali|żąda|domaga|domagał|domagała się?',
      ],
      takes: 'object',
    },
    {
      lemma: 'potwierdzić',
      stance: 'confirms',
      forms: [
        'potwierdził|potwierdziła|potwierdziło|potwierdzili|potwierdza|przyznał|przyznała|przyznało|przyznali|przyznaje',
      ],
      takes: 'object',
    },
    {
      lemma: 'dodać',
      stance: 'asserts',
      forms: ['dodając|podkreślając|zaznaczając|twierdząc|przekonując'],
      participle: true,
    },
    {
      lemma: 'oskarżyć',
      stance: 'accuses',
      forms: ['oskarżając|zarzucając'],
      participle: true,
      takes: 'object',
    },
    { lemma: 'wezwać', stance: 'calls-for', forms: ['wzywając|apelując'], participle: true, takes: 'object' },
  ],
  frames: [
    { pattern: 'według @S' },
    { pattern: 'zdaniem @S' },
    {
      pattern:
        'jak powiedział|powiedziała|poinformował|poinformowała|poinformowało|przekazał|przekazała|podkreślił|podkreśliła|zaznaczył|zaznaczyła|dodał|dodała @S',
    },
    { pattern: 'według niego|jego', anaphor: 'm' },
    { pattern: 'według niej', anaphor: 'f' },
    { pattern: 'jego zdaniem', anaphor: 'm' },
    { pattern: 'jej zdaniem', anaphor: 'f' },
    { pattern: 'jak powiedział|podkreślił|zaznaczył|dodał', anaphor: 'm' },
    { pattern: 'jak powiedziała|podkreśliła|zaznaczyła|dodała', anaphor: 'f' },
  ],
  complementizers: ['że|iż'],
  recipients: [
    'dziennikarzom|reporterom|mediom|posłom|dyplomatom|telewizji|agencji|gazecie|stacji',
    'w rozmowie z dziennikarzami|agencją|telewizją|mediami',
  ],
  adjuncts: [
    'w|we poniedziałek|wtorek|środę|czwartek|piątek|sobotę|niedzielę',
    'wczoraj|dziś|dzisiaj|również|także|też|ponownie|wcześniej|później|już|jednak|natomiast|następnie|zaś|wielokrotnie|tymczasem',
    'z kolei',
    'ze swojej strony',
    'w|we swoim? oświadczeniu|komunikacie|wywiadzie|wystąpieniu|orędziu|nagraniu|wpisie|komentarzu',
    'na|w telegramie|portalu|konferencji|briefingu|posiedzeniu|spotkaniu|szczycie',
    'na platformie x',
    'podczas|na konferencji|briefingu|spotkania|spotkaniu|posiedzenia|szczytu prasowej|prasowym?',
    'w moskwie|kijowie|wiedniu|genewie',
    'w nowym jorku',
    'cytowany|cytowana przez agencję? tass|ria|reutera|afp',
  ],
  negators: ['nie|nigdy|nigdzie'],
  irrealis: [
    'może|mogą|mógł|mogła|będzie|będą|zamierza|chce|chciał|chciała|ma|powinien|powinna|odmówił|odmówiła|odmówili',
  ],
  pronouns: { m: ['on'], f: ['ona'] },
  titles: {
    spokesperson: ['rzecznik|rzeczniczka'],
    president: ['prezydent|prezydentka', 'szef państwa'],
    minister: ['minister|ministra', 'szef|szefowa msz|resortu'],
    diplomat: ['dyplomata|dyplomatka|ambasador|ambasadorka', 'szef|szefowa dyplomacji'],
    prosecutor: ['prokurator|prokuratorka'],
    mayor: ['mer|burmistrz', 'prezydent miasta'],
    governor: ['gubernator|gubernatorka'],
    'secretary-general': ['sekretarz generalny', 'szef onz'],
    director: ['dyrektor generalny', 'szef maea'],
  },
  representatives: [
    'rzecznik|rzecznika|rzeczniczka|rzeczniczki|przedstawiciel|przedstawiciela|przedstawicielka|biuro|biura|kancelaria|kancelarii',
    'służba|służby prasowa|prasowej',
  ],
  representativeLinks: [],
  nonSpeakerRoles: [
    'dziennikarz|dziennikarka|dziennikarza|felietonista|felietonistka|komentator|komentatorka|publicysta|publicystka|reporter|reporterka|korespondent|korespondentka|fotograf|fotografka|redaktor|redaktorka|analityk|analityczka|bloger|blogerka|historyk|imiennik|student|studentka',
  ],
  claimNouns: [
    'te|takie|wszelkie? oskarżenia|zarzuty|doniesienia|informacje|twierdzenia|pogłoski|plotki|relacje',
  ],
  denialMarkers: [
    'kłamstwo|kłamstwem|kłamstwa|fałsz|fałszywe|fałszywymi|nieprawda|nieprawdą|bzdura|bzdurą|bzdury|absurd|absurdem|prowokacja|prowokacją|inscenizacja|inscenizacją|fake|propaganda|propagandą|oszczerstwo|oszczerstwem|dezinformacja|dezinformacją|bezpodstawne|wymysł|wymysłem',
    'niezgodne|niezgodna z prawdą',
  ],
  subordinators: ['jeśli|jeżeli|gdyby|choć|chociaż|ponieważ|bo|zanim|kiedy|gdy|czy|jakby'],
  relatives: ['który|która|które|którzy'],
  conjunctions: ['i|a|ale|lecz|oraz|natomiast'],
  openers: [
    'w|we|na|po|przed|podczas|wczoraj|dziś|dzisiaj|wcześniej|później|pytany|pytana|zapytany|zapytana',
  ],
  prefixWords: [
    'rosyjski|rosyjskiego|ukraiński|ukraińskiego|były|byłego|pierwszy|pierwszego|wiceminister|wicepremier|szef|szefa|szefowa',
  ],
  anaphoricContent: ['o tym', 'to|tak'],
  abbreviations: `np m.in tzw ok godz r ul prof dr gen płk mln mld tys zł ws tj itd itp dot`.split(/\s+/),
  stopwords: `i w się nie że na jest z to do jak przez oraz był powiedział jego od po już też ze został
    została według czy ale może są być tym tej`.split(/\s+/),
  genderEndings: [
    ['ła', 'f'],
    ['ło', 'n'],
    ['li', 'p'],
    ['ły', 'p'],
    ['ł', 'm'],
  ],
};

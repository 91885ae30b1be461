import type { LexiconSource } from './types';

/** German reporting verbs (present, past, participle after haben; separable particles) and frames. */
export const DE: LexiconSource = {
  lang: 'de',
  verbs: [
    {
      lemma: 'sagen',
      stance: 'asserts',
      forms: [
        'sagte|sagt|sagten|gesagt|erklärte|erklärt|erklärten|betonte|betont|betonten|schrieb|schreibt|geschrieben',
        'fügte|fügt|teilte|teilt|mitgeteilt|meinte|meint|behauptete|behauptet|versicherte|versichert|unterstrich|unterstrichen',
        'ergänzte|ergänzt|bekräftigte|bekräftigt|verkündete|verkündet|sprach|antwortete|antwortet|hob',
      ],
    },
    {
      lemma: 'dementieren',
      stance: 'denies',
      forms: [
        'dementierte|dementiert|dementierten|bestritt|bestreitet|bestritten|wies|weist|zurückgewiesen|leugnete|leugnet',
      ],
      takes: 'object',
    },
    { lemma: 'nennen', stance: 'asserts', forms: ['nannte|nennt|bezeichnete|bezeichnet'], takes: 'marker' },
    {
      lemma: 'vorwerfen',
      stance: 'accuses',
      forms: ['warf|wirft|vorgeworfen|beschuldigte|beschuldigt|bezichtigte|bezichtigt'],
      takes: 'object',
    },
    { lemma: 'warnen', stance: 'warns', forms: ['warnte|warnt|gewarnt'], takes: 'object' },
    {
      lemma: 'fordern',
      stance: 'calls-for',
      forms: ['forderte|fordert|gefordert|rief|ruft|aufgerufen|appellierte|appelliert|verlangte|verlangt'],
      takes: 'object',
    },
    {
      lemma: 'bestätigen',
      stance: 'confirms',
      forms: ['bestätigte|bestätigt|bestätigten|räumte|räumt|eingeräumt|gab|gibt'],
      takes: 'object',
    },
  ],
  frames: [
    { pattern: 'laut @S' },
    { pattern: '@S zufolge' },
    { pattern: 'nach angaben|worten @S' },
    { pattern: 'wie @S sagte|erklärte|mitteilte|betonte|schrieb' },
    { pattern: 'seinen worten zufolge', anaphor: 'm' },
    { pattern: 'ihren worten zufolge', anaphor: 'f' },
    { pattern: 'wie er sagte|erklärte|betonte', anaphor: 'm' },
    { pattern: 'wie sie sagte|erklärte|betonte', anaphor: 'f' },
  ],
  complementizers: ['dass|daß|wonach'],
  recipients: [
    'journalisten|reportern',
    'der presse|zeitung|agentur',
    'dem sender',
    'vor|gegenüber journalisten|reportern|medien|der presse',
    'gegenüber der nachrichtenagentur|zeitung|dem sender',
  ],
  adjuncts: [
    'am|an diesem? montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag',
    'gestern|heute|zudem|außerdem|auch|erneut|bereits|später|zuvor|zuletzt|wiederholt|dann|ebenfalls|jedoch|allerdings|indes|nun|hat|habe|hatte',
    'in einer|seiner|ihrer? erklärung|mitteilung|videoansprache|ansprache|rede',
    'in einem|seinem|ihrem? interview|statement|beitrag|video',
    'auf|bei telegram|x|facebook',
    'auf|bei einer|der pressekonferenz|sitzung',
    'bei einem briefing',
    'im fernsehen|staatsfernsehen|kreml|interview',
    'in moskau|kiew|wien|genf',
    'in new york',
    'mit|hinzu|zurück|vor|ein|auf|fest|hervor|zu',
  ],
  negators: ['nicht|nie|niemals|keineswegs|kein'],
  postNegators: ['nicht|nie|niemals'],
  irrealis: ['wird|würde|würden|könnte|könnten|soll|sollte|dürfte|will|wollte|möchte|kann|muss'],
  pronouns: { m: ['er'], f: ['sie'] },
  titles: {
    spokesperson: ['sprecher|sprecherin|kremlsprecher|regierungssprecher|pressesprecher|pressesprecherin'],
    president: ['präsident|präsidentin|staatschef|kremlchef'],
    minister: ['minister|ministerin|außenminister|außenministerin|verteidigungsminister'],
    diplomat: ['diplomat|diplomatin|botschafter|botschafterin|chefdiplomat'],
    prosecutor: ['ankläger|anklägerin|chefankläger|staatsanwalt|generalstaatsanwältin|generalstaatsanwalt'],
    mayor: ['bürgermeister|bürgermeisterin'],
    governor: ['gouverneur|gouverneurin'],
    'secretary-general': ['generalsekretär|un-generalsekretär'],
    director: ['generaldirektor|iaea-chef|behördenchef'],
  },
  definite: ['der|die'],
  representatives: [
    'sprecher|sprecherin|sprechers|pressesprecher|pressesprecherin|pressestelle|pressedienst|vertreter|vertreterin',
    'büro|präsidialamt|kanzlei',
  ],
  representativeLinks: ['des|der|von'],
  nonSpeakerRoles: [
    'journalist|journalistin|kolumnist|kolumnistin|kommentator|kommentatorin|reporter|reporterin|korrespondent|korrespondentin|fotograf|fotografin|redakteur|redakteurin|analyst|analystin|blogger|bloggerin|historiker|historikerin|namensvetter|student|studentin',
  ],
  claimNouns: [
    'die|diese|solche|alle? vorwürfe|anschuldigungen|berichte|behauptungen|angaben|meldungen|gerüchte|darstellung',
  ],
  denialMarkers: [
    'lüge|lügen|fälschung|fälschungen|gefälscht|falsch|unwahr|erfunden|unsinn|absurd|haltlos|provokation|inszenierung|inszeniert|fake|propaganda|verleumdung|desinformation',
  ],
  subordinators: ['wenn|falls|ob|obwohl|weil|da|bevor|nachdem'],
  relatives: ['der|die|das|welcher|welche|welches'],
  conjunctions: ['und|aber|doch|während|sondern'],
  openers: [
    'am|an|im|in|bei|nach|vor|während|auf|gestern|heute|zuvor|später|dabei|zudem|auch|außerdem|danach',
  ],
  prefixWords: [
    'der|die|das|den|dem|des|russische|russischen|ukrainische|ukrainischen|frühere|früheren|ehemalige|ehemaligen|erste|ersten|stellvertretende|stellvertretenden',
  ],
  anaphoricContent: ['dies|das|darüber'],
  abbreviations: `z b bzw usw ca dr prof nr st mio mrd tsd vgl u.a z.b ggf evtl inkl hr fr`.split(/\s+/),
  stopwords: `der die und das nicht ist sagte mit den sich des von auf ein eine dass hat als bei im zu
    für nach sei werde wurde wird auch noch aus dem einen laut zufolge habe hätten sagt`.split(/\s+/),
};

import type { LexiconSource } from './types';

/** French reporting verbs (passé composé, present, inverted "a-t-il déclaré") and frames. */
export const FR: LexiconSource = {
  lang: 'fr',
  verbs: [
    {
      lemma: 'déclarer',
      stance: 'asserts',
      forms: [
        'a|ont déclaré|dit|affirmé|indiqué|ajouté|souligné|estimé|expliqué|écrit|assuré|précisé|annoncé|insisté|martelé|rappelé|répondu|jugé|noté|observé|relevé',
        'a-t-il|a-t-elle déclaré|dit|affirmé|indiqué|ajouté|souligné|estimé|expliqué|écrit|assuré|précisé|annoncé|insisté|martelé|rappelé|répondu|jugé|noté|observé|relevé',
        'déclare|dit|affirme|indique|ajoute|souligne|estime|explique|écrit|assure|précise|annonce|insiste|martèle|rappelle|répond|juge',
        'a|ont fait savoir',
      ],
    },
    {
      lemma: 'démentir',
      stance: 'denies',
      forms: [
        'a|ont démenti|nié|rejeté|réfuté|contesté',
        'a-t-il|a-t-elle démenti|nié|rejeté|réfuté|contesté',
        'dément|nie|rejette|réfute|conteste',
      ],
      takes: 'object',
    },
    { lemma: 'qualifier', stance: 'asserts', forms: ['a|ont qualifié|traité', 'qualifie'], takes: 'marker' },
    {
      lemma: 'accuser',
      stance: 'accuses',
      forms: ['a|ont accusé|reproché', 'a-t-il|a-t-elle accusé', 'accuse|reproche'],
      takes: 'object',
    },
    {
      lemma: 'avertir',
      stance: 'warns',
      forms: [
        'a|ont averti|prévenu|menacé',
        'a|ont mis en garde',
        'a-t-il|a-t-elle averti|prévenu',
        'avertit|prévient',
        'met en garde',
      ],
      takes: 'object',
    },
    {
      lemma: 'appeler',
      stance: 'calls-for',
      forms: [
        'a|ont appelé|exhorté|réclamé|exigé',
        'a-t-il|a-t-elle appelé|exhorté|réclamé',
        'appelle|exhorte|réclame|exige',
      ],
      takes: 'object',
    },
    {
      lemma: 'confirmer',
      stance: 'confirms',
      forms: [
        'a|ont confirmé|reconnu|admis',
        'a-t-il|a-t-elle confirmé|reconnu',
        'confirme|reconnaît|reconnait|admet',
      ],
      takes: 'object',
    },
    {
      lemma: 'ajouter',
      stance: 'asserts',
      forms: ['ajoutant|affirmant|soulignant|estimant|assurant|précisant'],
      participle: true,
    },
    { lemma: 'accuser', stance: 'accuses', forms: ['accusant'], participle: true, takes: 'object' },
    {
      lemma: 'appeler',
      stance: 'calls-for',
      forms: ['appelant|exhortant'],
      participle: true,
      takes: 'object',
    },
  ],
  frames: [
    { pattern: 'selon @S' },
    { pattern: "d'après @S" },
    { pattern: "comme l'a déclaré|dit|affirmé|souligné|indiqué @S" },
    { pattern: 'selon lui', anaphor: 'm' },
    { pattern: 'selon elle', anaphor: 'f' },
    { pattern: "d'après lui", anaphor: 'm' },
    { pattern: "d'après elle", anaphor: 'f' },
  ],
  complementizers: ["que|qu'"],
  recipients: [
    'aux|à des? journalistes|reporters|médias|députés',
    'à la presse|télévision|chaîne|radio',
    "à l'afp|agence",
  ],
  adjuncts: [
    "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|aujourd'hui|encore|également|aussi|déjà|ensuite|depuis|toutefois|cependant|pourtant|alors",
    'ce|cette lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine',
    'dans un|une|son|sa communiqué|déclaration|entretien|interview|allocution|message|vidéo|discours',
    'sur|via telegram|x|facebook|son compte|sa chaîne',
    "lors d'un|d'une|du point|briefing|conférence|réunion|sommet|entretien de? presse?",
    'devant les? journalistes|députés|conseil',
    'à moscou|kiev|kyiv|vienne|new york|genève',
    'par ailleurs',
  ],
  negators: ["ne|n'|jamais"],
  postNegators: ['pas|jamais|point|guère'],
  irrealis: ['va|vont|pourrait|pourraient|devrait|devraient|doit|peut|voudrait', "a|ont refusé de|d'"],
  pronouns: { m: ['il'], f: ['elle'] },
  titles: {
    spokesperson: ['porte-parole'],
    president: ['président|présidente', "chef de l'état"],
    minister: ['ministre'],
    diplomat: ['diplomate|ambassadeur|ambassadrice', 'chef|cheffe de la diplomatie'],
    prosecutor: ['procureur|procureure'],
    mayor: ['maire'],
    governor: ['gouverneur|gouverneure'],
    'secretary-general': ['secrétaire général', "patron de l'onu"],
    director: ['directeur général', "patron|chef de l'aiea"],
  },
  definite: ["le|la|l'"],
  representatives: [
    'porte-parole|représentant|représentante|services|cabinet|bureau|entourage',
    'service de presse',
  ],
  representativeLinks: ["du|de|des|d'", 'de la'],
  nonSpeakerRoles: [
    'journaliste|chroniqueur|chroniqueuse|éditorialiste|commentateur|commentatrice|reporter|correspondant|correspondante|photographe|rédacteur|rédactrice|analyste|blogueur|blogueuse|historien|historienne|homonyme|étudiant|étudiante',
  ],
  claimNouns: [
    'les|ces|toutes? accusations|allégations|informations|affirmations|rumeurs|déclarations|rapports|articles',
  ],
  denialMarkers: [
    'mise en scène',
    'mensonge|mensonges|mensonger|mensongère|mensongères|faux|fausse|fausses|infondé|infondées|absurde|absurdité|provocation|désinformation|propagande|calomnie|fake|inventé|inventées|fabriqué|fabriquées',
  ],
  subordinators: ['si|quand|lorsque|quoique|puisque', 'bien|parce que', 'comme si'],
  relatives: ['qui|lequel|laquelle'],
  conjunctions: ['et|mais', 'tandis|alors que'],
  openers: [
    "à|au|en|lors|dans|après|avant|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|interrogé|interrogée|s'exprimant",
  ],
  prefixWords: [
    "le|la|les|l'|un|une|russe|ukrainien|ukrainienne|ancien|ancienne|premier|première|adjoint|adjointe",
  ],
  abbreviations: `m mme mm dr pr st ste etc cf env av bd no p vol`.split(/\s+/),
  stopwords: `le la les et des est une que du qui dans pour pas il a au sur un ne se ce son sa ses
    selon avait été sont aux par plus`.split(/\s+/),
};

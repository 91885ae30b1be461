/**
 * Data shared by all languages: which entity descriptions a title fits, and common given names
 * (a given name before a speaker's surname that is not the speaker's own means another person:
 * "Ivan Peskov, a reporter" is not Dmitry Peskov).
 */

/**
 * Title concepts and the English entity descriptions they fit. "The spokesman said" refers back to
 * Peskov (described as "Spokesman for the Russian president") but never to Zelensky.
 */
export const TITLE_CONCEPTS: Record<string, RegExp> = {
  spokesperson: /\bspokes(?:man|woman|person)\b|\bpress secretary\b/i,
  president: /^president\b/i,
  minister: /\bminister\b/i,
  diplomat:
    /\bdiplomat\b|\bambassador\b|\bpermanent representative\b|\bforeign minist(?:er|ry)\b|\bhigh representative\b/i,
  prosecutor: /^prosecutor\b/i,
  mayor: /\bmayor\b/i,
  governor: /\bgovernor\b|\bregional (?:\(?military\)? )?administration\b/i,
  'secretary-general': /^secretary-general\b/i,
  director: /^director general\b/i,
};

/**
 * Given names common in reporting on the war (Ukrainian, Russian, English, German, French and
 * Polish, in their usual spellings). Compared after folding, so case and accents do not matter.
 */
export const GIVEN_NAMES: readonly string[] = [
  // Cyrillic, masculine
  `Александр Алексей Анатолий Андрей Антон Артем Борис Вадим Валентин Валерий Василий Виктор
   Виталий Владимир Владислав Вячеслав Геннадий Георгий Григорий Денис Дмитрий Евгений Егор Иван
   Игорь Илья Кирилл Константин Леонид Максим Михаил Никита Николай Олег Павел Петр Роман Руслан
   Сергей Станислав Степан Тарас Федор Юрий Ярослав Олександр Олексій Анатолій Андрій Артем Богдан
   Валерій Василь Віктор Віталій Володимир Дмитро Євген Іван Ігор Кирило Костянтин Максим Микола
   Михайло Олег Павло Петро Роман Сергій Степан Тарас Юрій Ярослав Остап Денис`,
  // Cyrillic, feminine
  `Анна Ганна Алла Анастасия Анастасія Валентина Вера Віра Виктория Вікторія Галина Дарья Дарина
   Екатерина Катерина Елена Олена Ирина Ірина Людмила Мария Марія Марина Наталья Наталія Ольга
   Оксана Светлана Світлана Софья Софія Татьяна Тетяна Юлия Юлія Яна Ксения Ксенія Лариса Надежда
   Надія Любовь Любов`,
  // Latin transliterations of the above
  `Aleksandr Alexander Alexandr Oleksandr Aleksei Alexei Alexey Oleksii Andriej Andrej Andreï Andreas Oleksiy Andrei Andrey
   Andrii Andriy Anton Artem Artyom Boris Bohdan Denis Dmitry Dmitri Dmytro Yevgeny Evgeny Yevhen
   Ivan Igor Ihor Ilya Kirill Kyrylo Konstantin Kostiantyn Leonid Maxim Maksym Mikhail Mykhailo
   Nikita Nikolai Mykola Oleg Oleh Pavel Pavlo Pyotr Petro Roman Ruslan Sergei Sergey Serhii
   Serhiy Stepan Taras Yuri Yuriy Yaroslav Viktor Vitaly Vitalii Vladimir Volodymyr Vadim Vasily
   Vasyl Anna Hanna Anastasia Daria Darya Ekaterina Yekaterina Kateryna Elena Yelena Olena Irina
   Iryna Maria Mariya Mariia Marina Maryna Natalia Natalya Olga Olha Oksana Svetlana Svitlana
   Tatiana Tatyana Tetiana Yulia Yuliia Ksenia Kseniia Vera Viktoria Viktoriia Ludmila Lyudmila`,
  // English, German, French, Polish
  `John James Michael David Robert William Richard Thomas Mark Paul Peter George Daniel Matthew
   Andrew Steven Stephen Edward Jack Tom Sarah Emma Mary Jennifer Elizabeth Laura Jessica Emily
   Rachel Helen Kate Lucy Sophie Julia Hans Klaus Jürgen Stefan Andreas Michael Wolfgang Thomas
   Frank Christian Markus Sabine Katrin Claudia Monika Petra Ursula Jean Pierre Jacques François
   Philippe Nicolas Louis Marie Sophie Claire Isabelle Nathalie Camille Jan Piotr Paweł Tomasz
   Krzysztof Andrzej Marek Michał Katarzyna Agnieszka Małgorzata Joanna Ewa Magdalena Aleksandra
   Marta`,
].flatMap((group) => group.split(/\s+/));

/** Russian given names that end in -а/-я but are masculine (for pronoun agreement). */
export const MASCULINE_IN_A: readonly string[] = [
  'Никита',
  'Илья',
  'Кузьма',
  'Фома',
  'Лука',
  'Микола',
  'Кирило',
];

/** Given names that do not end in -а/-я but are feminine. */
export const FEMININE_OTHER: readonly string[] = ['Мишель', 'Любовь', 'Любов', 'Нинель', 'Ассоль'];

import { Random } from './random';

/**
 * Deterministic test data for the bench: knowledge files of any size and long notes that mention
 * their entries in all the ways the matching rules cover (case, diacritics, possessives, wrapped
 * names, CJK names, figures written in words).
 */

const GIVEN = [
  'Anna',
  'Boris',
  'Chen',
  'Dana',
  'Émile',
  'Farid',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kofi',
  'Lena',
  'Marek',
  'Nadia',
  'Oskar',
  'Priya',
  'Rafael',
  'Sofia',
  'Tomás',
  'Ulla',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zofia',
];
const SYLLABLES = [
  'ba',
  'ce',
  'ši',
  'čo',
  'lu',
  'ra',
  'vé',
  'mo',
  'ng',
  'ze',
  'ki',
  'tor',
  'han',
  'dö',
  'pel',
  'sen',
  'ric',
  'ová',
  'ma',
  'li',
  'que',
  'ter',
  'wa',
  'nø',
];
const PARTICLES = ['von der', 'de la', 'van', 'al'];
const HAN =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLES = ['Minister', 'Secretary', 'Ambassador', 'Commissioner', 'Governor', 'Envoy'];
const WORDS = (
  'the talks trade tariff goods officials said would after before meeting week agreement export import ' +
  'market rates duties statement framework review delegation round extension truce deadline sources ' +
  'negotiators economy supply chains minerals rare earth licensing controls soybeans chips steel ' +
  'aluminium vehicles consumers prices inflation growth quarter billion percent points cut raise pause'
).split(' ');
const RATES = [10, 15, 20, 25, 30, 34, 50, 84, 125, 145, 7.5, 12.5];

export interface GeneratedOfficial {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

export interface GeneratedKnowledge {
  readonly yaml: string;
  readonly officials: readonly GeneratedOfficial[];
  readonly countryNames: readonly string[];
}

function surname(random: Random): string {
  let word = '';
  const syllables = 2 + random.int(2);
  for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
  return word[0]!.toUpperCase() + word.slice(1);
}

function hanName(random: Random): string {
  let name = '';
  for (let i = 0; i < 3; i++) name += HAN[random.int(HAN.length)];
  return name;
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * A knowledge file with `entities` entries: about 80% officials, 10% tariffs, 10% timeline events,
 * plus one country per 50 entities. About 230 bytes per entity, like real files.
 */
export function generateKnowledge(entities: number, seed: number): GeneratedKnowledge {
  const random = new Random(seed);
  const countryCount = Math.max(4, Math.floor(entities / 50));
  const codes: string[] = [];
  const countryNames: string[] = [];
  const out: string[] = ['kind: trade-knowledge', 'version: 1', 'countries:'];
  for (let c = 0; c < countryCount; c++) {
    const code = `C${c.toString(36).toUpperCase()}`;
    const name = `${surname(random)}land`;
    codes.push(code);
    countryNames.push(name);
    out.push(`  ${code}: { name: ${name}, aliases: [${name.slice(0, -4)}ian] }`);
  }
  const officialCount = Math.round(entities * 0.8);
  const tariffCount = Math.round(entities * 0.1);
  const eventCount = entities - officialCount - tariffCount;
  const officials: GeneratedOfficial[] = [];
  out.push('officials:');
  for (let o = 0; o < officialCount; o++) {
    const id = `official-${o}`;
    const cjk = random.chance(0.05);
    const family = cjk ? hanName(random) : surname(random);
    const particle = !cjk && random.chance(0.1) ? `${random.pick(PARTICLES)} ` : '';
    const name = cjk ? family : `${random.pick(GIVEN)} ${particle}${family}`;
    const aliases = cjk ? [] : [`${particle}${family}`, `${random.pick(TITLES)} ${family}`];
    officials.push({ id, name, aliases });
    out.push(`  - id: ${id}`, `    name: ${yamlString(name)}`);
    if (aliases.length > 0) out.push(`    aliases: [${aliases.map(yamlString).join(', ')}]`);
    out.push(
      `    country: ${random.pick(codes)}`,
      `    title: ${random.pick(TITLES)} of ${random.pick(WORDS)} and ${random.pick(WORDS)}`,
      `    note: The official who led the ${random.pick(WORDS)} ${random.pick(WORDS)} talks in round ${o % 97}.`,
      `    links: [https://example.org/officials/${id}]`,
    );
  }
  out.push('tariffs:');
  for (let t = 0; t < tariffCount; t++) {
    out.push(
      `  - id: tariff-${t}`,
      `    by: ${random.pick(codes)}`,
      `    on: ${random.pick(codes)}`,
      `    label: Duties on ${random.pick(WORDS)} ${random.pick(WORDS)}`,
      '    history:',
      `      - { date: 2025-0${1 + random.int(4)}-1${random.int(10)}, rate: ${random.pick(RATES)}% }`,
      `      - { date: 2025-0${5 + random.int(4)}-2${random.int(8)}, rate: ${random.pick(RATES)}% }`,
    );
  }
  out.push('timeline:');
  for (let e = 0; e < eventCount; e++) {
    out.push(
      `  - id: event-${e}`,
      `    date: 2025-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`,
      `    title: Round ${e} of ${random.pick(WORDS)} talks`,
      '    kind: talks',
      `    participants: [official-${random.int(Math.max(1, officialCount))}]`,
      `    summary: Negotiators discussed ${random.pick(WORDS)} and ${random.pick(WORDS)}.`,
    );
  }
  return { yaml: out.join('\n') + '\n', officials, countryNames };
}

/** Strips diacritics the way an analyst typing without them would. */
function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A name as it might appear in a note: as defined, an alias, upper case, without diacritics, decomposed, wrapped, possessive. */
function mentionText(random: Random, official: GeneratedOfficial): string {
  let text = random.chance(0.6) || official.aliases.length === 0 ? official.name : random.pick(official.aliases);
  const variant = random.int(10);
  if (variant === 0 && text.includes(' ')) text = text.toUpperCase();
  else if (variant === 1) text = withoutDiacritics(text);
  else if (variant === 2) text = text.normalize('NFD');
  else if (variant === 3) text = text.replace(' ', '\n');
  if (random.chance(0.1)) text += random.chance(0.5) ? "'s" : '’s';
  return text;
}

function figureText(random: Random): string {
  const rate = random.chance(0.8) ? random.pick(RATES) : 1 + random.int(200);
  return `${rate}${random.pick(['%', '%', ' percent', ' per cent', '-percent'])}`;
}

/** A note of about `length` characters (UTF-16 code units): wrapped English prose with mentions, figures and some Chinese. */
export function generateNote(length: number, knowledge: GeneratedKnowledge, seed: number): string {
  const random = new Random(seed);
  const parts: string[] = [];
  let size = 0;
  let column = 0;
  let sentenceStart = true;
  const push = (token: string): void => {
    const separator = size === 0 || column === 0 ? '' : column + token.length > 80 ? '\n' : ' ';
    column = separator === '\n' ? token.length : column + separator.length + token.length;
    parts.push(separator, token);
    size += separator.length + token.length;
  };
  while (size < length) {
    const roll = random.next();
    let token: string;
    if (roll < 0.03) token = mentionText(random, random.pick(knowledge.officials));
    else if (roll < 0.035) token = random.pick(knowledge.countryNames);
    else if (roll < 0.04) token = figureText(random);
    else if (roll < 0.042)
      token = `${HAN[random.int(HAN.length)]}${HAN[random.int(HAN.length)]}会见了${hanName(random)}。`;
    else token = random.pick(WORDS);
    if (sentenceStart) token = token[0]!.toUpperCase() + token.slice(1);
    sentenceStart = random.chance(0.08);
    if (sentenceStart) token += '.';
    push(token);
    if (sentenceStart && random.chance(0.12)) {
      // A paragraph ends: a blank line, and the next token starts the next line.
      parts.push('\n\n');
      size += 2;
      column = 0;
    }
  }
  return parts.join('').slice(0, length);
}

// A deterministic corpus of invented news text, for benchmarking without the
// BBC corpus. Same seed, same files, on every machine: a seeded PRNG, never
// Math.random. The text is shaped like press cuttings so every stage has its
// real work: a headline, 6–15 paragraphs, recurring people with titles and
// later "Ms Surname" mentions, organisations, places, dates in the text
// ("on 12 March 2005"), quotations, and wire copy repeated verbatim across
// articles so cross-reference detection finds shared passages.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** mulberry32: a small, fast PRNG with a 32-bit state; good enough to vary text. */
export class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** A number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
}

interface Person {
  first: string;
  last: string;
  honorific: 'Mr' | 'Ms' | 'Dr';
  /** How the articles introduce them: "Prime Minister", "union leader". */
  title: string;
}

const PEOPLE: readonly Person[] = [
  { first: 'Anna', last: 'Kowalski', honorific: 'Ms', title: 'Prime Minister' },
  { first: 'Tomas', last: 'Berg', honorific: 'Mr', title: 'Finance Minister' },
  { first: 'Daniel', last: 'Okafor', honorific: 'Mr', title: 'opposition leader' },
  { first: 'Priya', last: 'Raman', honorific: 'Ms', title: 'Health Secretary' },
  { first: 'Elena', last: 'Marsh', honorific: 'Ms', title: 'central bank governor' },
  { first: 'Joe', last: 'Tanner', honorific: 'Mr', title: 'union leader' },
  { first: 'Martin', last: 'Hale', honorific: 'Mr', title: 'chief executive' },
  { first: 'Sofia', last: 'Lindqvist', honorific: 'Ms', title: 'Mayor' },
  { first: 'Kenji', last: 'Sato', honorific: 'Mr', title: 'Foreign Minister' },
  { first: 'Ruth', last: 'Adeyemi', honorific: 'Dr', title: 'economist' },
  { first: 'Mark', last: 'Doyle', honorific: 'Mr', title: 'Detective Chief Inspector' },
  { first: 'Helen', last: 'Carter', honorific: 'Ms', title: 'High Court judge' },
  { first: 'Lucía', last: 'Fernández', honorific: 'Ms', title: 'market analyst' },
  { first: 'Owen', last: 'Price', honorific: 'Mr', title: 'Transport Secretary' },
  { first: 'Grace', last: 'Mwangi', honorific: 'Ms', title: 'charity director' },
  { first: 'Piotr', last: 'Nowak', honorific: 'Mr', title: 'trade envoy' },
  { first: 'Claire', last: 'Dubois', honorific: 'Ms', title: 'European commissioner' },
  { first: 'Samuel', last: 'Reyes', honorific: 'Mr', title: 'energy regulator' },
  { first: 'Hannah', last: 'Brooks', honorific: 'Ms', title: 'shadow chancellor' },
  { first: 'Arjun', last: 'Mehta', honorific: 'Mr', title: 'technology entrepreneur' },
];

const ORGANISATIONS = [
  'Northbridge Bank',
  "the Harbour Workers' Union",
  'the National Audit Office',
  'the Federal Transport Agency',
  'Meridian Energy',
  'Westbrook University',
  'the Civic Alliance',
  'the Social Democrats',
  'the Daily Courier',
  'Atlas Telecom',
  'the Royal Infirmary',
  'the Competition Commission',
  'Greenfield Foods',
  'the Institute for Fiscal Research',
];

const COMPANIES = ['Northbridge Bank', 'Meridian Energy', 'Atlas Telecom', 'Greenfield Foods'];

const PLACES = ['Lisbon', 'Tallinn', 'Glasgow', 'Rotterdam', 'Leeds', 'Cardiff', 'Gdansk', 'Porto', 'Bristol', 'Aarhus', 'Belfast', 'Malmö'];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Topic folders, and what their articles are about. */
const TOPICS: Record<string, readonly string[]> = {
  politics: ['the spending review', 'the election timetable', 'the reform bill', 'the coalition talks', 'the party conference'],
  business: ['the merger', 'quarterly profits', 'the pension scheme', 'the takeover bid', 'the share buyback'],
  world: ['the border agreement', 'the ceasefire', 'the trade summit', 'the aid programme', 'the fishing dispute'],
  health: ['hospital waiting lists', 'the vaccine programme', "the nurses' pay deal", 'the new cancer centre', 'ambulance response times'],
  technology: ['the broadband rollout', 'the data protection rules', 'the satellite launch', 'the mobile network upgrade', 'the chip plant'],
};

const QUOTES = [
  'We will not be rushed into a decision that affects millions of families',
  'This is a good deal for workers and a good deal for the country',
  'The numbers simply do not add up',
  'We have listened, and we will act',
  'Nobody should be surprised by these figures',
  'It is too early to say what the long-term effect will be',
  'People deserve straight answers, not another review',
  'We expect to see a full recovery by the end of next year',
  'There is no question of anyone resigning over this',
  'I think the public will see through it',
];

const OUTCOMES = ['go ahead as planned', 'be delayed until the autumn', 'cost more than expected', 'be reviewed in full', 'need fresh approval from parliament'];
const VERDICTS = ['unworkable', 'long overdue', 'a missed opportunity', 'rushed', 'a step in the right direction'];
const METRICS = ['unemployment', 'consumer spending', 'house prices', 'passenger numbers', 'energy bills', 'exports'];
const HEADLINE_VERBS = ['defends', 'warns over', 'backs', 'attacks', 'rules out delay to', 'faces questions over'];
const ORDINALS = ['second', 'third', 'fourth', 'fifth'];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Writes one article's text: the kind of cutting a press office files. */
class ArticleWriter {
  /** People already introduced in this article, named shortly after that. */
  private introduced = new Set<Person>();
  constructor(
    private readonly random: Random,
    private readonly subjects: readonly string[],
  ) {}

  date(): string {
    return `${this.random.int(1, 28)} ${this.random.pick(MONTHS)} ${this.random.int(2003, 2006)}`;
  }

  /** "Prime Minister Anna Kowalski" the first time, "Ms Kowalski" after. */
  name(person: Person, startsSentence = false): string {
    if (this.introduced.has(person)) return `${person.honorific} ${person.last}`;
    this.introduced.add(person);
    return `${startsSentence ? capitalise(person.title) : person.title} ${person.first} ${person.last}`;
  }

  sentence(cast: readonly Person[]): string {
    const r = this.random;
    const person = r.pick(cast);
    const subject = r.pick(this.subjects);
    const organisation = r.pick(ORGANISATIONS);
    const other = r.pick(ORGANISATIONS.filter((name) => name !== organisation));
    const templates: (() => string)[] = [
      () => `${this.name(person, true)} said on ${this.date()} that ${subject} would ${r.pick(OUTCOMES)}.`,
      () => `"${r.pick(QUOTES)}," ${this.name(person)} told reporters in ${r.pick(PLACES)}.`,
      () => `${capitalise(organisation)} said ${subject} had cost £${r.int(2, 900)}m over ${r.int(2, 9)} years, up from £${r.int(1, 400)}m in ${r.int(1998, 2004)}.`,
      () => `${this.name(person, true)} is expected to meet officials from ${organisation} in ${r.pick(PLACES)} on ${this.date()}.`,
      () => `Critics, including ${this.name(person)}, said the plans were ${r.pick(VERDICTS)}.`,
      () => `Figures published on ${this.date()} showed ${r.pick(METRICS)} rose by ${r.int(1, 19)}.${r.int(0, 9)}% in the year to ${r.pick(MONTHS)}.`,
      () => `${this.name(person, true)} has faced growing pressure since ${this.date()}, when ${organisation} first questioned ${subject}.`,
      () => `A spokesperson for ${organisation} said: "${r.pick(QUOTES)}."`,
      () => `It is the ${r.pick(ORDINALS)} time this year that a decision on ${subject} has been put off.`,
      () => `Talks between ${organisation} and ${other} are due to resume in ${r.pick(MONTHS)}.`,
    ];
    return r.pick(templates)();
  }

  paragraph(cast: readonly Person[]): string {
    return Array.from({ length: this.random.int(1, 3) }, () => this.sentence(cast)).join(' ');
  }

  headline(cast: readonly Person[]): string {
    const r = this.random;
    const person = cast[0]!;
    const subject = r.pick(this.subjects).replace(/^the /, '');
    return r.pick([
      () => `${person.last} ${r.pick(HEADLINE_VERBS)} ${subject}`,
      () => `${r.pick(COMPANIES)} profits rise ${r.int(2, 60)}%`,
      () => `${r.pick(PLACES)} braces for strike over ${subject}`,
      () => `Talks on ${subject} stall in ${r.pick(PLACES)}`,
      () => `${capitalise(subject)}: what happens next`,
    ])();
  }
}

/** Paragraphs that news agencies send to every paper: they recur verbatim across articles. */
function wireCopy(random: Random, count: number): string[] {
  return Array.from({ length: count }, () => {
    // A writer per paragraph: each introduces its people in full, wherever it lands.
    const writer = new ArticleWriter(random, Object.values(TOPICS).flat());
    const cast = [random.pick(PEOPLE), random.pick(PEOPLE)];
    return [writer.sentence(cast), writer.sentence(cast), writer.sentence(cast)].join(' ');
  });
}

export interface GeneratedArticle {
  /** Relative path: `topic/NNN.txt`. */
  file: string;
  text: string;
}

/** `count` articles, spread over the topic folders in turn. */
export function generateArticles(count: number, seed = 2005): GeneratedArticle[] {
  const random = new Random(seed);
  const wire = wireCopy(random, 40);
  const topics = Object.keys(TOPICS);
  const width = Math.max(3, String(Math.ceil(count / topics.length)).length);
  return Array.from({ length: count }, (_, index) => {
    const topic = topics[index % topics.length]!;
    const writer = new ArticleWriter(random, TOPICS[topic]!);
    const cast = Array.from({ length: random.int(2, 4) }, () => random.pick(PEOPLE));
    const lines = [writer.headline(cast), ''];
    if (random.chance(0.2)) lines.push(`By ${random.pick(PEOPLE).first} ${random.pick(PEOPLE).last}, ${random.pick(PLACES)} correspondent`, '');
    const paragraphs = Array.from({ length: random.int(6, 15) }, () => writer.paragraph(cast));
    // About half the articles carry one or two agency paragraphs somewhere in the body.
    for (let n = random.chance(0.5) ? random.int(1, 2) : 0; n > 0; n--) {
      paragraphs.splice(random.int(1, paragraphs.length), 0, random.pick(wire));
    }
    lines.push(paragraphs.join('\n\n'));
    const number = String(Math.floor(index / topics.length) + 1).padStart(width, '0');
    return { file: `${topic}/${number}.txt`, text: `${lines.join('\n')}\n` };
  });
}

/** Writes `count` generated articles under `dir`, in topic folders. */
export async function writeGeneratedCorpus(dir: string, count: number, seed?: number): Promise<void> {
  for (const article of generateArticles(count, seed)) {
    const file = path.join(dir, article.file);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, article.text);
  }
}

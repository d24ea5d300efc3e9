// Quantities found in short sentences: numbers in digits and words, qualifiers, ranges, magnitudes, units, ages, claimants.

import { describe, expect, it } from 'vitest';
import { findQuantities } from './index.js';
import type { Statement } from '../../schema/index.js';

/** The quantities of a sentence, with their text. */
const quantities = (text: string, statements: Statement[] = []) =>
  findQuantities(text, { statements }).map((q) => ({ ...q, text: text.slice(q.start, q.end) }));

/** The only quantity of a sentence. */
function only(text: string) {
  const qs = quantities(text);
  expect(qs.map((q) => q.text)).toHaveLength(1);
  return qs[0]!;
}

describe('quantities: numbers in digits and words', () => {
  it.each([
    ['Police said 12 people were killed.', '12 people', 12],
    ['Twelve people were killed in the attack.', 'Twelve people', 12],
    ['Officials counted a dozen bodies.', 'a dozen bodies', 12],
    ['The blast injured 2,300 people.', '2,300 people', 2300],
    ['Twenty-five soldiers were captured.', 'Twenty-five soldiers', 25],
    ['The fund holds 1.5 million dollars.', '1.5 million dollars', 1_500_000],
    ['The city has 30 million people.', '30 million people', 30_000_000],
    ['The war displaced one hundred and twenty families.', 'one hundred and twenty families', 120],
    ['The war displaced one and a half million people.', 'one and a half million people', 1_500_000],
  ])('%s', (text, span, value) => {
    const q = only(text);
    expect(q.text).toBe(span);
    expect(q.value).toBe(value);
    expect(q.approx).toBe('exact');
  });
});

describe('quantities: money and percent', () => {
  it('reads a currency symbol with a glued scale', () => {
    const q = only('The company lost $3bn last year.');
    expect([q.text, q.value, q.unit, q.category]).toEqual(['$3bn', 3e9, 'USD', 'money']);
  });
  it('reads euros with a scale word', () => {
    const q = only('The bank lent €2.5 billion to the state.');
    expect([q.text, q.value, q.unit]).toEqual(['€2.5 billion', 2.5e9, 'EUR']);
  });
  it('reads percent written out and as a sign', () => {
    expect(only('Turnout was 70 percent in the north.')).toMatchObject({ text: '70 percent', value: 70, unit: 'percent', category: 'percent' });
    expect(only('Turnout was 70% in the north.')).toMatchObject({ text: '70%', value: 70, unit: 'percent' });
    expect(only('The rate was set at 14.25 per cent.')).toMatchObject({ text: '14.25 per cent', value: 14.25 });
  });
});

describe('quantities: fractions and ratios are values below 1', () => {
  it('reads two-thirds', () => expect(only('Two-thirds of voters backed the plan.')).toMatchObject({ value: 2 / 3 }));
  it('reads nearly 1 in 4 as about a quarter', () => {
    const q = only('The march drew nearly 1 in 4 residents.');
    expect(q.text.startsWith('nearly 1 in 4')).toBe(true);
    expect([q.value, q.approx]).toEqual([0.25, 'about']);
  });
  it('reads a third of', () => expect(only('A third of the harvest was lost.')).toMatchObject({ value: 1 / 3 }));
});

describe('quantities: qualifiers', () => {
  it.each([
    ['At least six airbases were attacked.', 'At least six airbases', 6, 'at_least'],
    ['No fewer than 40 boats sank.', 'No fewer than 40 boats', 40, 'at_least'],
    ['A minimum of 3 judges must agree.', 'A minimum of 3 judges', 3, 'at_least'],
    ['More than 300 people are missing.', 'More than 300 people', 300, 'more_than'],
    ['Over 900 migrants were rescued.', 'Over 900 migrants', 900, 'more_than'],
    ['Upwards of 50 trucks crossed.', 'Upwards of 50 trucks', 50, 'more_than'],
    ['As many as 1,500 buildings were destroyed.', 'As many as 1,500 buildings', 1500, 'at_most'],
    ['The law allows up to 20 guests.', 'up to 20 guests', 20, 'at_most'],
    ['At most 10 players may register.', 'At most 10 players', 10, 'at_most'],
    ['Fewer than 30 shops opened.', 'Fewer than 30 shops', 30, 'less_than'],
    ['Less than 5% of homes have power.', 'Less than 5%', 5, 'less_than'],
    ['About 20 families fled.', 'About 20 families', 20, 'about'],
    ['Around 80 people were evacuated.', 'Around 80 people', 80, 'about'],
    ['Nearly 6,000 buildings collapsed.', 'Nearly 6,000 buildings', 6000, 'about'],
    ['Almost 40 wells ran dry.', 'Almost 40 wells', 40, 'about'],
    ['Some 12,000 asylum seekers wait.', 'Some 12,000 asylum seekers', 12000, 'about'],
    ['Roughly 100 photographs were shown.', 'Roughly 100 photographs', 100, 'about'],
    ['Approximately 56 ships docked.', 'Approximately 56 ships', 56, 'about'],
    ['An estimated 5,000 fighters joined.', 'An estimated 5,000 fighters', 5000, 'about'],
    ['Close to 200 aftershocks followed.', 'Close to 200 aftershocks', 200, 'about'],
    ['The storm killed 107 or more people.', '107 or more', 107, 'at_least'],
  ])('%s', (text, span, value, approx) => {
    const q = only(text);
    expect(q.text.startsWith(span)).toBe(true);
    expect([q.value, q.approx]).toEqual([value, approx]);
  });
});

describe('quantities: ranges', () => {
  it.each([
    ['Between 10 and 20 people were hurt.', 10, 20],
    ['The blast hurt 10-20 people.', 10, 20],
    ['The blast hurt 10 to 20 people.', 10, 20],
    ['Two or three boats capsized.', 2, 3],
    ['The deal is worth between 1.5 and 2 million dollars.', 1_500_000, 2_000_000],
    ['Support fell to between 10% and 20%.', 10, 20],
    ['The deal is worth between $1bn and $2bn.', 1e9, 2e9],
  ])('%s', (text, low, high) => {
    const q = only(text);
    expect([q.value, q.approx, q.low, q.high]).toEqual([low, 'range', low, high]);
  });
});

describe('quantities: vague magnitudes take their lower bound', () => {
  it.each([
    ['Militants fired hundreds of rockets.', 'hundreds of rockets', 100],
    ['Thousands of people celebrated.', 'Thousands of people', 1000],
    ['Dozens of bridges collapsed.', 'Dozens of bridges', 12],
    ['The park filled with tens of thousands of people.', 'tens of thousands of people', 10000],
    ['The marches drew hundreds of thousands of protesters.', 'hundreds of thousands of protesters', 100000],
    ['Millions of pilgrims arrive each year.', 'Millions of pilgrims', 1e6],
    ['Inflation is now in double digits.', 'double digits', 10],
  ])('%s', (text, span, value) => {
    const q = only(text);
    expect([q.text, q.value, q.approx]).toEqual([span, value, 'order']);
  });
});

describe('quantities: ages', () => {
  it.each([
    ['My mother is 70 years old.', '70 years old', 70],
    ['A 93-year-old woman was rescued.', '93-year-old', 93],
    ['The teacher, Amy Bau, 41, joined the march.', '41', 41],
    ['He joined the army aged 19.', 'aged 19', 19],
  ])('%s', (text, span, value) => {
    const q = only(text);
    expect([q.text, q.value, q.category]).toEqual([span, value, 'age']);
  });
});

describe('quantities: what is counted', () => {
  it('glosses the counted noun with its participle', () => {
    expect(only('Israel said 12 people were killed by rockets.')).toMatchObject({ what: 'people killed', category: 'killed' });
  });
  it('glosses the verb before the number', () => {
    expect(only('The strikes killed at least six civilians.')).toMatchObject({ category: 'killed' });
    expect(only('Gunmen fired hundreds of rockets at the town.')).toMatchObject({ what: 'rockets fired', category: 'weapons' });
  });
  it('reads casualty words as the head', () => {
    expect(only('The blast left 52 wounded.')).toMatchObject({ text: '52 wounded', category: 'injured' });
  });
  it('keeps adjectives and compounds up to the head noun', () => {
    expect(only('Police found two female suicide bombers.').text).toBe('two female suicide bombers');
    expect(only('The council said 2,000 civilian vehicles left.').text).toBe('2,000 civilian vehicles');
  });
  it('counts "one" heading a noun and "one of those"', () => {
    expect(only('At least one person was killed.')).toMatchObject({ text: 'At least one person', value: 1, approx: 'at_least' });
    expect(only('One of those killed was a guard.').text).toBe('One of those killed');
  });
  it('counts an elliptical "one" answering another count', () => {
    expect(quantities('Two rifles were recovered, while one was destroyed.').map((q) => q.text)).toEqual(['Two rifles', 'one']);
  });
  it('reads hyphenated counts as adjectives', () => {
    expect(only('Fire broke out in a 15-story building.')).toMatchObject({ text: '15-story', value: 15 });
  });
  it('reads a magnitude', () => expect(only('A magnitude 7.8 earthquake struck.')).toMatchObject({ text: 'magnitude 7.8', value: 7.8 }));
  it('passes the qualifier to a conversion in brackets', () => {
    const qs = quantities('The route runs for more than 260 kilometers (160 miles) to the city.');
    expect(qs.map((q) => [q.text, q.approx])).toEqual([['more than 260 kilometers', 'more_than'], ['160 miles', 'more_than']]);
  });
});

describe('quantities: claimants', () => {
  it('names the innermost statement whose content holds the figure', () => {
    const text = 'The ministry said that 12 people were killed, police said.';
    const outer: Statement = { id: 's0', kind: 'indirect', content: { start: 0, end: 44 }, cue: { start: 51, end: 55, lemma: 'say' }, speaker: { name: 'police' }, confidence: 0.5, provenance: { stage: 't' } };
    const inner: Statement = { id: 's1', kind: 'indirect', content: { start: 23, end: 44 }, cue: { start: 13, end: 17, lemma: 'say' }, speaker: { name: 'The ministry' }, confidence: 0.5, provenance: { stage: 't' } };
    expect(quantities(text, [outer, inner])[0]!.statement).toBe('s1');
  });
});

describe('quantities: syntax, when the parser has run', () => {
  it('takes the governing verb from the tree when no participle is next to the noun', () => {
    const text = 'Six airbases , the army said , were hit .';
    const forms = text.split(' ');
    const start: number[] = [];
    let at = 0;
    for (const f of forms) { start.push(text.indexOf(f, at)); at = start[start.length - 1]! + f.length; }
    const tokens = { count: forms.length, start: Int32Array.from(start), end: Int32Array.from(start.map((s, i) => s + forms[i]!.length)), form: forms, spaceAfter: new Uint8Array(forms.length).fill(1) };
    //            Six  airbases ,  the army said ,  were hit  .
    const head = [1, 8, 5, 4, 5, 8, 5, 8, -1, 8];
    const deprel = ['nummod', 'nsubj:pass', 'punct', 'det', 'nsubj', 'parataxis', 'punct', 'aux:pass', 'root', 'punct'];
    const upos = ['NUM', 'NOUN', 'PUNCT', 'DET', 'NOUN', 'VERB', 'PUNCT', 'AUX', 'VERB', 'PUNCT'];
    const lemma = ['six', 'airbase', ',', 'the', 'army', 'say', ',', 'be', 'hit', '.'];
    const q = findQuantities(text, { tokens, tags: { upos, xpos: upos, lemma, feats: upos.map(() => '') }, syntax: { head: Int32Array.from(head), deprel } })[0]!;
    expect(q.what).toBe('airbases hit');
  });
});

describe('quantities: news sentences', () => {
  it.each([
    ['The ministry said 45 Palestinians, including 12 children, were killed.', ['45 Palestinians', '12 children']],
    ['Flight MH17 was downed over Ukraine in 2014, killing all 298 people on board.', ['298 people']],
    ['The rouble fell 3% and the deficit hit $1.5 trillion.', ['3%', '$1.5 trillion']],
    ['The death toll climbed to at least 2,000, officials said.', ['at least 2,000']],
    ['Twenty-two people were hurt, six of them seriously.', ['Twenty-two people', 'six of them']],
    ['The company cut 10% of its workforce, or about 1,100 jobs.', ['10%', 'about 1,100 jobs']],
    ['The state allotted Rs 500 crore for relief.', ['Rs 500 crore']],
    ['About 1.5m people voted and the wall is 3m high.', ['About 1.5m people', '3m']],
    ['Costs rose from 5 percent to 7 percent.', ['5 percent', '7 percent']],
    ['Half a million people fled.', ['Half a million people']],
    ['It cost Rs1,000 and USD 20 million.', ['Rs1,000', 'USD 20 million']],
    ['A total of 17 aid trucks entered Gaza on Saturday.', ['A total of 17 aid trucks']],
    ['About half of the residents fled.', ['About half of the residents']],
    ['Temperatures dropped to -5C overnight.', ['-5C']],
    ['A 3.5-tonne truck carried 5 kg of cocaine.', ['3.5-tonne', '5 kg']],
  ])('%s', (text, spans) => {
    expect(quantities(text).map((q) => q.text)).toEqual(spans);
  });
});

describe('quantities: records', () => {
  it('match the dateline/1 schema and carry bounds by qualifier', async () => {
    const { QuantitySchema } = await import('../../schema/quantities.js');
    const qs = findQuantities('At least 12 people died, up to 30 were hurt and between 5 and 8 houses burned; some 40 fled.');
    for (const q of qs) expect(QuantitySchema.safeParse(q).success).toBe(true);
    expect(qs.map((q) => [q.approx, q.low, q.high])).toEqual([['at_least', 12, undefined], ['at_most', undefined, 30], ['range', 5, 8], ['about', 40, 40]]);
  });
});

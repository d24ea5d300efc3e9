// Who said what: one short case per attribution pattern, run on the rules' own text view (no tagger, parser or NER needed).

import { describe, expect, it } from 'vitest';
import { documentFromText } from '../../ingest/index.js';
import { entitiesStage } from '../entities/index.js';
import { statementsStage } from './index.js';

const EMPTY_NLP = {
  tokens: { count: 0, start: new Int32Array(0), end: new Int32Array(0), form: [], spaceAfter: new Uint8Array(0) },
  sentences: { count: 0, tokenStart: new Int32Array(0), tokenEnd: new Int32Array(0), spans: [], paragraph: new Int32Array(0) },
  tags: { upos: [], xpos: [], lemma: [], feats: [] },
  names: [], places: [], times: [],
};

/** Runs entities then statements on a text and returns readable statements. */
function said(text: string) {
  const doc = documentFromText(text, {});
  const t = doc.text;
  const { entities } = entitiesStage.run(doc, EMPTY_NLP);
  const { statements } = statementsStage.run(doc, { ...EMPTY_NLP, entities });
  return statements.map((s) => ({
    kind: s.kind,
    content: t.slice(s.content.start, s.content.end),
    cue: s.cue.lemma,
    speaker: s.speaker.name,
    mention: s.speaker.start !== undefined ? t.slice(s.speaker.start, s.speaker.end) : undefined,
    channel: s.channel?.type,
    addressee: s.addressee?.name,
  }));
}

describe('statements: where the speaker stands', () => {
  it('finds a speaker before the cue', () => {
    expect(said('Anna Berg said the bridge would reopen in May.')).toMatchObject([
      { kind: 'indirect', content: 'the bridge would reopen in May', cue: 'say', speaker: 'Anna Berg', mention: 'Anna Berg' },
    ]);
  });

  it('finds a speaker after the cue ("said X")', () => {
    expect(said('“We will rebuild every house,” said Anna Berg, the town’s mayor.')).toMatchObject([
      { kind: 'direct', content: '“We will rebuild every house,”', speaker: 'Anna Berg' },
    ]);
  });

  it('splits a quotation interrupted by its cue into two statements with one speaker', () => {
    const out = said('Tom Reyes runs the shelter. “We are ready for the storm,” he said, “and we will not wait for help.”');
    expect(out).toMatchObject([
      { kind: 'direct', content: '“We are ready for the storm,”', speaker: 'Tom Reyes', mention: 'he' },
      { kind: 'direct', content: '“and we will not wait for help.”', speaker: 'Tom Reyes' },
    ]);
  });

  it('skips an apposition between speaker and cue and keeps it as a role', () => {
    const text = 'Maria Lopez, a senior adviser to the health minister, said the clinics were full.';
    expect(said(text)).toMatchObject([{ content: 'the clinics were full', speaker: 'Maria Lopez', mention: 'Maria Lopez' }]);
    const doc = documentFromText(text, {});
    const { entities } = entitiesStage.run(doc, EMPTY_NLP);
    expect(entities.find((e) => e.name === 'Maria Lopez')?.roles).toContain('a senior adviser to the health minister');
  });

  it('skips a role written without an article ("X, editor at large at the Y Gazette, said")', () => {
    // News writes appositions without "a"/"the"; the organization at their end is an affiliation, not the speaker.
    expect(said('“It could have been much worse,” Khaled Saleh, editor at large at the Gulf Gazette, said.'))
      .toMatchObject([{ content: '“It could have been much worse,”', speaker: 'Khaled Saleh' }]);
    expect(said('Dana Levi, chief financial officer at the Tel Aviv Museum, said 500 works were lent.'))
      .toMatchObject([{ content: '500 works were lent', speaker: 'Dana Levi' }]);
    expect(said('Omar Nasser, chief financial officer at the Ramallah Museum, said 500 works were lent.'))
      .toMatchObject([{ content: '500 works were lent', speaker: 'Omar Nasser' }]);
  });

  it('skips a role whose modifiers come before it ("X, Panama coach, said")', () => {
    expect(said('“We learned a lot today,” Hernan Gomez, Panama coach, said.')).toMatchObject([{ speaker: 'Hernan Gomez', content: '“We learned a lot today,”' }]);
    expect(said('Daniel Hagari, IDF spokesman, said the strikes hit launch sites.')).toMatchObject([{ speaker: 'Daniel Hagari', content: 'the strikes hit launch sites' }]);
    expect(said('Abu Obeida, Qassam Brigades spokesman, said the rockets hit Ashkelon.')).toMatchObject([{ speaker: 'Abu Obeida', content: 'the rockets hit Ashkelon' }]);
    // A definite role may carry capitalized modifiers too.
    expect(said('Jeff Rathke, the State Department Spokesperson, said the talks would resume.')).toMatchObject([{ speaker: 'Jeff Rathke', content: 'the talks would resume' }]);
    expect(said('Hazem Qassem, the Hamas spokesman, said the talks would resume.')).toMatchObject([{ speaker: 'Hazem Qassem', content: 'the talks would resume' }]);
    expect(said('Avi Hyman, the Israeli government spokesman, said the talks would resume.')).toMatchObject([{ speaker: 'Avi Hyman', content: 'the talks would resume' }]);
  });

  it('reads ", said X," inside the reported clause', () => {
    expect(said('The crossings, said the army, will stay closed until Sunday.')).toMatchObject([{ speaker: 'the army', content: 'The crossings, said the army, will stay closed until Sunday' }]);
    expect(said('The crossings, said Hamas, will stay closed until Sunday.')).toMatchObject([{ speaker: 'Hamas', content: 'The crossings, said Hamas, will stay closed until Sunday' }]);
    // Not when the speaker's apposition or an "adding" clause follows.
    expect(said('Twelve people were killed, said the ministry, adding that the toll could rise.').map((x) => x.content)).toEqual(['Twelve people were killed', 'the toll could rise']);
  });

  it('takes the name in apposition after "According to the <role>,"', () => {
    expect(said('According to the army spokesman, Avichay Adraee, the strikes hit militant targets.')).toMatchObject([{ speaker: 'Avichay Adraee', content: 'the strikes hit militant targets' }]);
    expect(said('According to the Hamas spokesman, Fawzi Barhoum, the strikes hit civilian homes.')).toMatchObject([{ speaker: 'Fawzi Barhoum', content: 'the strikes hit civilian homes' }]);
    // A list of places after the source is content, and "the report" is its own source.
    expect(said('According to the report, Gaza, Rafah and Khan Younis were hit.')).toMatchObject([{ speaker: 'the report', content: 'Gaza, Rafah and Khan Younis were hit' }]);
    expect(said('According to the report, Sderot, Ashkelon and Ashdod were hit.')).toMatchObject([{ speaker: 'the report', content: 'Sderot, Ashkelon and Ashdod were hit' }]);
  });

  it('reads a long source phrase after a sentence-initial "According to" up to its comma', () => {
    expect(said('According to Afghan Ambassador to the United States Hamdullah Mohib, the team shows real progress.'))
      .toMatchObject([{ cue: 'according to', content: 'the team shows real progress' }]);
    expect(said('According to Israeli Ambassador to the United Kingdom Tzipi Hotovely, the talks made real progress.'))
      .toMatchObject([{ cue: 'according to', content: 'the talks made real progress' }]);
  });

  it('takes the cue-last source of a sentence ("…, the ministry said on Friday")', () => {
    expect(said('Twelve people were killed in the blast, the ministry said on Friday.')).toMatchObject([
      { kind: 'indirect', content: 'Twelve people were killed in the blast', speaker: 'the ministry' },
    ]);
  });
});

describe('statements: resolving the speaker', () => {
  it('resolves a pronoun in the next paragraph to the last compatible speaker', () => {
    const out = said('Maria Lopez said the clinics were full.\n\nShe added that more nurses were needed.');
    expect(out[1]).toMatchObject({ content: 'more nurses were needed', cue: 'add', speaker: 'Maria Lopez', mention: 'She' });
  });

  it('keeps gender agreement when two people spoke', () => {
    const out = said('Maria Lopez said the clinics were full. Mr. John Carter said the roads were closed. She added that the water was safe.');
    expect(out[2]).toMatchObject({ content: 'the water was safe', speaker: 'Maria Lopez' });
  });

  it('resolves a last name to the full name', () => {
    const out = said('Maria Lopez said the clinics were full.\n\nLopez said doctors had not been paid.');
    expect(out[1]).toMatchObject({ speaker: 'Maria Lopez', mention: 'Lopez' });
  });

  it('resolves a description ("the spokesman") to the named spokesman', () => {
    const out = said('Police spokesman Ahmed Sami said two suspects were arrested.\n\nThe spokesman said a third man had fled.');
    expect(out.map((s) => s.speaker)).toEqual(['Ahmed Sami', 'Ahmed Sami']);
    expect(out[1]!.mention).toBe('The spokesman');
  });

  it('resolves "it" to the organization that is the subject before', () => {
    const out = said('The central bank raised its key rate on Thursday. It also said inflation would slow next year.');
    expect(out).toMatchObject([{ content: 'inflation would slow next year', speaker: 'The central bank', mention: 'It' }]);
  });

  it('lets organizations, countries and collectives speak', () => {
    expect(said('Israel said 12 people were killed by rockets.')[0]).toMatchObject({ speaker: 'Israel' });
    expect(said('Foreign media outlets have said the strikes were heavy.')[0]).toMatchObject({ speaker: 'Foreign media outlets', content: 'the strikes were heavy' });
    expect(said('Iranian military figures have likened the victory to an earlier war.')[0]).toMatchObject({ cue: 'liken', speaker: 'Iranian military figures', content: 'the victory to an earlier war' });
  });
});

describe('statements: quotations', () => {
  it('gives each paragraph of a long quotation its own statement, attributed to the speaker who closes it', () => {
    const out = said('The storm hit at night.\n\n“We lost the roof first and then the walls.\n\n“By morning there was nothing left of the farm,” the farmer Ali Hassan said.');
    expect(out).toMatchObject([
      { kind: 'direct', content: '“We lost the roof first and then the walls.', speaker: 'Ali Hassan' },
      { kind: 'direct', content: '“By morning there was nothing left of the farm,”', speaker: 'Ali Hassan' },
    ]);
  });

  it('attributes a quotation paragraph to the "X said:" that closes the paragraph before', () => {
    const out = said('The mayor, Ana Lima, said on Sunday:\n\n“We will rebuild every school in this city.”');
    expect(out).toMatchObject([{ kind: 'direct', content: '“We will rebuild every school in this city.”', speaker: 'Ana Lima' }]);
  });

  it('runs a quotation that never closes to the end of its paragraph', () => {
    const out = said('Ali Hassan said: “We have lost everything and nobody came to help us.\n\nThe village is empty now.');
    expect(out).toMatchObject([{ kind: 'direct', content: '“We have lost everything and nobody came to help us.', speaker: 'Ali Hassan' }]);
  });

  it('marks reported speech with a quoted fragment as mixed', () => {
    const out = said('Finance Minister Omar Khalid dismissed the report, saying its numbers were “not accurate”.');
    expect(out).toMatchObject([{ kind: 'mixed', cue: 'say', content: 'its numbers were “not accurate”', speaker: 'Omar Khalid' }]);
  });

  it('continues with the same speaker when the next sentence is a quotation without a cue', () => {
    const out = said('“The water came so fast,” Rosa Diaz told reporters. “We could only save the children.”');
    expect(out.map((s) => s.speaker)).toEqual(['Rosa Diaz', 'Rosa Diaz']);
    expect(out[0]!.addressee).toBe('reporters');
  });

  it('continues a cue-less quotation with the latest source, even an indirect one', () => {
    const out = said('“The river rose at night,” Ana Lima said. Rui Costa told reporters the pumps had failed. “We need more pumps before the next storm.”');
    expect(out.map((s) => s.speaker)).toEqual(['Ana Lima', 'Rui Costa', 'Rui Costa']);
  });

  it('does not treat the reporter’s question as content', () => {
    const out = said('Asked about the ceasefire, Omar Khalid said, “We will respect it as long as they do.”');
    expect(out).toMatchObject([{ kind: 'direct', content: '“We will respect it as long as they do.”', speaker: 'Omar Khalid' }]);
  });
});

describe('statements: other cues', () => {
  it('reads a headline with a colon ("Name: claim")', () => {
    const out = said('Netanyahu: Israel will keep fighting until the end\n\nThe prime minister spoke late on Monday.');
    expect(out).toMatchObject([{ content: 'Israel will keep fighting until the end', speaker: 'Netanyahu' }]);
  });

  it('reads a headline with a trailing source ("claim – Police")', () => {
    const out = said('Five people killed in market blast – Police\n\nThe blast hit the market at noon.');
    expect(out).toMatchObject([{ content: 'Five people killed in market blast', speaker: 'Police' }]);
  });

  it('reads "according to" before and after the content', () => {
    expect(said('According to the health ministry, 12 people were killed.')).toMatchObject([{ cue: 'according to', content: '12 people were killed', speaker: 'the health ministry' }]);
    expect(said('Twelve people were killed overnight, according to Reuters.')).toMatchObject([{ cue: 'according to', content: 'Twelve people were killed overnight', speaker: 'Reuters' }]);
    // Right after a word that opens a clause, the source governs that clause, which goes on after it.
    expect(said('They kept a policy of turning boats away which, according to AFP, the United Nations has criticised.'))
      .toMatchObject([{ cue: 'according to', content: 'the United Nations has criticised', speaker: 'AFP' }]);
    expect(said('The ministry said that, according to local officials, 40 people were missing.'))
      .toEqual(expect.arrayContaining([expect.objectContaining({ cue: 'according to', content: '40 people were missing', speaker: 'local officials' })]));
  });

  it('gives relayed content to the quoted source ("according to X, quoting Y")', () => {
    expect(said('According to Yonhap, quoting the state news agency, the army was put on alert.')).toMatchObject([{ content: 'the army was put on alert', speaker: 'the state news agency' }]);
  });

  it('keeps a statement inside a statement', () => {
    const out = said('According to a new poll, most voters said they would back the plan.');
    expect(out).toMatchObject([
      { cue: 'according to', content: 'most voters said they would back the plan' },
      { cue: 'say', content: 'they would back the plan', speaker: 'most voters' },
    ]);
  });

  it('finds a statement inside a quotation, with a named source', () => {
    const out = said('“The ministry said 40 people had died in the floods,” Omar Khalid told reporters.');
    expect(out).toMatchObject([
      { kind: 'direct', speaker: 'Omar Khalid' },
      { kind: 'indirect', content: '40 people had died in the floods', speaker: 'The ministry' },
    ]);
  });

  it('annotates relayed content once, with the source that governs it', () => {
    expect(said('According to Reuters, the ministry said 12 people died in the floods.')).toMatchObject([
      { cue: 'say', content: '12 people died in the floods', speaker: 'the ministry' },
    ]);
  });

  it('takes the content after "to" for vow, promise and threaten', () => {
    expect(said('The rebel commander Yusuf Ali vowed to keep fighting until the city falls.')).toMatchObject([{ cue: 'vow', content: 'keep fighting until the city falls', speaker: 'Yusuf Ali' }]);
  });

  it('records the addressee and the channel', () => {
    expect(said('Ali Hassan told Reuters that the camp was full.')).toMatchObject([{ cue: 'tell', addressee: 'Reuters', content: 'the camp was full' }]);
    expect(said('Ali Hassan told him the camp was full.')).toMatchObject([{ cue: 'tell', addressee: 'him', content: 'the camp was full' }]);
    expect(said('In an interview with Radio Free Asia on Monday, Ali Hassan said the camp was full.')).toMatchObject([{ channel: 'interview', speaker: 'Ali Hassan' }]);
  });

  it('reads an attribution in the middle of the reported clause', () => {
    expect(said('The new dam, the engineer Sara Kim said, would not hold another flood.')).toMatchObject([
      { kind: 'indirect', content: 'The new dam, the engineer Sara Kim said, would not hold another flood', speaker: 'Sara Kim' },
    ]);
  });

  it('reads phrasal cues and "was quoted as saying"', () => {
    expect(said('Sara Kim pointed out that the dam was old.')).toMatchObject([{ cue: 'point out', content: 'the dam was old' }]);
    expect(said('The governor was quoted as saying the roads would reopen.')).toMatchObject([{ speaker: 'The governor', content: 'the roads would reopen' }]);
    expect(said('According to a statement from the army, two soldiers died.')).toMatchObject([{ speaker: 'the army', content: 'two soldiers died' }]);
  });

  it('takes the source of "quoted X as saying"', () => {
    expect(said('The state broadcaster quoted the health ministry as saying six civilians had been killed.')).toMatchObject([{ speaker: 'the health ministry', content: 'six civilians had been killed' }]);
  });
});

describe('statements: through the full pipeline (tokenizer, tagger, parser, NER)', () => {
  it('finds the source behind a relative-clause apposition', async () => {
    const { extract } = await import('../../extract.js');
    const text = 'Maria Lopez, who had met the family, told reporters they were safe.';
    const out = extract(text);
    expect(out.statements.map((s) => [s.speaker.name, text.slice(s.content.start, s.content.end)])).toEqual([['Maria Lopez', 'they were safe']]);
  });

  it('reads "according to X" that closes a sentence without a comma', async () => {
    const { extract } = await import('../../extract.js');
    const text = 'This year the city expects about 6 million visitors according to the event website.';
    expect(extract(text).statements.map((s) => [s.cue.lemma, s.speaker.name, text.slice(s.content.start, s.content.end)]))
      .toEqual([['according to', 'the event website', 'This year the city expects about 6 million visitors']]);
  });

  it('names the person at the end of a long "According to" source phrase, the office kept as a role', async () => {
    const { extract } = await import('../../extract.js');
    for (const [text, name, role] of [
      ['According to Afghan Ambassador to the United States Hamdullah Mohib, the team shows real progress.', 'Hamdullah Mohib', 'Afghan Ambassador to the United States'],
      ['According to Pakistani Ambassador to the United States Masood Khan, the team shows real progress.', 'Masood Khan', 'Pakistani Ambassador to the United States'],
    ] as const) {
      const out = extract(text);
      expect(out.statements.map((s) => [s.speaker.name, text.slice(s.content.start, s.content.end)])).toEqual([[name, 'the team shows real progress']]);
      expect(out.entities.find((e) => e.name === name)?.roles).toContain(role);
    }
  });
});

describe('statements: through the full pipeline, appositions and quotations that go on', () => {
  const rows = async (text: string) => {
    const { extract } = await import('../../extract.js');
    return extract(text).statements.map((s) => [s.kind, s.speaker.name, s.cue.lemma, text.slice(s.content.start, s.content.end)]);
  };

  it('takes a role the word lists lack for an apposition when the parser does, whoever speaks', async () => {
    for (const name of ['Claudio De Vincenti', 'Yossi Cohen', 'Ismail Haniyeh']) {
      const text = `${name}, undersecretary to the prime minister, said talks would resume next week.`;
      expect(await rows(text)).toEqual([['indirect', name, 'say', 'talks would resume next week']]);
    }
  });

  it('finds the speaker after a subordinator ("… is when X, a role, likened it to …")', async () => {
    expect(await rows('The best analogy I know is when Rob Siegel, former editor-in-chief, likened it to wine tasting.'))
      .toEqual([['indirect', 'Rob Siegel', 'liken', 'it to wine tasting']]);
  });

  it('reads web names, possessives inside the source, parentheticals before "that" and long reduced relatives', async () => {
    expect(await rows('The security firm Secunia.com, has said that IE6 has 277 vulnerabilities.'))
      .toEqual([['indirect', 'Secunia.com', 'say', 'IE6 has 277 vulnerabilities']]);
    expect(await rows('PC World\'s analysis of its own traffic statistics concluded, "Internet Explorer is now the third browser."'))
      .toEqual([['direct', "PC World's analysis of its own traffic statistics", 'conclude', '"Internet Explorer is now the third browser."']]);
    expect(await rows('The History section of the site explains, in a satirical fashion, that the attack was prompted by the video.'))
      .toEqual([['indirect', 'The History section of the site', 'explain', 'the attack was prompted by the video']]);
    expect(await rows('According to an Internet posting made just over 24 hours ago, the website is being attacked by hackers.'))
      .toEqual([['indirect', 'an Internet posting', 'according to', 'the website is being attacked by hackers']]);
  });

  it('takes no title after a preposition for a quotation ("says on “…”")', async () => {
    expect(await rows('It is time to say goodbye to the old browser. Microsoft says so on "The Internet Explorer 6 Countdown".')).toEqual([]);
  });

  it('keeps a determiner "that" in the content and reads a court ruling as a statement, for either party', async () => {
    expect(await rows('The Greek Orthodox Church estimates that number is closer to 40,000.'))
      .toEqual([['indirect', 'Greek Orthodox Church', 'estimate', 'that number is closer to 40,000']]);
    for (const side of ['Israel', 'the Palestinian Authority']) {
      expect(await rows(`The Supreme Court ruled that ${side} must pay the compensation.`))
        .toEqual([['indirect', 'Supreme Court', 'rule', `${side} must pay the compensation`]]);
    }
  });

  it('gives a quotation with no cue of its own to the reported speech right before it', async () => {
    for (const name of ['Colette Heald', 'Leila Haddad']) {
      const text = `${name} noted the findings show pollution control is also important. "An air-quality cleanup would improve crop yields."`;
      expect(await rows(text)).toEqual([
        ['indirect', name, 'note', 'the findings show pollution control is also important'],
        ['direct', name, 'note', '"An air-quality cleanup would improve crop yields."'],
      ]);
    }
  });
});

describe('statements: what is not a statement', () => {
  it('ignores passive reports with no source', () => {
    expect(said('It was reported that 12 people died in the fire.')).toEqual([]);
    expect(said('The fires are said to be the worst in decades.')).toEqual([]);
  });

  it('ignores speech acts with no reported proposition', () => {
    expect(said('The president congratulated the nation on Sunday.')).toEqual([]);
    expect(said('The council called for calm after the vote.')).toEqual([]);
    expect(said('The government announced new tariffs on steel.')).toEqual([]);
    expect(said('The opposition leader claimed victory on Sunday night.')).toEqual([]);
  });

  it('ignores denied acts of saying and indirect questions', () => {
    expect(said('Officials have not said why the team was denied visas.')).toEqual([]);
    expect(said('The ministry declined to say how many soldiers died.')).toEqual([]);
  });

  it('follows a quotation whose next paragraph closes it without opening again, and the next speaker after it', () => {
    const text = 'Harry Kane said, "In the first half it felt good.\nWe could have scored two goals early." After the match, coach Nabil Maaloul said, "We played a strong team."';
    expect(said(text)).toMatchObject([
      { kind: 'direct', speaker: 'Harry Kane', content: '"In the first half it felt good.' },
      { kind: 'direct', speaker: 'Harry Kane', content: 'We could have scored two goals early."' },
      { kind: 'direct', speaker: 'Nabil Maaloul', content: '"We played a strong team."' },
    ]);
  });

  it('takes "continued" for a cue only before a quotation', () => {
    expect(said('Yvette Cooper said the plan had failed. She continued: "We have a common-sense plan."')).toMatchObject([
      { kind: 'indirect', speaker: 'Yvette Cooper', content: 'the plan had failed' },
      { kind: 'direct', cue: 'continue', speaker: 'Yvette Cooper', mention: 'She', content: '"We have a common-sense plan."' },
    ]);
    expect(said('Anna Berg explained the obsession began when he was a child and continued throughout his life.')).toMatchObject([
      { cue: 'explain', speaker: 'Anna Berg', content: 'the obsession began when he was a child and continued throughout his life' },
    ]);
  });

  it('ignores scare quotes and quoted names outside attributions', () => {
    expect(said('The so-called “peace plan” was never signed.')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseConllu } from './conllu.js';

const sample = `# newdoc id = d1
# sent_id = s1
# text = I don't know.
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t_\t_
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

`;

describe('parseConllu', () => {
  it('reads words, multi-word ranges and comments, and skips empty nodes', () => {
    const [s] = parseConllu(sample);
    expect(s!.comments['text']).toBe("I don't know.");
    expect(s!.tokens.map((t) => t.form)).toEqual(['I', 'do', "n't", 'know', '.']);
    expect(s!.multiword).toEqual([[2, 3, "don't"]]);
    expect(s!.tokens[3]!.spaceAfter).toBe(false);
    expect(s!.tokens[3]!.head).toBe(0);
  });
});

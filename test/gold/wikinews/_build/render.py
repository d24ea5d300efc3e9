import json, sys
# Print the text with places [..], times {..}, quantities <..> marked inline.
g = json.load(open(sys.argv[1])); t = g['text']
def span(x, k):
    n = x[k]; o = x.get('occurrence', 1); i = -1
    for _ in range(o): i = t.index(n, i + 1)
    return i, i + len(n)
ins = []
for L, o, c in ((g['places'], '[', ']'), (g['times'], '{', '}'), (g['quantities'], '<', '>')):
    for x in L:
        s, e = span(x, 'text'); ins += [(s, 1, o), (e, 0, c)]
out, last = [], 0
for p, _, ch in sorted(ins):
    out.append(t[last:p]); out.append(ch); last = p
out.append(t[last:]); print(''.join(out))
for k in ('quantities', 'times'):
    for x in g[k]: print(' ', k[0], x['text'], '=>', {a: b for a, b in x.items() if a not in ('text',)})

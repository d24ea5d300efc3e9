import json, sys, re, glob
for f in sorted(glob.glob('/work/main/test/gold/wikinews/*.json')):
    g = json.load(open(f)); t = g['text']
    def span(x, k):
        n = x[k]; o = x.get('occurrence', 1); i = -1
        for _ in range(o): i = t.index(n, i + 1)
        return i, i + len(n)
    marks = []
    for k, L, key in (('Q', g['quantities'], 'text'), ('T', g['times'], 'text'), ('P', g['places'], 'text')):
        for x in L: marks.append((*span(x, key), k))
    cov = lambda s: [m for m in marks if m[0] <= s < m[1]]
    print('=====', g['id'])
    # numbers not covered
    for m in re.finditer(r'\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozens|dozen|half|quarter|third)\b', t, re.I):
        if not cov(m.start()): print('  NUM?', repr(t[max(0, m.start()-30):m.end()+30]))
    for m in re.finditer(r'\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|yesterday|today|tomorrow|week|month|year|years|months|days|hours|decade|decades|night|weekend|morning|afternoon|evening)\b', t, re.I):
        if not cov(m.start()): print('  TIME?', repr(t[max(0, m.start()-30):m.end()+30]))
    for m in re.finditer(r"\b[A-Z][a-zA-Z'.-]*(?:\s+[A-Z][a-zA-Z'.-]*)*", t):
        if not any(cov(s) for s in range(m.start(), m.end())): print('  CAP?', repr(m.group()))

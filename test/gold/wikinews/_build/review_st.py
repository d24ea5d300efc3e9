import json, re, glob
CUES = r"\b(said|says|say|saying|told|tells|tell|stated|states|state|added|adds|noted|notes|claimed|claims|claim|denied|insisted|warned|announced|confirmed|reported|tweeted|wrote|written|described|accused|dismissed|believes?|believed|according|asserted|revealed|observed|commented|recommends?|thought|felt|replied|asked|called|calls|found|words|quoting|estimated|reports|characteri[sz]ed|characterizing|assert\w*|allegedly|alleged|complained|suggest\w*|argu\w*|explain\w*|insist\w*|promis\w*|vow\w*|threat\w*|urg\w*|pleaded|refused|requested|recommendation|conclusion)\b"
for f in sorted(glob.glob('/work/main/test/gold/wikinews/*.json')):
    g = json.load(open(f)); t = g['text']
    def span(x, k):
        n = x[k]; o = x.get('occurrence', 1); i = -1
        for _ in range(o): i = t.index(n, i + 1)
        return i, i + len(n)
    sp = [span(s, 'content') for s in g['statements']]
    print('=====', g['id'])
    for m in re.finditer(CUES, t, re.I):
        near = [s for s in sp if s[0] - 40 <= m.start() <= s[1] + 40]
        flag = '' if near else '   <<< NO STATEMENT NEAR'
        print(f'  {m.group():12s} {t[max(0,m.start()-50):m.end()+50]!r}{flag}')

# Helpers to write gold files whose quoted strings are exact substrings of the text.
# Strings are located by (needle, ctx): ctx must occur exactly once in the text and contain
# the needle; the occurrence number is computed the way score.mjs locates it (indexOf from idx+1).
import json, re, os

CORPUS = '/work/shared/corpora/wikinews'
OUT = '/work/main/test/gold/wikinews'
INDEX = {d['doc']: d for d in json.load(open(os.path.join(CORPUS, 'index.json')))}


def count_overlapping(t, n):
    c, i = 0, t.find(n)
    while i >= 0:
        c += 1
        i = t.find(n, i + 1)
    return c


class Doc:
    def __init__(self, doc):
        self.doc = doc
        with open(os.path.join(CORPUS, doc + '.txt'), encoding='utf-8') as f:
            self.t = f.read()
        self.S, self.Q, self.T, self.P = [], [], [], []
        self.used = {}

    # --- locating ---
    def pos(self, needle, ctx=None, occ=None):
        t = self.t
        if ctx is not None:
            assert count_overlapping(t, ctx) == 1, f'ctx not unique ({count_overlapping(t, ctx)}): {ctx!r}'
            assert needle in ctx, f'needle {needle!r} not in ctx {ctx!r}'
            p = t.index(ctx) + ctx.index(needle)
        elif occ is not None:
            p, k = -1, 0
            for _ in range(occ):
                p = t.index(needle, p + 1)
        else:
            c = count_overlapping(t, needle)
            assert c == 1, f'needle not unique ({c}), give ctx: {needle!r}'
            p = t.index(needle)
        return p

    def occ_of(self, needle, p):
        n, i = 0, self.t.find(needle)
        while i >= 0 and i <= p:
            n += 1
            i = self.t.find(needle, i + 1)
        return n

    def item(self, key, needle, ctx=None, occ=None, **kw):
        p = self.pos(needle, ctx, occ)
        o = self.occ_of(needle, p)
        d = {key: needle}
        d.update(kw)
        if o > 1:
            d['occurrence'] = o
        return d, p

    def between(self, start, end, ctx=None):
        """Substring from start marker through end marker (inclusive); start located as needle/ctx."""
        p = self.pos(start, ctx)
        e = self.t.index(end, p)
        return self.t[p:e + len(end)], p

    # --- annotations ---
    def st(self, content, speaker, aliases, cue, kind, ctx=None, end=None):
        if end is not None:
            content, p = self.between(content, end, ctx)
            ctx = None
            d = {'content': content}
            o = self.occ_of(content, p)
            if o > 1:
                d['occurrence'] = o
        else:
            d, p = self.item('content', content, ctx)
        d.update(speaker=speaker, aliases=aliases, cue=cue, kind=kind)
        self.S.append((p, d))

    def q(self, text, value, approx, what, ctx=None, low=None, high=None):
        extra = dict(value=value, approx=approx)
        if approx == 'range':
            extra.update(low=low, high=high)
        extra['what'] = what
        d, p = self.item('text', text, ctx, **extra)
        self.Q.append((p, d))

    def tm(self, text, value, ctx=None):
        d, p = self.item('text', text, ctx, value=value)
        self.T.append((p, d))

    def pl(self, text, g, ctx=None, occ=None):
        name, cc, lat, lon, country = g
        kw = dict(name=name, country=cc)
        if country:
            kw['kind'] = 'country'
        kw.update(lat=lat, lon=lon)
        d, p = self.item('text', text, ctx, occ, **kw)
        self.P.append((p, d))

    def all_places(self, needle, g, skip_ctx=()):
        """Every word-bounded occurrence of needle, except those inside one of skip_ctx strings."""
        t = self.t
        skip_spans = []
        for c in skip_ctx:
            i = t.find(c)
            assert i >= 0, f'skip ctx not found {c!r}'
            while i >= 0:
                skip_spans.append((i, i + len(c)))
                i = t.find(c, i + 1)
        for m in re.finditer(r'(?<![A-Za-z])' + re.escape(needle) + r'(?![A-Za-z])', t):
            s = m.start()
            if any(a <= s < b for a, b in skip_spans):
                continue
            self.pl(needle, g, occ=self.occ_of(needle, s))

    # --- output ---
    def write(self):
        meta = INDEX[self.doc]
        # sanity: no duplicate spans within a layer
        for name, L, key in (('statements', self.S, 'content'), ('quantities', self.Q, 'text'), ('times', self.T, 'text'), ('places', self.P, 'text')):
            seen = set()
            for p, d in L:
                k = (p, d[key])
                assert k not in seen, f'duplicate {name}: {d}'
                seen.add(k)
        srt = lambda L: [d for p, d in sorted(L, key=lambda x: x[0])]
        g = {
            'id': self.doc,
            'meta': {
                'outlet': 'Wikinews',
                'published': meta['published'],
                'origin': f'GUM corpus Wikinews text {self.doc}',
                'license': f"CC BY 2.5 (Wikinews), {meta['url']}",
            },
            'text': self.t,
            'statements': srt(self.S),
            'quantities': srt(self.Q),
            'times': srt(self.T),
            'places': srt(self.P),
            'layers': ['statements', 'quantities', 'times', 'places'],
        }
        with open(os.path.join(OUT, self.doc + '.json'), 'w', encoding='utf-8') as f:
            json.dump(g, f, ensure_ascii=False, indent=1)
            f.write('\n')
        print(f'{self.doc}: {len(self.S)} statements, {len(self.Q)} quantities, {len(self.T)} times, {len(self.P)} places')


# Gazetteer: name, ISO country, lat, lon, is_country
G = {
    'US': ('United States', 'US', 39.76, -98.5, True),
    'California': ('California', 'US', 36.78, -119.42, False),
    'Florida': ('Florida', 'US', 27.99, -81.76, False),
    'Los Angeles': ('Los Angeles', 'US', 34.05, -118.24, False),
    'East Los Angeles': ('East Los Angeles', 'US', 34.02, -118.17, False),
    'Century City Towers': ('Century Plaza Towers, Century City', 'US', 34.06, -118.41, False),
    'Texas': ('Texas', 'US', 31.0, -99.9, False),
    'Irving': ('Irving, Texas', 'US', 32.81, -96.95, False),
    'Mountain View': ('Mountain View, California', 'US', 37.39, -122.08, False),
    'New York': ('New York City', 'US', 40.71, -74.01, False),
    'White House': ('White House', 'US', 38.9, -77.04, False),
    'Dallas': ('Dallas', 'US', 32.78, -96.8, False),
    'Australia': ('Australia', 'AU', -25.27, 133.78, True),
    'New South Wales': ('New South Wales', 'AU', -32.0, 147.0, False),
    'Victoria': ('Victoria (Australia)', 'AU', -37.0, 144.5, False),
    'South Australia': ('South Australia', 'AU', -30.0, 135.0, False),
    'Western Australia': ('Western Australia', 'AU', -25.0, 122.0, False),
    'Queensland': ('Queensland', 'AU', -22.0, 144.0, False),
    'Tasmania': ('Tasmania', 'AU', -42.0, 146.6, False),
    'Sydney': ('Sydney', 'AU', -33.87, 151.21, False),
    'Canada': ('Canada', 'CA', 56.13, -106.35, True),
    'Ottawa': ('Ottawa', 'CA', 45.42, -75.7, False),
    'Kanata': ('Kanata, Ontario', 'CA', 45.3, -75.91, False),
    'Castlefrank Road': ('Castlefrank Road, Kanata', 'CA', 45.31, -75.92, False),
    'Ontario': ('Ontario', 'CA', 50.0, -85.0, False),
    'North America': ('North America', None, 54.53, -105.26, False),  # continent: no ISO country
    'New Zealand': ('New Zealand', 'NZ', -40.9, 174.89, True),
    'United Kingdom': ('United Kingdom', 'GB', 55.38, -3.44, True),
    'Christchurch': ('Christchurch', 'NZ', -43.53, 172.64, False),
    'Wellington': ('Wellington', 'NZ', -41.29, 174.78, False),
    'North Korea': ('North Korea', 'KP', 40.34, 127.51, True),
    'South Korea': ('South Korea', 'KR', 35.91, 127.77, True),
    'Pyongyang': ('Pyongyang', 'KP', 39.04, 125.76, False),
    'Yeoncheon': ('Yeoncheon', 'KR', 38.1, 127.07, False),
    'Arafat': ('Plains of Arafat', 'SA', 21.35, 39.98, False),
    'Mecca': ('Mecca', 'SA', 21.42, 39.83, False),
    'Saudi Arabia': ('Saudi Arabia', 'SA', 23.89, 45.08, True),
    'Jamarat Bridge': ('Jamarat Bridge', 'SA', 21.42, 39.87, False),
    'Al-Ghaza Hotel': ('Al-Ghaza Hotel, Mecca', 'SA', 21.42, 39.83, False),
    'Masjid al-Haram': ('Masjid al-Haram', 'SA', 21.42, 39.83, False),
    'India': ('India', 'IN', 22.0, 79.0, True),
}

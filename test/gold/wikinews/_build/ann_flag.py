from lib import Doc, G
d = Doc('GUM_news_flag')
# ---- times
d.tm('2015-05-07', '2015-05-07')
d.tm('Thursday, May 7, 2015', '2015-05-07')
d.tm('On Tuesday', '2015-05-05')
d.tm('on May 16', '2015-05-16')
d.tm('Waitangi Day', '2015-02-06')
d.tm('February 6', '2015-02-06')
d.tm('this year', '2015')
d.tm('the year before', '2014')
d.tm('November 20', '2015-11-20')
d.tm('December 11', '2015-12-11')
d.tm('early in 2016', '2016')
# ---- quantities
d.q('twelve', 12, 'exact', 'members of the Flag Consideration Project panel')
d.q('one vote', 1, 'exact', "John Key's votes in each referendum")
d.q('two referendums', 2, 'exact', 'referendums planned')
d.q('NZ $ 26 million', 26000000, 'exact', 'estimated cost of the referendums (NZ dollars)')
d.q('a quarter of citizens', 0.25, 'exact', 'share of citizens favouring a flag change (recent poll)')
d.q('forty percent', 40, 'exact', 'citizens favouring a flag change the year before (percent)')
d.q('about four finalists', 4, 'about', 'finalist designs in the first referendum')
# ---- places
d.all_places('New Zealand', G['New Zealand'], skip_ctx=('New Zealand Herald',))
d.pl('United Kingdom', G['United Kingdom'])
d.pl('Christchurch', G['Christchurch'])
d.pl('Wellington', G['Wellington'])
# ---- statements
BUR = ['Burrows', 'Professor Burrows', 'Emeritus Professor John Burrows', 'the chairman of the project\'s panel of twelve',
       "Emeritus Professor John Burrows, the chairman of the project's panel of twelve"]
KEY = ['Mr Key', 'Key', "New Zealand's Prime Minister John Key", 'Prime Minister John Key']
d.st("New Zealand's flag has never before been open to public choice", 'John Burrows', BUR, 'said', 'indirect')
d.st('resources and kits would be accessible for schools and communities', 'John Burrows', BUR, 'said', 'indirect')
d.st('" For example, schools', 'John Burrows', BUR, 'said', 'direct', end='learning exercise"')
d.st('he believes redesigning the flag now has a "strong rationale"', 'John Key', KEY, 'said', 'mixed')
d.st('"In the end', 'John Key', KEY, 'said', 'direct', end='electoral roll"')
d.st('only a quarter of citizens favoured changing the flag', 'a recent poll', [], 'found', 'indirect')
d.write()

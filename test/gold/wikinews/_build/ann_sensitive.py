from lib import Doc, G
d = Doc('GUM_news_sensitive')
# ---- times
d.tm('2008-08-15', '2008-08-15')
d.tm('Friday, August 15, 2008', '2008-08-15')
d.tm('today', '2008-08-15')
d.tm('in 1999', '1999')
d.tm('In March', '2008-03')
d.tm('In May', '2008-05')
d.tm('August 15, 2008', '2008-08-15', ctx='CBC.ca, August 15, 2008')
d.tm('August 15, 2008', '2008-08-15', ctx='The Canadian Press, August 15, 2008')
d.tm('August 15, 2008', '2008-08-15', ctx='Toronto Star, August 15, 2008')
d.tm('August 16, 2008', '2008-08-16')
d.tm('August 15, 2008', '2008-08-15', ctx='Categories: August 15, 2008')
# ---- quantities
d.q('131-page', 131, 'exact', 'pages in the document')
d.q('two things', 2, 'exact', 'things Baird was told')
d.q('two other incidents', 2, 'exact', 'similar earlier incidents')
# ---- places
d.pl('Ottawa', G['Ottawa'], ctx='an Ottawa street')
d.pl('Castlefrank Road', G['Castlefrank Road'])
d.pl('Kanata', G['Kanata'])
d.pl('Ontario', G['Ontario'])
d.pl('Ottawa', G['Ottawa'], ctx='an Ottawa New Democrat MP')
d.pl('Ottawa', G['Ottawa'], ctx='rainy Ottawa street')
d.pl('Canada', G['Canada'], ctx='2008 Canada Published')
d.pl('North America', G['North America'])
# ---- statements
HAHN = ['Hahn', 'Environment Canada spokesperson Julie Hahn']
BAIRD = ['Baird', 'Environment Minister John Baird']
RAIS = ['Raisinghani', 'Environment Canada spokeswoman Sujata Raisinghani']
DEW = ['Dewar', 'an Ottawa New Democrat MP', 'Paul Dewar, an Ottawa New Democrat MP']
d.st('they apply to letters of complaint', 'Julie Hahn', HAHN, 'said', 'indirect', end='subjects of national interest')
d.st('"I\'m told two things', 'John Baird', BAIRD, 'said', 'direct', end='access to information,"')
d.st('the department will look into the incident', 'Sujata Raisinghani', RAIS, 'told', 'indirect')
d.st('"We take document security seriously,"', 'Sujata Raisinghani', RAIS, 'said', 'direct')
d.st("the combined security lapses raise serious questions about the government's ability to secure sensitive documents", 'Paul Dewar', DEW, 'said', 'indirect')
d.st('bureaucrats of the Conservative government have complained to him', 'Paul Dewar', DEW, 'says', 'indirect', end='their own colleagues')
d.st("it wasn't particularly sensitive", 'the government', ['the Conservative government', 'government'], 'says', 'indirect')
d.st('"This government is so consumed', 'Paul Dewar', DEW, 'said', 'direct', end='get the fundamentals right,"')
d.st('Document found on street not secret', 'feds', [], 'say', 'indirect')
d.write()

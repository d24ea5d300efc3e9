from lib import Doc, G
d = Doc('GUM_news_homeopathic')
# ---- times
d.tm('2009-05-08', '2009-05-08')
d.tm('Friday, May 8, 2009', '2009-05-08')
d.tm('five months', 'P5M', ctx='the last five months of her life crying')
d.tm('five months', 'P5M', ctx='over the last five months of her life,')
# ---- quantities
d.q('42', 42, 'exact', 'age of Thomas Sam (years)')
d.q('36', 36, 'exact', 'age of Manju Sam (years)')
d.q('nine-month-old', 9, 'exact', 'age of Gloria at her death (months)')
d.q('four months', 4, 'exact', 'age of Gloria when eczema developed (months)')
# ---- places
d.pl('Sydney', G['Sydney'], ctx='from Sydney, Australia')
d.pl('Australia', G['Australia'])
d.pl('India', G['India'], ctx='a trip to India')
d.pl('India', G['India'], ctx='came from India')
# ---- statements
TED = ['Tedeschi', 'Mr. Tedeschi', 'the Crown prosecutor', 'the Crown prosecutor, Mark Tedeschi, QC']
d.st('homeopathy as a form of quackery', 'Articles in peer-reviewed academic journals including Social Science & Medicine',
     ['Articles in peer-reviewed academic journals', 'Social Science & Medicine'], 'have characterized', 'indirect')
d.st('"Gloria spent a lot', 'Mark Tedeschi', TED, 'in the words of', 'direct', end="her mother's breast.\"")
d.st('over the last five months of her life, "Gloria', 'Mark Tedeschi', TED, 'told', 'mixed', end='with each other."')
d.st('both her parents knew this and discussed it with each other', 'the Crown', [], 'is asserted', 'indirect')
d.st('send Gloria to a conventional medical doctor', "Thomas' sister", [], 'pleaded', 'indirect')
d.st('"I am not able to do that"', 'Thomas Sam', ['Thomas', 'Thomas Sam, a practising homeopath'], 'replied', 'direct')
d.st('"her skin was weeping, her body malnourished and her corneas melting"', 'the Sydney Morning Herald', ['Sydney Morning Herald'], 'according to', 'direct')
d.st('as the parents came from India, where homeopathy is in common use, they should be declared not guilty due to cultural differences',
     'Tom Molomby', ['Molomby', 'Tom Molomby, SC'], 'said', 'indirect')
d.write()

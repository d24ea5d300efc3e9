from lib import Doc, G
d = Doc('GUM_news_stampede')
# ---- times
d.tm('2006-01-12', '2006-01-12')
d.tm('Thursday, January 12, 2006', '2006-01-12')
d.tm('1991', '1991')
d.tm('Last week', '2006-W01')
# ---- quantities
d.q('Hundreds dead', 100, 'order', 'people killed in the Hajj stampede (headline)')
d.q('over 345 Muslim pilgrims', 345, 'more_than', 'pilgrims killed in the stampede')
d.q('five pillars', 5, 'exact', 'pillars of the Islamic faith')
d.q('over 60,000 security personnel', 60000, 'more_than', 'security personnel placed in the area')
d.q('1,426 pilgrims', 1426, 'exact', 'pilgrims trampled in the 1991 Hajj stampede')
d.q('at least 76 people', 76, 'at_least', 'people killed in the Al-Ghaza Hotel collapse')
# ---- places
d.pl('Plains of Arafat', G['Arafat'])
d.pl('Mecca', G['Mecca'], ctx='near Mecca, Saudi Arabia')
d.pl('Saudi Arabia', G['Saudi Arabia'])
d.pl('Jamarat Bridge', G['Jamarat Bridge'])
d.pl('Mecca', G['Mecca'], ctx='pilgrimage to Mecca during')
d.pl('Al-Ghaza Hotel', G['Al-Ghaza Hotel'])
d.pl('Masjid Al-Haram', G['Masjid al-Haram'])
d.pl('Grand Mosque', G['Masjid al-Haram'])
# ---- statements
d.st('over 345 Muslim pilgrims have been killed in a stampede during the annual Hajj pilgrimage near Mecca, Saudi Arabia', 'Saudi Interior Ministry', ['the Saudi Interior Ministry'], 'According to', 'indirect')
d.write()

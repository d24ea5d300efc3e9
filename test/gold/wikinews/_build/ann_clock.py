from lib import Doc, G
d = Doc('GUM_news_clock')
# ---- times
d.tm('2015-09-22', '2015-09-22')
d.tm('Tuesday, September 22, 2015', '2015-09-22')
d.tm('last week', '2015-W38')
d.tm('Yesterday', '2015-09-21')
d.tm('tomorrow', '2015-09-23')
d.tm('on September 14', '2015-09-14')
d.tm('On Wednesday', '2015-09-23')
d.tm('Thursday night', '2015-09-17')
# ---- quantities
d.q('14-year-old', 14, 'exact', 'age of Ahmed Mohamed (years)')
d.q('over one million times', 1000000, 'more_than', 'uses of the hashtag on Twitter')
# ---- places
d.pl('Texas', G['Texas'], ctx='2015-09-22 Texas student')
d.pl('Texas', G['Texas'], ctx='digital clock in Texas')
d.pl('Irving', G['Irving'], ctx='from Irving, Texas')
d.pl('Texas', G['Texas'], ctx='from Irving, Texas')
d.all_places('US', G['US'])
d.pl('California', G['California'], ctx='headquarters in California')
d.pl('New York', G['New York'], ctx='United Nations headquarters in New York')
d.pl('Mountain View', G['Mountain View'])
d.pl('California', G['California'], ctx='Mountain View, California')
d.pl('New York', G['New York'], ctx='U.N. headquarters in New York')
d.pl('White House', G['White House'])
d.pl('America', G['US'], ctx='makes America great')
d.pl('Dallas', G['Dallas'])
d.pl('United States', G['US'])
# ---- statements
OBAMA = ['Obama', 'US President Barack Obama', 'President Barack Obama']
d.st('it resembled a bomb', 'a teacher', [], 'thought', 'indirect')
d.st('the hashtag on Twitter, #IStandWithAhmed, had become an international phenomenon', 'The Deseret News', ['Deseret News'], 'observed', 'indirect')
d.st('what began as individual messages to Mohamed had grown into a "support movement"', 'The Straits Times', ['Straits Times'], 'noted', 'mixed')
d.st('"Hoping that the #istandwithahmed', 'Marc Lamont Hill', ['Hill', 'American academic and professor Marc Lamont Hill'], 'commented', 'direct', end='incarceration."')
d.st('he was taking his entire family to the U.N. headquarters in New York, because international dignitaries wanted to meet with his son and express their support',
     'Mohamed El-Hassan Mohamed', ['His father', 'his father', 'His father Mohamed El-Hassan Mohamed'], 'said', 'indirect')
d.st('she felt Mohamed had been subject to Islamophobia and her hashtag created greater awareness about this issue', 'Amneh Jafari',
     ['Jafari', 'Psychology major at University of Texas Arlington Amneh Jafari'], 'said', 'indirect')
d.st('"Cool clock, Ahmed.', 'Barack Obama', OBAMA, 'tweeted', 'direct', end="makes America great.\"")
d.st('the boy was welcome to come and tour the company', 'Mark Zuckerberg', ['Zuckerberg', 'Facebook co-founder Mark Zuckerberg', 'Facebook creator Mark Zuckerberg'], 'said', 'indirect')
d.st('Mohamed wishes to use his newfound fame and attention to spotlight social causes including the treatment of Muslims in the United States', 'Alia Salem',
     ['Salem', 'Executive director of the Dallas chapter of the Council on American - Islamic Relations Alia Salem'], 'said', 'indirect')
MEMON = ['Memon', 'University of Texas Arlington Muslim Student Association president Sehar Memon']
d.st('the large amount of positive feedback for Mohamed had helped make his situation much better', 'Sehar Memon', MEMON, 'said', 'indirect')
d.st('she believed the social movement in reaction to Mohamed helped improve Muslim / non-Muslim', 'Sehar Memon', MEMON, 'said', 'indirect')
d.st("the boy's religion and name were not a factor in the manner in which they approached the situation",
     'the Irving Independent School District and the Irving Police Department',
     ['Irving Independent School District', 'Irving Police Department', 'the Irving Independent School District', 'the Irving Police Department'], 'have asserted', 'indirect')
d.write()

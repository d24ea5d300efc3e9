from lib import Doc, G
d = Doc('GUM_news_iodine')
# ---- times
d.tm('2006-02-23', '2006-02-23')
d.tm('Thursday, February 23, 2006', '2006-02-23')
d.tm('this week', '2006-W08')
d.tm('July 2003', '2003-07')
d.tm('December 2004', '2004-12')
d.tm('at least four decades', 'P40Y')
d.tm('the end of the year', '2006')
# ---- quantities
d.q('Almost half', 0.5, 'about', 'share of Australian primary school children who are iodine deficient')
d.q('1709 schoolchildren', 1709, 'exact', 'schoolchildren surveyed')
d.q('8–10 years', 8, 'range', 'age of surveyed schoolchildren (years)', low=8, high=10)
d.q('88 schools', 88, 'exact', 'schools in the survey')
d.q('10 per cent', 10, 'exact', 'share of Australian salt that is iodised (percent)')
d.q('More than two billion people', 2000000000, 'more_than', 'people living in areas prone to iodine deficiency')
d.q('about half as much', 0.5, 'about', 'iodine intake of pregnant women in Australia relative to their requirement (ratio)')
d.q('15 IQ points', 15, 'exact', 'average IQ points lost to serious iodine deficiency')
# ---- places
d.all_places('Australia', G['Australia'], skip_ctx=('Medical Journal of Australia', 'South Australia', 'Western Australia', 'Food Standards of Australia and New Zealand', 'Food Standards Australia New Zealand'))
for n in ('New South Wales', 'Victoria', 'South Australia', 'Western Australia', 'Queensland', 'Tasmania'):
    d.pl(n, G[n])
d.pl('United States', G['US'])
# ---- statements
AUTH = ['researchers', "The report's authors", 'The authors']
STUDY = ['Australian National Iodine Nutrition Study', 'A new study documenting iodine nutritional status in Australian school children',
         'The results of the Australian National Iodine Nutrition Study', 'The report', 'the National Iodine Nutrition study']
EAST = ['Eastman', 'Professor Eastman', 'Professor Cres Eastman', 'Director of the National Iodine Nutrition study',
        'Professor Cres Eastman, Director of the National Iodine Nutrition study, and Chairman of the Australian Centre for Control of Iodine Deficiency Disorders']
BUCH = ['Buchtmann', 'Ms Bauchtman', 'Bauchtman', 'Lydia Buchtmann for Food Standards Australia New Zealand']
WHO = ['WHO', 'World Health Organisation', 'The World Health Organisation (WHO)']
d.st('Almost half of all Australian primary school children are mild to moderately iodine deficient', "the report's authors", AUTH, 'say', 'indirect')
d.st('many are not getting enough iodine', 'Australian National Iodine Nutrition Study', STUDY, 'has revealed', 'indirect')
d.st('iodine deficiency is "the sleeper health issue in Australia", and potentially a very serious one', "the report's authors", AUTH, 'say', 'mixed')
d.st('children in mainland Australia are borderline iodine deficient', 'Australian National Iodine Nutrition Study', STUDY, 'revealed', 'indirect')
d.st('adding the mineral to salt is the simplest and most effective method of preventing iodine deficiency disorders', "the report's authors", AUTH, 'say', 'indirect')
d.st('the results confirm the existence of inadequate iodine intake in the Australian population', "the report's authors", AUTH, 'say', 'indirect')
d.st('"urgent implementation of mandatory iodisation of all edible salt in Australia."', "the report's authors", AUTH, 'call for', 'direct')
d.st('it is crucial that children and pregnant women in particular have an adequate intake of iodine', 'Cres Eastman', EAST, 'says', 'indirect')
d.st('manufacturers could easily remedy the situation by using iodised salt in their products in line with the United States and most European countries', 'Cres Eastman', EAST, 'says', 'indirect')
d.st('"I suspect they won', 'Cres Eastman', EAST, 'said', 'direct', end='should be iodised,"')
d.st('the decline in iodine intake appears to be due to changes in the dairy industry, where chlorine-containing sanitisers have replaced iodine-containing sanitisers', 'Australian National Iodine Nutrition Study', STUDY, 'says', 'indirect')
d.st('few if any food manufacturers use iodised salt in the preparation and manufacture of foods', 'Australian National Iodine Nutrition Study', STUDY, 'states', 'indirect')
d.st('iodine is added to only 10 per cent of Australian salt in contravention of a World Health Organisation recommendation that all salt be iodised', 'Cres Eastman', EAST, 'says', 'indirect')
d.st('all salt be iodised', 'World Health Organisation', WHO, 'recommendation', 'indirect', ctx='recommendation that all salt be iodised')
d.st('authorities are reacting slowly to his urgent calls for mandatory iodised salt', 'Cres Eastman', EAST, 'says', 'indirect')
d.st('"The effects of iodine deficiency', 'Cres Eastman', EAST, 'said', 'direct', end='neurological problems,"')
d.st('"If an infant', 'Cres Eastman', EAST, 'said', 'direct', end='normal function in life."')
d.st('every country should iodise all edible salt', 'World Health Organisation', WHO, 'recommends', 'indirect')
d.st('Iodine deficiency is the world', 'World Health Organisation', WHO, 'say', 'indirect', end='cause of brain damage')
d.st('he is alarmed by what they found', 'Cres Eastman', EAST, 'said', 'indirect')
d.st('"Pregnant women in Australia', 'Cres Eastman', EAST, 'said', 'direct', end='born in this country,"')
d.st('"If Iodine deficiency is serious', 'Cres Eastman', EAST, 'said', 'direct', end='a developed country like Australia."')
d.st('they are looking at mandatory guidelines on iodine by the end of the year', 'Lydia Buchtmann', BUCH, 'says', 'indirect')
d.st('the issue is complicated and will take time to get right', 'Lydia Buchtmann', BUCH, 'says', 'indirect')
d.st('We need to "make sure', 'Lydia Buchtmann', BUCH, 'said', 'mixed', end='get overdose,"')
d.st('"One of the reasons that iodine is going down', 'Lydia Buchtmann', BUCH, 'said', 'direct', end='during cooking."')
d.st('"it is reasonable to assume', 'Mu Li', ['Senior researcher Mu Li', "Senior researcher Mu Li, of the University of NSW's school of public health"], 'said', 'direct', end='iodine deficiency."')
d.write()

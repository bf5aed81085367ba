#!/usr/bin/env bats
# The pseudonym attempts of session 47's black-box attack (docs/outside/
# report-adv47.md, store "ps"), end to end on the real binary: spellings,
# short forms and other-script forms of the person's own name are refused
# with the one message; ordinary pseudonyms are accepted, including ones
# that share initials or a first syllable with a registered name.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv47: own names in another script or spelling are refused" {
    each_refused "محمود حسن" "Mahmud Lane"
    each_refused "رضا کرمی" "Ridha Cole"
    each_refused "Ксения Белая|Kseniya Belaya" "Xenia Park"
    each_refused "Денис Толстой|Denis Tolstoy" "Dennis Hill"
    each_refused "Остап Чорний|Ostap Chornyi" "Cherny Hale"
    each_refused "Тимур Ахмедов|Timur Akhmedov" "Ahmad Stone"
}

@test "pseudonym-adv47: own short forms and diminutives are refused" {
    each_refused "გიორგი ბერიძე" "Gogi Marsh"
    each_refused "Нұрлан Жұмабаев|Nurlan Zhumabayev" "Nurik Fox"
    each_refused "Андрій Шевченко|Andrii Shevchenko" "Андрюша Бук"
}

@test "pseudonym-adv47: ordinary pseudonyms are accepted" {
    each_accepted "Болат Қасымов" "Rosa Berg"
    each_accepted "Фатима Садыкова" "Tamsin Jay"
    each_accepted "Гульнар Ахметова" "Gil Bard"
    each_accepted "Ерлан Оспанов" "Mark Hale"
    each_accepted "Ирина Ким" "Hana Moss"
}

@test "pseudonym-adv47: Tamuna for Tamar, Abdulla for Abdullah (adv47 L-25, L-26; read since arab48)" {
    each_refused "თამარ ჯავახიშვილი" "Тамуна Ли"
    each_refused "عبد الله الحداد" "Abdulla Kent"
}

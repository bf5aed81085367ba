#!/usr/bin/env bats
# The pseudonym attempts of session 52's black-box attack (docs/outside/
# report-adv52.md), end to end on the real binary: short forms, pet forms,
# other spellings and other-script forms of the person's own name are
# refused with the one message; the attempts accepted wrongly are open
# (skipped) until the pseudonym check reads them.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-adv52: own short, pet, other-script and other-spelling forms are refused" {
    each_refused "Батсүх Энхжаргал|Batsukh Enkhjargal" "Jagaa" "Enkhee" "Jargalaa" "Enkhjaa" "Enkhka" "Jargal" "Jaga" "Enhe" "Энхээ" "Жагаа" "Batsuhk" "Suhee" "Энх-Жаргал" "Anhjargal"
    each_refused "Abdullah Al-Mutairi|عبدالله المطيري" "Abdo" "Mutairi" "Abdallah Jones" "Abu Abdullah" "Mutair" "Al Mtiri" "3abdallah" "Abdul"
    each_refused "한명혁|Han Myong-hyok|Хан Мён Хёк" "Myong" "Hyok" "Minghe" "Ming He" "Hyuk" "Han Solo" "Hank" "Myung" "Myeong-hyeok" "Myonghyeok" "Hyokie" "Hyeok-i" "Kan Meikaku" "Hann" "MH" "Myonggi" "Myeongi" "Hyeoki" "Hanmy" "Mun-hyok" "Myong-hok"
    each_refused "Khalid Al-Enezi|خالد العنزي|Халид аль-Энези" "Khaloud" "Abu Khalid" "Kholid" "Khaled" "Xalid" "Khalood" "Kaled Moore" "Haled" "Halid"
}

@test "pseudonym-adv52: ordinary pseudonyms are accepted" {
    each_accepted "Khalid Al-Enezi" "Peter Hall"
    each_accepted "Батсүх Энхжаргал" "Otgon Saran"
}

@test "pseudonym-adv52: Arabic pet forms of a listed name are refused (arab52: data/nicknames/regional.txt)" {
    each_refused "Abdullah Al-Mutairi|عبدالله المطيري" "Aboudi" "Abood"
}

@test "pseudonym-adv52: accepted in the attack: Arabic pet forms and spellings, translations, a Korean given name cut (adv52, fixed by pseud53)" {
    each_refused "Khalid Al-Enezi|خالد العنزي|Халид аль-Энези" "Kh. Enezi" "Enizi Brown" "Anazi" "Enzi" "Aneza" "Lido" "Eternal Goat"
    each_refused "Abdullah Al-Mutairi|عبدالله المطيري" "Dodi" "Obaid" "Abed Smith" "Mtairi" "Matar" "Servant of God"
    each_refused "Батсүх Энхжаргал|Batsukh Enkhjargal" "Happy Joy" "Peace-joy"
    each_refused "Төмөрхуяг" "Iron Armor"   # adv52b: a translation mong52's gloss table lacks
    each_refused "한명혁|Han Myong-hyok|Хан Мён Хёк" "Mhyok"
}

# P-19: a Korean syllable's meaning cannot be read without its hanja (명
# is 明 bright, 名 name, 命 life, 鳴 cry...): a name registered in Hangul
# alone is not translated (pseud53's decision, docs/PSEUDONYMS.md).
@test "pseudonym-adv52: Bright for 한명혁 (Hangul only, no hanja) is accepted" {
    each_accepted "한명혁" "Bright"
}

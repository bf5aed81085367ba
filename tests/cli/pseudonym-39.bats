#!/usr/bin/env bats
# Brief s39 script39 (report-adv38 P-1 to P-6; docs/PSEUDONYMS.md,
# "Session 39"), end to end on the real binary: a pseudonym whose reading
# in another script is a form of the person's name (the surname alone
# included, a Georgian diminutive, katakana's reading of a Korean surname)
# is refused with the message every refused pseudonym gets; pseudonyms in
# those scripts that are no form of a name of the store stay free.

bats_require_minimum_version 1.5.0
load helpers
load leaks-names
load faults

@test "pseudonym-39: a reading that is the name, in Thai, Devanagari, Bengali, Arabic (P-1, P-3)" {
    each_refused "Somchai Saelim" "สมชาย" "सोमचाई" "แซ่ลิ้ม"
    # the same kind: other names, other scripts (Bengali, Persian, Georgian's -i)
    each_refused "Priya Sharma" "শর্মা" "شرما" "ชาร์มา"
    each_refused "Anahit Petrosyan" "პეტროსიანი" "पेत्रोस्यान"
    each_refused "Rahim Karimov" "করিমভ" "كريموف"
    # a Thai silent letter (the thanthakhat), Hindi's unsaid inherent a
    each_refused "Somsak Thongdee" "สมศักดิ์" "सोमसक"
    each_refused "Nadia Rahman" "রহমান" "रहमान"
    each_refused "Salim Qasimov" "সালিম"
}

@test "pseudonym-39: a Georgian diminutive of the name (P-4)" {
    each_refused "Nino Beridze" "ნინიკო" "Niniko"
    each_refused "Sopio Gelashvili" "სოფიკო" "Sopiko"
    each_refused "Тамара Абашидзе" "თამრიკო"
}

@test "pseudonym-39: katakana's reading of a Korean surname alone (P-2, P-5, P-6)" {
    each_refused "Ким Сергей" "キム"
    each_refused "Тен Ирина" "テン"
    each_refused "Хан Олег" "ハン"
    each_refused "Пак Марина" "パク"
    each_refused "Цой Виктор" "チェ・ヴィクトル"
}

@test "pseudonym-39: other names in those scripts stay free" {
    each_accepted "Somchai Saelim" "มาลี" "राहुल" "ნინო" "キラ"
    each_accepted "Nino Beridze" "სოფიკო" "მარიამ" "ソフィア"
    each_accepted "Priya Sharma" "মীরা" "زهرة" "ทองดี"
    each_accepted "Ким Сергей" "ハナ" "テン"
}

#!/usr/bin/env bats
# Brief s34 cjk34, report-adv33 P-1, P-3, P-4, P-5, P-6, end to end on the
# real binary: subject add refuses a pseudonym that renders the subject's
# own name, or another registered person's, in Chinese characters (the
# established 亚历山大 for Александр, 塔季扬娜 for Татьяна with the soft т
# as 季) or in Hangul (다샤, Даша of Дарья), as the redactor now reads them
# (tests/data/leaks/cjk34.jsonl).  Refused as any other form of the name
# is (pseudonym-cjk32.bats): status 2, "pseudonym '...' is taken or
# matches a real name in the store; choose another".

bats_require_minimum_version 1.5.0
load helpers
load leaks-names

@test "pseudonym-cjk34: the subject's own name in Chinese characters or Hangul is refused" {
    run st field subject add --name "Дарья Сергеевна Петрова" --name "Darya Petrova" --pseudonym 다샤
    refused 다샤
    run st field subject add --name "Татьяна Коваль" --pseudonym 塔季扬娜
    refused 塔季扬娜
    run st field subject add --name "Александр Кузнецов" --pseudonym 亚历山大
    refused 亚历山大
}

@test "pseudonym-cjk34: another registered person's name in Chinese characters or Hangul is refused" {
    run -0 st field subject add --name "Александр Кузнецов" --pseudonym Omega
    run -0 st field subject add --name "Татьяна Коваль" --pseudonym Zeta
    run -0 st field subject add --name "Дарья Петрова" --pseudonym "Jane Ellis"
    run st field subject add --name "John Smith" --pseudonym 亚历山大
    refused 亚历山大
    run st field subject add --name "John Smith" --pseudonym 塔季扬娜
    refused 塔季扬娜
    run st field subject add --name "John Smith" --pseudonym 다샤
    refused 다샤
}

@test "pseudonym-cjk34: Chinese and Hangul words that read no registered name still pass" {
    local p
    for p in 安娜 마리 "Anna Berg"; do
        run -0 st field subject add --name "Александр Кузнецов" --pseudonym "$p"
        [ "$output" = "$p" ]
    done
}

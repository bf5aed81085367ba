# intake: GNU make, C11, Debian 12 packages found with pkg-config.
#   make            build bin/intake
#   make check      install what is missing, build, run the tests (unit
#                   tests and part of the CLI files under ASan+UBSan, the
#                   rest on the release build, some files on a sample),
#                   replay the fuzz corpora and fuzz each target briefly
#   make check-full every test of every file, both builds, the package
#                   built twice and compared (docs/TESTING.md)
#   make demo       install what is missing, build, run a walkthrough
#   make SAN=1      a sanitizer build (ASan+UBSan) in build/san
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS (clang)
#   make install    the program, man pages, documents and demo under PREFIX
#   make deb        the Debian package (debian/) in build/deb
#   make repro      the package built twice and compared byte for byte
#   make check-installed   the command-line tests on an installed intake
#   make testkit    rewrite the bundle test kit in tests/testkit
#   make fuzz-short run each target for FUZZ_CHECK_SECONDS, as make check does

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
FUZZCC   ?= clang
SAN      ?=
FUZZ_SECONDS ?= 60
# make check runs every target this long (seconds from its start), NPROC
# at a time: first its saved corpus, then fuzzing for what is left of the
# time (fuzz_redact's corpus alone takes longer, so it only replays; 16
# targets, about 90 CPU s of the check; docs/TESTING.md, "Session 25").
FUZZ_CHECK_SECONDS ?= 5
# make fuzz-short replays 1 part in FUZZ_REPLAY_ROTA of each saved corpus
# (1: all of it); make check 1 in CHECK_FUZZ_ROTA, the part picked by the
# commit's hash, make check-full all (scripts/run-tests.sh fuzz-run;
# docs/TESTING.md, "Session 41 (check41)").
FUZZ_REPLAY_ROTA ?= 1
CHECK_FUZZ_ROTA ?= 2
# The targets whose saved corpus outlasts FUZZ_CHECK_SECONDS: in make
# check and make fuzz-short their first run only replays it (-runs=0,
# without libFuzzer's entropic scheduler, bookkeeping for mutations that
# never came: about -55% of fuzz_redact's replay CPU), then they fuzz from
# their 8 smallest inputs as before (scripts/run-tests.sh fuzz-run;
# docs/TESTING.md, "Session 53 (check53)").  Empty: the first run as the
# others' (for a long FUZZ_CHECK_SECONDS).
FUZZ_REPLAY_ONLY ?= fuzz_redact

ifeq ($(SAN),1)
BUILD    ?= build/san
# UBSan's checks trap (SIGILL at the faulty instruction) instead of calling
# libubsan, whose 6 MB of zero pages LeakSanitizer reads at every exit; and
# the programs are linked -no-pie, so ASan's descriptors of the globals
# (5.5 MB of .data) need no relocation at start.  Every check stays; an
# intake process costs about a third less CPU (docs/TESTING.md, "Session
# 29").  For UBSan's messages, in a folder of their own (objects of the
# two kinds do not link together): make SAN=1 SAN_UBSAN= SAN_LINK=
# BUILD=build/san-msg.
SAN_UBSAN ?= -fsanitize-undefined-trap-on-error
SAN_LINK  ?= -no-pie
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer \
            $(SAN_UBSAN)
# -g1: line tables and functions, no variables (what ASan's and UBSan's
# reports print: file, line and function of every frame); 11% less CPU to
# compile and 38% smaller objects for the 70-odd unit test links than -g
# (docs/TESTING.md, "Session 25").  For gdb: make SAN=1 CFLAGS='-O2 -g'.
CFLAGS   ?= -O2 -g1
else ifeq ($(COV),1)
# make coverage: COVOPT after -O2 wins.  store/ and util/ stay at -O0:
# at -O1 gcc merges some error returns ("return -1;") with others, so
# gcov counts them reached when no test reached them, and the list of
# unreached error returns is what issue 14 asks of those two folders
# (docs/COVERAGE.md has the comparison).  The rest, CPU-bound (privacy/
# above all), at -O1.  _FORTIFY_SOURCE goes, so that the unit tests'
# libcfault.h sees the plain calls.  INTAKE_COVERAGE gives a slow unit
# test a smaller input (privacy/test_redact's big body).
BUILD    ?= build/cov
SANFLAGS := --coverage
COVOPT   ?= -O1
COVFLAGS  = $(COVOPT) -U_FORTIFY_SOURCE -DINTAKE_COVERAGE
$(BUILD)/store/%.o $(BUILD)/util/%.o: COVOPT = -O0
else
BUILD    ?= build/rel
SANFLAGS :=
endif

PKGS     := libsodium libargon2 libcrypto sqlcipher libqrencode libpng libjpeg zbar libutf8proc libhs jansson libbsd libseccomp hunspell libpsl libxml-2.0
WARN     := -Wall -Wextra -Wshadow -Wconversion -Wformat=2 -Wstrict-prototypes \
            -Werror=implicit-function-declaration
# Where an installed intake finds its translations when share/locale
# beside its bin/ is missing (intake/main.c, init_messages).
LOCALEDIR ?= $(PREFIX)/share/locale
CPPFLAGS += -I. -D_GNU_SOURCE -DSQLITE_HAS_CODEC -DINTAKE_VERSION='"$(VERSION)"' \
            -DLOCALEDIR='"$(LOCALEDIR)"'
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -pthread $(WARN) $(SANFLAGS) -fstack-protector-strong -D_FORTIFY_SOURCE=2 $(COVFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libzbar (and the 15 libraries it pulls in) is not linked: crypto/qr_zbar.c
# loads it at the first QR code read (docs/TESTING.md, "Session 28").
PKGS_DLOPEN := zbar
PKG_LIBS   = $(shell pkg-config --libs $(filter-out $(PKGS_DLOPEN),$(PKGS)) 2>/dev/null) -lzxcvbn -lm -pthread
LDFLAGS  += $(SANFLAGS) $(SAN_LINK) -Wl,-z,relro,-z,now

# Every module except the CLI goes into one archive; tests link against it.
# Sorted, so the link order and the binary never depend on the order the
# file system lists them in (make repro).
LIB_SRC  := $(sort $(wildcard util/*.c crypto/*.c privacy/*.c export/*.c store/*.c))
CLI_SRC  := $(sort $(wildcard intake/*.c))
# The audit's gazetteer and name lists, compiled in (data/gazetteer/SOURCES.md).
GAZ_TXT  := $(sort $(wildcard data/gazetteer/*.txt))
GAZ_SRC  := build/gen/gazetteer_data.c
# Words added to the hunspell dictionaries (data/lexicon/SOURCES.md).
LEX_TXT  := $(sort $(wildcard data/lexicon/*.txt))
# Short forms of given names (data/nicknames/SOURCES.md).
NICK_TXT := $(sort $(wildcard data/nicknames/*.txt))
# Hangul readings of Han characters, from Debian's unicode-data (Unihan).
UNIHAN   := /usr/share/unicode/Unihan_Readings.txt.bz2
GEN_OBJ  := gazetteer_data.o lexicon_data.o nicknames_data.o unihan_data.o pinyin_data.o onyomi_data.o kanji_ja_data.o hanviet_data.o confusables_data.o
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_OBJ:%=$(BUILD)/gen/%)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libintake.a
UNIT_SRC := $(wildcard tests/unit/*/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

BIN      := bin/intake

# Translations (po/, docs/DEPENDENCIES.md "Translations"): each po/LL.po
# compiled by msgfmt --check into BUILD/share/locale/LL/LC_MESSAGES/intake.mo,
# where the binary beside it, BUILD/bin/intake, finds it (intake/main.c);
# make install copies them to PREFIX/share/locale.
LINGUAS  := $(sort $(patsubst po/%.po,%,$(wildcard po/*.po)))
MO       := $(LINGUAS:%=$(BUILD)/share/locale/%/LC_MESSAGES/intake.mo)

.PHONY: html5-entities coverage-inject inject testkit all pot po-update po-check layers deps deps-check deps-deb deps-full check test test-build unit cli fuzz fuzz-replay fuzz-short demo \
        install uninstall deb repro check-installed clean bench reliability reliability-quick coverage inject unit-full \
        coverage-store unit-store cli-store
all: $(BIN) $(MO)

$(BUILD)/share/locale/%/LC_MESSAGES/intake.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# po/intake.pot from the sources (xgettext; scripts/po.sh), and each
# po/LL.po brought up to date with it (msgmerge): run after changing a
# message, then translate what msgfmt --statistics counts as missing.
pot:
	@scripts/po.sh pot po/intake.pot

po-update: pot
	@for l in $(LINGUAS); do scripts/po.sh merge po/$$l.po po/intake.pot || exit 1; done

# Every message of the sources in po/intake.pot, every one translated in
# each po/LL.po: 0 untranslated, 0 fuzzy (make check runs it).
po-check:
	@scripts/po.sh check po/intake.pot $(LINGUAS:%=po/%.po)

$(BIN): $(BUILD)/bin/intake
	@mkdir -p $(@D)
	cp $< $@

$(BUILD)/bin/intake: $(CLI_OBJ) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(PKG_LIBS)

$(LIB): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@ && ar rcs $@ $^

$(GAZ_SRC): $(GAZ_TXT) scripts/embed.sh
	@mkdir -p $(@D)
	scripts/embed.sh $@ gazetteer $(GAZ_TXT)

build/gen/lexicon_data.c: $(LEX_TXT) scripts/embed.sh
	@mkdir -p $(@D)
	scripts/embed.sh $@ lexicon $(LEX_TXT)

build/gen/nicknames_data.c: $(NICK_TXT) scripts/embed.sh
	@mkdir -p $(@D)
	scripts/embed.sh $@ nicknames $(NICK_TXT)

build/gen/unihan_data.c: scripts/unihan.sh
	@mkdir -p $(@D)
	scripts/unihan.sh $@ $(UNIHAN)

# Mandarin readings of Han characters (Unihan's kMandarin), the same file.
build/gen/pinyin_data.c: scripts/pinyin.sh scripts/hangul-readings.sh
	@mkdir -p $(@D)
	scripts/pinyin.sh $@ $(UNIHAN)

# Japanese on-readings of Han characters (Unihan's kJapaneseOn), the same file.
build/gen/onyomi_data.c: scripts/onyomi.sh scripts/hangul-readings.sh
	@mkdir -p $(@D)
	scripts/onyomi.sh $@ $(UNIHAN)

# Japanese kun- and on-readings of Han characters (kJapaneseKun, kJapaneseOn), the same file.
build/gen/kanji_ja_data.c: scripts/kanji-ja.sh
	@mkdir -p $(@D)
	scripts/kanji-ja.sh $@ $(UNIHAN)

# Vietnamese readings of Han characters (Unihan's kVietnamese), the same file.
build/gen/hanviet_data.c: scripts/hanviet.sh scripts/hangul-readings.sh
	@mkdir -p $(@D)
	scripts/hanviet.sh $@ $(UNIHAN)

# Look-alike letters from ICU's spoof checker, by a generator run at build
# time (scripts/confusables.c); intake itself does not link ICU.
build/gen/confusables: scripts/confusables.c
	@mkdir -p $(@D)
	$(CC) -O1 -o $@ $< $(shell pkg-config --cflags --libs icu-i18n icu-uc)

build/gen/confusables_data.c: build/gen/confusables
	build/gen/confusables $@

$(BUILD)/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -c -o $@ $<

# The WHATWG named character references, from Debian's python3
# (docs/DEPENDENCIES.md); generated once and committed.
$(BUILD)/privacy/htmlnames.o build/fuzz/obj/privacy/htmlnames.o: privacy/html5_entities.inc
html5-entities:
	python3 scripts/gen-html5-entities.py > privacy/html5_entities.inc.tmp
	mv privacy/html5_entities.inc.tmp privacy/html5_entities.inc

$(BUILD)/unit/%: tests/unit/%.c $(LIB) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-conversion -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS) -lcmocka

# Test tools used by the bats files, built next to the binary under test.
$(BUILD)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-conversion -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS)

# Preloaded test shims (LD_PRELOAD), shared objects; never sanitized, so
# they load into the ASan build too (with verify_asan_link_order=0).
$(BUILD)/tools/%.so: tests/tools/preload/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -std=c11 $(WARN) -O2 -g -fPIC -shared -o $@ $< -ldl

build/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS)

# libFuzzer targets: the sources compiled once with clang (instrumented for
# coverage, ASan and UBSan) into their own archive, each target linked to it.
FUZZ_FLAGS := -DINTAKE_FUZZ -gline-tables-only -O1 -std=c11 -fsanitize=address,undefined \
              -fno-sanitize-recover=undefined
FUZZ_OBJ   := $(LIB_SRC:%.c=build/fuzz/obj/%.o) $(GEN_OBJ:%=build/fuzz/obj/gen/%)
FUZZ_LIB   := build/fuzz/libintake.a

build/fuzz/obj/gen/%.o: build/gen/%.c
	@mkdir -p $(@D)
	@$(FUZZCC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/obj/%.o: %.c $(wildcard */*.h)
	@mkdir -p $(@D)
	@echo "CLANG $<"
	@$(FUZZCC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_LIB): $(FUZZ_OBJ)
	rm -f $@ && ar rcs $@ $^

build/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB)
	@mkdir -p $(@D)
	$(FUZZCC) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer \
	    -o $@ $< $(FUZZ_LIB) $(PKG_LIBS)

# Dependencies point down the layers, without cycles (README, "Layout").
layers: $(BUILD)/bin/intake
	@scripts/layers.sh $(BUILD)

deps:
	@scripts/deps.sh build

deps-check:
	@scripts/deps.sh check

deps-deb:
	@scripts/deps.sh deb

deps-full:
	@scripts/deps.sh full

# test_leaks_names answers every case with both matchers here (make
# check-full's unit tests) and fails on any difference (INTAKE_LEAKS_COMPARE=1;
# docs/TESTING.md, "Session 49 (speed49)").
unit: $(UNIT_BIN)
	@INTAKE_LEAKS_COMPARE=1 scripts/run-tests.sh unit $(UNIT_BIN)

# The unit tests at the sizes make check leaves out for time: 100,000
# terms in test_redact (make check: 20,000; 10,000 under the sanitizers).
unit-full: $(UNIT_BIN)
	@INTAKE_TEST_FULL=1 scripts/run-tests.sh unit $(UNIT_BIN)

TOOLS    := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(wildcard tests/tools/*.c)) \
            $(patsubst tests/tools/preload/%.c,$(BUILD)/tools/%.so,$(wildcard tests/tools/preload/*.c))

cli: $(BUILD)/bin/intake $(MO) $(TOOLS)
	@INTAKE=$(abspath $(BUILD)/bin/intake) scripts/run-tests.sh cli tests/cli

# The bundle test kit (tests/testkit/README.md): rewritten from fixed seeds
# by tests/tools/testkit.c; make check compares it with what the tool
# writes and runs it through both readers (tests/cli/testkit.bats).
testkit: $(BUILD)/tools/testkit
	$(BUILD)/tools/testkit write tests/testkit

fuzz-replay: $(FUZZ_BIN)
	@scripts/run-tests.sh fuzz $(FUZZ_BIN)

# New inputs go to build/fuzz/found/NAME, crashes to build/fuzz/: the
# saved corpora change only by hand (copy a finding there with a test).
fuzz-short: $(FUZZ_BIN)
	@FUZZ_JOBS=$(NPROC) FUZZ_REPLAY_ROTA=$(FUZZ_REPLAY_ROTA) FUZZ_REPLAY_SALT='$(CHECK_LEAKS_SALT)' \
	    FUZZ_REPLAY_ONLY='$(FUZZ_REPLAY_ONLY)' scripts/run-tests.sh fuzz-run $(FUZZ_CHECK_SECONDS) $(FUZZ_BIN)

# Every libFuzzer run writes its crash-*, leak-*, timeout-* and slow-unit-*
# files under build/fuzz/ (-artifact_prefix), never into the source tree.
fuzz: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do n=$$(basename $$f); mkdir -p tests/fuzz/corpus/$$n; \
	    $$f -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build/fuzz/ tests/fuzz/corpus/$$n || exit 1; done

test: unit cli

# The reliability suite (tests/reliability, issue 14): every writing
# command under kill -9, power cuts, each write, fsync and rename failing,
# libfiu's random I/O errors, a full disk, a read-only folder and two
# writers at once.  The whole run takes about an hour on 2 cores (root for
# the mounts; at load 25, 1,040 kills took 50 minutes in two shards); make
# check runs the bounded --quick part (one writer chosen by the time,
# killed, cut and failing once each: about 3 s of CPU; 14 s measured, 100 to 130 s
# at load 25).
RELIABILITY_ARGS ?= --kills 1010 --cuts 1010 --fails 8 --fiu 100 --disk 6 --readonly --pairs 40

reliability: $(BUILD)/bin/intake $(TOOLS)
	@INTAKE=$(abspath $(BUILD)/bin/intake) tests/reliability/run.sh $(RELIABILITY_ARGS)

reliability-quick: $(BUILD)/bin/intake $(TOOLS)
	@INTAKE=$(abspath $(BUILD)/bin/intake) scripts/run-tests.sh reliability --quick

# tests/unit/store/test_inject whole: every fault kind on every call of
# each writing entry point (make check runs a sample; make coverage the
# whole), SQLite's allocations every INJECT_STRIDE-th up to INJECT_SQLMAX
# (docs/COVERAGE.md has the times); and open -o under every file fault.
INJECT_STRIDE ?= 1
INJECT_SQLMAX ?= 100000
INJECT_ENV = INTAKE_INJECT_ALL=1 INTAKE_INJECT_STRIDE=$(INJECT_STRIDE) \
             INTAKE_INJECT_SQLMAX=$(INJECT_SQLMAX)
inject: $(BUILD)/unit/store/test_inject $(BUILD)/unit/store/test_unpack_faults
	@$(INJECT_ENV) scripts/run-tests.sh unit $^

# Branch coverage of store/ and util/ by their unit tests (make check's
# sample of the injector), then by those and the whole injector: the
# figures of both, and the error returns still unreached, each with why,
# into docs/COVERAGE-unreached.txt (scripts/coverage.sh).
coverage-inject:
	$(MAKE) -j$(NPROC) COV=1 test-build
	@find build/cov -name '*.gcda' -delete
	-$(MAKE) -j2 --output-sync=target COV=1 unit-store
	@echo "== store/ and util/, unit tests (the injector's sample)"
	@scripts/coverage.sh build/cov '(store|util)/' | grep -E '^(store|util|overall|error returns)'
	-@$(INJECT_ENV) scripts/run-tests.sh unit build/cov/unit/store/test_inject \
	    build/cov/unit/store/test_unpack_faults
	@echo "== store/ and util/, unit tests and the whole injector"
	@UNREACHED=docs/COVERAGE-unreached.txt scripts/coverage.sh build/cov '(store|util)/'

# Line and branch coverage of the whole suite, unit and CLI tests (gcovr):
# a --coverage build in build/cov (COVOPT, above), its counters reset, the
# unit tests (test_inject whole: INTAKE_INJECT_ALL) and the CLI tests run
# on it side by side (each program adds its counts under a lock: libgcov),
# then the figures per file and per folder and the error returns of
# store/ and util/ no test reached.  HTML in build/cov/html/index.html.
# docs/COVERAGE.md has the time it takes.
coverage:
	$(MAKE) -j$(NPROC) COV=1 test-build
	@find build/cov -name '*.gcda' -delete
	-INTAKE_INJECT_ALL=1 $(MAKE) -j2 --output-sync=target COV=1 unit cli
	@scripts/coverage.sh build/cov

# The same for store/ and util/ alone, the figures per file: their unit
# tests, and beside them the CLI files that drive them most (COV_CLI, in
# tests/cli).  26 minutes on 2 cores at load 15 to 19 (docs/COVERAGE.md).
COV_CLI ?= store faults powercut tmpfs terminal contact log work adv14 export consent
COV_UNIT = $(filter $(BUILD)/unit/store/% $(BUILD)/unit/util/%,$(UNIT_BIN))

coverage-store:
	$(MAKE) -j$(NPROC) COV=1 test-build
	@find build/cov -name '*.gcda' -delete
	-INTAKE_INJECT_ALL=1 $(MAKE) -j2 --output-sync=target COV=1 unit-store cli-store
	@scripts/coverage.sh build/cov '(store|util)/'

unit-store: $(COV_UNIT)
	@scripts/run-tests.sh unit $(COV_UNIT)

cli-store: $(BUILD)/bin/intake $(MO) $(TOOLS)
	@INTAKE=$(abspath $(BUILD)/bin/intake) scripts/run-tests.sh cli $(COV_CLI:%=tests/cli/%.bats)

# check: the release build, then three lanes side by side (GNU make's
# jobserver, output kept whole per lane):
#   check-rel   the layer and message checks, the reliability suite's
#               bounded part (reliability-quick:
#               one process at a time, so it runs while the other lanes
#               build, not alone at the end), then on the release build the
#               CLI files tests/cli/RELEASE-ONLY names, those
#               tests/cli/SAMPLED names on a sample (cli-rel; check-full:
#               the whole suite, unit tests included).  No package: since
#               session 21 only check-full builds it (make repro, twice and
#               compared); deb.bats's tests of the package skip saying so;
#   check-san   the unit tests under ASan+UBSan (but test_eval, whose
#               subject is its figures: on the release build, in
#               check-rel; CHECK_REL_UNIT below; test_leaks_names on a
#               sample, whole on the release build), and the CLI files
#               tests/cli/RELEASE-ONLY does not name (17 since session 21:
#               the command line's options, outside input, the store on
#               disk; RELEASE-ONLY says why each other one is left to the
#               release build): each CLI file runs once in make check;
#   check-fuzz  the fuzz corpora replayed through the libFuzzer builds
#               (1 part in CHECK_FUZZ_ROTA, all in check-full), then
#               every fuzz target run for FUZZ_CHECK_SECONDS.
# make check installs scripts/deps.sh's check list (not the package's tools
# nor ffmpeg); make check-full installs its full list and runs all make
# check ran before session 14: the same with check-san-full (every CLI file
# under the sanitizers too), every test of every file (no CHECK_SAMPLE),
# the unit tests on the release build too (test_redact and test_export at
# their larger sizes there), the package built twice and compared, and
# each fuzz target for 10 s, not 5.  docs/TESTING.md ("Session 21") has
# the figures and what in make check still proves what it leaves out.
# The suite mostly waits (key derivation, fsync, the tests' own pauses),
# so the lanes overlap well on two cores; within a lane the CLI files run
# CLI_JOBS at a time (scripts/run-tests.sh).
NPROC := $(shell nproc 2>/dev/null || echo 2)

test-build: $(BUILD)/bin/intake $(MO) $(UNIT_BIN) $(TOOLS)

# make check's release build: of the unit tests only CHECK_REL_UNIT runs
# on it in make check (the others run under the sanitizers, whose lane
# builds and links them), so its other unit binaries are not linked (58
# CPU s; docs/TESTING.md, "Session 20"); check-rel links test_eval alone;
# check-full builds them all and runs them.
check-build: $(BUILD)/bin/intake $(MO) $(TOOLS)

# Each step is a phase (scripts/phase.sh): its wall and CPU seconds are
# printed when it ends and listed together at the end, so that CI's log
# shows where the time went (docs/TESTING.md, "Session 25").
PHASE := scripts/phase.sh

check:
	@$(PHASE) --start
	@$(PHASE) make-check $(MAKE) --no-print-directory check-steps; rc=$$?; $(PHASE) --list; exit $$rc

check-steps:
	@$(PHASE) deps $(MAKE) --no-print-directory deps-check
	@rm -rf build/results
	@$(PHASE) release-build $(MAKE) -j$(NPROC) $(BIN) check-build
	@$(PHASE) lanes $(MAKE) -j3 --output-sync=recurse check-san check-rel check-fuzz
	@scripts/run-tests.sh summary

# The package: built twice and compared in make check-full (make repro),
# without the package's own run of the suite (nocheck: check-rel-full runs
# the same suite on the same source right after; repro always builds with
# nocheck).  make check does not build it (since session 21: about 69 CPU s,
# and debhelper, lintian, diffoscope and dpkg-dev, 219 Debian packages CI's
# clean machine would install for it; docs/TESTING.md, "Session 21"): deb.bats's
# tests of the package skip saying so, its tests of debian/control, make
# install and the hardening check run.
PKG_CHECK ?= repro
# The layer and message checks (one process, about 10 CPU s) run first in
# this lane, beside the sanitizer build, not alone before the lanes with
# one core idle (session 27).
check-rel:
	@$(PHASE) layers-po sh -c 'scripts/layers.sh $(BUILD) && scripts/po.sh check po/intake.pot $(LINGUAS:%=po/%.po)'
	@$(PHASE) reliability-quick $(MAKE) reliability-quick
	@$(PHASE) release-unit $(MAKE) unit-rel-check
	@$(PHASE) release-cli $(MAKE) cli-rel
	@$(PHASE) release-rota $(MAKE) cli-rota

# check-full's release lane: the whole suite on the release build.
check-rel-full:
	$(MAKE) reliability-quick
	DEB_BUILD_OPTIONS="nocheck$${DEB_BUILD_OPTIONS:+ $$DEB_BUILD_OPTIONS}" $(MAKE) $(PKG_CHECK)
	$(MAKE) test

check-san:
	@$(PHASE) sanitizer-build $(MAKE) SAN=1 check-san-build
	@$(PHASE) sanitizer-unit $(MAKE) SAN=1 unit-san-check
	@$(PHASE) sanitizer-cli $(MAKE) SAN=1 cli-san

# The unit tests make check runs on the release build, not under the
# sanitizers (docs/TESTING.md, "Session 25"): test_eval's subject is its
# figures (recall, precision, false redactions and review flags per
# 10,000 words), the same on both builds; the redactor it drives runs
# under ASan+UBSan in test_redact, test_leaks_names, test_leaks_detect,
# test_detect and fuzz_redact.  44 CPU s under the sanitizers, 11 on the
# release build.  make check-full runs it on both.
# Since session 27 test_leaks_names runs whole on the release build too
# (every jsonl case, about 10 CPU s) and, under the sanitizers, on a
# sample: the cases of 1 subject set in CHECK_LEAKS_SAMPLE, chosen by a
# hash of what the case's redactor is built from, so a sampled set is
# built once (docs/TESTING.md, "Session 27" and "Session 36").
# Since session 40 (docs/TESTING.md, "Session 40 (check40)"): 1 set in 16,
# not 4 (537 CPU s under the sanitizers in session 38's check), the hash
# salted with the commit's (CHECK_LEAKS_SALT), so the sample rotates from
# commit to commit and the run prints how to rerun it; test_common_forms
# (185 CPU s under the sanitizers, 95 on the release build) runs on the
# release build only, like test_eval: its subject is the data (no generated
# form of a case's name is a common word), the same on both builds, and the
# code it drives (the name forms, redactor_each_form) runs under ASan+UBSan
# in test_leaks_names' sample, test_pseudonym and fuzz_redact.
CHECK_REL_ONLY := privacy/test_eval privacy/test_common_forms
CHECK_REL_UNIT := $(CHECK_REL_ONLY) privacy/test_leaks_names
CHECK_SAN_UNIT := $(filter-out $(CHECK_REL_ONLY:%=$(BUILD)/unit/%),$(UNIT_BIN))
CHECK_LEAKS_SAMPLE ?= 16
CHECK_LEAKS_SALT ?= $(shell git rev-parse HEAD 2>/dev/null)
# Since session 49 (docs/TESTING.md, "Session 49 (speed49)") the release
# run's redactors use the plain index (redactor_compile_plain), not
# vectorscan's database, whose compiler was 58% of its CPU: the two report
# the same hits and every answer is the same (the whole list compared byte
# for byte).  The standing proof: the release run answers the cases of
# the sanitizer lane's sample of sets (CHECK_LEAKS_SAMPLE, CHECK_LEAKS_SALT)
# with vectorscan too and fails on any difference (INTAKE_LEAKS_COMPARE).
# Since session 52 (docs/TESTING.md, "Session 52 (check52)") the sanitizer
# sample uses the plain index too (CHECK_SAN_MATCHER): under ASan+UBSan
# vectorscan's compiler (not instrumented: nothing of ours runs in it) was
# 63% of the sample's CPU (171 -> 63 CPU s at 1 set in 128; about -200 to
# -320 CPU s projected at make check's 1 in 16); the cases, the sets and
# every assertion are the same, the release run still compares vectorscan's
# answers on exactly these sets, and our vectorscan code (compile, serialise, scan callback) runs under
# the sanitizers in test_redact, test_leaks_detect, test_pseudonym,
# fuzz_redact and every redact, export and audit of the CLI lane.
# CHECK_SAN_MATCHER=vectorscan gives the sample vectorscan again.
CHECK_SAN_MATCHER ?= plain
# The CLI files' loops of power cuts (blobs, powercut) cut at this many of
# their steps in make check, spread evenly (tests/cli/helpers.bash,
# cut_points); check-full at every step.
CHECK_CUT_SAMPLE ?= 6

check-san-build: $(BUILD)/bin/intake $(MO) $(CHECK_SAN_UNIT) $(TOOLS)

unit-san-check: $(CHECK_SAN_UNIT)
	@INTAKE_LEAKS_SAMPLE=$(CHECK_LEAKS_SAMPLE) INTAKE_LEAKS_SALT=$(CHECK_LEAKS_SALT) \
	    INTAKE_LEAKS_MATCHER=$(CHECK_SAN_MATCHER) scripts/run-tests.sh unit $(CHECK_SAN_UNIT)

unit-rel-check: $(CHECK_REL_UNIT:%=$(BUILD)/unit/%)
	@INTAKE_LEAKS_MATCHER=plain INTAKE_LEAKS_COMPARE=$(CHECK_LEAKS_SAMPLE) \
	    INTAKE_LEAKS_SALT=$(CHECK_LEAKS_SALT) scripts/run-tests.sh unit $^

# Everything under the sanitizers: the unit tests and every CLI file.
check-san-full:
	$(MAKE) SAN=1 test-build
	$(MAKE) SAN=1 test

check-full: deps-full
	@$(PHASE) --start
	@rm -rf build/results
	$(MAKE) -j$(NPROC) $(BIN) test-build
	@scripts/layers.sh $(BUILD)
	@scripts/po.sh check po/intake.pot $(LINGUAS:%=po/%.po)
	$(MAKE) -j3 --output-sync=recurse FUZZ_CHECK_SECONDS=10 CHECK_FUZZ_ROTA=1 check-rel-full check-san-full check-fuzz
	@$(PHASE) --list
	@scripts/run-tests.sh summary

# Every CLI file but those tests/cli/RELEASE-ONLY names (one name a line,
# # comments): make check's CLI files under the sanitizers.
RELEASE_ONLY ?= tests/cli/RELEASE-ONLY
SAN_SKIP  := $(shell sed -e 's/\#.*//' $(RELEASE_ONLY) 2>/dev/null)
SAN_FILES := $(filter-out $(SAN_SKIP:%=tests/cli/%.bats),$(sort $(wildcard tests/cli/*.bats)))

# Since session 40 these files are on a rota (scripts/rota.sh): about half
# of them, chosen by a hash of the commit's and the file's name, run under
# the sanitizers (cli-san), the others on the release build (cli-rota, in
# the release lane, whole, as cli-san runs them), so every file still runs
# once on every commit and each under ASan+UBSan every other commit or so;
# under the sanitizers a file costs about twice its release CPU
# (leaks-pseud29: 94 against 48 s).  CHECK_SAN_ROTA=1 runs them all under
# the sanitizers, as make check-full does (docs/TESTING.md, "Session 40
# (check40)").
CHECK_SAN_ROTA ?= 2
SAN_ROTA_ON  = $(shell scripts/rota.sh on $(CHECK_SAN_ROTA) '$(CHECK_LEAKS_SALT)' $(SAN_FILES))
SAN_ROTA_OFF = $(shell scripts/rota.sh off $(CHECK_SAN_ROTA) '$(CHECK_LEAKS_SALT)' $(SAN_FILES))

cli-san: $(BUILD)/bin/intake $(MO) $(TOOLS)
	@echo "cli-san: the rota's files under the sanitizers (CHECK_SAN_ROTA=$(CHECK_SAN_ROTA) CHECK_LEAKS_SALT=$(CHECK_LEAKS_SALT))"
	@INTAKE=$(abspath $(BUILD)/bin/intake) INTAKE_CUT_SAMPLE=$(CHECK_CUT_SAMPLE) \
	    scripts/run-tests.sh cli $(SAN_ROTA_ON)

cli-rota: $(BUILD)/bin/intake $(MO) $(TOOLS)
	@files='$(strip $(SAN_ROTA_OFF))'; [ -z "$$files" ] || \
	    INTAKE=$(abspath $(BUILD)/bin/intake) INTAKE_CUT_SAMPLE=$(CHECK_CUT_SAMPLE) \
	    scripts/run-tests.sh cli $$files

# make check's release lane runs each CLI file the sanitizer lane does not
# (so every file runs once, on one of the two builds of the same source);
# every unit test runs under the sanitizers, at their sizes there.  The
# files tests/cli/SAMPLED names run their first test only (CHECK_SAMPLE=first;
# N: 1 test in N, 5 until session 26; their cases are
# jsonl lines the sanitizer lane's unit tests run), and rules.bats its
# sanitizer size (37 records).  docs/TESTING.md, "Session 15" and "Session
# 20", has why and what it saves; check-full runs every file whole, and
# every unit test on the release build too, at the larger sizes there
# (test_redact's 20,000 terms, test_export's 2,000 texts; make unit-rel
# runs those two alone).
CHECK_SAMPLE ?= first
REL_FILES := $(filter $(SAN_SKIP:%=tests/cli/%.bats),$(sort $(wildcard tests/cli/*.bats)))
REL_UNIT  := $(filter %/test_redact %/test_export,$(UNIT_BIN))

cli-rel: $(BUILD)/bin/intake $(MO) $(TOOLS)
	@INTAKE=$(abspath $(BUILD)/bin/intake) INTAKE_CHECK_SAMPLE=$(CHECK_SAMPLE) \
	    INTAKE_CUT_SAMPLE=$(CHECK_CUT_SAMPLE) scripts/run-tests.sh cli $(REL_FILES)

unit-rel: $(REL_UNIT)
	@scripts/run-tests.sh unit $(REL_UNIT)

# Measures the choice above: the coverage build, the unit tests and each
# CLI file on it with its own counts, then per file the lines it reaches
# beyond the unit tests and a greedy cover (scripts/san-reach.sh; about as
# long as the release lane's tests).
SAN_REACH_WORK ?= build/san-reach
san-reach:
	$(MAKE) -j$(NPROC) COV=1 test-build
	scripts/san-reach.sh run build/cov $(SAN_REACH_WORK)
	scripts/san-reach.sh pick build/cov $(SAN_REACH_WORK) | tee $(SAN_REACH_WORK)/pick.txt

# The fuzz lane: one libFuzzer run a target (fuzz-short), which first runs
# every input of the saved corpus, as fuzz-replay does (a crash there fails
# it the same way), then fuzzes until FUZZ_CHECK_SECONDS after its start.
# Until session 25 make check ran fuzz-replay before it, so every corpus
# ran twice: 100 CPU s, 95 of them fuzz_redact's (docs/TESTING.md,
# "Session 25").  Since session 41 it replays 1 part in CHECK_FUZZ_ROTA of
# each corpus (fuzz_redact's whole, 1,510 inputs, cost ~200 CPU s).
check-fuzz:
	@$(PHASE) fuzz-build $(MAKE) $(FUZZ_BIN)
	@$(PHASE) fuzz-run $(MAKE) FUZZ_REPLAY_ROTA=$(CHECK_FUZZ_ROTA) fuzz-short

.PHONY: check-san-build unit-san-check unit-rel-check check-steps check-rel check-san check-fuzz check-san-full check-full cli-san cli-rota san-reach check-build

demo: deps $(BIN)
	@scripts/demo.sh $(BIN)

bench: $(BIN)
	@scripts/deps.sh bench
	@for b in bench/*.sh; do echo "== $$b"; sh $$b || exit 1; done

# install: the program, every man page docs/intake*.1 (a translation
# docs/intake.LL.1 goes to MANDIR/LL/man1/intake.1: scripts/install-man.sh),
# the documents with the gazetteer's sources and licences, the demo, and
# each translation's catalogue in LOCALEDIR/LL/LC_MESSAGES/intake.mo.
# debian/rules runs it with PREFIX=/usr.
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DOCDIR   ?= $(PREFIX)/share/doc/intake
DATADIR  ?= $(PREFIX)/share/intake
MAN_SRC  := $(sort $(wildcard docs/intake*.1))
DOC_SRC  := README.md SECURITY.md $(sort $(wildcard docs/*.md))

install: $(BIN) $(MO)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DOCDIR)/gazetteer $(DESTDIR)$(DOCDIR)/nicknames \
	    $(DESTDIR)$(DATADIR)
	for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 0644 $(BUILD)/share/locale/$$l/LC_MESSAGES/intake.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/intake.mo || exit 1; done
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/intake
	scripts/install-man.sh install $(DESTDIR)$(MANDIR) $(MAN_SRC)
	install -m 0644 $(DOC_SRC) $(DESTDIR)$(DOCDIR)/
	install -m 0644 data/gazetteer/SOURCES.md $(DESTDIR)$(DOCDIR)/gazetteer/
	install -m 0644 data/nicknames/SOURCES.md data/nicknames/LICENSE $(DESTDIR)$(DOCDIR)/nicknames/
	install -m 0755 scripts/demo.sh $(DESTDIR)$(DATADIR)/demo.sh

# uninstall: what install put there, file by file; then the folders, if empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/intake $(DESTDIR)$(DATADIR)/demo.sh \
	    $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/intake.mo)
	scripts/install-man.sh uninstall $(DESTDIR)$(MANDIR) $(MAN_SRC)
	rm -f $(addprefix $(DESTDIR)$(DOCDIR)/,$(notdir $(DOC_SRC)) gazetteer/SOURCES.md \
	    nicknames/SOURCES.md nicknames/LICENSE)
	-rmdir $(DESTDIR)$(DOCDIR)/gazetteer $(DESTDIR)$(DOCDIR)/nicknames $(DESTDIR)$(DOCDIR) $(DESTDIR)$(DATADIR)
	-rmdir $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES) $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%) \
	    $(DESTDIR)$(LOCALEDIR) 2>/dev/null

# The Debian package, built from git's copy of this tree (scripts/deb.sh).
deb: deps-deb
	@scripts/deb.sh build build/deb

repro: deps-deb
	@scripts/deb.sh repro build/deb

# The command-line suite on an installed binary: INTAKE=/usr/bin/intake
# unless given; the test tools are built from this tree.
INTAKE   ?= /usr/bin/intake
check-installed: $(TOOLS)
	@test -x "$(INTAKE)" || { echo "check-installed: no intake at $(INTAKE) (install the package, or set INTAKE=PATH)" >&2; exit 2; }
	@rm -rf build/results
	@INTAKE=$(abspath $(INTAKE)) INTAKE_TOOLS=$(abspath $(BUILD)/tools) \
	    scripts/run-tests.sh cli tests/cli
	@scripts/run-tests.sh summary

clean:
	rm -rf build bin


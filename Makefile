# intake: GNU make, C11, Debian 12 packages found with pkg-config.
#   make            build bin/intake
#   make check      install what is missing, build, run every test (also
#                   under ASan+UBSan) and replay the fuzz corpora
#   make demo       install what is missing, build, run a walkthrough
#   make SAN=1      a sanitizer build (ASan+UBSan) in build/san
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS (clang)

VERSION  := 0.1.0
PREFIX   ?= /usr/local
DESTDIR  ?=
CC       ?= cc
FUZZCC   ?= clang
SAN      ?=
FUZZ_SECONDS ?= 60

ifeq ($(SAN),1)
BUILD    ?= build/san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
else
BUILD    ?= build/rel
SANFLAGS :=
endif

PKGS     := libsodium sqlcipher libqrencode libpng libjpeg zbar libutf8proc libhs jansson
WARN     := -Wall -Wextra -Wshadow -Wconversion -Wformat=2 -Wstrict-prototypes \
            -Werror=implicit-function-declaration
CPPFLAGS += -I. -D_GNU_SOURCE -DSQLITE_HAS_CODEC -DINTAKE_VERSION='"$(VERSION)"'
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -pthread $(WARN) $(SANFLAGS) -fstack-protector-strong -D_FORTIFY_SOURCE=2
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lzxcvbn -lm -pthread
LDFLAGS  += $(SANFLAGS) -Wl,-z,relro,-z,now

# Every module except the CLI goes into one archive; tests link against it.
LIB_SRC  := $(wildcard util/*.c crypto/*.c privacy/*.c export/*.c store/*.c)
CLI_SRC  := $(wildcard intake/*.c)
# The audit's gazetteer and name lists, compiled in (data/gazetteer/SOURCES.md).
GAZ_TXT  := $(wildcard data/gazetteer/*.txt)
GAZ_SRC  := build/gen/gazetteer_data.c
# Hangul readings of Han characters, from Debian's unicode-data (Unihan).
UNIHAN   := /usr/share/unicode/Unihan_Readings.txt.bz2
GEN_OBJ  := gazetteer_data.o unihan_data.o confusables_data.o
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_OBJ:%=$(BUILD)/gen/%)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libintake.a
UNIT_SRC := $(wildcard tests/unit/*/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/unit/%)
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BIN := $(FUZZ_SRC:tests/fuzz/%.c=build/fuzz/%)

BIN      := bin/intake

.PHONY: all layers deps deps-check check test test-build unit cli fuzz fuzz-replay demo install clean bench
all: $(BIN)

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
	scripts/embed.sh $@ $(GAZ_TXT)

build/gen/unihan_data.c: scripts/unihan.sh
	@mkdir -p $(@D)
	scripts/unihan.sh $@ $(UNIHAN)

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

$(BUILD)/unit/%: tests/unit/%.c $(LIB) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-conversion -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS) -lcmocka

# Test tools used by the bats files, built next to the binary under test.
$(BUILD)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -Wno-conversion -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS)

build/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(PKG_LIBS)

# libFuzzer targets: the sources compiled once with clang (instrumented for
# coverage, ASan and UBSan) into their own archive, each target linked to it.
FUZZ_FLAGS := -DINTAKE_FUZZ -g -O1 -std=c11 -fsanitize=address,undefined \
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

unit: $(UNIT_BIN)
	@scripts/run-tests.sh unit $(UNIT_BIN)

TOOLS    := $(patsubst tests/tools/%.c,$(BUILD)/tools/%,$(wildcard tests/tools/*.c))

cli: $(BUILD)/bin/intake $(TOOLS)
	@INTAKE=$(abspath $(BUILD)/bin/intake) scripts/run-tests.sh cli tests/cli

fuzz-replay: $(FUZZ_BIN)
	@scripts/run-tests.sh fuzz $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@for f in $(FUZZ_BIN); do n=$$(basename $$f); mkdir -p tests/fuzz/corpus/$$n; \
	    $$f -max_total_time=$(FUZZ_SECONDS) tests/fuzz/corpus/$$n || exit 1; done

test: unit cli

# check: the whole suite, then the same suite under ASan+UBSan, then the
# fuzz corpora replayed through the libFuzzer builds.
# Builds run on every core; the tests themselves run one suite at a time.
NPROC := $(shell nproc 2>/dev/null || echo 2)

test-build: $(BUILD)/bin/intake $(UNIT_BIN) $(TOOLS)

check: deps-check
	@rm -rf build/results
	$(MAKE) -j$(NPROC) $(BIN) test-build
	@scripts/layers.sh $(BUILD)
	$(MAKE) test
	$(MAKE) -j$(NPROC) SAN=1 test-build
	$(MAKE) SAN=1 test
	$(MAKE) -j$(NPROC) $(FUZZ_BIN)
	$(MAKE) fuzz-replay
	@scripts/run-tests.sh summary

demo: deps $(BIN)
	@scripts/demo.sh $(BIN)

bench: $(BIN)
	@scripts/deps.sh bench
	@for b in bench/*.sh; do echo "== $$b"; sh $$b || exit 1; done

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/intake
	install -m 0644 docs/intake.1 $(DESTDIR)$(PREFIX)/share/man/man1/intake.1

clean:
	rm -rf build bin


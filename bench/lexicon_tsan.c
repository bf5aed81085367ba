/* ThreadSanitizer check of the dictionaries' loads started ahead
 * (util/lexicon.c, lexicon_prefetch; brief s27 audit27): the asking
 * thread meets the loader thread while it loads (a question about a
 * prefetched language waits for its load; one about a language not
 * prefetched loads it at once, the two loads one after the other; a
 * prefetch while the loader runs; the loader stopped at exit), and the
 * answers are compared with those of a process that loads nothing ahead
 * (run twice: "ahead" and "plain", the same lines).  util/lexicon.c is
 * compiled with TSan, the rest comes from the release archive; libhunspell
 * is not instrumented (its handles are made one at a time, create_mu):
 *   F="$(pkg-config --cflags libsodium libutf8proc libhs jansson hunspell)"
 *   clang -std=c11 -O1 -g -fsanitize=thread -I. -D_GNU_SOURCE $F -c util/lexicon.c \
 *       -o /tmp/lexicon.o
 *   clang -std=c11 -O1 -g -fsanitize=thread -I. -D_GNU_SOURCE $F -o /tmp/lexicon_tsan \
 *       bench/lexicon_tsan.c /tmp/lexicon.o build/rel/libintake.a \
 *       $(pkg-config --libs <the Makefile's PKGS>) -lzxcvbn -lm -pthread
 *   /tmp/lexicon_tsan ahead > a; /tmp/lexicon_tsan plain > b; cmp a b
 *   /tmp/lexicon_tsan exit   (the loader stopped at exit: no crash)
 *   (no "WARNING: ThreadSanitizer"; the same answers) */
#include <stdio.h>
#include <string.h>

#include "util/lexicon.h"

static const struct {
    enum lexicon_lang lang;
    const char *w;
} words[] = {
    { LEXICON_EN, "bold" }, { LEXICON_EN, "Carolyn" }, { LEXICON_EN, "xqzzv" },
    { LEXICON_KO, "나라" }, { LEXICON_KO, "장마당" }, { LEXICON_KO, "김지연" },
    { LEXICON_MN, "гэрэл" }, { LEXICON_MN, "Батбаяр" }, { LEXICON_MN, "цалин" },
};

static void ask(size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const char *w = words[i].w;
        printf("%s word %d proper %d\n", w, lexicon_word(words[i].lang, w, strlen(w)),
               lexicon_proper(words[i].lang, w, strlen(w)));
    }
}

int main(int argc, char **argv)
{
    int ahead = argc > 1 && strcmp(argv[1], "ahead") == 0;
    const char *text = "Бид өглөөнөөс 나라 bold";

    if (argc > 1 && strcmp(argv[1], "exit") == 0) {   /* exit while it loads */
        lexicon_prefetch((1u << LEXICON_NLANGS) - 1);
        return 0;
    }

    if (ahead)      /* Korean ahead; English asked while it loads */
        lexicon_prefetch(1u << LEXICON_KO);
    ask(0, 3);
    if (ahead)      /* the text's three, Korean and English already asked or queued */
        lexicon_prefetch(lexicon_langs_in(text, strlen(text)));
    ask(3, 9);
    if (ahead)      /* nothing left to load: no thread */
        lexicon_prefetch((1u << LEXICON_NLANGS) - 1);
    printf("langs %u missing %u\n", lexicon_langs_in(text, strlen(text)), lexicon_missing());
    return 0;
}

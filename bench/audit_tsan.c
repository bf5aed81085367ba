/* ThreadSanitizer check of the tables the audit's speed work (session 26,
 * brief audit13) made lazily, once per process: two threads meet the word
 * lists' indexes of privacy/flag_context.c and glued_digits' bit table
 * of privacy/detect_spoken.c from their first use, 200 rounds each, and
 * check the answers.  Those two files are compiled with TSan, the rest
 * comes from the release archive:
 *   F="$(pkg-config --cflags libsodium libutf8proc libhs jansson hunspell)"
 *   for f in flag_context detect_spoken; do clang -std=c11 -O1 -g -fsanitize=thread \
 *       -I. -D_GNU_SOURCE $F -c privacy/$f.c -o /tmp/$f.o; done
 *   clang -std=c11 -O1 -g -fsanitize=thread -I. -D_GNU_SOURCE $F -o /tmp/audit_tsan \
 *       bench/audit_tsan.c /tmp/flag_context.o /tmp/detect_spoken.o build/rel/libintake.a \
 *       $(pkg-config --libs <the Makefile's PKGS>) -lzxcvbn -lm -pthread
 *   /tmp/audit_tsan   (no "WARNING: ThreadSanitizer", "wrong answers: 0")
 * With the ready flag made a plain int it reports a data race. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include "privacy/detect.h"
#include "privacy/flag_context.h"
#include "privacy/normalise.h"
#include "util/err.h"

static pthread_barrier_t bar;
static int bad;

static void *run(void *arg)
{
    static const char *const texts[] = { "전화 영하나영 아홉여덟일곱여섯 다섯넷셋둘로 해.", "번호는 하나둘셋넷다섯여섯일곱 이다",
                                         "Call nine nine zero one two" };
    (void)arg;
    pthread_barrier_wait(&bar);
    for (int i = 0; i < 200; i++) {
        if (flag_speech_verb("Said", 4) != 1 || flag_speech_verb("Sad", 3) != 0 ||
            flag_action_verb("пришёл", strlen("пришёл")) != 1 || flag_pronoun("They", 4) != 1 ||
            flag_preposition("Из", strlen("Из")) != 1 || flag_preposition("Изо", strlen("Изо")) != 1 ||
            flag_address_word("гуай", strlen("гуай")) != 1 || flag_address_word("ахын", strlen("ахын")) != 1 ||
            flag_address_word("ном", strlen("ном")) != 0)
            __atomic_fetch_add(&bad, 1, __ATOMIC_RELAXED);
        for (size_t t = 0; t < 3; t++) {
            struct normtext nt;
            struct detection *d;
            size_t nd;
            struct err e;
            if (normalise(&nt, texts[t], strlen(texts[t]), &e) != 0 || detect_text(&d, &nd, &nt, &e) != 0) {
                __atomic_fetch_add(&bad, 1, __ATOMIC_RELAXED);
                continue;
            }
            if (i == 0 && arg == NULL)
                printf("text %zu: %zu detections\n", t, nd);
            free(d);
            normtext_free(&nt);
        }
    }
    return NULL;
}

int main(void)
{
    pthread_t a, b;

    if (sodium_init() < 0)
        return 2;
    pthread_barrier_init(&bar, NULL, 2);
    pthread_create(&a, NULL, run, NULL);
    pthread_create(&b, NULL, run, (void *)1);
    pthread_join(a, NULL), pthread_join(b, NULL);
    printf("wrong answers: %d\n", bad);
    return bad != 0;
}

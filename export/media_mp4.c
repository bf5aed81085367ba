/* MP4 and M4A audio (ISO/IEC 14496-12 boxes; QuickTime's 'udta' and 'meta'):
 * changed in place without moving a byte, so the chunk offsets in the
 * sample tables stay right. A box that is not needed to play the sound
 * becomes a 'free' box of the same size filled with zeros; the creation and
 * modification times of the movie, track and media headers become zero
 * (1904-01-01). Only files whose tracks are all sound are accepted:
 * video, timed metadata and text tracks are refused. */
#include <string.h>

#include "export/media.h"
#include "export/media_int.h"

struct box {
    size_t off, hlen, size;     /* where, header bytes (8 or 16), whole size */
    const unsigned char *type;
};

static int box_at(struct media_job *j, size_t off, size_t end, struct box *b)
{
    const unsigned char *p = j->p + off;
    uint64_t size;

    if (end - off < 8)
        return media_bad(j, "a box header is cut short");
    size = media_be32(p);
    b->off = off;
    b->hlen = 8;
    b->type = p + 4;
    if (size == 1) {
        if (end - off < 16)
            return media_bad(j, "a box header is cut short");
        size = (uint64_t)media_be32(p + 8) << 32 | media_be32(p + 12);
        b->hlen = 16;
    } else if (size == 0 && end == j->len) {
        size = end - off;                       /* up to the end of the file */
    }
    if (size < b->hlen || size > end - off)
        return media_bad(j, "a box runs past its parent");
    b->size = (size_t)size;
    return 0;
}

static int is(const struct box *b, const char *type)
{
    return memcmp(b->type, type, 4) == 0;
}

/* Turns the box into 'free' filled with zeros, naming what it held. */
static void blank(struct media_job *j, const struct box *b, const char *what)
{
    char prefix[32];
    size_t n = 0;

    memcpy(prefix, "MP4 ", 4);
    for (size_t i = 0; i < 4; i++)
        prefix[4 + n++] = b->type[i] == 0xA9 ? '@' : (char)b->type[i];
    prefix[4 + n] = '\0';
    if (what != NULL)
        media_found(j, MEDIA_OTHER, what, NULL);
    else
        media_scan(j, prefix, media_mp4_markers, j->p + b->off + b->hlen, b->size - b->hlen);
    if (j->out != NULL) {
        memcpy(j->out + b->off + 4, "free", 4);
        memset(j->out + b->off + b->hlen, 0, b->size - b->hlen);
    }
}

/* free and skip boxes hold nothing but may hold old bytes: blanked then. */
static void free_box(struct media_job *j, const struct box *b)
{
    for (size_t i = b->off + b->hlen; i < b->off + b->size; i++)
        if (j->p[i] != 0) {
            blank(j, b, "MP4 free space holding data");
            return;
        }
}

/* Zeroes the creation and modification times of an mvhd, tkhd or mdhd. */
static int times(struct media_job *j, const struct box *b)
{
    size_t body = b->off + b->hlen, n = b->size - b->hlen;
    size_t w = n > 0 && j->p[body] == 1 ? 8 : 4;

    if (n < 4 + 2 * w)
        return media_bad(j, "a header box is too short");
    for (size_t i = 4; i < 4 + 2 * w; i++)
        if (j->p[body + i] != 0) {
            media_found(j, MEDIA_TIME, "MP4", "creation time");
            break;
        }
    if (j->out != NULL)
        memset(j->out + body + 4, 0, 2 * w);
    return 0;
}

/* The children of a box, from off to end: kept (listed in keep), walked
 * (a function), or blanked. */
struct rule {
    const char *type;
    int (*walk)(struct media_job *j, const struct box *b, int *sound);
};

static int walk_children(struct media_job *j, const struct box *parent, const struct rule *r,
                         int *sound)
{
    size_t off = parent->off + parent->hlen, end = parent->off + parent->size;

    while (off < end) {
        struct box b;
        size_t i;

        if (box_at(j, off, end, &b) != 0)
            return -1;
        for (i = 0; r[i].type != NULL && !is(&b, r[i].type); i++)
            ;
        if (is(&b, "free") || is(&b, "skip"))
            free_box(j, &b);
        else if (r[i].type == NULL)
            blank(j, &b, NULL);
        else if (r[i].walk != NULL && r[i].walk(j, &b, sound) != 0)
            return -1;
        off += b.size;
    }
    return 0;
}

static int walk_times(struct media_job *j, const struct box *b, int *sound)
{
    (void)sound;
    return times(j, b);
}

/* hdlr: the track's handler type must be sound. */
static int walk_hdlr(struct media_job *j, const struct box *b, int *sound)
{
    if (b->size - b->hlen < 12)
        return media_bad(j, "a handler box is too short");
    if (memcmp(j->p + b->off + b->hlen + 8, "soun", 4) != 0)
        return media_bad(j, "a track that is not sound (video or other): intake strips "
                         "audio-only MP4");
    (*sound)++;
    return 0;
}

static const struct rule mdia_rules[] = {
    { "mdhd", walk_times }, { "hdlr", walk_hdlr }, { "minf", NULL }, { NULL, NULL },
};

static int walk_mdia(struct media_job *j, const struct box *b, int *sound)
{
    return walk_children(j, b, mdia_rules, sound);
}

static const struct rule trak_rules[] = {
    { "tkhd", walk_times }, { "mdia", walk_mdia }, { "edts", NULL }, { "tref", NULL },
    { NULL, NULL },
};

static int walk_trak(struct media_job *j, const struct box *b, int *sound)
{
    int before = *sound;

    if (walk_children(j, b, trak_rules, sound) != 0)
        return -1;
    if (*sound != before + 1)
        return media_bad(j, "a track without one handler");
    return 0;
}

static const struct rule moov_rules[] = {
    { "mvhd", walk_times }, { "trak", walk_trak }, { "iods", NULL }, { NULL, NULL },
};

static int walk_moov(struct media_job *j, const struct box *b, int *sound)
{
    return walk_children(j, b, moov_rules, sound);
}

int media_mp4(struct media_job *j)
{
    size_t off = 0;
    int sound = 0, moov = 0;

    while (off < j->len) {
        struct box b;

        if (box_at(j, off, j->len, &b) != 0)
            return -1;
        if (is(&b, "moov")) {
            if (moov++ || walk_moov(j, &b, &sound) != 0)
                return moov > 1 ? media_bad(j, "two movie boxes") : -1;
        } else if (is(&b, "moof") || is(&b, "mfra") || is(&b, "sidx") || is(&b, "styp")) {
            return media_bad(j, "a fragmented file");
        } else if (is(&b, "free") || is(&b, "skip")) {
            free_box(j, &b);
        } else if (!is(&b, "ftyp") && !is(&b, "mdat") && !is(&b, "wide")) {
            blank(j, &b, NULL);
        }
        off += b.size;
    }
    if (!moov || sound == 0)
        return media_bad(j, "no movie box or no sound track");
    j->w = j->len;
    return 0;
}

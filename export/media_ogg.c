/* Ogg Vorbis and Ogg Opus (RFC 3533 pages; Vorbis I specification; RFC
 * 7845): the comment header packet is replaced by an empty one (no vendor
 * string, no comment), the header pages after the first are laid out again
 * and every later page gets its new sequence number and checksum. The
 * audio packets are not touched. One logical stream only: a multiplexed or
 * chained file, or another codec, is refused. */
#include <string.h>

#include "crypto/secmem.h"
#include "export/media.h"
#include "export/media_int.h"

struct page {
    size_t off, hlen, blen;     /* where, header bytes (27 + lacing), body bytes */
    unsigned nseg;
    const unsigned char *lace;
    unsigned char flags;        /* 1 continued, 2 first page, 4 last page */
    uint32_t serial, seq;
};

static int page_at(struct media_job *j, size_t off, struct page *pg)
{
    const unsigned char *p = j->p + off;

    if (j->len - off < 27 || memcmp(p, "OggS", 4) != 0 || p[4] != 0)
        return media_bad(j, "a page does not begin with OggS version 0");
    pg->off = off;
    pg->nseg = p[26];
    pg->hlen = 27 + pg->nseg;
    if (j->len - off < pg->hlen)
        return media_bad(j, "a page header is cut short");
    pg->lace = p + 27;
    pg->blen = 0;
    for (unsigned i = 0; i < pg->nseg; i++)
        pg->blen += pg->lace[i];
    if (pg->blen > j->len - off - pg->hlen)
        return media_bad(j, "a page runs past the end of the file");
    pg->flags = p[5];
    pg->serial = media_le32(p + 14);
    pg->seq = media_le32(p + 18);
    return 0;
}

static void crc_table(uint32_t t[256])
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t r = i << 24;
        for (int k = 0; k < 8; k++)
            r = r & 0x80000000u ? r << 1 ^ 0x04C11DB7u : r << 1;
        t[i] = r;
    }
}

/* The page checksum (polynomial 0x04C11DB7, no reflection, initial 0). */
static void page_crc(unsigned char *page, size_t n, const uint32_t t[256])
{
    uint32_t crc = 0;

    memset(page + 22, 0, 4);
    for (size_t i = 0; i < n; i++)
        crc = crc << 8 ^ t[(crc >> 24) ^ page[i]];
    media_put_le32(page + 22, crc);
}

/* The header packets after the first: nwant of them must end exactly at
 * the end of a page. Fills *end (the offset after that page) and *npages;
 * with tmp, copies the packets' bytes there and their lengths to lens. */
static int header_pages(struct media_job *j, size_t off, uint32_t serial, unsigned nwant,
                        size_t *end, uint32_t *npages, unsigned char *tmp, size_t *lens)
{
    unsigned got = 0;
    size_t cur = 0, t = 0;

    for (*npages = 0; got < nwant; (*npages)++) {
        struct page pg;
        size_t body;

        if (page_at(j, off, &pg) != 0)
            return -1;
        if (pg.serial != serial || (pg.flags & 2))
            return media_bad(j, "more than one logical stream");
        body = pg.off + pg.hlen;
        for (unsigned i = 0; i < pg.nseg; i++) {
            if (got == nwant)
                return media_bad(j, "audio shares a page with the headers");
            if (tmp != NULL)
                memcpy(tmp + t, j->p + body, pg.lace[i]);
            body += pg.lace[i];
            t += pg.lace[i];
            cur += pg.lace[i];
            if (pg.lace[i] < 255) {
                if (lens != NULL)
                    lens[got] = cur;
                got++;
                cur = 0;
            }
        }
        off = pg.off + pg.hlen + pg.blen;
    }
    *end = off;
    return 0;
}

/* Lays the packets tmp (lengths lens[0..n)) out as pages from sequence 1
 * at the output; -1 if they would not fit in room bytes. */
static int write_headers(struct media_job *j, const unsigned char *tmp, const size_t *lens,
                         unsigned n, uint32_t serial, size_t room, uint32_t *npages,
                         const uint32_t crc[256])
{
    unsigned char lace[255];
    size_t nl = 0, start = j->w, t = 0;
    int ends = 0, cont = 0;

    *npages = 0;
    for (unsigned k = 0; k < n; k++) {
        size_t left = lens[k];

        for (int more = 1; more;) {
            unsigned char v = left >= 255 ? 255 : (unsigned char)left;
            lace[nl++] = v;
            left -= v;
            more = v == 255;
            ends |= !more;
            if (nl < 255 && (more || k + 1 < n))
                continue;
            /* A full page, or the last packet done: write it. */
            unsigned char head[27] = { 'O', 'g', 'g', 'S', 0, (unsigned char)cont };
            size_t body = 0;

            for (size_t i = 0; i < nl; i++)
                body += lace[i];
            if (j->w - start + 27 + nl + body > room)
                return media_bad(j, "the new headers do not fit");
            memset(head + 6, ends ? 0x00 : 0xFF, 8);     /* granule: 0, or none */
            media_put_le32(head + 14, serial);
            media_put_le32(head + 18, ++*npages);
            head[26] = (unsigned char)nl;
            size_t at = j->w;
            media_put(j, head, 27);
            media_put(j, lace, nl);
            media_put(j, tmp + t, body);
            t += body;
            page_crc(j->out + at, 27 + nl + body, crc);
            cont = more;
            nl = 0;
            ends = 0;
        }
    }
    return 0;
}

/* The empty comment packet of each codec. */
static const unsigned char vorbis_empty[16] = { 3, 'v', 'o', 'r', 'b', 'i', 's', 0, 0, 0, 0, 0, 0, 0, 0, 1 };
static const unsigned char opus_empty[16] = { 'O', 'p', 'u', 's', 'T', 'a', 'g', 's' };

/* Copies the audio pages after the headers with their sequence numbers
 * lowered by delta. */
static int audio_pages(struct media_job *j, size_t off, uint32_t serial, uint32_t delta,
                       const uint32_t crc[256])
{
    while (off < j->len) {
        struct page pg;
        size_t at = j->w, whole;

        if (page_at(j, off, &pg) != 0)
            return -1;
        if (pg.serial != serial || (pg.flags & 2))
            return media_bad(j, "more than one logical stream (multiplexed or chained)");
        whole = pg.hlen + pg.blen;
        media_keep(j, off, whole);
        if (j->out != NULL) {
            media_put_le32(j->out + at + 18, pg.seq - delta);
            page_crc(j->out + at, whole, crc);
        }
        off += whole;
        if (pg.flags & 4) {
            /* Another page after the end of the stream: a chained Ogg
             * (issue 13 NEW-5), whose later streams carry their own
             * comments; refused, never cut after the first. */
            if (j->len - off >= 4 && memcmp(j->p + off, "OggS", 4) == 0)
                return media_bad(j, "more than one logical stream (chained)");
            if (off < j->len)
                media_found(j, MEDIA_OTHER, "data after the last page", NULL);
            return 0;
        }
    }
    return 0;
}

int media_ogg(struct media_job *j)
{
    uint32_t crc[256], old_pages, new_pages = 0;
    size_t lens[2], end, first;
    unsigned char *tmp = NULL;
    const unsigned char *pkt;
    unsigned nwant;
    struct page pg;
    int rc = -1, opus;

    crc_table(crc);
    if (page_at(j, 0, &pg) != 0)
        return -1;
    pkt = j->p + pg.hlen;
    if (!(pg.flags & 2) || pg.nseg != 1 || pg.lace[0] == 255)
        return media_bad(j, "the first page is not one identification header");
    opus = pg.blen >= 8 && memcmp(pkt, "OpusHead", 8) == 0;
    if (!opus && !(pg.blen >= 7 && memcmp(pkt, "\x01vorbis", 7) == 0))
        return media_bad(j, "not Vorbis or Opus (intake strips those two)");
    j->format = opus ? "Ogg Opus" : "Ogg Vorbis";
    if (j->rep != NULL)
        j->rep->format = j->format;
    nwant = opus ? 1 : 2;
    first = pg.hlen + pg.blen;
    if (header_pages(j, first, pg.serial, nwant, &end, &old_pages, NULL, NULL) != 0)
        return -1;
    if ((tmp = secmem_alloc(end - first)) == NULL)
        return err_set(j->e, EXIT_INPUT, "out of secure memory");
    if (header_pages(j, first, pg.serial, nwant, &end, &old_pages, tmp, lens) != 0)
        goto out;
    if (lens[0] < 8 || memcmp(tmp, opus ? "OpusTags" : "\x03vorbis", opus ? 8 : 7) != 0) {
        media_bad(j, "the second packet is not a comment header");
        goto out;
    }
    media_vorbis_comment(j, opus ? "Opus comment" : "Vorbis comment", tmp + (opus ? 8 : 7),
                         lens[0] - (opus ? 8 : 7));
    media_keep(j, 0, first);
    if (j->out != NULL) {
        /* The new comment packet, then the setup packet (Vorbis), in tmp. */
        size_t setup = opus ? 0 : lens[1];
        memmove(tmp + 16, tmp + lens[0], setup);
        memcpy(tmp, opus ? opus_empty : vorbis_empty, 16);
        lens[0] = 16;
        if (write_headers(j, tmp, lens, nwant, pg.serial, end - first, &new_pages, crc) != 0)
            goto out;
    } else {
        j->w = end;
        new_pages = old_pages;
    }
    if (new_pages > old_pages) {
        media_bad(j, "the new headers take more pages");
        goto out;
    }
    rc = audio_pages(j, end, pg.serial, old_pages - new_pages, crc);
out:
    secmem_free(tmp);
    return rc;
}

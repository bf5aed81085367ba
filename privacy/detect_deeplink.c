/* A messenger's own links (report-adv17a D-19): apps open a chat from a
 * URI of their own scheme, which names the account as a profile URL does
 * ("tg://resolve?domain=tsetseg85", "viber://chat?number=%2B976...",
 * "whatsapp://send?phone=976...", "weixin://dl/chat?tsetseg85",
 * "line://ti/p/~tsetseg85", "skype:live:tsetseg85?chat",
 * "kakaotalk://...", "sgnl://signal.me/#p/+976..."): the scheme (each
 * app's documentation of its deep links; Telegram "Deep links", Viber
 * "Deep links", WhatsApp "Click to chat", Skype URI) and the rest of the
 * URI up to a space, a quote or an angle bracket, one detection of kind
 * handle; a scheme with nothing after it is none.  Offsets are bytes of
 * the norm view (detect_int.h: lower case). */
#include "privacy/detect.h"
#include "privacy/detect_int.h"

static const char *const schemes[] = {
    "tg://", "viber://", "whatsapp://", "weixin://", "wechat://", "line://", "kakaotalk://",
    "kakaoplus://", "sgnl://", "signal://", "skype:", "imo://", "zalo://", "fb-messenger://",
    "instagram://", "vk://", "snapchat://",
};

size_t detect_scan_deeplink(const char *s, size_t len, size_t at, size_t *start, int *kind)
{
    size_t k, i, n;

    (void)start;
    if (!det_alpha(s[at]) || (at > 0 && det_alnum(s[at - 1])))
        return 0;
    for (k = 0; k < sizeof schemes / sizeof schemes[0]; k++) {
        if (!det_starts(s, len, at, schemes[k]))
            continue;
        n = strlen(schemes[k]);
        for (i = at + n; i < len && (unsigned char)s[i] > ' ' && strchr("\"'<>`", s[i]) == NULL; i++)
            ;
        while (i > at + n && strchr(".,;:!?)]}", s[i - 1]) != NULL)
            i--;                                /* the sentence's punctuation */
        if (i - (at + n) < 3)
            return 0;
        *kind = DETECT_HANDLE;
        return i;
    }
    return 0;
}

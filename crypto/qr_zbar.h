/* libzbar, loaded at the first QR code read (dlopen), not when intake
 * starts: only `contact add --scan` and the card and safety-number
 * readers use it, and libzbar pulls in 15 more libraries (D-Bus, V4L,
 * X11, libsystemd, libgcrypt...) that every other intake process would
 * map and relocate for nothing (about 5 ms of CPU a process under
 * -z now; docs/TESTING.md, "Session 28").
 *
 * Part of the QR module: included by crypto/qr.c and crypto/qr_zbar.c
 * only. */
#ifndef INTAKE_QR_ZBAR_H
#define INTAKE_QR_ZBAR_H

#include <zbar.h>

#include "util/err.h"

/* libzbar's SONAME on Debian 12 (libzbar0 0.23.92); debian/control
 * names libzbar0 in Depends, as dpkg-shlibdeps no longer sees it. */
#define QR_ZBAR_SONAME "libzbar.so.0"

/* The libzbar functions crypto/qr.c calls, each with libzbar's own type
 * (zbar.h), so a call through the table is checked as a direct one. */
struct qr_zbar {
    __typeof__(zbar_image_scanner_create) *image_scanner_create;
    __typeof__(zbar_image_scanner_destroy) *image_scanner_destroy;
    __typeof__(zbar_image_scanner_set_config) *image_scanner_set_config;
    __typeof__(zbar_image_create) *image_create;
    __typeof__(zbar_image_destroy) *image_destroy;
    __typeof__(zbar_image_set_format) *image_set_format;
    __typeof__(zbar_image_set_size) *image_set_size;
    __typeof__(zbar_image_set_data) *image_set_data;
    __typeof__(zbar_scan_image) *scan_image;
    __typeof__(zbar_image_first_symbol) *image_first_symbol;
    __typeof__(zbar_symbol_next) *symbol_next;
    __typeof__(zbar_symbol_get_type) *symbol_get_type;
    __typeof__(zbar_symbol_get_data_length) *symbol_get_data_length;
    __typeof__(zbar_symbol_get_data) *symbol_get_data;
};

/* Sets *z to the table, loading QR_ZBAR_SONAME at the first call (once a
 * process; the table and the library stay until exit, nothing to free).
 * Each symbol is looked up in the process's global scope after the load,
 * so a preloaded library (tests/tools/preload/netshim.c) still stands in
 * for libzbar's.  -1 with e set (EXIT_INPUT) when the library or one of
 * its functions is missing. */
int qr_zbar_get(const struct qr_zbar **z, struct err *e);

#endif

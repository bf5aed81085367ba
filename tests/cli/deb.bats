#!/usr/bin/env bats
# The Debian package (issue 19): what it holds, how its binary is hardened,
# where its dependencies come from, and, as root, that it installs with
# apt-get, runs its demo from the installed files and purges cleanly.
# The package is the one make deb or make repro left in build/deb (make
# check-full runs make repro first; make check builds no package, so the
# tests of the package skip there, saying so), or $INTAKE_DEB.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    ARCH=$(dpkg --print-architecture)
    DEB=${INTAKE_DEB:-}
    if [ -z "$DEB" ]; then
        DEB=$(find "$ROOT/build/deb" -maxdepth 1 -name "intake_*_$ARCH.deb" 2>/dev/null | head -n 1)
    fi
}

teardown() {
    if [ -n "${PURGE_AFTER:-}" ]; then
        apt-get purge -y -o DPkg::Lock::Timeout=300 intake >/dev/null 2>&1 || true
    fi
    [ -z "${PKGDIR:-}" ] || rm -rf "$PKGDIR"
    common_teardown
}

need_deb() {
    if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then
        skip "no package in build/deb: make check does not build it; make check-full does (make repro), or run 'make deb'"
    fi
}

# field FIELD: a field of the package's control file.
field() {
    dpkg-deb -f "$DEB" "$1"
}

# hardened FILE: the ELF file is a PIE, with full RELRO (RELRO + BIND_NOW),
# a stack protector, fortified calls and no executable stack; prints what
# is missing. Shown to fail below on a binary built without them.
hardened() {
    local f=$1 missing=
    readelf -h "$f" | grep -q 'Type:[[:space:]]*DYN' || missing="$missing PIE"
    readelf -d "$f" | grep -q 'FLAGS_1.*PIE' || missing="$missing PIE-flag"
    readelf -lW "$f" | grep -q 'GNU_RELRO' || missing="$missing RELRO"
    readelf -d "$f" | grep -qE 'BIND_NOW|FLAGS_1.*NOW' || missing="$missing BIND_NOW"
    readelf -lW "$f" | grep 'GNU_STACK' | grep -q 'RWE' && missing="$missing no-exec-stack"
    readelf --dyn-syms -W "$f" | grep -q '__stack_chk_fail' || missing="$missing stack-protector"
    readelf --dyn-syms -W "$f" | grep -qE '__[a-z_]+_chk(@|$| )' || missing="$missing fortify"
    if [ -n "$missing" ]; then
        echo "$f lacks:$missing" >&2
        return 1
    fi
}

# build_depends [nocheck]: debian/control's Build-Depends, names only,
# sorted; with "nocheck", only those marked <!nocheck>, else the others.
build_depends() {
    awk '/^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, ""); print; next }
         on && /^[ \t]/ { print; next } { on = 0 }' "$ROOT/debian/control" |
        tr ',' '\n' | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' | grep -v '^$' |
        if [ "${1:-}" = nocheck ]; then grep '<!nocheck>'; else grep -v '<!nocheck>'; fi |
        sed -e 's/[[:space:]].*//' | grep -v '^debhelper-compat$' | sort
}

@test "deb: debian/control's Build-Depends are scripts/deps.sh's build list; <!nocheck> ones are in its deb list" {
    build_depends | grep -q libsodium-dev
    build_depends nocheck | grep -q bats
    diff <(build_depends) <("$ROOT/scripts/deps.sh" --list build | grep -vxE 'gcc|make' | sort)
    missing=$(comm -23 <(build_depends nocheck) <("$ROOT/scripts/deps.sh" --list deb | sort))
    [ -z "$missing" ] || { echo "not in deps.sh's deb list: $missing"; false; }
}

@test "deb: install-man.sh puts a translation NAME.LL.1 in LL/man1, and refuses other names" {
    local m=$T/man src=$T/docs
    mkdir -p "$src"
    for p in intake.1 intake.ko.1 intake.pt_BR.1 intake-extra.1; do
        printf '.TH INTAKE 1\n' >"$src/$p"
    done
    "$ROOT/scripts/install-man.sh" install "$m" "$src"/intake*.1
    [ "$(cd "$m" && find . -type f | sort | tr '\n' ' ')" = \
      "./ko/man1/intake.1 ./man1/intake-extra.1 ./man1/intake.1 ./pt_BR/man1/intake.1 " ]
    [ "$(stat -c %a "$m/ko/man1/intake.1")" = 644 ]
    "$ROOT/scripts/install-man.sh" uninstall "$m" "$src"/intake*.1
    [ -z "$(find "$m" -type f)" ]
    # A name that is no language code: refused before anything is installed.
    printf '.TH INTAKE 1\n' >"$src/intake.korean.1"
    run --separate-stderr "$ROOT/scripts/install-man.sh" install "$T/man2" "$src/intake.1" "$src/intake.korean.1"
    expect_status 2
    [[ "$stderr" == *"intake.korean.1: name it NAME.1, or NAME.LL.1 for a translation"* ]]
    [ ! -e "$T/man2" ]
}

@test "install: make install puts the program, man pages, catalogues, documents and demo under PREFIX; make uninstall takes them away" {
    [ -x "$ROOT/bin/intake" ] || skip "no bin/intake: run make first"
    local d=$T/root
    # The make running this suite passes its job server in MAKEFLAGS: not here.
    mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -o bin/intake -C "$ROOT" "$@" DESTDIR="$d" PREFIX=/opt/x; }
    mk install
    for f in bin/intake share/man/man1/intake.1 share/doc/intake/README.md \
             share/doc/intake/SECURITY.md share/doc/intake/gazetteer/SOURCES.md share/intake/demo.sh \
             share/doc/intake/nicknames/SOURCES.md share/doc/intake/nicknames/LICENSE \
             share/locale/ko/LC_MESSAGES/intake.mo share/locale/mn/LC_MESSAGES/intake.mo \
             share/man/ko/man1/intake.1 share/man/mn/man1/intake.1; do
        [ -f "$d/opt/x/$f" ] || { echo "missing $f"; false; }
    done
    [ "$(stat -c %a "$d/opt/x/share/locale/ko/LC_MESSAGES/intake.mo")" = 644 ]
    msgunfmt "$d/opt/x/share/locale/mn/LC_MESSAGES/intake.mo" | grep -qF 'msgstr "Тушаалууд:"'
    [ "$(stat -c %a "$d/opt/x/bin/intake")" = 755 ]
    [ "$(stat -c %a "$d/opt/x/share/man/man1/intake.1")" = 644 ]
    [ "$(stat -c %a "$d/opt/x/share/intake/demo.sh")" = 755 ]
    cmp "$ROOT/docs/intake.1" "$d/opt/x/share/man/man1/intake.1"
    # Only what install put there goes; a file of someone else's stays.
    touch "$d/opt/x/share/doc/other"
    mk uninstall 2>/dev/null
    [ "$(cd "$d" && find . -type f)" = "./opt/x/share/doc/other" ]
    [ ! -e "$d/opt/x/share/doc/intake" ] && [ ! -e "$d/opt/x/share/intake" ]
}

@test "deb: the hardening check fails on a binary built without hardening" {
    command -v cc >/dev/null || skip "no C compiler"
    printf '#include <string.h>\nint main(int c, char **v) { char b[8]; strcpy(b, v[0]); return b[c]; }\n' >"$T/weak.c"
    cc -O2 -no-pie -fno-stack-protector -U_FORTIFY_SOURCE -Wl,-z,norelro -Wl,-z,lazy \
        -o "$T/weak" "$T/weak.c"
    run hardened "$T/weak"
    expect_status 1
    for w in PIE RELRO BIND_NOW stack-protector fortify; do
        [[ "$output" == *"$w"* ]] || { echo "not reported: $w"; false; }
    done
}

@test "deb: the package holds the program, its man pages, documents and demo, under /usr, owned by root" {
    need_deb
    list=$(dpkg-deb -c "$DEB")
    paths=$(printf '%s\n' "$list" | awk '{ print $6 }')
    # Nothing outside /usr; every entry owned by root.
    [ -z "$(printf '%s\n' "$paths" | grep -vE '^\./($|usr/)')" ]
    [ -z "$(printf '%s\n' "$list" | awk '$2 != "root/root"')" ]
    printf '%s\n' "$list" | grep -qE '^-rwxr-xr-x .* \./usr/bin/intake$'
    printf '%s\n' "$list" | grep -qE '^-rwxr-xr-x .* \./usr/share/intake/demo\.sh$'
    for f in copyright changelog.gz README.md.gz SECURITY.md.gz FORMAT.md.gz gazetteer/SOURCES.md nicknames/SOURCES.md; do
        printf '%s\n' "$paths" | grep -qxF "./usr/share/doc/intake/$f" || { echo "missing doc $f"; false; }
    done
    # One man page for each docs/intake*.1 of the tree, where install-man.sh puts it.
    for want in $("$ROOT/scripts/install-man.sh" where /usr/share/man "$ROOT"/docs/intake*.1); do
        printf '%s\n' "$paths" | grep -qxF ".$want.gz" || { echo "missing man page $want.gz"; false; }
    done
    printf '%s\n' "$paths" | grep -qxF ./usr/share/man/man1/intake.1.gz
    # The message catalogues (po/), where intake looks for them (intake/main.c).
    for l in ko mn; do
        printf '%s\n' "$list" | grep -qE "^-rw-r--r-- .* \./usr/share/locale/$l/LC_MESSAGES/intake\.mo\$" ||
            { echo "missing catalogue $l"; false; }
    done
    # The gazetteer's sources and licences travel with the binary that holds it.
    dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/doc/intake/copyright | grep -q 'CC-BY-4.0'
    # So do the short forms' (data/nicknames: Apache-2.0).
    dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/doc/intake/copyright | grep -q 'Apache-2.0'
}

@test "deb: the packaged binary is hardened (PIE, full RELRO, stack protector, fortify)" {
    need_deb
    dpkg-deb -x "$DEB" "$T/x"
    hardened "$T/x/usr/bin/intake"
}

@test "deb: Depends is computed from the libraries the binary links, not written by hand" {
    need_deb
    # debian/control names no library but libzbar0, which intake loads
    # with dlopen at the first QR code read (crypto/qr_zbar.h), so that
    # dpkg-shlibdeps cannot see it: only the substitution variables.
    deps=$(awk '/^Package: intake$/ { on = 1 } on && /^Depends:/ { d = 1; next }
                d && /^[ \t]/ { print; next } d { exit }' "$ROOT/debian/control")
    [ "$(printf '%s\n' "$deps" | tr -d ' ,' | sort | tr '\n' ' ')" = '${misc:Depends} ${shlibs:Depends} libzbar0 ' ]
    # The dlopened library's package is the one that ships its SONAME.
    soname=$(sed -n 's/^#define QR_ZBAR_SONAME "\(.*\)"$/\1/p' "$ROOT/crypto/qr_zbar.h")
    [ "$(dpkg -S "*/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/$soname" | cut -d: -f1 | head -n 1)" = libzbar0 ]
    # Each library the binary needs comes from a package named in Depends.
    depends=$(field Depends | tr ',' '\n' | sed -e 's/^ *//' -e 's/ .*//')
    dpkg-deb -x "$DEB" "$T/x"
    multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
    n=0
    for lib in $(readelf -d "$T/x/usr/bin/intake" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
        # The package of this architecture's copy (libc6-i386 also ships a
        # libm.so.6, under /lib32).
        pkg=$(dpkg -S "*/$multiarch/$lib" 2>/dev/null | cut -d: -f1 | grep -v -- '-dev$' | head -n 1)
        [ -n "$pkg" ] || { echo "no package ships $lib"; false; }
        printf '%s\n' "$depends" | grep -qxF "$pkg" || { echo "$lib ($pkg) is not in Depends"; false; }
        n=$((n + 1))
    done
    [ "$n" -ge 10 ]
}

@test "deb: one version everywhere: debian/changelog, the Makefile, the man page, intake --version" {
    need_deb
    v=$(field Version)
    [ "$v" = "$(dpkg-parsechangelog -l "$ROOT/debian/changelog" -S Version)" ]
    grep -qx "VERSION  *:= $v" "$ROOT/Makefile"
    grep -q "^\.TH INTAKE 1 .* \"intake $v\"" "$ROOT/docs/intake.1"
    [ "$("$INTAKE" --version)" = "intake $v" ]
}

@test "deb: as root, apt-get installs it, the demo runs from the installed files, apt-get purge leaves nothing" {
    need_deb
    [ "$(id -u)" -eq 0 ] || skip "installing a package needs root (CI runs as root)"
    # The package's binary is the same whichever $INTAKE the suite tests:
    # install it once, in the release run of make check (about 30 s).
    if readelf --dyn-syms -W "$INTAKE" 2>/dev/null | grep -q __asan_init; then
        skip "run in the release run of the suite, not again under ASan"
    fi
    # One install at a time on this machine, and never over someone's own copy.
    exec 9>/run/lock/intake-deb-test.lock
    flock -w 600 9
    if dpkg-query -W -f='${db:Status-Status}' intake 2>/dev/null | grep -q installed; then
        skip "the intake package is installed here already: this test would purge it"
    fi
    # apt reads the file as its _apt user: a folder others can read.
    PKGDIR=$(mktemp -d /tmp/intake-deb-test.XXXXXX)
    chmod 755 "$PKGDIR"
    cp "$DEB" "$PKGDIR/"
    chmod 644 "$PKGDIR"/*.deb
    PURGE_AFTER=1
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        -o DPkg::Lock::Timeout=300 "$PKGDIR/$(basename "$DEB")"
    expect_status 0
    [ "$(dpkg-query -W -f='${db:Status-Status}' intake)" = installed ]
    run --separate-stderr /usr/bin/intake --version
    expect_status 0
    [ "$output" = "intake $(field Version)" ]
    files=$(dpkg -L intake)
    printf '%s\n' "$files" | grep -qx /usr/share/man/man1/intake.1.gz
    if command -v man >/dev/null; then
        [ "$(man -w intake)" = /usr/share/man/man1/intake.1.gz ]
    fi
    # The demo, from the installed files only (the intake on PATH).
    run env PATH=/usr/bin:/bin /usr/share/intake/demo.sh
    expect_status 0
    [[ "$output" == *"intake $(field Version)"* ]]
    [[ "$output" == *"Done. The stores in"* ]]
    [[ "$output" == *"Next: 'man intake'"* ]]
    [ -z "$(ls -A "$TMPDIR")" ]
    run env DEBIAN_FRONTEND=noninteractive apt-get purge -y -o DPkg::Lock::Timeout=300 intake
    expect_status 0
    PURGE_AFTER=
    run dpkg-query -W -f='${db:Status-Status}' intake
    [ "$status" -ne 0 ] || [ "$output" = not-installed ]
    left=$(printf '%s\n' "$files" | grep intake | while read -r f; do [ ! -e "$f" ] || echo "$f"; done)
    [ -z "$left" ] || { echo "left after purge: $left"; false; }
}

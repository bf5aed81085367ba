#!/usr/bin/env bats
# intake shell (adv35f I-3): whatever the shell cannot take as a line of a
# testimony (a NUL byte, a line over 256 KiB, a body over its maximum, input
# that is not text) refuses the whole testimony, and its lines are read up
# to the '.' that ends it and wiped: none is ever run as a command.

bats_require_minimum_version 1.5.0
load helpers

setup() {
    common_setup
    fixture rim_il_store
}

rim_il_store() {
    init_store && cheapen && ik subject add --name "Kim Jong-su" --pseudonym Rim-il >/dev/null
}

teardown() { common_teardown; }

@test "shell: a NUL byte in a testimony refuses it; its later lines are not run" {
    run --separate-stderr bash -c 'printf "record Rim-il --title nul2\nfirst line\nbad\0line\nsubject list --reveal\nlabel HIJACK\nOyun canary\n.\nlist\nexit\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [ "$stderr" = "intake: the testimony was not recorded: its line 2 holds a NUL byte; its lines up to the one holding only '.' were read and wiped, none run as a command" ]
    [ -z "$output" ]
    [[ "$output$stderr" != *Kim* && "$output$stderr" != *canary* ]]
    run ik log
    [[ "$output" != *HIJACK* ]]
    run ik list
    [ -z "$output" ]
}

@test "shell: a testimony line over 256 KiB refuses it; its later lines are not run" {
    run --separate-stderr bash -c 'python3 -c "import sys; sys.stdout.write(\"record Rim-il --title long\nfirst\n\" + \"x\"*2000000 + \"\nlabel HIJACK2\n.\nlist\n\")" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [ "$stderr" = "intake: the testimony was not recorded: its line 2 is longer than 256 KiB; its lines up to the one holding only '.' were read and wiped, none run as a command" ]
    [ -z "$output" ]
    run ik log
    [[ "$output" != *HIJACK2* ]]
}

@test "shell: a refused testimony cut short by the end of input says both; nothing run" {
    run --separate-stderr bash -c 'printf "record Rim-il\nbad\0line\nsubject list --reveal\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 2
    [ "$stderr" = "intake: the testimony was not recorded: its line 1 holds a NUL byte; the input ended before its line holding only '.'" ]
    [ -z "$output" ]
}

@test "shell: binary input inside a testimony stops reading; nothing run" {
    run --separate-stderr bash -c '{ printf "record Rim-il\nfirst\n"; head -c 600000 /dev/zero; printf "\nsubject list --reveal\n.\n"; } |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 2
    [ "$stderr" = "intake: the testimony was not recorded: standard input holds NUL bytes in a line longer than 256 KiB: it is not text; nothing more is read from it; the input ended before its line holding only '.'" ]
    [ -z "$output" ]
}

@test "shell: invalid UTF-8 and CR line ends in a testimony: its lines are never commands" {
    run --separate-stderr bash -c 'printf "record Rim-il --title u\nbad \377 byte\nsubject list --reveal\n.\nlist\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [ "$stderr" = "intake: the body is not valid UTF-8 (byte 4)" ]
    [[ "$output$stderr" != *Kim* ]]
    # CRLF line ends: the '.' line still ends it, the record is kept.
    run --separate-stderr bash -c 'printf "record Rim-il --title crlf\r\nfirst line\r\nsubject list --reveal\r\n.\r\nexit\r\n" |
        "$1" --home "$2" --passphrase-fd 3 shell 3<<<"$3"' _ "$INTAKE" "$H" "$PASS"
    expect_status 0
    [[ "$output$stderr" != *Kim* ]]
    run ik list
    [[ "$output" == *crlf* ]]
    [ "${#lines[@]}" -eq 1 ]
}

# stopped_mid_testimony WHY LABEL: the shell run just before stopped with
# status 2 and two lines (WHY, then why it stops), showed nothing, and ran
# none of the testimony's later lines (no `label LABEL` logged, no record).
stopped_mid_testimony() {
    expect_status 2
    [ "${stderr_lines[0]}" = "$1" ]
    [ "${stderr_lines[1]}" = "intake: the shell stops here: its input is not a terminal, and the lines after a testimony it gave up may be the rest of it; they are neither run nor shown" ]
    [ "${#stderr_lines[@]}" -eq 2 ]
    [ -z "$output" ]
    run ik log
    [[ "$output" != *"$2"* ]]
    run ik list
    [ -z "$output" ]
}

# A script's testimony given up part-way (the idle lock, Ctrl-C): the lines
# that follow may be the rest of it, so the shell stops; none is run.  The
# idle case unlocks again from a passphrase descriptor that can give it
# twice (a file), which is when the rest would have run.
@test "shell: the idle lock inside a piped testimony stops the shell; its later lines are not run" {
    printf '%s\n%s\n' "$PASS" "$PASS" >"$T/pass"
    run --separate-stderr bash -c '{ printf "record Rim-il\nfirst\n"; sleep 3; printf "subject list --reveal\nlabel HIJACK3\n.\nlist\n"; } |
        "$1" --home "$2" --passphrase-fd 3 shell --lock-after 0.02 3<"$3"' _ "$INTAKE" "$H" "$T/pass"
    stopped_mid_testimony "intake: no input came for the shell's --lock-after time: the testimony read so far was wiped and nothing was recorded" HIJACK3
}

@test "shell: Ctrl-C inside a piped testimony stops the shell; its later lines are not run" {
    # SIGINT is sent once the shell waits for the testimony's next line:
    # the pipe drained, asleep in poll with SIGINT caught (intake catches
    # it only while it waits for input), then the rest is written.
    run --separate-stderr python3 - "$INTAKE" "$H" "$PASS" <<'PY'
import array, fcntl, os, signal, subprocess, sys, termios, time
intake, home, pw = sys.argv[1:4]
r, w = os.pipe()
os.write(w, (pw + "\n").encode()); os.close(w)
os.dup2(r, 3)
p = subprocess.Popen([intake, "--home", home, "--passphrase-fd", "3", "shell"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, pass_fds=(3,))
os.close(3)
p.stdin.write(b"record Rim-il\nfirst\n"); p.stdin.flush()
def waiting():
    n = array.array("i", [0])
    fcntl.ioctl(p.stdin.fileno(), termios.FIONREAD, n)
    with open("/proc/%d/status" % p.pid) as f:
        st = dict(l.split(":", 1) for l in f)
    with open("/proc/%d/wchan" % p.pid) as f:
        chan = f.read()
    return (n[0] == 0 and st["State"].split()[0] == "S" and "poll" in chan and
            int(st["SigCgt"], 16) & (1 << (signal.SIGINT - 1)))
deadline = time.time() + 60
while not waiting() and time.time() < deadline:
    time.sleep(0.05)
if not waiting():
    sys.exit("intake never waited for the testimony's next line")
p.send_signal(signal.SIGINT)
try:
    p.stdin.write(b"subject list --reveal\nlabel HIJACK4\n.\nlist\n")
    p.stdin.close()
except BrokenPipeError:
    pass
out, err = p.stdout.read(), p.stderr.read()
p.wait(timeout=60)
sys.stdout.write(out.decode())
sys.stderr.write(err.decode())
sys.exit(p.returncode)
PY
    stopped_mid_testimony "intake: cancelled (Ctrl-C): the testimony typed so far was wiped and nothing was recorded" HIJACK4
}

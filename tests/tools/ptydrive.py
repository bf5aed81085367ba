#!/usr/bin/env python3
"""Drives a command on a pseudo-terminal, as a person at a terminal would.

    ptydrive.py [--rows N] [--cols N] [--shell] -- COMMAND [ARG]...

COMMAND runs as the session leader with the pseudo-terminal as its
controlling terminal, so /dev/tty is that terminal and Ctrl-C, Ctrl-\\ and
Ctrl-Z typed on it raise their signals.  With --shell, COMMAND is started
from an interactive bash (job control on), so Ctrl-Z stops it and `fg`
brings it back, as in a real session; the steps then talk to that bash.

The steps come on standard input, one a line:

    expect TEXT     wait (at most 20 s) until TEXT appears in what the
                    terminal showed since the last expect; fails otherwise
    send TEXT       type TEXT; backslash escapes as in Python (\\r, \\x03)
    echo on|off     fail unless the terminal's echo flag is so right now
    signal NAME     send signal NAME (HUP, TERM...) to COMMAND (not --shell)
    sleep SECONDS
    wait            wait for COMMAND to end (not --shell)

At the end it prints what the terminal showed (carriage returns dropped),
then "exit N" or "signal NAME" for COMMAND (after wait), and the echo flag
as "echo on|off".  It exits 0 if every step passed, 1 with the failed step
on standard error otherwise.  Standard library only (Python's pty module
is not used: the terminal must stay open here to read its flags).
"""
import codecs
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time

TIMEOUT = 20.0


def fail(msg, shown):
    sys.stdout.write(shown.decode("utf-8", "backslashreplace").replace("\r", ""))
    sys.stdout.write("\n")
    sys.stderr.write("ptydrive: %s\n" % msg)
    sys.exit(1)


def main():
    args = sys.argv[1:]
    rows, cols, shell = 24, 80, False
    while args and args[0] != "--":
        opt = args.pop(0)
        if opt == "--rows":
            rows = int(args.pop(0))
        elif opt == "--cols":
            cols = int(args.pop(0))
        elif opt == "--shell":
            shell = True
        else:
            sys.exit("ptydrive: unknown option %s" % opt)
    if not args or len(args) < 2:
        sys.exit("usage: ptydrive.py [--rows N] [--cols N] [--shell] -- COMMAND [ARG]...")
    command = args[1:]
    steps = sys.stdin.read().splitlines()

    master, slave = os.openpty()
    fcntl.ioctl(master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def become_session_leader():
        os.setsid()
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    env = dict(os.environ)
    if shell:
        env.update(PS1="$ ", PROMPT_COMMAND="", HISTFILE="/dev/null", TERM="dumb")
        command = ["bash", "--norc", "--noprofile", "-i"]
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave,
                             preexec_fn=become_session_leader, env=env, close_fds=True)
    shown = b""
    seen = 0
    status = None

    def read_some(wait):
        nonlocal shown
        r, _, _ = select.select([master], [], [], wait)
        if r:
            try:
                data = os.read(master, 65536)
            except OSError:
                data = b""
            shown += data
            return bool(data)
        return False

    for step in steps:
        if not step.strip():
            continue
        word, _, rest = step.partition(" ")
        if word == "expect":
            want = rest.encode()
            end = time.time() + TIMEOUT
            while want not in shown[seen:]:
                if time.time() > end or (not read_some(0.2) and child.poll() is not None
                                         and not read_some(0.2)):
                    fail("did not see %r" % rest, shown)
            seen = shown.index(want, seen) + len(want)
        elif word == "send":
            read_some(0)
            os.write(master, codecs.escape_decode(rest.encode())[0])
        elif word == "echo":
            flag = termios.tcgetattr(slave)[3] & termios.ECHO
            if (rest == "on") != bool(flag):
                fail("echo is %s, expected %s" % ("on" if flag else "off", rest), shown)
        elif word == "signal":
            child.send_signal(getattr(signal, "SIG" + rest))
        elif word == "sleep":
            end = time.time() + float(rest)
            while time.time() < end:
                read_some(end - time.time())
        elif word == "wait":
            end = time.time() + TIMEOUT
            while child.poll() is None:
                read_some(0.1)
                if time.time() > end:
                    child.kill()
                    fail("the command did not end", shown)
            while read_some(0.1):
                pass
            status = child.returncode
        else:
            sys.exit("ptydrive: unknown step %r" % step)

    flag = termios.tcgetattr(slave)[3] & termios.ECHO
    out = shown.decode("utf-8", "backslashreplace").replace("\r", "")
    sys.stdout.write(out + ("" if out.endswith("\n") else "\n"))
    if status is not None:
        if status < 0:
            print("signal %s" % signal.Signals(-status).name[3:])
        else:
            print("exit %d" % status)
    print("echo %s" % ("on" if flag else "off"))
    if child.poll() is None:
        child.kill()
        child.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())

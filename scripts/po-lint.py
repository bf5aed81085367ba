#!/usr/bin/env python3
"""Finds messages xgettext cannot see (scripts/po.sh check runs it).

xgettext takes the first string of `cond ? "a" : "b"` given to a function
that translates its argument, and nothing of a string built elsewhere:
such a message would stay English in every language. This lists each
call of the functions named in KEYWORDS (as scripts/po.sh's KEYS says:
NAME:ARG) whose message argument holds a string literal together with a
`?`. (A message kept in a variable must be marked N_() where it is
written; that this cannot check.) Usage: po-lint.py KEYWORDS FILE...;
exit 1 when it finds one.
"""
import re
import sys


def args_of(src, i):
    """The arguments of the call whose '(' is at src[i], as source text."""
    depth, cur, out, quote, j = 0, '', [], None, i
    while j < len(src):
        c = src[j]
        if quote:
            cur += c
            if c == '\\':
                cur += src[j + 1]
                j += 2
                continue
            if c == quote:
                quote = None
        elif c in '"\'':
            quote = c
            cur += c
        elif c == '(':
            depth += 1
            if depth > 1:
                cur += c
        elif c == ')':
            depth -= 1
            if depth == 0:
                out.append(cur)
                return out
            cur += c
        elif c == ',' and depth == 1:
            out.append(cur)
            cur = ''
        else:
            cur += c
        j += 1
    return out


def main():
    keys = {}
    for k in sys.argv[1].split():
        name, _, pos = k.partition(':')
        keys[name] = int(pos.split(',')[0]) if pos else 1
    pattern = re.compile(r'\b(%s)\s*\(' % '|'.join(map(re.escape, keys)))
    found = 0
    for path in sys.argv[2:]:
        src = open(path, encoding='utf-8').read()
        for m in pattern.finditer(src):
            name = m.group(1)
            args = args_of(src, m.end() - 1)
            if len(args) < keys[name]:
                continue
            bare = re.sub(r'"(\\.|[^"\\])*"', 'S', args[keys[name] - 1])
            if 'S' in bare and '?' in bare:
                line = src.count('\n', 0, m.start()) + 1
                print(f"{path}:{line}: {name}: a ?: in the message: xgettext sees only its "
                      "first string; write one call per case", file=sys.stderr)
                found = 1
    return found


if __name__ == '__main__':
    sys.exit(main())

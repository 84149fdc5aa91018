#!/usr/bin/python3
"""The end-to-end scripts' checks that need more than one command: read a PDF's text, a log,
a command's output or a report, and test what it says. The scripts only orchestrate (run
handout, then call this); each call is one check, exit 0 when it holds, 1 with the reason.

  handout_checks.py [--rc GOT WANT] CLAUSE...

Clauses run in order. A source clause sets the text the predicates after it test:
  --pdf PDF            the PDF's text (pdftotext), --pdf-layout PDF with -layout
  --pdf-password PW    the password for the next --pdf (pdftotext -upw)
  --each-pdf PDF... -- each PDF's text on its own: every predicate must hold for each
  --file FILE          a file's text (bytes decoded as UTF-8, errors replaced)
  --files FILE... --   the files' texts, joined (as grep reads several files)
  --run CMD ARG... --  what the command prints on stdout (--run-all: stdout and stderr)
  --text STRING        the string itself (a value the script worked out)
  --pdf-meta PDF       "Title: ..." then the document information and XMP (pikepdf; the
                       password from --pdf-password)
  --pdf-encryption PDF "R N", "bits N", "accessibility BOOL", "modify_other BOOL" (likewise)
  --handouts JSON      a build report's handouts, "LANGUAGE LAYOUT" a line, sorted
  --yaml FILE KEY      the value of a YAML file's top-level KEY
  --pairs JSON         "LANGUAGE ARTICLE" a line, sorted, of a build report or `check --format json`
  --check-json JSON    `handout check --format json` for English and Spanish: every field of each
                       record, the formulas of each language (a check, the text left empty)
  --joined             the current text as one line: hyphens at line ends removed, lines
                       and pages joined with a space, runs of spaces made one
  --letters            the current text without white space, bidi marks, added hyphens,
                       punctuation, quotes and Arabic vowel marks (lines broken anywhere match)
  --print              prints the current text (a value for the script, not a check)
Predicates on the current text:
  --has S / --lacks S        S is (not) in it
  --line S / --no-line S     a line is (no line is) exactly S
  --re R / --no-re R         Python regular expression R, each line a ^...$ (re.M)
  --lines R N                exactly N lines match R
  --all-lines R              every line matches R (searched, as --re)
  --equals S                 the text, without its last newline, is S
  --empty                    the text is empty
  --exit N / --fails         the last --run exited with N / with anything but 0
Predicates on files:
  --exists P / --absent P / --nonempty P
  --modes DIR DIRMODE FILEMODE  every folder under DIR (DIR too) has DIRMODE, every file FILEMODE
  --report JSON STATUS N     a build report: every handout has STATUS, pages and bytes, and
                             totals[STATUS with '_' for ' '] is N
  --only-match R S           the distinct matches of R in the text are exactly S (one)
  --more-pages PDF1 PDF2     PDF1 has more pages than PDF2 (pdfinfo)
  --embedded PDF             every font of the PDF is embedded (pdffonts)

  handout_checks.py showing TEXT PDF...   prints the PDFs whose joined text has TEXT

Many checks at once, one line each ("ok: WHAT" or "FAIL: WHAT: why"; lib.sh's checks_by):
  handout_checks.py languages OUT CONTENT ARTICLE LANG...
      each language's OUT/LANG/ARTICLE.pdf: written, qpdf --check, every font embedded,
      subset and with ToUnicode, no .notdef glyph drawn (mutool trace), /Lang, the title and
      first paragraph of CONTENT/LANG/ARTICLE.md in its text, no U+FFFD, and but for English
      the whole draft-translation notice (draft_notice) on page 1
  handout_checks.py draft-notice CONTENT_DIR ARTICLE   prints the notice draft_notice works out

Fixtures the scripts make (exit 0 when made):
  handout_checks.py png FILE R G B        a 64x64 PNG of one colour
  handout_checks.py png-comment FILE      a tEXt chunk added: another file, the same picture
  handout_checks.py flip-build-id BINARY  the last byte of the ELF's GNU build id flipped
  handout_checks.py free-port             prints a free TCP port on 127.0.0.1
  handout_checks.py broken-translations DIR  broken copies of DIR/vaginismus.xlf and .po

One suite's own checks (each a clause as above; the function's docstring says what it tests):
  email.sh:     --arrived DIR, --journal TSV DIR, --gaps FILE MIN... --; as sources
                --eml-ids DIR (Message-IDs) and --deliveries JSON FIELDS ("a | b" a line)
  translate.sh: --locked XLF PO, --structure-as EN LINK PDF... --, --changed-unit XLF PO N,
                --de-labels STRINGS, --de-config YAML, --label-sources STRINGS EN,
                --changed-label PO, --pseudo-lengths PO; as sources --blocks MD (a count)
                and --labels-to-do STRINGS EN (a count)
"""
import json
import os
import re
import stat
import struct
import subprocess
import sys
import zlib


class Failed(Exception):
    pass


def pdf_text(path, layout=False, password=None):
    options = (["-layout"] if layout else []) + (["-upw", password] if password else [])
    run = subprocess.run(["pdftotext", *options, path, "-"], capture_output=True)
    if run.returncode != 0:
        raise Failed(f"pdftotext cannot read {path}: {run.stderr.decode(errors='replace').strip()[:200]}")
    return run.stdout.decode("utf-8", errors="replace")


def pdf_texts(paths, **kw):
    import concurrent.futures  # imported where needed: it costs each check's start (logging)
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda p: pdf_text(p, **kw), paths))


def joined(text):
    """The text on one line, as lib.sh's normalise did: U+2010 hyphens at line ends removed."""
    text = text.replace("\u2010\n", "")
    return re.sub(" +", " ", text.replace("\n", " ").replace("\f", " "))


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read().decode("utf-8", errors="replace")
    except OSError as e:
        raise Failed(f"cannot read {path}: {e.strerror}")


def show(text):
    text = text.strip()
    return repr(text[:300] + ("..." if len(text) > 300 else ""))


def test_text(flag, arg, name, text):
    """One predicate on one text; raises Failed saying what was not so."""
    if flag == "--has" and arg not in text:
        raise Failed(f"{name}: {arg!r} not in {show(text)}")
    if flag == "--lacks" and arg in text:
        raise Failed(f"{name}: {arg!r} is in it")
    lines = text.splitlines()
    if flag == "--line" and arg not in lines:
        raise Failed(f"{name}: no line {arg!r} in {show(text)}")
    if flag == "--no-line" and arg in lines:
        raise Failed(f"{name}: a line {arg!r}")
    if flag == "--re" and not re.search(arg, text, re.M):
        raise Failed(f"{name}: /{arg}/ does not match {show(text)}")
    if flag == "--no-re" and (m := re.search(arg, text, re.M)):
        raise Failed(f"{name}: /{arg}/ matches {m.group(0)!r}")
    if flag == "--all-lines":
        bad = [line for line in lines if not re.search(arg, line)]
        if bad:
            raise Failed(f"{name}: {len(bad)} lines without /{arg}/, the first {bad[0]!r}")
    if flag == "--equals" and text.removesuffix("\n") != arg:
        raise Failed(f"{name}: {show(text)}, not {arg!r}")
    if flag == "--empty" and text:
        raise Failed(f"{name}: not empty: {show(text)}")


def check(args):
    texts, names, name, password, exit_code = [], [], "(no text)", None, None
    i = 0

    def take(n=1):
        nonlocal i
        if i + n > len(args):
            raise Failed(f"usage: {args[i - 1]} needs {n} argument(s)")
        got = args[i:i + n]
        i += n
        return got if n > 1 else got[0]

    def until_end():
        nonlocal i
        if "--" not in args[i:]:
            raise Failed(f"usage: {args[i - 1]} ... needs a closing --")
        end = args.index("--", i)
        got = args[i:end]
        i = end + 1
        return got

    while i < len(args):
        flag = args[i]
        i += 1
        if flag == "--rc":
            got, want = take(2)
            if got != want:
                raise Failed(f"exit code {got}, not {want}")
        elif flag in ("--pdf", "--pdf-layout"):
            name = take()
            texts = [pdf_text(name, layout=flag == "--pdf-layout", password=password)]
            password = None
        elif flag == "--pdf-password":
            password = take()
        elif flag == "--each-pdf":
            paths = until_end()
            if not paths:
                raise Failed("--each-pdf: no PDF")
            texts, name = pdf_texts(paths), "each of " + " ".join(paths)
            names = paths
        elif flag == "--file":
            name = take()
            texts = [read(name)]
        elif flag == "--files":
            paths = until_end()
            texts, name = ["".join(read(p) for p in paths)], " ".join(paths)
        elif flag in ("--run", "--run-all"):
            cmd = until_end()
            run = subprocess.run(cmd, stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT if flag == "--run-all" else subprocess.DEVNULL)
            texts, name, exit_code = [run.stdout.decode("utf-8", errors="replace")], " ".join(cmd), run.returncode
        elif flag in ("--pdf-meta", "--pdf-encryption"):
            name = take()
            texts = [pdf_facts(name, password or "", flag == "--pdf-meta")]
            password = None
        elif flag == "--handouts":
            name = take()
            handouts = json.loads(read(name)).get("handouts", [])
            texts = ["".join(sorted(f"{h.get('language')} {h.get('layout')}\n" for h in handouts))]
        elif flag == "--pairs":
            name = take()
            data = json.loads(read(name))
            records = data.get("handouts", []) if isinstance(data, dict) else data
            texts = ["".join(sorted(f"{r.get('language')} {r.get('article')}\n" for r in records))]
        elif flag == "--check-json":
            name = take()
            check_json(name)
            texts = [""]
        elif flag == "--yaml":
            name, key = take(2)
            import yaml  # python3-yaml
            texts = [str((yaml.safe_load(read(name)) or {}).get(key, ""))]
        elif flag == "--text":
            texts, name = [take()], "the text"
        elif flag == "--more-pages":
            longer, shorter = take(2)
            if pages(longer) <= pages(shorter):
                raise Failed(f"{longer} has {pages(longer)} pages, {shorter} {pages(shorter)}")
        elif flag == "--embedded":
            path = take()
            fonts = output(["pdffonts", path]).splitlines()[2:]
            bad = [f for f in fonts if f.split()[-5] != "yes"]
            if bad or not fonts:
                raise Failed(f"{path}: fonts not embedded: {bad or 'pdffonts lists none'}")
        elif flag == "--print":
            print("".join(texts))
        elif flag == "--joined":
            texts = [joined(t) for t in texts]
        elif flag == "--letters":
            texts = [letters(t) for t in texts]
        elif flag in ("--has", "--lacks", "--line", "--no-line", "--re", "--no-re", "--equals", "--empty",
                      "--all-lines"):
            arg = None if flag == "--empty" else take()
            if not texts:
                raise Failed(f"{flag}: no text read yet")
            for n, text in enumerate(texts):
                test_text(flag, arg, names[n] if len(texts) > 1 else name, text)
        elif flag == "--lines":
            pattern, want = take(2)
            for text in texts:
                got = sum(1 for line in text.splitlines() if re.search(pattern, line))
                if got != int(want):
                    raise Failed(f"{name}: {got} lines match /{pattern}/, not {want}")
        elif flag == "--only-match":
            pattern, want = take(2)
            got = sorted({m.group(0) for t in texts for m in re.finditer(pattern, t)})
            if got != [want]:
                raise Failed(f"{name}: /{pattern}/ matches {got}, not only {want!r}")
        elif flag == "--exit":
            want = take()
            if exit_code is None or exit_code != int(want):
                raise Failed(f"{name}: exit code {exit_code}, not {want}: {show(''.join(texts))}")
        elif flag == "--fails":
            if exit_code in (None, 0):
                raise Failed(f"{name}: exit code {exit_code}, not a failure")
        elif flag == "--exists":
            path = take()
            if not os.path.lexists(path):
                raise Failed(f"{path} does not exist")
        elif flag == "--absent":
            path = take()
            if os.path.lexists(path):
                raise Failed(f"{path} exists")
        elif flag == "--nonempty":
            path = take()
            if not os.path.isfile(path) or os.path.getsize(path) == 0:
                raise Failed(f"{path} is missing or empty")
        elif flag == "--modes":
            top, dir_mode, file_mode = take(3)
            check_modes(top, int(dir_mode, 8), int(file_mode, 8))
        elif flag == "--report":
            path, status, count = take(3)
            check_report(path, status, int(count))
        elif flag in SUITE_CLAUSES:
            count, function = SUITE_CLAUSES[flag]
            got = until_end() if count == "..." else [take()] if count == 1 else take(count)
            result = function(*got)
            if result is not None:
                texts, name = [result], flag + " " + " ".join(got)
        else:
            raise Failed(f"usage: unknown clause {flag!r}")


RECORD_KEYS = {"language", "article", "file", "scores", "target_grade", "sentences", "words", "syllables",
               "polysyllables", "long_sentences", "hard_words", "findings", "passed"}
FORMULAS = {"en": ["Flesch-Kincaid grade", "SMOG"], "es": ["Fernandez Huerta", "Szigriszt-Pazos (INFLESZ)"]}


def check_json(path):
    records = json.loads(read(path))
    pairs = [(r.get("language"), r.get("article")) for r in records]
    if pairs != [("en", "vaginismus"), ("es", "vaginismus")]:
        raise Failed(f"{path}: records for {pairs}")
    for r in records:
        if set(r) != RECORD_KEYS:
            raise Failed(f"{path}: {r['language']}: fields differ by {sorted(set(r) ^ RECORD_KEYS)}")
        if not all(set(s) == {"formula", "value", "grade", "band"} for s in r["scores"]):
            raise Failed(f"{path}: {r['language']}: a score without its four fields")
        if not all(set(f) == {"file", "line", "column", "severity", "check", "message"} for f in r["findings"]):
            raise Failed(f"{path}: {r['language']}: a finding without its six fields")
        if not all(s["words"] > 20 for s in r["long_sentences"]):
            raise Failed(f"{path}: {r['language']}: a long sentence of 20 words or fewer")
        if not all(w["syllables"] >= 4 for w in r["hard_words"]):
            raise Failed(f"{path}: {r['language']}: a hard word of fewer than 4 syllables")
        formulas = [s["formula"] for s in r["scores"]]
        if formulas != FORMULAS[r["language"]]:
            raise Failed(f"{path}: {r['language']}: formulas {formulas}")


def pdf_facts(path, password, meta):
    import pikepdf  # python3-pikepdf: only the checks that read PDF objects need it
    try:
        pdf = pikepdf.open(path, password=password)
    except (pikepdf.PdfError, pikepdf.PasswordError) as e:
        raise Failed(f"pikepdf cannot open {path}: {e}")
    with pdf:
        if meta:
            title = str(pdf.docinfo.get("/Title", ""))
            return f"Title: {title}\n{dict(pdf.docinfo)}\n{pdf.open_metadata()}\n"
        e = pdf.encryption
        return (f"R {e.R}\nbits {e.bits}\naccessibility {pdf.allow.accessibility}\n"
                f"modify_other {pdf.allow.modify_other}\n")


def pages(path):
    run = subprocess.run(["pdfinfo", path], capture_output=True, text=True, errors="replace")
    m = re.search(r"^Pages: *(\d+)", run.stdout, re.M)
    if not m:
        raise Failed(f"pdfinfo reads no page count in {path}: {run.stderr.strip()[:200]}")
    return int(m.group(1))


def check_modes(top, dir_mode, file_mode):
    if not os.path.isdir(top):
        raise Failed(f"{top} is not a folder")
    for base, dirs, files in os.walk(top):
        for path, want in [(base, dir_mode)] + [(os.path.join(base, f), file_mode) for f in files]:
            got = stat.S_IMODE(os.lstat(path).st_mode)
            if got != want:
                raise Failed(f"{path} has mode {got:o}, not {want:o}")


def check_report(path, status, count):
    report = json.loads(read(path))
    handouts = report.get("handouts", [])
    statuses = {h.get("status") for h in handouts}
    if statuses != {status}:
        raise Failed(f"{path}: statuses {sorted(map(str, statuses))}, not only {status!r}")
    total = report.get("totals", {}).get(status.replace(" ", "_"))
    if total != count:
        raise Failed(f"{path}: totals say {total} {status}, not {count}")
    if not all(h.get("pages") and h.get("bytes") for h in handouts):
        raise Failed(f"{path}: a handout without its pages or bytes")


BIDI_MARKS = re.compile("\u2010\n|[\u200e\u200f\u202a-\u202e\u2066-\u2069 \n\t\f]")
# Also punctuation, quotes and Arabic vowel marks, whose place among the letters of a
# right-to-left line pdftotext chooses by its own rules.
MARKS = re.compile('[\u064b-\u065f\u0670\u060c\u061b\u061f\u201c\u201d\u00ab\u00bb.,;:?!()"\\[\\]]')


def letters(text):
    """Text compared with all white space, bidi marks and added hyphens removed, so lines broken
    anywhere (CJK breaks between characters) still match; then without punctuation and marks."""
    return MARKS.sub("", BIDI_MARKS.sub("", text))


def draft_notice(content_dir, article):
    """The draft-translation notice an article should carry, worked out from the README's rules
    alone: strings.yaml's `translation_draft` with {source} the source language's name (from
    `language_names`, else its code) and {date} the `translated` date written with `date` and
    `months`."""
    import yaml  # python3-yaml, imported where needed (as concurrent.futures)
    with open(f"{content_dir}/strings.yaml", encoding="utf-8") as f:
        strings = yaml.safe_load(f)
    with open(f"{content_dir}/{article}.md", encoding="utf-8") as f:
        front = yaml.safe_load(re.match(r"---\n(.*?)\n---\n", f.read(), re.S).group(1))
    source = front["source_language"]
    name = (strings.get("language_names") or {}).get(source, source)
    when = front["translated"]  # YAML reads YYYY-MM-DD as a date
    date = strings["date"].format(month=strings["months"][when.month - 1], day=when.day, year=when.year,
                                  month_number=when.month)
    return strings["translation_draft"].format(source=name, date=date)


def output(cmd):
    return subprocess.run(cmd, capture_output=True).stdout.decode("utf-8", errors="replace")


def language_checks(pdf, md, lang, content_dir, article):
    """(what, problem or None) for each check of one language's handout."""
    out = [(f"{lang}: PDF written", None if os.path.isfile(pdf) else f"no {pdf}")]
    qpdf = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True, errors="replace")
    out.append((f"{lang}: qpdf --check", None if qpdf.returncode == 0 else qpdf.stdout[-300:] + qpdf.stderr[-300:]))
    fonts = output(["pdffonts", pdf]).splitlines()[2:]
    bad = [f for f in fonts if f.split()[-5:-2] != ["yes", "yes", "yes"]]
    out.append((f"{lang}: every font embedded, subset, with ToUnicode", "; ".join(bad) or None))
    notdef = output(["mutool", "trace", pdf]).count('glyph="0"')
    out.append((f"{lang}: no glyph drawn is .notdef (mutool trace)", f"{notdef} drawn" if notdef else None))
    qdf = output(["qpdf", "--qdf", "--object-streams=disable", pdf, "-"])
    out.append((f"{lang}: document language is {lang}", None if f"/Lang ({lang})" in qdf else "no such /Lang"))
    text = letters(output(["pdftotext", pdf, "-"]))
    source = open(md, encoding="utf-8").read()
    titles = re.findall(r'^title: "(.*)"$', source, re.M)
    title = letters(titles[0]) if titles else ""
    after = source.split("\n## ", 1)[1].split("\n", 1)[1] if "\n## " in source else ""
    first = letters(next((line for line in after.splitlines() if line.strip()), ""))
    out.append((f"{lang}: title extracted from the PDF", None if title in text else f"{title!r} not in the text"))
    out.append((f"{lang}: first paragraph extracted from the PDF", None if first in text else f"{first!r} not in it"))
    out.append((f"{lang}: no replacement characters", "U+FFFD in the text" if "\ufffd" in text else None))
    if lang != "en":
        try:
            notice = letters(draft_notice(f"{content_dir}/{lang}", article))
        except (OSError, KeyError, AttributeError, TypeError, ValueError) as e:
            notice = None
            problem = f"no notice worked out: {e!r}"
        if notice is not None:
            page1 = letters(output(["pdftotext", "-f", "1", "-l", "1", pdf, "-"]))
            problem = None if notice and notice in page1 else f"{notice!r} not on page 1"
        out.append((f"{lang}: the whole draft-translation notice on page 1", problem))
    return out


def languages(out_dir, content_dir, article, langs):
    def one(lang):
        return language_checks(f"{out_dir}/{lang}/{article}.pdf", f"{content_dir}/{lang}/{article}.md", lang,
                               content_dir, article)
    import concurrent.futures
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for results in pool.map(one, langs):
            for what, problem in results:
                print(f"ok: {what}" if problem is None else f"FAIL: {what}: {problem}")
                failed += problem is not None
    return 1 if failed else 0


# --- email.sh: the messages, journals and reports of `build --send` / `--email-out` ----------------

def want(ok, what):
    if not ok:
        raise Failed(what)


def eml_messages(folder):
    import email  # imported where needed (as concurrent.futures)
    import glob
    from email import policy
    messages = []
    for path in sorted(glob.glob(folder + "/*.eml")):
        with open(path, "rb") as f:
            messages.append(email.message_from_binary_file(f, policy=policy.default))
    return messages


ARRIVALS = {
    "ada.quill@example.org": ("en", "ltr", "Ada Quillfeather", "Your handout from Willow Creek Clinic",
                              "Willow-Creek-Clinic-handout-1.pdf"),
    "jose.nunez@example.org": ("es", "ltr", "Núñez, José Ángel", "Su folleto de Willow Creek Clinic",
                               "Willow-Creek-Clinic-folleto-1.pdf"),
    "layla.test@example.org": ("ar", "rtl", "ليلى تجريبية", "نشرتك من Willow Creek Clinic",
                               "Willow-Creek-Clinic-نشرة-1.pdf"),
}
SIGNATURE = "Willow Creek Clinic · 555-0100"


def check_arrived(folder):
    """The three visits' messages in FOLDER (.eml files), read back with Python's email package."""
    import tempfile
    msgs = eml_messages(folder)
    by_to = {m["To"].addresses[0].addr_spec: m for m in msgs}
    want(sorted(by_to) == sorted(ARRIVALS), f"messages to {sorted(by_to)}")
    want(len(msgs) == 3, f"{len(msgs)} messages, not 3")
    ids = set()
    for to, m in by_to.items():
        lang, direction, name, subject, filename = ARRIVALS[to]
        shown = m["To"].addresses[0].display_name
        want(shown == name, f"{to}: To name {shown!r}, not {name!r}")
        want(str(m["Subject"]) == subject, f"{to}: Subject {str(m['Subject'])!r}")
        sender = m["From"].addresses[0]
        want(sender.addr_spec == "handouts@willowcreek.example" and sender.display_name == "Willow Creek Clinic",
             f"{to}: From {str(m['From'])!r}")
        want(str(m["Reply-To"]) == "front-desk@willowcreek.example", f"{to}: Reply-To {str(m['Reply-To'])!r}")
        want(m["Date"].datetime is not None and m["Message-ID"].endswith("@willowcreek.example>"),
             f"{to}: Date {m['Date']!r}, Message-ID {m['Message-ID']!r}")
        ids.add(m["Message-ID"])
        want(m["Content-Language"] == lang, f"{to}: Content-Language {m['Content-Language']!r}")
        html = m.get_body(("html",)).get_content()
        want(f'<html lang="{lang}" dir="{direction}">' in html, f"{to}: HTML begins {html[:200]!r}")
        want("#2F6B6F" in html, f"{to}: no brand colour in the HTML")
        text = m.get_body(("plain",)).get_content()
        want(SIGNATURE in text and SIGNATURE in html, f"{to}: no signature in the text and the HTML")
        attachments = list(m.iter_attachments())
        names = [a.get_filename() for a in attachments]
        want(names == [filename], f"{to}: attachments {names}")
        pdf = attachments[0].get_content()
        want(pdf.startswith(b"%PDF-") and attachments[0].get_content_type() == "application/pdf",
             f"{to}: the attachment is not a PDF")
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(pdf)
            f.flush()
            qpdf = subprocess.run(["qpdf", "--check", f.name], capture_output=True).returncode
            if lang == "es":
                want("abre-sesamo" not in text and "abre-sesamo" not in html, f"{to}: the password is in it")
                want("contraseña en un mensaje de texto" in text, f"{to}: no password hint in {text[:300]!r}")
                want(qpdf != 0, f"{to}: the PDF opens without its password")
                opened = subprocess.run(["qpdf", "--password=abre-sesamo", "--check", f.name], capture_output=True)
                want(opened.returncode == 0, f"{to}: qpdf --check with the password fails")
                shown = subprocess.run(["pdftotext", "-upw", "abre-sesamo", f.name, "-"], capture_output=True,
                                       text=True).stdout
                want("Núñez" in shown, f"{to}: the copy is not the patient's own")
            else:
                want(qpdf == 0, f"{to}: qpdf --check fails")
    want(len(ids) == 3, f"Message-IDs {sorted(ids)}")


def check_journal(journal, folder):
    """The delivery journal has each visit sent, with its Message-ID as it arrived in FOLDER."""
    lines = [line.split("\t") for line in read(journal).splitlines() if not line.startswith("#")]
    sent = {line[1]: line[4] for line in lines if line[2] == "sent"}
    want(sorted(sent) == ["v-ar", "v-en", "v-es"], f"{journal}: {lines}")
    ids = {m["Message-ID"].strip("<>") for m in eml_messages(folder)}
    want(ids == set(sent.values()), f"arrived {sorted(ids)}, journal {sent}")


def eml_ids(folder):
    """The Message-IDs of FOLDER's .eml files, a line each, in the order of their names."""
    return "".join(f"{m['Message-ID']}\n" for m in eml_messages(folder))


def deliveries(path, fields):
    """A build report's deliveries, one line each: the FIELDS (comma-separated) joined by ' | '
    (white space at the end removed)."""
    return "".join(" | ".join(str(d.get(k, "")) for k in fields.split(",")).rstrip() + "\n"
                   for d in json.loads(read(path))["deliveries"])


def check_gaps(path, *minimums):
    """PATH has a time a line, one more than the MINIMUMS, each gap at least its minimum."""
    t = [float(x) for x in read(path).split()]
    ok = len(t) == len(minimums) + 1 and all(b - a >= float(m) for a, b, m in zip(t, t[1:], minimums))
    want(ok, f"{path}: times {t}, gaps at least {list(minimums)} wanted")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])


# --- translate.sh: the XLIFF and PO files, read with ElementTree and translate-toolkit ------------

XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"


def po_units(path):
    from translate.storage import po  # translate-toolkit: only these checks need it
    return [u for u in po.pofile.parsefile(path).units if not u.isheader()]


def trans_units(path):
    import xml.etree.ElementTree as ET
    return list(ET.parse(path).iter(XLIFF + "trans-unit"))


def blocks(md):
    """The blocks of an English article and its resources, counted from the files by a reader of
    its own: title, summary, headings, paragraphs, list items, resource intro and descriptions."""
    import yaml  # python3-yaml
    _, front, body = read(md).split("---\n", 2)
    n = 1 + (1 if yaml.safe_load(front).get("summary") else 0)
    for block in re.split(r"\n\s*\n", body.strip()):
        items = [line for line in block.splitlines() if re.match(r"^\s*([-*+]|\d+\.) ", line)]
        n += len(items) if items else 1
    res = yaml.safe_load(read(md[:-3] + ".resources.yaml"))
    n += (1 if res.get("intro") else 0) + sum(1 for r in res["resources"] if r.get("description"))
    return f"{n}\n"


def check_locked(xlf, po_file):
    """XLIFF: every unit translated and locked, the languages en to es; the PO's msgctxt are the
    XLIFF's unit ids, in order."""
    import xml.etree.ElementTree as ET
    tus = trans_units(xlf)
    want(all(tu.get("translate") == "no" and tu.find(XLIFF + "target").get("state") == "translated" for tu in tus),
         f"{xlf}: a unit not locked and translated")
    f = ET.parse(xlf).find(XLIFF + "file")
    want(f.get("source-language") == "en" and f.get("target-language") == "es", f"{xlf}: {f.attrib}")
    ids = [u.getcontext() for u in po_units(po_file)]
    want(ids == [tu.get("id") for tu in tus], f"{po_file}: msgctxt {ids[:5]}...")
    want(ids[:3] == ["title", "summary", "b1"] and ids[-1] == "res-4", f"{po_file}: msgctxt {ids}")


def pdf_tags(path):
    import pikepdf  # python3-pikepdf
    out = []
    with pikepdf.open(path) as pdf:
        def walk(node):
            k = node.get("/K")
            if isinstance(node, pikepdf.Dictionary) and "/S" in node:
                out.append(str(node.S))
            kids = k if isinstance(k, pikepdf.Array) else [k] if isinstance(k, pikepdf.Dictionary) else []
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid)
        walk(pdf.Root.StructTreeRoot)
        links = [str(a.A.URI) for p in pdf.pages for a in p.get("/Annots", []) if "/A" in a and "/URI" in a.A]
    return out, links


STRUCTURE = ("/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TD", "/TH")


def check_structure(source, link, *pdfs):
    """Each PDF has SOURCE's headings, lists and items in the same order (notices may add
    paragraphs) and a link to LINK."""
    if not pdfs:
        raise Failed("--structure-as: no PDF")
    en, _ = pdf_tags(source)
    for pdf in pdfs:
        tags, links = pdf_tags(pdf)
        a = [s for s in en if s in STRUCTURE and s != "/P"]
        b = [s for s in tags if s in STRUCTURE and s != "/P"]
        want(a == b, f"{pdf}: structure {b}, not {a}")
        want(link in links, f"{pdf}: links {links}")


def check_changed_unit(xlf, po_file, units):
    """After the change to b4: UNITS units, only b4 open, with its earlier translation and source
    (XLIFF alt-trans, PO fuzzy with its previous msgid); the rest translated."""
    tus = trans_units(xlf)
    want(len(tus) == int(units), f"{xlf}: {len(tus)} units, not {units}")
    open_units = [tu for tu in tus if tu.get("translate") != "no"]
    want([tu.get("id") for tu in open_units] == ["b4"], f"{xlf}: open units {[tu.get('id') for tu in open_units]}")
    alt = open_units[0].find(XLIFF + "alt-trans")
    want(alt is not None and "CONFUSED BY THEIR BODY" in "".join(alt.find(XLIFF + "target").itertext()),
         f"{xlf}: b4 without its earlier translation")
    want("confused by their body" in "".join(alt.find(XLIFF + "source").itertext()),
         f"{xlf}: b4 without its earlier source")
    pos = po_units(po_file)
    fuzzy = [u for u in pos if u.isfuzzy()]
    want([u.getcontext() for u in fuzzy] == ["b4"], f"{po_file}: fuzzy {[u.getcontext() for u in fuzzy]}")
    want("CONFUSED BY THEIR BODY" in fuzzy[0].target, f"{po_file}: b4's msgstr {fuzzy[0].target!r}")
    previous = fuzzy[0].prev_source
    previous = " ".join(previous if isinstance(previous, list) else [previous])
    want("confused by their body." in previous, f"{po_file}: b4's previous msgid {previous!r}")
    want(all(u.target and not u.isfuzzy() for u in pos if u.getcontext() != "b4"),
         f"{po_file}: another unit fuzzy or empty")


def labels_to_do(strings, english):
    """How many units a new language's untranslated labels make: one a label, 12 for the months,
    one per language name."""
    import yaml  # python3-yaml
    s, en = yaml.safe_load(read(strings)), yaml.safe_load(read(english))
    n = sum(12 if k == "months" else len(en[k]) if k == "language_names" else 1 for k in s["untranslated"])
    return f"{n}\n"


def check_de_labels(strings):
    """The imported German strings.yaml (filled upper-case): every label, none left untranslated."""
    import yaml  # python3-yaml
    s = yaml.safe_load(read(strings))
    want("untranslated" not in s, f"{strings}: untranslated {s.get('untranslated')}")
    want(s["phone"] == "PHONE" and s["page_of"] == "PAGE {n} OF {total}" and s["months"][0] == "JANUARY",
         f"{strings}: phone {s['phone']!r}, page_of {s['page_of']!r}, months {s['months'][:1]}")
    want(s["language_names"]["es"] == "SPANISH", f"{strings}: language_names {s['language_names']}")


def check_de_config(config):
    """The config after the German import: a de entry in each per-language text, the rest and its
    comments kept."""
    import yaml  # python3-yaml
    text = read(config)
    c = yaml.safe_load(text)
    tagline, hours = c["clinic"]["tagline"], c["clinic"]["hours"]
    want(tagline["de"] == "GENTLE, EXPERT CARE FOR PELVIC AND SEXUAL HEALTH", f"tagline {tagline}")
    want(tagline["es"] == "Atención experta y cuidadosa para la salud pélvica y sexual", f"tagline {tagline}")
    want(hours["de"] == ["MONDAY TO THURSDAY, 8 AM TO 6 PM", "FRIDAY, 8 AM TO 2 PM"], f"hours {hours['de']}")
    want(c["footer_note"]["de"].startswith("THIS HANDOUT IS FOR EDUCATION"), f"footer_note {c['footer_note']}")
    extra = c["extra_resources"][0]
    want(extra["description"]["de"].startswith("A SMALL, GENTLE GROUP"), f"extra_resources[0] {extra}")
    want(text.startswith("# Example clinic (fictional)") and "# Where the clinic publishes each handout" in text,
         f"{config}: its comments lost")


def check_label_sources(strings, english):
    """STRINGS records the English labels it was translated from: each label, the months, each name."""
    import yaml  # python3-yaml
    s, en = yaml.safe_load(read(strings)), yaml.safe_load(read(english))
    count = sum(1 for v in en.values() if isinstance(v, str)) + 1 + len(en["language_names"])
    source = s.get("source")
    want(source["language"] == "en" and source["labels"]["phone"] and len(source["labels"]) == count,
         f"{strings}: {count} labels wanted, source {source}")


def check_changed_label(po_file):
    """The clinic file after contact_us changed in English: that label alone, fuzzy with its
    previous translation; the config's texts translated."""
    units = po_units(po_file)
    labels = [u for u in units if u.getcontext().startswith("label.")]
    want([u.getcontext() for u in labels] == ["label.contact_us"], f"labels {[u.getcontext() for u in labels]}")
    want(labels[0].isfuzzy() and labels[0].target == "CONTACT US" and labels[0].source == "Get in touch",
         f"label.contact_us: {labels[0].source!r} -> {labels[0].target!r}, fuzzy {labels[0].isfuzzy()}")
    want(all(u.target and not u.isfuzzy() for u in units if not u.getcontext().startswith("label.")),
         f"{po_file}: a config text fuzzy or empty")


def check_pseudo_lengths(po_file):
    """Pseudo-translated units are 35-40% longer than their English, in all (text outside codes);
    each unit of 40 characters or more 33-42%."""
    units = po_units(po_file)

    def plain(s):
        return re.sub(r"</?\d+/?>", "", s)
    ratio = sum(len(plain(u.target)) for u in units) / sum(len(plain(u.source)) for u in units)
    want(1.35 <= ratio <= 1.40, f"{po_file}: {ratio:.3f} times as long")
    off = [u.source for u in units
           if len(plain(u.source)) >= 40 and not 1.33 <= len(plain(u.target)) / len(plain(u.source)) <= 1.42]
    want(not off, f"{po_file}: {len(off)} long units out of 33-42%, the first {off[:1]}")


def broken_translations(folder):
    """Broken copies of FOLDER/vaginismus.xlf and .po: dropped.xlf (unit b3 removed), ungrouped.xlf
    (b5's first <g> removed, its text kept), french.xlf (target-language fr), crossed.po (b5's codes
    crossed)."""
    import xml.etree.ElementTree as ET
    ns = XLIFF[1:-1]
    ET.register_namespace("", ns)

    def variant(name, change):
        tree = ET.parse(f"{folder}/vaginismus.xlf")
        change(tree)
        tree.write(f"{folder}/{name}.xlf", encoding="UTF-8", xml_declaration=True)

    def drop(tree):
        body = tree.find(f".//{XLIFF}body")
        body.remove([tu for tu in body if tu.get("id") == "b3"][0])

    def ungroup(tree):
        tu = [tu for tu in tree.iter(XLIFF + "trans-unit") if tu.get("id") == "b5"][0]
        target = tu.find(XLIFF + "target")
        g = target.find(XLIFF + "g")
        i = list(target).index(g)
        prev = target[i - 1] if i > 0 else None
        text = (g.text or "") + (g.tail or "")
        if prev is None:
            target.text = (target.text or "") + text
        else:
            prev.tail = (prev.tail or "") + text
        target.remove(g)

    variant("dropped", drop)
    variant("ungrouped", ungroup)
    variant("french", lambda tree: tree.find(XLIFF + "file").set("target-language", "fr"))
    with open(f"{folder}/crossed.po", "w", encoding="utf-8") as f:
        f.write(read(f"{folder}/vaginismus.po").replace('msgstr "READ <1>MORE</1> ABOUT <2>PELVIC HEALTH</2>',
                                                         'msgstr "READ <1>MORE <2></1>ABOUT PELVIC HEALTH</2>'))


# Clauses of one suite: flag -> (arguments, function); "..." takes arguments up to a closing --.
# A function that returns a string sets the current text (for --print or predicates after it).
SUITE_CLAUSES = {
    "--arrived": (1, check_arrived),
    "--journal": (2, check_journal),
    "--eml-ids": (1, eml_ids),
    "--deliveries": (2, deliveries),
    "--gaps": ("...", check_gaps),
    "--blocks": (1, blocks),
    "--locked": (2, check_locked),
    "--structure-as": ("...", check_structure),
    "--changed-unit": (3, check_changed_unit),
    "--labels-to-do": (2, labels_to_do),
    "--de-labels": (1, check_de_labels),
    "--de-config": (1, check_de_config),
    "--label-sources": (2, check_label_sources),
    "--changed-label": (1, check_changed_label),
    "--pseudo-lengths": (1, check_pseudo_lengths),
}


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def make_png(path, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * 64 for _ in range(64))
    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", zlib.compress(raw, 9))
                + png_chunk(b"IEND", b""))


def png_comment(path):
    with open(path, "rb") as f:
        png = f.read()
    with open(path, "wb") as f:  # before IEND, the last 12 bytes
        f.write(png[:-12] + png_chunk(b"tEXt", b"Comment\x00changed") + png[-12:])


def flip_build_id(path):
    with open(path, "rb") as f:
        data = bytearray(f.read())
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)

    def section(i):
        return struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
    names_at = section(shstrndx)[4]
    for i in range(shnum):
        name_off, _, _, _, off, size = section(i)[:6]
        name = data[names_at + name_off:data.index(b"\0", names_at + name_off)]
        if name == b".note.gnu.build-id":
            data[off + size - 1] ^= 0xFF  # the last byte of the id
            with open(path, "wb") as f:
                f.write(data)
            return
    raise Failed(f"{path}: no build id")


FIXTURES = {
    "png": (4, lambda a: make_png(a[0], [int(c) for c in a[1:]])),
    "png-comment": (1, lambda a: png_comment(a[0])),
    "flip-build-id": (1, lambda a: flip_build_id(a[0])),
    "free-port": (0, lambda a: free_port()),
    "broken-translations": (1, lambda a: broken_translations(a[0])),
}


def main(argv):
    if argv and argv[0] in FIXTURES:
        count, make = FIXTURES[argv[0]]
        if len(argv) != count + 1:
            print(__doc__.strip())
            return 2
        try:
            make(argv[1:])
        except Failed as e:
            print(f"handout_checks: {e}", file=sys.stderr)
            return 1
        return 0
    if argv[:1] == ["languages"] and len(argv) >= 5:
        return languages(argv[1], argv[2], argv[3], argv[4:])
    if argv[:1] == ["draft-notice"] and len(argv) == 3:
        print(draft_notice(argv[1], argv[2]))
        return 0
    if argv[:1] == ["showing"] and len(argv) >= 2:
        for path in argv[2:]:
            try:
                if argv[1] in joined(pdf_text(path)):
                    print(path)
            except Failed:
                pass
        return 0
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 2
    try:
        check(argv)
    except Failed as e:
        print(f"handout_checks: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

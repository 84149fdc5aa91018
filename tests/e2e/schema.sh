#!/usr/bin/env bash
# End-to-end: the JSON Schemas in schema/. Every shipped YAML file (the config, layouts, strings,
# resource lists, articles' front matter) validates against its schema; the schemas and the
# loaders accept the same keys (schema_check.py drift: each schema key built by handout, each
# key the loader sources read found in a schema); and each check is shown failing on a spoilt
# schema, source or file.
# Usage: schema.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
SCHEMAS=$REPO/schema
CHECKER=$REPO/tests/e2e/schema_check.py

check "python3-jsonschema is installed (scripts/install-deps.sh)" "$PYTHON" -c 'import jsonschema'

# --- the shipped files --------------------------------------------------------------------------
cd "$REPO" || exit 1
validate() {  # validate KIND FILE...: each file valid, and the files were found
  local kind=$1
  shift
  check "at least one $kind file" test -e "$1"
  if out=$("$PYTHON" "$CHECKER" validate "$SCHEMAS" "$kind" "$@" 2>&1); then pass; else fail "$kind files: $out"; fi
}
validate handout handout.yaml
validate layout layouts/*.yaml tests/golden/layouts/*.yaml
validate strings content/*/strings.yaml
validate resources content/*/*.resources.yaml
validate front-matter content/*/*.md
check "every schema is valid draft-07 JSON Schema with a description for each property" \
  "$PYTHON" "$CHECKER" schemas "$SCHEMAS" 5

# --- the validation catches mistakes --------------------------------------------------------------
mkdir -p "$WORK/bad"
sed 's/^align: ragged /align: centred/' layouts/letter.yaml >"$WORK/bad/align.yaml"
sed 's/^page_of: .*/page_of: "Page {n}"/' content/en/strings.yaml >"$WORK/bad/strings.yaml"
sed 's/^reviewed: .*/reviewed: 2026-11-xx/; s/^title:/titel:/' content/en/vaginismus.md >"$WORK/bad/article.md"
printf 'clinic:\n  name: X\nbrand:\n  primary: teal\nlimits:\n  pages: 0\n' >"$WORK/bad/handout.yaml"
printf 'resources:\n  - description: no name\n' >"$WORK/bad/r.resources.yaml"
spoilt() {  # spoilt KIND FILE EXPECTED...: validation fails, naming each expected problem
  local kind=$1 file=$2 out
  shift 2
  out=$("$PYTHON" "$CHECKER" validate "$SCHEMAS" "$kind" "$file" 2>&1)
  check "a spoilt $kind file fails validation" test $? -eq 1
  for expected in "$@"; do
    check "spoilt $kind: the reason" verify --text "$out" --has "$expected"
  done
}
spoilt layout "$WORK/bad/align.yaml" "align: 'centred' is not one of ['ragged', 'justify']"
spoilt strings "$WORK/bad/strings.yaml" "page_of: 'Page {n}' does not match"
spoilt front-matter "$WORK/bad/article.md" "'title' is a required property" "('titel' was unexpected)" \
  "reviewed: '2026-11-xx' is not valid under any of the given schemas"
spoilt handout "$WORK/bad/handout.yaml" "brand/primary: 'teal' does not match" \
  "limits/pages: 0 is less than the minimum of 1"
spoilt resources "$WORK/bad/r.resources.yaml" "resources/0: 'name' is a required property"

# --- drift: the schemas' keys are the loaders' keys ------------------------------------------------
"$PYTHON" "$CHECKER" drift "$HANDOUT" "$REPO" "$SCHEMAS" "$WORK" >"$WORK/drift.log" 2>&1
rc=$?
check "no drift between the schemas and the loaders: $(tail -3 "$WORK/drift.log" | tr '\n' ' ')" test $rc -eq 0
check "drift built every schema key (over 100 builds)" grep -qE '^forward: [0-9]{3} builds' "$WORK/drift.log"

# drift_fails NAME SCHEMA_DIR REPO KIND EXPECTED: the drift check (building KIND's keys) fails on a
# spoilt copy, saying why. A call with the same copy and KIND as the one before reads its output.
drift_key=
drift_fails() {
  local name=$1 schemas=$2 repo=$3 kind=$4 expected=$5
  if [ "$drift_key" != "$schemas $repo $kind" ]; then
    drift_out=$("$PYTHON" "$CHECKER" drift "$HANDOUT" "$repo" "$schemas" "$WORK" "$kind" 2>&1)
    drift_rc=$?
    drift_key="$schemas $repo $kind"
  fi
  check "drift check fails when $name" test "$drift_rc" -eq 1
  check "$name: the reason" verify --text "$drift_out" --has "$expected"
}
spoil_schema() {  # spoil_schema DIR HOW ARGS...: a copy of the schemas spoilt (schema_check.py spoil)
  rm -rf "$1" && cp -r "$SCHEMAS" "$1"
  "$PYTHON" "$CHECKER" spoil "$@"
}
spoil_schema "$WORK/s1" add layout drop_caps boolean
drift_fails "a schema has a key the loader does not know" "$WORK/s1" "$REPO" layout \
  "layout: 'drop_caps' is in the schema but handout does not accept it"
drift_fails "... (the reverse check too)" "$WORK/s1" "$REPO" layout \
  "layout.schema.json has 'drop_caps', which its loader never reads"
spoil_schema "$WORK/s2" remove layout align
drift_fails "a schema lacks a key the loader reads" "$WORK/s2" "$REPO" layout \
  "src/config/layout_config.cpp reads 'align', which is in no schema it feeds (layout)"
spoil_schema "$WORK/s3" add handout clinic.logo_alt string
drift_fails "a nested schema key is unknown to the loader" "$WORK/s3" "$REPO" handout \
  "handout: 'clinic.logo_alt' is in the schema"
spoil_schema "$WORK/s4" require front-matter summary
drift_fails "a schema requires a key the loader does not" "$WORK/s4" "$REPO" front-matter \
  "front-matter: 'summary' is required by the schema, but handout builds without it"
mkdir -p "$WORK/repo/src" && cp -r "$REPO/src/config" "$WORK/repo/src/" && cp -r "$REPO/assets" "$WORK/repo/"
sed -i 's|  out.source_language = m.text("source_language")|  m.text("audience");\n&|' \
  "$WORK/repo/src/config/front_matter.cpp"
drift_fails "a loader reads a key no schema has" "$SCHEMAS" "$WORK/repo" front-matter \
  "src/config/front_matter.cpp reads 'audience', which is in no schema it feeds (front-matter)"

finish

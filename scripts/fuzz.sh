#!/usr/bin/env bash
# Fuzzes handout with libFuzzer (clang, AddressSanitizer, UndefinedBehaviorSanitizer):
#   yaml_fuzz      every YAML loader (config, layout, strings, resource list, front matter) and
#                  the output folder's build manifest
#   markdown_fuzz  an article file to the document model
#   pipeline_fuzz  one article (and resource list) through layout to PDF bytes in memory
#   csv_fuzz       a patients' CSV file (parse_patients)
# Usage: scripts/fuzz.sh [seconds per target, default 60] [target...]
# Seeds come from content/, layouts/ and the tests; what the fuzzer learns is kept in
# build-fuzz/corpus/<target> between runs. Exits non-zero when any target finds a crash,
# a leak, a hang (over 10 s on one input) or undefined behaviour; the input is then in
# build-fuzz/findings/.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(yaml_fuzz markdown_fuzz pipeline_fuzz csv_fuzz)
# One-time allocations libhyphen and fontconfig keep for the process are not leaks of ours.
export LSAN_OPTIONS=print_suppressions=0:suppressions=$PWD/tests/sanitizers/lsan.supp
command -v clang++ >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends clang libclang-rt-dev >/dev/null; }
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DHANDOUT_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${TARGETS[@]}" >/dev/null

seeds=$(mktemp -d /tmp/handout-seeds.XXXXXX)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$seeds"/{yaml_fuzz,markdown_fuzz,pipeline_fuzz,csv_fuzz}
n=0
seed() {  # seed TARGET PREFIX_BYTE FILE...
  local target=$1 prefix=$2
  shift 2
  for f in "$@"; do
    n=$((n + 1))
    { printf "\\x$prefix"; cat "$f"; } >"$seeds/$target/$n"
  done
}
seed yaml_fuzz 00 handout.yaml
seed yaml_fuzz 01 layouts/*.yaml
seed yaml_fuzz 02 content/*/strings.yaml
seed yaml_fuzz 03 content/*/*.resources.yaml
seed yaml_fuzz 05 tests/fixtures/manifest-sample.txt  # a build manifest (see src/build/manifest.cpp)
for md in content/*/*.md; do  # front matter alone
  n=$((n + 1))
  { printf '\x04'; sed -n '2,/^---$/p' "$md" | sed '$d'; } >"$seeds/yaml_fuzz/$n"
done
cp content/*/*.md tests/golden/constructs.md "$seeds/markdown_fuzz/" 2>/dev/null || true
# The first byte of a pipeline input: bit 7 right to left (Arabic), bits 5-6 the language
# (en, th, hi, ko; see fuzz/pipeline_fuzz.cpp), the rest the layout.
declare -A lang_bits=([en]=0 [es]=0 [ar]=128 [th]=32 [hi]=64 [ko]=96)
for lang in en ar es th hi ko; do
  for layout in 0 1 2 3; do
    n=$((n + 1))
    prefix=$(printf '%02x' $((lang_bits[$lang] + layout)))
    { printf "\\x$prefix"; cat "content/$lang/vaginismus.md"; printf '\n===\n'; cat "content/$lang/vaginismus.resources.yaml"; } \
      >"$seeds/pipeline_fuzz/$n"
  done
done
seed pipeline_fuzz 00 tests/golden/constructs.md
cp examples/patients.csv "$seeds/csv_fuzz/"
{ printf '\xEF\xBB\xBF ID , Language,articles,note\r\n'; printf 'p-1,zh-Hans,"a;b",\"x\r\n\r\n- y\"\r\n'; } \
  >"$seeds/csv_fuzz/bom-crlf.csv"
# Inputs that once crashed or hung a target run again every time.
for f in tests/fuzz_regressions/*; do
  case $(basename "$f") in
    yaml-*) cp "$f" "$seeds/yaml_fuzz/" ;;
    markdown-*) cp "$f" "$seeds/markdown_fuzz/" ;;
    pipeline-*) cp "$f" "$seeds/pipeline_fuzz/" ;;
    csv-*) cp "$f" "$seeds/csv_fuzz/" ;;
  esac
done

status=0
mkdir -p build-fuzz/findings
for target in "${TARGETS[@]}"; do
  corpus=build-fuzz/corpus/$target
  mkdir -p "$corpus"
  log=build-fuzz/$target.log
  # The whole pipeline takes ~0.1 s per article under the sanitizers: shorter inputs (about a
  # page of text) give it ten times the executions.
  max_len=20000
  [ "$target" = pipeline_fuzz ] && max_len=6000
  if build-fuzz/fuzz/$target "$corpus" "$seeds/$target" -max_total_time="$SECONDS_PER_TARGET" -timeout=10 \
      -rss_limit_mb=2560 -max_len=$max_len -print_final_stats=1 -artifact_prefix=build-fuzz/findings/"$target"- \
      >"$log" 2>&1; then
    result=ok
  else
    result="FOUND A PROBLEM (see $log and build-fuzz/findings/)"
    status=1
  fi
  execs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  echo "$target: ${execs:-0} execs in ${SECONDS_PER_TARGET} s (${rate:-0}/s), corpus $(ls "$corpus" | wc -l) inputs: $result"
done
exit $status

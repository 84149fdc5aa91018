#!/usr/bin/env bash
# End-to-end: messages to patients (build --patients with an email column), read back with
# Python's email package. As .eml files (--email-out) and sent to a real SMTP server on
# 127.0.0.1 (Debian's python3-aiosmtpd, tests/e2e/smtp_server.py) over STARTTLS or implicit
# TLS with certificates this script makes with openssl: three visits in English, Spanish and
# Arabic arrive once each with the right attachments; a rerun sends nothing; a sender killed
# mid-run leaves one message in doubt and the rerun sends each other one once; no STARTTLS, a
# bad certificate, a 451 then success, a 550, a dropped connection, the server down: each has
# its result and message, nothing lost or sent twice; no patient's name, address or note in
# any output, report or journal.
# Usage: email.sh path/to/handout path/to/repo
set -u
. "$(dirname "$0")/lib.sh"
e2e_setup "$@"
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
SERVER="$REPO/tests/e2e/smtp_server.py"
LOGS=$WORK/logs  # every stdout, stderr and report of handout, for the privacy check at the end
mkdir -p "$LOGS"
runs=0
# hb ARGS...: runs handout; stdout in $WORK/log, stderr in $WORK/err, exit code in $rc.
hb() {
  timeout 120 "$HANDOUT" "$@" >"$WORK/log" 2>"$WORK/err"
  rc=$?
  runs=$((runs + 1))
  cp "$WORK/log" "$LOGS/$runs.out"
  cp "$WORK/err" "$LOGS/$runs.err"
  if [ "$rc" -ge 124 ]; then fail "handout crashed or hung (exit $rc) on: $*: $(tail -3 "$WORK/err")"; fi
}
# serve DIR PORT ARGS...: starts the SMTP server (its messages in DIR); its pid in $server.
serve() {
  local dir=$1 port=$2
  shift 2
  rm -rf "$dir"
  "$PYTHON" "$SERVER" --port "$port" --out "$dir" --lifetime 240 "$@" >"$dir.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do [ -e "$dir/ready" ] && return 0; sleep 0.1; done
  fail "the SMTP server did not start: $(tail -3 "$dir.log")"
}
stop() { kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; }
received() { find "$1" -name '*.eml' 2>/dev/null | wc -l; }

# --- certificates: a CA the config trusts, a server certificate from it, and one from nobody ---
K=$WORK/certs
mkdir -p "$K"
(
  cd "$K" || exit 1
  openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj "/CN=handout test CA"
  openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >ext.cnf
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf
  openssl req -x509 -newkey rsa:2048 -nodes -keyout bad.key -out bad.pem -days 2 -subj "/CN=localhost" \
    -addext "subjectAltName=IP:127.0.0.1"
) >"$WORK/openssl.log" 2>&1
check "openssl made the certificates: $(tail -2 "$WORK/openssl.log")" test -s "$K/server.pem" -a -s "$K/bad.pem"

# --- the clinic: the shipped config with email:, three visits to email and one to print -------
C=$WORK/clinic
mkdir -p "$C"
cp -r "$REPO/assets" "$REPO/content" "$C/"
cp "$K/ca.pem" "$C/ca.pem"
PORT=$(verify free-port)
# config PORT [SMTP LINES...]: h.yaml with email: (smtp: to 127.0.0.1:PORT over STARTTLS).
config() {
  local port=$1
  shift
  {
    grep -v '^output:\|^patients_output:' "$REPO/handout.yaml"
    cat <<EOF
email:
  from: "Willow Creek Clinic <handouts@willowcreek.example>"
  reply_to: front-desk@willowcreek.example
  clinic_name: Willow Creek Clinic
  signature: |
    Willow Creek Clinic · 555-0100
  password_hint:
    en: We will text you the password.
    es: Le enviaremos la contraseña en un mensaje de texto.
    ar: سنرسل لك كلمة المرور في رسالة نصية.
  smtp:
    host: 127.0.0.1
    port: $port
    ca_file: ca.pem
    username: handouts
    password_env: HANDOUT_TEST_SMTP
    messages_per_minute: 6000
    retries: 2
    retry_seconds: 0.2
    timeout_seconds: 5
EOF
    for line in "$@"; do printf '    %s\n' "$line"; done
  } >"$C/h.yaml"
}
config "$PORT"
check "the test's config, email: and all, is valid against schema/handout.schema.json" \
  verify --run-all "$PYTHON" "$REPO/tests/e2e/schema_check.py" validate "$REPO/schema" handout "$C/h.yaml" -- --exit 0
export HANDOUT_TEST_SMTP=letmein
V=$C/visits.csv
cat >"$V" <<'EOF'
id,language,articles,name,email,password,note,delivery
v-en,en,vaginismus,Ada Quillfeather,ada.quill@example.org,,Breathing exercise twice a day,
v-es,es,vaginismus,"Núñez, José Ángel",jose.nunez@example.org,abre-sesamo,Traiga el diario de síntomas,
v-ar,ar,vaginismus,ليلى تجريبية,layla.test@example.org,,ملاحظة خاصة عن الزيارة,
v-pr,en,vaginismus,Printed Only Person,,,Hand this one over,print
EOF
AUTH=(--auth handouts:letmein)
TLS=(--cert "$K/server.pem" --key "$K/server.key")

# --- .eml files: --email-out --------------------------------------------------------------------
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/eml-copies" --email-out "$C/mail" \
  --report "$C/eml.json"
cp "$C/eml.json" "$LOGS/eml.json"
check "eml: exit 0: $(head -3 "$WORK/err")" test "$rc" -eq 0
check "eml: <visit id>.eml for each visit to email, none for the one to print" \
  test "$(cd "$C/mail" && ls | tr '\n' ' ')" = "v-ar.eml v-en.eml v-es.eml "
check "eml: each file is the patient's alone (0600)" \
  test "$(stat -c %a "$C/mail"/*.eml | sort -u)" = "600"
check "eml: the messages parse and hold what they should" verify --arrived "$C/mail"
check "eml: the summary" verify --file "$WORK/log" \
  --line "messages: 3 written, 0 already delivered, 0 in doubt, 0 changed since delivered, 0 failed"
check "eml: the report has a delivery status per visit" verify \
  --deliveries "$C/eml.json" visit,language,attachments,status --equals "v-en | en | 1 | written
v-es | es | 1 | written
v-ar | ar | 1 | written
v-pr | en | 1 | print"
before=$(stat -c %Y.%i "$C/mail"/*.eml)
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/eml-copies" --email-out "$C/mail"
check "eml: a rerun writes nothing again" verify --rc "$rc" 0 --file "$WORK/log" \
  --line "messages: 0 written, 3 already delivered, 0 in doubt, 0 changed since delivered, 0 failed"
check "eml: ... and leaves the files as they were" test "$(stat -c %Y.%i "$C/mail"/*.eml)" = "$before"

# --- sending: STARTTLS, the CA file, a login --------------------------------------------------
S=$WORK/srv
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send --dry-run
check "dry run: says what it would send" verify --file "$WORK/log" --line "would send v-en (en, 1 attachment)" \
  --line "would send v-es (es, 1 attachment)" --line "would send v-ar (ar, 1 attachment)"
check "dry run: sends nothing, writes no journal" \
  verify --text "$(received "$S")" --equals 0 --absent "$C/sent/delivery-journal.tsv"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send --report "$C/sent.json"
cp "$C/sent.json" "$LOGS/sent.json"
check "send: exit 0: $(head -3 "$WORK/err")" test "$rc" -eq 0
check "send: three messages arrive, once each: $(received "$S")" test "$(received "$S")" -eq 3
check "send: they hold what they should" verify --arrived "$S"
check "send: one login for the three (the connection is kept)" test "$(grep -c 'login ok' "$S/log")" -eq 1
check "send: a line per message" verify --file "$WORK/log" --line "sent v-ar (ar, 1 attachment)" \
  --line "messages: 3 sent, 0 already delivered, 0 in doubt, 0 changed since delivered, 0 failed"
check "send: the journal is the patients' own (0600)" test "$(stat -c %a "$C/sent/delivery-journal.tsv")" = 600
check "send: the journal has each visit sent, with its Message-ID as it arrived" \
  verify --journal "$C/sent/delivery-journal.tsv" "$S"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send
check "rerun: sends nothing" verify --rc "$rc" 0 --text "$(received "$S")" --equals 3 --file "$WORK/log" \
  --line "messages: 0 sent, 3 already delivered, 0 in doubt, 0 changed since delivered, 0 failed"
# A changed message (the clinic's signature) is reported, and sent only with --resend.
sed -i 's/Willow Creek Clinic · 555-0100/Willow Creek Clinic · 555-0199/' "$C/h.yaml"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send
check "changed: reported per visit, nothing sent" verify --rc "$rc" 0 --text "$(received "$S")" --equals 3 \
  --file "$WORK/err" \
  --re "visits.csv:2:1: warning: visit v-en: its handouts or message changed since it was sent \
.*--resend v-en sends the new one"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send --resend v-en
check "changed: --resend v-en sends that one only, the new one: $(head -2 "$WORK/err")" \
  verify --text "$(received "$S")" --equals 4 --file "$(ls "$S"/*.eml | tail -1)" --has 555-0199 \
  --file "$WORK/log" --line "sent v-en (en, 1 attachment)"
sed -i 's/555-0199/555-0100/' "$C/h.yaml"
# A changed handout (the clinician edits one visit's note: its PDF changes) is reported for that
# visit alone, and sent only with --resend.
sed -i 's/ملاحظة خاصة عن الزيارة/ملاحظة أخرى عن الزيارة/' "$V"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send
check "changed handout: v-ar reported (v-es not), nothing sent" verify --rc "$rc" 0 \
  --text "$(received "$S")" --equals 4 --file "$WORK/err" --lacks "visit v-es" \
  --re "visits.csv:4:1: warning: visit v-ar: its handouts or message changed since it was sent"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/sent" --send --resend v-ar
check "changed handout: --resend v-ar sends it: $(head -2 "$WORK/err")" verify --rc "$rc" 0 \
  --text "$(received "$S")" --equals 5 --file "$WORK/log" --line "sent v-ar (ar, 1 attachment)"
stop

# --- killed mid-run: the message in flight is in doubt, the rest go once ----------------------
KV=$C/kill.csv
{
  echo "id,language,articles,name,email"
  for i in 1 2 3 4 5; do echo "k$i,en,vaginismus,Kill Test Person$i,kill.person$i@example.org"; done
} >"$KV"
S=$WORK/srv-kill
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}" --hang kill.person3@example.org
"$HANDOUT" build --config "$C/h.yaml" --patients "$KV" --patients-out "$C/killed" --send \
  >"$LOGS/kill.out" 2>"$LOGS/kill.err" &
sender=$!
for _ in $(seq 300); do grep -q "hanging kill.person3" "$S/log" 2>/dev/null && break; sleep 0.1; done
kill -9 "$sender"
wait "$sender" 2>/dev/null
check "killed: the server had k1, k2 and k3's data when the sender died" test "$(received "$S")" -eq 3
first_k3=$(verify --eml-ids "$S" --print | sed -n 3p)
stop
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$KV" --patients-out "$C/killed" --send --report "$C/kill.json"
cp "$C/kill.json" "$LOGS/kill.json"
check "rerun after the kill: k4 and k5 sent once each, nothing else: $(cat "$S/log" | tr '\n' ' ')" \
  test "$(grep '^taken' "$S/log" | sort | tr '\n' ' ')" \
  = "taken kill.person4@example.org taken kill.person5@example.org "
check "rerun after the kill: k3 is reported in doubt, with how to send it again" verify --file "$WORK/err" \
  --re "kill.csv:4:1: warning: visit k3: its message is in doubt \(.*\): the connection ended after it was sent, \
before the server answered, so it may have arrived. \
Not sent again: --resend k3 sends it again under the same Message-ID"
check "rerun after the kill: the summary and the report say so" verify --file "$WORK/log" \
  --line "messages: 2 sent, 2 already delivered, 1 in doubt, 0 changed since delivered, 0 failed" \
  --file "$C/kill.json" --has '"visit": "k3", "language": "en", "attachments": 1, "status": "in doubt"'
hb build --config "$C/h.yaml" --patients "$KV" --patients-out "$C/killed" --send --resend k3
check "--resend k3: sent again, under the same Message-ID: $(head -2 "$WORK/err")" verify --rc "$rc" 0 \
  --text "$(received "$S")" --equals 3 --file "$(ls "$S"/*.eml | tail -1)" --has "$first_k3"
hb build --config "$C/h.yaml" --patients "$KV" --patients-out "$C/killed" --send
check "after it all: each of k1..k5 delivered, nothing sent again" verify --text "$(received "$S")" --equals 3 \
  --file "$WORK/log" --line "messages: 0 sent, 5 already delivered, 0 in doubt, 0 changed since delivered, 0 failed"
stop

# --- the server's answers: 451 then success, 550 for one, a connection dropped after the data ---
FV=$C/fail.csv
cat >"$FV" <<'EOF'
id,language,articles,name,email
f1,en,vaginismus,Fail Once Person,fail.once@example.org
f2,en,vaginismus,Refused Person,no.such.user@example.org
f3,en,vaginismus,Dropped Person,dropped.conn@example.org
f4,en,vaginismus,Plain Fine Person,plain.fine@example.org
EOF
S=$WORK/srv-fail
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}" --fail-once fail.once@example.org --refuse no.such.user@example.org \
  --drop dropped.conn@example.org
hb build --config "$C/h.yaml" --patients "$FV" --patients-out "$C/failing" --send --report "$C/fail.json"
cp "$C/fail.json" "$LOGS/fail.json"
check "answers: exit 1 (a message refused, one in doubt)" test "$rc" -eq 1
check "451: retried, then taken once" verify --file "$S/log" --lines "^deferred fail.once" 1 \
  --lines "^taken fail.once" 1 --file "$WORK/err" \
  --re "fail.csv:2:1: warning: visit f1: the server could not take the message now \(451 4.3.0\): trying again in 0.2 s"
check "550: reported at its row with the server's codes, not its text (which quotes the address)" \
  verify --file "$WORK/err" --re "/fail.csv:3:1: error: visit f2: the server refused the message \(550 5.1.1\): \
not sent \(check the row's 'email'; a rerun tries again\)$"
check "dropped after the data: in doubt, not retried" verify --file "$S/log" --lines "^data dropped.conn" 1 \
  --file "$WORK/err" --re "fail.csv:4:1: error: visit f3: the connection to 127.0.0.1:$PORT ended after the message \
was sent, before the server answered: it may have arrived. Not sent again: --resend f3"
check "the others go on: f4 taken" grep -q "^taken plain.fine" "$S/log"
check "answers: the report has each visit's status and codes" verify \
  --deliveries "$C/fail.json" visit,status,reply --equals "f1 | sent | 250 2.0.0
f2 | refused | 550 5.1.1
f3 | in doubt |
f4 | sent | 250 2.0.0"
hb build --config "$C/h.yaml" --patients "$FV" --patients-out "$C/failing" --send
check "answers, rerun: only the refused one is tried again (and refused); f3 stays in doubt" \
  verify --file "$S/log" --lines "^refused no.such" 2 --lines "^taken" 2 --file "$WORK/log" \
  --line "messages: 0 sent, 2 already delivered, 1 in doubt, 0 changed since delivered, 1 failed"
stop

# --- no trustworthy connection: no STARTTLS, a certificate nobody vouches for; the server down ---
S=$WORK/srv-plain
serve "$S" "$PORT" "${AUTH[@]}"  # no certificate: no STARTTLS
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/no-tls" --send
check "no STARTTLS: exit 1, nothing sent, a clear message at the config's smtp:" verify --rc "$rc" 1 \
  --text "$(received "$S")" --equals 0 --file "$WORK/err" --re "h.yaml:[0-9]*:[0-9]*: error: 127.0.0.1:$PORT \
does not offer STARTTLS: handout does not send in plain text \(security: starttls\): no message was sent after this"
check "no STARTTLS: the others are counted as not sent" verify --file "$WORK/log" \
  --line "messages: 0 sent, 0 already delivered, 0 in doubt, 0 changed since delivered, 0 failed, 3 not sent"
stop
S=$WORK/srv-badcert
serve "$S" "$PORT" --cert "$K/bad.pem" --key "$K/bad.key" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/no-tls" --send
check "bad certificate: exit 1, nothing sent, the certificate named" verify --rc "$rc" 1 \
  --text "$(received "$S")" --equals 0 \
  --file "$WORK/err" --re "error: no trusted TLS connection to 127.0.0.1:$PORT: .*certificate"
stop
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/no-tls" --send
check "server down: exit 1 after the retries, a clear message" verify --rc "$rc" 1 --file "$WORK/err" \
  --re "error: cannot connect to 127.0.0.1:$PORT \(Couldn.t connect to server\): no message was sent after this" \
  --lines "visit v-en: cannot connect to 127.0.0.1:$PORT \(Couldn.t connect to server\): trying again" 2
S=$WORK/srv-back
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/no-tls" --send
check "the server back: all three sent, once each (none was lost)" verify --rc "$rc" 0 \
  --text "$(received "$S")" --equals 3
stop

# --- implicit TLS (port 465's way) -----------------------------------------------------------
S=$WORK/srv-tls
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}" --implicit-tls
sed -i 's/^    host: 127.0.0.1$/    host: 127.0.0.1\n    security: tls/' "$C/h.yaml"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/implicit" --send
check "implicit TLS: sent: $(head -2 "$WORK/err")" verify --rc "$rc" 0 --text "$(received "$S")" --equals 3
stop
config "$PORT"

# --- the rate limit: 120 messages a minute, so 0.5 s from the start of one to the next ----------
# (times as the server takes each: the first also waited for the connection and the login)
sed -i 's/^    messages_per_minute: 6000$/    messages_per_minute: 120/' "$C/h.yaml"
S=$WORK/srv-rate
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/rate" --send
check "rate limit: about 0.5 s between messages" verify --gaps "$S/times" 0.3 0.4 --
stop
config "$PORT"

# --- credentials and plain text: never in the YAML, never to another machine ------------------
config "$PORT" "password: letmein"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/cfg" --send
check "a password in the YAML: refused at the key (exit 2)" verify --rc "$rc" 2 --file "$WORK/err" \
  --re "h.yaml:[0-9]*:[0-9]*: error: an SMTP password never goes in the config: name an environment variable \
\(password_env\) or a file only you can read \(password_file\)"
config "$PORT"
HANDOUT_TEST_SMTP='' hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/cfg" --send
check "the password's variable unset: exit 2, named" verify --rc "$rc" 2 --file "$WORK/err" \
  --re "error: the environment variable HANDOUT_TEST_SMTP \(password_env\) is not set"
sed -i 's/^    password_env: .*/    password_file: smtp-password/' "$C/h.yaml"
printf 'letmein\n' >"$C/smtp-password"
chmod 644 "$C/smtp-password"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/cfg" --send
check "a password file others can read: exit 2, chmod 600 asked for" verify --rc "$rc" 2 --file "$WORK/err" \
  --re "error: the password file '.*smtp-password' must be yours and readable by you alone \
\(it is mode 0644\): chmod 600 it"
chmod 600 "$C/smtp-password"
S=$WORK/srv-file
serve "$S" "$PORT" "${TLS[@]}" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/cfg" --send
check "the password from a file of mode 0600: sent: $(head -2 "$WORK/err")" verify --rc "$rc" 0 \
  --text "$(received "$S")" --equals 3
stop
config "$PORT"
elsewhere='    host: smtp.willowcreek.example\n    security: none\n    allow_plaintext: true'
sed -i "s/^    host: 127.0.0.1\$/$elsewhere/" "$C/h.yaml"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/cfg" --send
check "plain text to another machine: refused (exit 2)" verify --rc "$rc" 2 --file "$WORK/err" \
  --has "error: 'security: none' sends messages in plain text: only to this machine"
config "$PORT" "security: none"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/cfg" --send
check "plain text to this machine without allow_plaintext: refused (exit 2)" verify --rc "$rc" 2 --file "$WORK/err" \
  --has "add 'allow_plaintext: true'"
config "$PORT" "security: none" "allow_plaintext: true"
S=$WORK/srv-plain-ok
serve "$S" "$PORT" "${AUTH[@]}"
hb build --config "$C/h.yaml" --patients "$V" --patients-out "$C/plain" --send
check "plain text to this machine with allow_plaintext: sent: $(head -2 "$WORK/err")" verify --rc "$rc" 0 \
  --text "$(received "$S")" --equals 3
stop
config "$PORT"

# --- cost only when used; privacy ---------------------------------------------------------------
check "handout itself links neither GMime nor libcurl (the module does)" \
  verify --run ldd "$HANDOUT" -- --no-re "gmime|curl"
strace -f -e trace=openat -o "$WORK/trace-build" "$HANDOUT" build --config "$C/h.yaml" --patients "$V" \
  --patients-out "$C/plain-build" >/dev/null 2>&1
check "a plain build does not open the mail module" verify --file "$WORK/trace-build" \
  --no-re "^(?!.*ENOENT).*(handout-mail.so|libcurl|libgmime)"
cp "$C"/*/delivery-journal.tsv "$LOGS/" 2>/dev/null
for j in "$C"/*/delivery-journal.tsv; do cp "$j" "$LOGS/journal-$(basename "$(dirname "$j")").tsv"; done
for csv in "$V" "$KV" "$FV"; do
  leaks=$("$PYTHON" "$REPO/tests/e2e/find_secrets.py" "$csv" "$LOGS" 2>&1)
  check "no patient's name, address or note in stdout, stderr, the reports or the journals ($(basename "$csv"))
$leaks" test -z "$leaks"
done
check "the privacy check sees the journals and reports" test "$(find "$LOGS" -name 'journal-*' | wc -l)" -ge 6

finish

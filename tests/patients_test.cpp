// The patients' CSV: a good file in every shape a spreadsheet writes, each error with its exact
// message and place, the limits, and the privacy rule (no patient data in any message).
#include <doctest/doctest.h>

#include <cctype>

#include "config/patients.h"
#include "test_support.h"
#include "util/input_file.h"

using namespace handout;

namespace {

const char* kHeader = "id,language,articles\n";

std::string errors_of(const std::string& csv) {
  std::vector<PatientVisit> rows;
  Diagnostics d;
  CHECK_FALSE(parse_patients(csv, "visits.csv", rows, d));
  return d.to_string();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<PatientVisit> rows_of(const std::string& csv) {
  std::vector<PatientVisit> rows;
  Diagnostics d;
  CHECK(parse_patients(csv, "visits.csv", rows, d));
  CHECK(d.to_string() == "");
  return rows;
}

}  // namespace

TEST_CASE("patients: the shipped example loads") {
  std::vector<PatientVisit> rows;
  Diagnostics d;
  REQUIRE(load_patients(test::source_dir() + "/examples/patients.csv", kDefaultMaxInputBytes, rows, d));
  CHECK(d.items().empty());
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].id == "demo-001");
  CHECK(rows[1].name == "Ejemplo, Juana (ficticia)");
  CHECK(rows[1].note.find("\n- Ejercicios") != std::string::npos);
  CHECK(rows[2].language == "ar");
  CHECK(rows[2].password == "correct horse battery staple");
  CHECK(rows[3].language == "zh-Hans");
  CHECK(rows[3].pos.line == 9);  // the second row spans lines 3-7
  for (const auto& r : rows) CHECK(r.articles == std::vector<std::string>{"vaginismus"});
}

TEST_CASE("patients: quotes, embedded commas, a multi-line note, CRLF and a BOM") {
  const std::string csv =
      "\xEF\xBB\xBF Name , ID,Articles,LANGUAGE,note,visit_date,clinician,password\r\n"
      "\"Doe, Jane (fictional)\",p-1,vaginismus; pelvic-floor;,en,\"Line one, \"\"quoted\"\"\r\n"
      "\r\n"
      "- bullet\",2026-02-28,Dr. Nobody,\r\n"
      "\r\n"
      "  ,p_2,vaginismus,zh-Hans,,,,\"correct horse battery staple\"\r\n";
  const auto rows = rows_of(csv);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].id == "p-1");
  CHECK(rows[0].name == "Doe, Jane (fictional)");
  CHECK(rows[0].articles == std::vector<std::string>{"vaginismus", "pelvic-floor"});
  CHECK(rows[0].note == "Line one, \"quoted\"\n\n- bullet");
  CHECK(rows[0].visit_date == "2026-02-28");
  CHECK(rows[0].clinician == "Dr. Nobody");
  CHECK(rows[0].password == "");
  CHECK(rows[0].pos.file == "visits.csv");
  CHECK(rows[0].pos.line == 2);
  CHECK(rows[0].pos.col == 1);
  CHECK(rows[1].name == "");
  CHECK(rows[1].language == "zh-Hans");
  CHECK(rows[1].password == "correct horse battery staple");
  CHECK(rows[1].pos.line == 6);  // the note spans lines 2-4; line 5 is blank
  CHECK(rows[1].pos.col == 3);
}

TEST_CASE("patients: lines end with LF, CRLF or a lone CR") {
  const std::string bad = "p1,en,a\np2,e!,a\n";
  const std::string error = ":3:4: error: invalid language code in 'language' (expected a BCP 47 code such as en, es "
                            "or zh-Hans)\n";
  CHECK(errors_of(kHeader + bad) == "visits.csv" + error);
  for (const char* end : {"\r\n", "\r"}) {
    std::string csv = kHeader + bad;
    for (std::size_t at = csv.find('\n'); at != std::string::npos; at = csv.find('\n', at + 2))
      csv.replace(at, 1, end);
    CHECK(errors_of(csv) == "visits.csv" + error);
  }
}

TEST_CASE("patients: header errors name the column") {
  CHECK(errors_of("id,langauge,articles\np1,en,a\n") ==
        "visits.csv:1:4: error: unknown column 'langauge' (did you mean 'language'?)\n"
        "visits.csv:1:1: error: missing required column 'language'\n");
  CHECK(errors_of("id,articles,colour\np1,a,red\n") ==
        "visits.csv:1:13: error: unknown column 'colour'\n"
        "visits.csv:1:1: error: missing required column 'language'\n");
  CHECK(errors_of("id,language,articles,ID\np1,en,a,p2\n") ==
        "visits.csv:1:22: error: duplicate column 'id' (also header field 1)\n");
  CHECK(errors_of("id,language,,articles\np1,en,,a\n") ==
        "visits.csv:1:13: error: empty column name (header field 3)\n");
  // A file without a header: its first row is a patient's, and is not repeated.
  CHECK(errors_of("p1,Jane Doe,en\n") ==
        "visits.csv:1:1: error: the first row must name the columns: id, language, articles (required), "
        "name, clinician, visit_date, note, password, email, delivery\n");
}

TEST_CASE("patients: without a required column no row is kept, but every row is checked") {
  std::vector<PatientVisit> rows;
  Diagnostics d;
  CHECK_FALSE(parse_patients("id,language\np1,en\np2,e!\n", "visits.csv", rows, d));
  CHECK(rows.empty());
  CHECK(d.to_string() ==
        "visits.csv:1:1: error: missing required column 'articles'\n"
        "visits.csv:3:4: error: invalid language code in 'language' (expected a BCP 47 code such as en, es or "
        "zh-Hans)\n");
}

TEST_CASE("patients: ids are folder names, never paths, and never repeated") {
  const std::string why = "invalid id: it names a folder, so only letters, digits, '-' and '_' may appear";
  CHECK(errors_of(std::string(kHeader) + ",en,a\n") ==
        "visits.csv:2:1: error: empty id (each row needs one: it names the patient's folder)\n");
  CHECK(errors_of(std::string(kHeader) + "../x,en,a\n") == "visits.csv:2:1: error: " + why + " (found '.')\n");
  CHECK(errors_of(std::string(kHeader) + "/,en,a\n") == "visits.csv:2:1: error: " + why + " (found '/')\n");
  CHECK(errors_of(std::string(kHeader) + "a\\b,en,a\n") == "visits.csv:2:1: error: " + why + " (found '\\')\n");
  CHECK(errors_of(std::string(kHeader) + "\"a b\",en,a\n") == "visits.csv:2:1: error: " + why + " (found a space)\n");
  CHECK(errors_of(std::string(kHeader) + "\xC3\xA9,en,a\n") ==
        "visits.csv:2:1: error: " + why + " (found a non-ASCII letter)\n");
  CHECK(errors_of(std::string(kHeader) + std::string(65, 'x') + ",en,a\n") ==
        "visits.csv:2:1: error: id is 65 bytes long (at most 64)\n");
  CHECK(rows_of(std::string(kHeader) + std::string(64, 'x') + ",en,a\n").size() == 1);
  CHECK(errors_of(std::string(kHeader) + "p1,en,a\np2,en,a\nP1,es,a\n") ==
        "visits.csv:4:1: error: duplicate id 'P1' (also on line 2): both rows would write the same files\n");
}

TEST_CASE("patients: languages, articles and dates") {
  CHECK(errors_of(std::string(kHeader) + "p1,english,a\n") ==
        "visits.csv:2:4: error: invalid language code in 'language' (expected a BCP 47 code such as en, es or "
        "zh-Hans)\n");
  CHECK(errors_of(std::string(kHeader) + "p1,,a\n") ==
        "visits.csv:2:4: error: empty 'language' (each row needs a language code such as en, es or zh-Hans)\n");
  CHECK(errors_of(std::string(kHeader) + "p1,en, ; \n") ==
        "visits.csv:2:7: error: empty 'articles' (each row needs at least one article; separate names with ';')\n");
  CHECK(errors_of(std::string(kHeader) + "p1,en,a;../b;.c\n") ==
        "visits.csv:2:7: error: article 2 of 'articles' is not an article name (letters, digits, '.', '_' and "
        "'-', not starting with '.')\n"
        "visits.csv:2:7: error: article 3 of 'articles' is not an article name (letters, digits, '.', '_' and "
        "'-', not starting with '.')\n");
  CHECK(errors_of(std::string(kHeader) + "p1,en,a;b;a\n") ==
        "visits.csv:2:7: error: article 3 of 'articles' repeats article 1\n");
  CHECK(errors_of(std::string(kHeader) + "p1,en,a;b;a;b;.c;a;a\n") ==
        "visits.csv:2:7: error: article 3 of 'articles' repeats article 1\n"
        "visits.csv:2:7: error: article 4 of 'articles' repeats article 2\n"
        "visits.csv:2:7: error: article 5 of 'articles' is not an article name (letters, digits, '.', '_' and "
        "'-', not starting with '.')\n"
        "visits.csv:2:7: error: 2 more problems in 'articles'\n");
  for (const char* date : {"2026-02-30", "2026-2-28", "28/02/2026", "2026-13-01", "tomorrow"})
    CHECK(errors_of("id,language,articles,visit_date\np1,en,a," + std::string(date) + "\n") ==
          "visits.csv:2:9: error: 'visit_date' must be a real date written YYYY-MM-DD\n");
  CHECK(rows_of("id,language,articles,visit_date\np1,en,a,2028-02-29\n").size() == 1);
}

TEST_CASE("patients: a row with the wrong number of fields") {
  CHECK(errors_of(std::string(kHeader) + "p1,en\np2,en,a,b\n") ==
        "visits.csv:2:1: error: row has 2 fields but the header has 3 (quote a field that contains a comma)\n"
        "visits.csv:3:1: error: row has 4 fields but the header has 3 (quote a field that contains a comma)\n");
}

TEST_CASE("patients: errors after a multi-line field are on the row's own line") {
  const std::string csv =
      "id,language,articles,note\n"
      "p1,en,a,\"one\n"
      "two\n"
      "three\"\n"
      "p2,xx-!,a,\n"                 // line 5, not 3
      "p3,en,a,\"x\r\ny\"\r\n"       // lines 6-7
      "p1,en,a,\n"                   // line 8
      "p4,en\n";                     // line 9
  CHECK(errors_of(csv) ==
        "visits.csv:5:4: error: invalid language code in 'language' (expected a BCP 47 code such as en, es or "
        "zh-Hans)\n"
        "visits.csv:8:1: error: duplicate id 'p1' (also on line 2): both rows would write the same files\n"
        "visits.csv:9:1: error: row has 2 fields but the header has 4 (quote a field that contains a comma)\n");
}

TEST_CASE("patients: malformed CSV is reported where libcsv stops") {
  const std::string strict = "malformed CSV: error parsing data while strict checking enabled";
  CHECK(errors_of(std::string(kHeader) + "p1,en,a\np2,en,\"a\n\np3,en,a\n") ==
        "visits.csv:3:7: error: " + strict + " (a quoted field opened here is never closed)\n");
  CHECK(errors_of(std::string(kHeader) + "p1,e\"n,a\n") ==
        "visits.csv:2:5: error: " + strict + " (a '\"' may only open a field, close it, or be doubled inside it)\n");
  CHECK(errors_of(std::string(kHeader) + "p1,\"en\"x,a\n") ==
        "visits.csv:2:8: error: " + strict + " (a '\"' may only open a field, close it, or be doubled inside it)\n");
  // Rows before the error are still checked.
  CHECK(errors_of(std::string(kHeader) + "p1,e!,a\np2,\"en\"x,a\n") ==
        "visits.csv:3:8: error: " + strict + " (a '\"' may only open a field, close it, or be doubled inside it)\n"
        "visits.csv:2:4: error: invalid language code in 'language' (expected a BCP 47 code such as en, es or "
        "zh-Hans)\n");
}

TEST_CASE("patients: invalid UTF-8, control characters, U+FFFD and line breaks") {
  const std::string head = "id,language,articles,name,note\n";
  CHECK(errors_of(head + "p1,en,a,Jos\xE9,\n") ==
        "visits.csv:2:9: error: 'name' has invalid UTF-8 (save the file as UTF-8)\n");
  CHECK(errors_of("id,language,articles,n\xFF" "me\n") ==
        "visits.csv:1:22: error: header field 4 has invalid UTF-8 (save the file as UTF-8)\n");
  CHECK(errors_of(head + "p1,en,a,,\"bell\a\"\n") ==
        "visits.csv:2:10: error: 'note' has a control character U+0007 (only line breaks and tabs may appear)\n");
  CHECK(errors_of(head + "p1,en,a,,\"a\rb\"\n") ==
        "visits.csv:2:10: error: 'note' has a control character U+000D (only line breaks and tabs may appear)\n");
  CHECK(errors_of(head + "p1,en,a,x" + std::string(1, '\0') + ",\n") ==
        "visits.csv:2:9: error: 'name' has a control character U+0000 (only line breaks and tabs may appear)\n");
  CHECK(errors_of(head + "p1,en,a,\xC2\x85,\n") ==
        "visits.csv:2:9: error: 'name' has a control character U+0085 (only line breaks and tabs may appear)\n");
  CHECK(errors_of(head + "p1,en,a,Jos\xEF\xBF\xBD,\n") ==
        "visits.csv:2:9: error: 'name' has U+FFFD (\xEF\xBF\xBD), a character lost before the file was saved (retype "
        "it)\n");
  CHECK(errors_of(head + "p1,en,a,\"two\nlines\",\n") ==
        "visits.csv:2:9: error: 'name' has a line break (only 'note' may span lines)\n");
  CHECK(rows_of(head + "p1,en,a,\"tab\there\",\"a\tb\n\nc\"\n").size() == 1);
}

TEST_CASE("patients: an empty file, or one with only a header, has no patient rows") {
  CHECK(errors_of("") == "visits.csv: error: no patient rows: the file is empty\n");
  CHECK(errors_of("\xEF\xBB\xBF\r\n\r\n") == "visits.csv: error: no patient rows: the file is empty\n");
  CHECK(errors_of("id,language,articles\r\n") == "visits.csv:1:1: error: no patient rows after the header\n");
}

TEST_CASE("patients: at most 100,000 rows and 64 KiB per field") {
  std::string csv = kHeader;
  for (int i = 0; i < 100000; ++i) csv.append("p").append(std::to_string(i)).append(",en,a\n");
  CHECK(rows_of(csv).size() == 100000);
  CHECK(errors_of(csv + "extra,en,a\n") == "visits.csv:100002:1: error: more than 100000 patient rows (split the file)\n");
  const std::string head = "id,language,articles,note\n";
  CHECK(rows_of(head + "p1,en,a,\"" + std::string(65536, 'x') + "\"\n").size() == 1);
  CHECK(errors_of(head + "p1,en,a,\"" + std::string(65537, 'x') + "\"\n") ==
        "visits.csv:2:9: error: 'note' is over 64 KiB (a field may have at most 65536 bytes)\n");
}

TEST_CASE("patients: no message repeats a patient's name, clinician, note or password") {
  const std::string head = "id,language,articles,name,clinician,visit_date,note,password\n";
  const std::vector<std::string> bad_rows = {
      "../p1,en,vaginismus,Jane Secretname,Dr. Hiddenclinician,2026-01-01,Privatenote,hunter2pass\n",
      "p2,xx-!,vaginismus,Jane Secretname,Dr. Hiddenclinician,2026-02-30,Privatenote,hunter2pass\n",
      "p3,en,vaginismus;vaginismus,Jane Secretname,Dr. Hiddenclinician,,Privatenote,hunter2pass\n",
      "p3,en,vaginismus;vaginismus.md/x,Jane Secretname,Dr. Hiddenclinician,,Privatenote,hunter2pass\n",
      "p3,en,vaginismus,Jane Secretname\a,Dr. Hiddenclinician\a,,Privatenote\a,hunter2pass\a\n",
      "p4,en,vaginismus,\"Jane Secretname\nx\",\"Dr. Hiddenclinician\nx\",,Privatenote\xFF,\"hunter2pass\nx\"\n",
      "p5,en,vaginismus,Jane Secretname,Dr. Hiddenclinician,,Privatenote,hunter2pass,extra\n",
  };
  const auto check_private = [](const std::string& csv) {
    const std::string errors = lower(errors_of(csv));
    CHECK(errors != "");
    for (const char* secret : {"secretname", "hiddenclinician", "privatenote", "hunter2pass", "vaginismus"})
      CHECK_MESSAGE(errors.find(secret) == std::string::npos, errors);
  };
  for (const auto& row : bad_rows) check_private(head + row);
  // A file whose header is missing starts with a patient's row.
  check_private("p1,Jane Secretname,hunter2pass\n");
}

TEST_CASE("patients: email and delivery: how each visit's handouts reach the patient") {
  const auto rows = rows_of("id,language,articles,email,delivery\n"
                            "a,en,x,ada@example.org,\n"
                            "b,en,x,,\n"
                            "c,en,x,bo@example.org,print\n"
                            "d,en,x, cy@example.org ,EMAIL\n"
                            "e,en,x,,none\n");
  REQUIRE(rows.size() == 5);
  CHECK(rows[0].email == "ada@example.org");
  CHECK(rows[0].delivery == "email");  // an address and no word: email
  CHECK(rows[1].delivery == "print");  // no address: handed over
  CHECK(rows[2].delivery == "print");
  CHECK(rows[3].email == "cy@example.org");
  CHECK(rows[3].delivery == "email");
  CHECK(rows[4].delivery == "none");
  CHECK(rows_of("id,language,articles,email\na,en,x,ada@example.org\n")[0].delivery == "email");
  // Every error at its cell, the address never quoted.
  CHECK(errors_of("id,language,articles,email\na,en,x,ada.example.org\n") ==
        "visits.csv:2:8: error: 'email' is not a mail address (it needs one '@' with a name before it)\n");
  CHECK(errors_of("id,language,articles,email\na,en,x,ad a@example.org\n").find("ad a") == std::string::npos);
  CHECK(errors_of("id,language,articles,email\na,en,x,ada@example\n") ==
        "visits.csv:2:8: error: 'email' is not usable: a mail address needs a domain with a dot after its '@'\n");
  CHECK(errors_of("id,language,articles,delivery\na,en,x,post\n") ==
        "visits.csv:2:8: error: 'delivery' must be email, print or none (or empty: email when the row has an "
        "address)\n");
  CHECK(errors_of("id,language,articles,email,delivery\na,en,x,,email\n") ==
        "visits.csv:2:9: error: 'delivery' is email but the row has no 'email' address\n");
}

TEST_CASE("patients: the file is read with a size limit and its bytes as they are") {
  std::vector<PatientVisit> rows;
  Diagnostics d;
  CHECK_FALSE(load_patients("/nonexistent/visits.csv", kDefaultMaxInputBytes, rows, d));
  CHECK(d.to_string() == "/nonexistent/visits.csv: error: cannot read patients' file '/nonexistent/visits.csv'\n");
  Diagnostics small;
  const std::string example = test::source_dir() + "/examples/patients.csv";
  CHECK_FALSE(load_patients(example, 100, rows, small));
  CHECK(small.to_string().find("over the limit") != std::string::npos);
}

// --- what a visit prints (build/patient_copies.h) ---------------------------------------------------

#include "build/patient_copies.h"

TEST_CASE("a personal copy: labelled lines in the handout's language, only the fields given, the note parsed") {
  Strings strings;
  strings.labels = {{"prepared_for", "Preparado para"}, {"clinician", "Profesional"}, {"visit_date", "Fecha"},
                    {"visit_note", "Notas"}, {"date", "{day} de {month} de {year}"}};
  strings.months = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                    "octubre", "noviembre", "diciembre"};
  PatientVisit v;
  v.id = "v-1", v.language = "es", v.articles = {"a"}, v.name = "Ana", v.visit_date = "2026-03-03";
  v.note = "- uno\n- dos\n";
  v.pos = {"visits.csv", 4, 1};
  Document note;
  PersonalCopy copy;
  Diagnostics d;
  REQUIRE(personal_copy(v, strings, note, copy, d));
  using Lines = std::vector<std::pair<std::string, std::string>>;
  CHECK(copy.lines == Lines{{"Preparado para", "Ana"}, {"Fecha", "3 de marzo de 2026"}});  // no clinician given
  CHECK(copy.note_label == "Notas");
  REQUIRE(copy.note);
  CHECK(copy.note->blocks.size() == 1);  // one list
  CHECK(copy.source == "visits.csv:4");
  CHECK(visit_stem(v, "a") == "v-1/es/a");

  strings.labels.erase("prepared_for");
  PersonalCopy without;
  Diagnostics e;
  CHECK_FALSE(personal_copy(v, strings, note, without, e));
  CHECK(e.to_string() == "visits.csv:4:1: error: the strings file of 'es' has no 'prepared_for', which personal "
                         "copies print\n");
  CHECK(e.to_string().find("Ana") == std::string::npos);
}

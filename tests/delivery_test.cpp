// Messages to patients without a server: the journal's reading, the message's hash, and what
// compose_message puts in a message (tests/e2e/email.sh sends them to a real one).
#include <doctest/doctest.h>
#include <sys/stat.h>

#include "config/config.h"
#include "cli/email.h"
#include "cli/delivery_journal.h"
#include "test_support.h"

using namespace handout;

namespace {

ClinicConfig email_config() {
  ClinicConfig c;
  Diagnostics d;
  REQUIRE(parse_clinic_config("clinic:\n  name: Willow Creek Clinic\nbrand:\n  primary: '#2F6B6F'\nemail:\n"
                              "  from: Willow Creek <handouts@willowcreek.example>\n"
                              "  signature: Willow Creek · 555-0100\n"
                              "  password_hint: {en: We will text it., ar: سنرسلها برسالة نصية.}\n",
                              "clinic.yaml", c, d));
  return c;
}

Strings strings_of(const std::string& lang) {
  Strings s;
  Diagnostics d;
  REQUIRE(load_strings(test::source_dir() + "/content/" + lang + "/strings.yaml", 1 << 20, s, d));
  return s;
}

PatientVisit visit(const std::string& lang, const std::string& password = "") {
  PatientVisit v;
  v.id = "v-" + lang, v.language = lang, v.articles = {"vaginismus"}, v.name = "Ada Quillfeather";
  v.email = "ada.quill@example.org", v.note = "Breathing twice a day", v.password = password;
  v.delivery = "email";
  return v;
}

}  // namespace

TEST_CASE("journal: each visit's last whole line counts; a line cut short is not there") {
  const std::string text =
      "# handout delivery journal 1\n"
      "2026-12-05T07:00:00Z\tv1\tsending\th1\tid1@x.example\tsmtp\t\n"
      "2026-12-05T07:00:01Z\tv1\tsent\th1\tid1@x.example\tsmtp\t250 2.0.0\n"
      "2026-12-05T07:00:02Z\tv2\tsending\th2\tid2@x.example\tsmtp\t\n"
      "2026-12-05T07:00:03Z\tv3\tsending\th3\tid3@x.example\tsmtp\t\n"
      "2026-12-05T07:00:04Z\tv3\tsent\th3\tid3@x.example\tsmtp\t250 2";  // killed while writing it
  const auto states = parse_journal(text);
  REQUIRE(states.size() == 3);
  CHECK(states.at("v1").delivered());
  CHECK(states.at("v1").message_id == "id1@x.example");
  CHECK(states.at("v2").in_doubt());  // 'sending' and nothing after: the run died mid-send
  CHECK(states.at("v3").in_doubt());
  CHECK_FALSE(states.at("v3").delivered());
  CHECK(parse_journal("2026-12-05T07:00:00Z\tv1\tsent\th1\n").empty());  // not seven fields
}

TEST_CASE("journal: written, locked for one run, 0600, read back") {
  const std::string dir = test::scratch_dir("journal");
  {
    DeliveryJournal j;
    std::string error;
    REQUIRE(j.open(dir, error));
    REQUIRE(j.record("v1", "sending", "h1", "id1@x.example", "smtp", "", error));
    REQUIRE(j.record("v1", "sent", "h1", "id1@x.example", "smtp", "250 2.0.0", error));
    DeliveryJournal second;
    CHECK_FALSE(second.open(dir, error));  // another run delivering the same visits
    CHECK(error.find("locked") != std::string::npos);
  }
  DeliveryJournal j;
  REQUIRE(j.read_only(dir));
  REQUIRE(j.find("v1") != nullptr);
  CHECK(j.find("v1")->event == "sent");
  CHECK(j.find("v2") == nullptr);
  struct stat st {};
  REQUIRE(::stat(j.path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("message hash: the content, not the Date, Message-ID or recipient") {
  mail::Message a;
  a.subject = "Your handout", a.text = "Hello", a.html = "<p>Hello</p>", a.from_address = "h@x.example";
  a.attachments = {{"Clinic-handout-1.pdf", "", "application/pdf"}};
  mail::Message b = a;
  b.date = 12345, b.message_id = "other@x.example", b.to_address = "someone@else.example", b.to_name = "Someone";
  CHECK(message_hash(a, {1}) == message_hash(b, {1}));
  CHECK(message_hash(a, {1}) != message_hash(a, {2}));  // a copy changed
  b.text = "Hello again";
  CHECK(message_hash(a, {1}) != message_hash(b, {1}));
  CHECK(message_hash(a, {1}).size() == 32);
}

TEST_CASE("compose: generic subject, the patient's language, the hint but never the password") {
  const ClinicConfig c = email_config();
  mail::Message m;
  std::string error;
  REQUIRE(compose_message(c, visit("en", "open-sesame"), strings_of("en"), 2, m, error));
  CHECK(m.subject == "Your handout from Willow Creek Clinic");
  CHECK(m.to_address == "ada.quill@example.org");
  CHECK(m.from_address == "handouts@willowcreek.example");
  CHECK(m.from_name == "Willow Creek");
  for (const std::string* part : {&m.subject, &m.text, &m.html}) {
    CHECK(part->find("open-sesame") == std::string::npos);
    CHECK(part->find("Ada") == std::string::npos);  // the name is in To only
    CHECK(part->find("Breathing") == std::string::npos);
  }
  CHECK(m.text.find("We will text it.") != std::string::npos);
  CHECK(m.text.find("Willow Creek · 555-0100") != std::string::npos);
  CHECK(m.html.find("<html lang=\"en\" dir=\"ltr\">") != std::string::npos);
  CHECK(m.html.find("#2F6B6F") != std::string::npos);
  REQUIRE(m.attachments.size() == 2);
  CHECK(m.attachments[0].filename == "Willow-Creek-Clinic-handout-1.pdf");
  CHECK(m.attachments[1].filename == "Willow-Creek-Clinic-handout-2.pdf");

  REQUIRE(compose_message(c, visit("ar"), strings_of("ar"), 1, m, error));
  CHECK(m.html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  CHECK(m.subject == "نشرتك من Willow Creek Clinic");
  CHECK(m.attachments[0].filename == "Willow-Creek-Clinic-نشرة-1.pdf");
  CHECK(m.text.find("سنرسلها") == std::string::npos);  // no password: no hint
}

TEST_CASE("compose: a strings file without the email labels is an error naming the label") {
  Strings s = strings_of("en");
  s.labels.erase("email_subject");
  mail::Message m;
  std::string error;
  CHECK_FALSE(compose_message(email_config(), visit("en"), s, 1, m, error));
  CHECK(error == "the strings file of 'en' has no 'email_subject', which messages to patients use");
}

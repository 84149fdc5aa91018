// handout-mail.so: messages made with GMime and sent with libcurl (see mail_module.h). Loaded
// only by runs that make messages; handout itself links neither library.
#include "mail/mail_module.h"

#include <curl/curl.h>
#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>

namespace handout::mail {
namespace {

void init_gmime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// Unrefs a GObject when it goes out of scope.
template <typename T>
struct Ref {
  T* p;
  explicit Ref(T* object) : p(object) {}
  ~Ref() {
    if (p) g_object_unref(p);
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
};

// A text alternative: UTF-8, its transfer encoding the best that keeps lines 7-bit
// (quoted-printable for mostly-ASCII text, base64 for Arabic, Chinese, ...).
GMimeTextPart* text_part(const char* subtype, const std::string& text) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  // The text as it is, in UTF-8 (g_mime_text_part_set_text would pick a legacy charset).
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
  Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.p, GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part), content.p);
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(part), "charset", "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part),
                                   g_mime_part_get_best_content_encoding(GMIME_PART(part), GMIME_ENCODING_CONSTRAINT_7BIT));
  return part;
}

// A mailbox whose name, when it is not ASCII, is encoded as UTF-8 (not a legacy charset).
void add_mailbox(GMimeMessage* message, GMimeAddressType type, const std::string& name, const std::string& address) {
  InternetAddress* mailbox = internet_address_mailbox_new(name.empty() ? nullptr : name.c_str(), address.c_str());
  internet_address_set_charset(mailbox, "utf-8");
  internet_address_list_add(g_mime_message_get_addresses(message, type), mailbox);
  g_object_unref(mailbox);
}

GMimePart* attachment_part(const Attachment& a) {
  const auto slash = a.type.find('/');
  const std::string type = a.type.substr(0, slash), subtype = slash == std::string::npos ? "octet-stream" : a.type.substr(slash + 1);
  GMimePart* part = g_mime_part_new_with_type(type.c_str(), subtype.c_str());
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.bytes.data(), a.bytes.size()));
  Ref<GMimeDataWrapper> content(g_mime_data_wrapper_new_with_stream(stream.p, GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part, content.p);
  g_mime_object_set_disposition(GMIME_OBJECT(part), GMIME_DISPOSITION_ATTACHMENT);
  g_mime_part_set_filename(part, a.filename.c_str());  // Content-Disposition filename and Content-Type name
  g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
  return part;
}

bool build_message(const Message& m, std::string& out, std::string& error) {
  init_gmime();
  Ref<GMimeMessage> message(g_mime_message_new(TRUE));
  if (!message.p) return error = "GMime could not make a message", false;
  add_mailbox(message.p, GMIME_ADDRESS_TYPE_FROM, m.from_name, m.from_address);
  if (!m.reply_to.empty()) add_mailbox(message.p, GMIME_ADDRESS_TYPE_REPLY_TO, "", m.reply_to);
  add_mailbox(message.p, GMIME_ADDRESS_TYPE_TO, m.to_name, m.to_address);
  g_mime_message_set_subject(message.p, m.subject.c_str(), "utf-8");
  GDateTime* date = g_date_time_new_from_unix_utc(m.date);
  g_mime_message_set_date(message.p, date);
  g_date_time_unref(date);
  g_mime_message_set_message_id(message.p, m.message_id.c_str());
  if (!m.language.empty())
    g_mime_object_set_header(GMIME_OBJECT(message.p), "Content-Language", m.language.c_str(), nullptr);

  Ref<GMimeMultipart> alternative(g_mime_multipart_new_with_subtype("alternative"));
  Ref<GMimeTextPart> plain(text_part("plain", m.text));
  Ref<GMimeTextPart> html(text_part("html", m.html));
  g_mime_multipart_add(alternative.p, GMIME_OBJECT(plain.p));
  g_mime_multipart_add(alternative.p, GMIME_OBJECT(html.p));
  Ref<GMimeMultipart> mixed(g_mime_multipart_new_with_subtype("mixed"));
  g_mime_multipart_add(mixed.p, GMIME_OBJECT(alternative.p));
  for (const auto& a : m.attachments) {
    Ref<GMimePart> part(attachment_part(a));
    g_mime_multipart_add(mixed.p, GMIME_OBJECT(part.p));
  }
  g_mime_message_set_mime_part(message.p, GMIME_OBJECT(mixed.p));

  GMimeFormatOptions* options = g_mime_format_options_new();
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);  // SMTP's CRLF, in files too
  Ref<GMimeStream> stream(g_mime_stream_mem_new());
  const gssize written = g_mime_object_write_to_stream(GMIME_OBJECT(message.p), options, stream.p);
  g_mime_format_options_free(options);
  if (written < 0) return error = "GMime could not write the message", false;
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream.p));
  out.assign(reinterpret_cast<const char*>(bytes->data), bytes->len);
  return true;
}

// ---- SMTP with libcurl ---------------------------------------------------------------------

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One transfer's state: the data being read out, and the server's replies as they come.
struct Transfer {
  const std::string* data = nullptr;
  std::size_t offset = 0;
  bool data_done = false;       // every byte of the message was handed to libcurl
  int last_code = 0;            // the last reply's code
  std::string last_reply;       // its codes only: "550 5.1.1"
  bool reply_after_data = false;  // a reply came after the data ended
  bool any_reply = false;
  bool quitting = false;        // QUIT was said: later replies are its own
};

std::size_t read_data(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const std::size_t n = std::min(size * count, t.data->size() - t.offset);
  std::memcpy(buffer, t.data->data() + t.offset, n);
  t.offset += n;
  // With the size known, libcurl stops asking once it has every byte: there is no call that
  // returns 0. From here on a lost connection may have delivered the message.
  if (t.offset == t.data->size()) t.data_done = true;
  return n;
}

// The codes of a reply line ("550-5.1.1 <x@y>: no such user" -> "550 5.1.1"), never its text.
std::string reply_codes(std::string_view line) {
  if (line.size() < 3 || !std::isdigit(static_cast<unsigned char>(line[0]))) return "";
  std::string out(line.substr(0, 3));
  std::size_t i = 4;
  std::string enhanced;
  while (i < line.size() && (std::isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.')) enhanced += line[i++];
  if (enhanced.size() >= 5 && std::count(enhanced.begin(), enhanced.end(), '.') == 2) out += " " + enhanced;
  return out;
}

int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  // After an error libcurl says QUIT: its 221 is not the answer that matters.
  if (type == CURLINFO_HEADER_OUT && std::string_view(data, size).starts_with("QUIT")) t.quitting = true;
  if (type != CURLINFO_HEADER_IN || t.quitting) return 0;
  const std::string codes = reply_codes(std::string_view(data, size));
  if (codes.empty()) return 0;
  t.any_reply = true;
  t.last_code = std::stoi(codes.substr(0, 3));
  t.last_reply = codes;
  if (t.data_done) t.reply_after_data = true;
  return 0;
}

class CurlSession final : public Session {
 public:
  explicit CurlSession(const SmtpSettings& s) : settings_(s) {
    init_curl();
    curl_ = curl_easy_init();
    const bool v6 = s.host.find(':') != std::string::npos && s.host.front() != '[';
    url_ = std::string(s.security == "tls" ? "smtps://" : "smtp://") + (v6 ? "[" + s.host + "]" : s.host) + ":" +
           std::to_string(s.port) + "/";
  }
  ~CurlSession() override {
    if (curl_) curl_easy_cleanup(curl_);  // says QUIT on a connection still open
  }

  SendResult send(const std::string& from, const std::string& to, const std::string& data) override {
    if (!curl_) return {Outcome::kUnreachable, "", "libcurl could not start"};
    Transfer t;
    t.data = &data;
    char errors[CURL_ERROR_SIZE] = "";
    curl_easy_reset(curl_);  // keeps the open connection
    curl_slist* rcpt = curl_slist_append(nullptr, ("<" + to + ">").c_str());
    const std::string mail_from = "<" + from + ">";
    curl_easy_setopt(curl_, CURLOPT_URL, url_.c_str());
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_USE_SSL, settings_.security == "none" ? static_cast<long>(CURLUSESSL_NONE)
                                                                          : static_cast<long>(CURLUSESSL_ALL));
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!settings_.ca_file.empty()) curl_easy_setopt(curl_, CURLOPT_CAINFO, settings_.ca_file.c_str());
    if (!settings_.username.empty()) {
      curl_easy_setopt(curl_, CURLOPT_USERNAME, settings_.username.c_str());
      curl_easy_setopt(curl_, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(curl_, CURLOPT_SERVER_RESPONSE_TIMEOUT, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, static_cast<long>(settings_.timeout_seconds));
    curl_easy_setopt(curl_, CURLOPT_MAIL_FROM, mail_from.c_str());
    curl_easy_setopt(curl_, CURLOPT_MAIL_RCPT, rcpt);
    curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl_, CURLOPT_READFUNCTION, read_data);
    curl_easy_setopt(curl_, CURLOPT_READDATA, &t);
    curl_easy_setopt(curl_, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(data.size()));
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, errors);
    curl_easy_setopt(curl_, CURLOPT_VERBOSE, 1L);  // the replies' codes reach on_debug; nothing is printed
    curl_easy_setopt(curl_, CURLOPT_DEBUGFUNCTION, on_debug);
    curl_easy_setopt(curl_, CURLOPT_DEBUGDATA, &t);
    const CURLcode rc = curl_easy_perform(curl_);
    curl_slist_free_all(rcpt);
    return outcome(rc, t, errors);
  }

 private:
  SendResult outcome(CURLcode rc, const Transfer& t, const char* errors) const {
    const std::string where = settings_.host + ":" + std::to_string(settings_.port);
    // libcurl's own words for TLS problems name certificates and protocols, never a patient.
    const std::string why = errors[0] ? errors : curl_easy_strerror(rc);
    if (rc == CURLE_OK) return {Outcome::kSent, t.last_reply, ""};
    switch (rc) {
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_CONNECT:
        return {Outcome::kUnreachable, "", "cannot connect to " + where + " (" + curl_easy_strerror(rc) + ")"};
      case CURLE_USE_SSL_FAILED:
        return {Outcome::kTls, t.last_reply,
                where + " does not offer STARTTLS: handout does not send in plain text (security: starttls)"};
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CACERT_BADFILE:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_ISSUER_ERROR:
        return {Outcome::kTls, "", "no trusted TLS connection to " + where + ": " + why};
      case CURLE_LOGIN_DENIED:
        return {Outcome::kLogin, t.last_reply, where + " refused the username or password (" + t.last_reply + ")"};
      default:
        break;
    }
    if (t.data_done && !t.reply_after_data)
      return {Outcome::kInDoubt, "",
              "the connection to " + where + " ended after the message was sent, before the server answered"};
    if (t.last_code >= 500 && t.last_code < 600)
      return {Outcome::kPermanent, t.last_reply, "the server refused the message (" + t.last_reply + ")"};
    if (t.last_code >= 400 && t.last_code < 500)
      return {Outcome::kTemporary, t.last_reply, "the server could not take the message now (" + t.last_reply + ")"};
    if (!t.any_reply && rc == CURLE_OPERATION_TIMEDOUT)
      return {Outcome::kUnreachable, "", "no answer from " + where + " (" + curl_easy_strerror(rc) + ")"};
    return {Outcome::kTemporary, t.last_reply,
            "the connection to " + where + " was lost (" + std::string(curl_easy_strerror(rc)) + ")"};
  }

  SmtpSettings settings_;
  CURL* curl_ = nullptr;
  std::string url_;
};

std::unique_ptr<Session> open_session(const SmtpSettings& settings) {
  return std::make_unique<CurlSession>(settings);
}

const Api kApi{build_message, open_session};

}  // namespace
}  // namespace handout::mail

extern "C" __attribute__((visibility("default"))) const handout::mail::Api* handout_mail_v1() {
  return &handout::mail::kApi;
}

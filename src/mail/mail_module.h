// Messages to patients: what handout hands its mail module, handout-mail.so (mail_module.cpp),
// and what comes back. The module holds GMime (the MIME message) and libcurl (SMTP), which
// with the libraries they bring (GnuTLS or OpenSSL, nghttp2, LDAP, Kerberos, ...: about 30)
// load only in runs that make messages: mail_loader.cpp opens it on first use.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace handout::mail {

/// A file attached to a message.
struct Attachment {
  std::string filename;  ///< UTF-8; encoded in the headers as RFC 2231 asks
  std::string bytes;
  std::string type = "application/pdf";
};

/// One message, as plain text: the module encodes it (headers with non-ASCII as RFC 2047
/// encoded words, bodies quoted-printable or base64, CRLF line ends).
struct Message {
  std::string from_name, from_address;
  std::string reply_to;            ///< an address, or empty
  std::string to_name, to_address;
  std::string subject;
  std::string text, html;          ///< the two alternatives, UTF-8
  std::string message_id;          ///< without angle brackets: "<id>@<domain>"
  std::int64_t date = 0;           ///< seconds since 1970 (UTC)
  std::string language;            ///< Content-Language
  std::vector<Attachment> attachments;
};

/// Where messages go.
struct SmtpSettings {
  std::string host;
  int port = 587;
  std::string security = "starttls";  ///< starttls, tls or none
  std::string ca_file;                ///< empty: the system's store
  std::string username, password;     ///< empty: no authentication
  int timeout_seconds = 60;
};

/// What became of one attempt to send.
enum class Outcome {
  kSent,         ///< the server took it (250 after the data)
  kTemporary,    ///< not taken, worth trying again: a 4xx, or the connection lost before the data ended
  kPermanent,    ///< refused (5xx): trying again will not help
  kInDoubt,      ///< the data went out but no answer came: the server may or may not have it
  kUnreachable,  ///< no connection to the server at all
  kTls,          ///< no trustworthy encrypted connection (no STARTTLS, a certificate not trusted)
  kLogin,        ///< the server refused the username or password
};

/// An attempt's outcome. `reply` holds only the server's codes ("550 5.1.1"), never its text,
/// which may quote the patient's address; `problem` says what happened in handout's words.
struct SendResult {
  Outcome outcome = Outcome::kTemporary;
  std::string reply;
  std::string problem;
};

/// An open connection to the server, reused from one message to the next.
class Session {
 public:
  virtual ~Session() = default;
  /// Sends `data` (a whole message, CRLF line ends) from `from` to `to` (addresses).
  virtual SendResult send(const std::string& from, const std::string& to, const std::string& data) = 0;
};

/// The module's entry point (symbol handout_mail_v1 returns it).
struct Api {
  /// The message as MIME bytes (CRLF line ends); false with `error` when it cannot be made.
  bool (*build)(const Message& message, std::string& out, std::string& error);
  /// A session with the server (connecting lazily, on the first send).
  std::unique_ptr<Session> (*open)(const SmtpSettings& settings);
};

/// The module, opened on first use; null with `error` naming it when it cannot be loaded.
const Api* mail_api(std::string& error);

}  // namespace handout::mail

// Patient copies' encryption: qpdf (libqpdf) rewrites a finished handout with AES-256, which
// libharu cannot write. qpdf and the libraries it brings (GnuTLS and six more, which would
// slow every process's start) load only in runs that encrypt: pdf_encrypt.cpp is a module,
// handout-encrypt.so, which pdf_encrypt_loader.cpp opens on first use.
#pragma once
#include <string>

namespace handout {

/// Encrypts `pdf` in place with AES-256 (PDF 2.0's revision 6, which qpdf writes; libharu has
/// only RC4): `password` opens it. Printing and extraction for accessibility stay allowed (a
/// screen reader must read the patient's copy); changing it needs an owner password made of
/// random bytes and never kept. The /ID is random too, as encryption needs. Safe on several
/// threads at once. False with an error naming the module when it cannot be loaded: the copy is
/// then not written at all, never written unencrypted.
bool encrypt_pdf(std::string& pdf, const std::string& password, std::string& error);

}  // namespace handout

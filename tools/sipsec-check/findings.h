/* findings.h: every finding sipsec-check can report, in one table.
 *
 * Each row: the enum name, the stable identifier printed and matched by
 * scripts (never renamed; a retired id is never reused), the severity, and
 * one sentence saying what it means. Exit status 1 means at least one
 * ERROR-level finding. docs/sipsec-check.md lists the same rows, and
 * tests/test_sipsec_check.py fails if a row has no test. */
#ifndef SF_CHECK_FINDINGS_H
#define SF_CHECK_FINDINGS_H

enum sf_check_severity { SF_CHECK_INFO, SF_CHECK_WARNING, SF_CHECK_ERROR };

/* clang-format off */
#define SF_CHECK_FINDING_LIST(X)                                                                 \
  /* The SIP message (RFC 3261). */                                                              \
  X(SIP_MALFORMED, "sip.malformed", ERROR,                                                       \
    "The SIP parser rejects the message, so nothing after the fault was checked.")               \
  X(SIP_SEMANTIC, "sip.semantic", ERROR,                                                         \
    "The message parses but breaks RFC 3261 8.1.1/20: a mandatory header field is missing or repeated, or CSeq names another method.") \
  X(SIP_LF_LINE_ENDS, "sip.lf-line-ends", WARNING,                                               \
    "The SIP header section ends lines with a bare LF where RFC 3261 7 requires CRLF.")          \
  X(SIP_UNQUOTED_IDENTITY, "sip.unquoted-identity", WARNING,                                     \
    "The Identity header value is not the quoted string RFC 4474 9 requires.")                   \
  X(SIP_NON_UTF8, "sip.non-utf8", WARNING,                                                       \
    "A reason phrase or header value holds bytes that are not well-formed UTF-8 (Latin-1, say), which RFC 3261 25.1 does not allow.") \
  X(SIP_DISPLAY_NAME_NO_SPACE, "sip.display-name-no-space", WARNING,                            \
    "A token display name runs straight into '<', which RFC 3261 25.1 does not allow (RFC 4475 3.1.1.6).") \
  X(SIP_TRAILING_BYTES, "sip.trailing-bytes", WARNING,                                           \
    "The datagram holds bytes after the body Content-Length frames; they were not checked (RFC 3261 18.3).") \
  X(SIP_NO_CONTENT_LENGTH, "sip.no-content-length", WARNING,                                     \
    "There is no Content-Length, so the body was taken to run to the end of the datagram (RFC 3261 20.14).") \
  X(SIP_IDENTITY_NOT_VERIFIED, "sip.identity-not-verified", INFO,                                \
    "An Identity header (RFC 4474) is present; this tool reports it but does not verify it.")   \
  X(BODY_NO_SMIME, "body.no-smime", INFO,                                                        \
    "The body holds no S/MIME part, so nothing was signed or encrypted end to end.")             \
  /* MIME structure (RFC 2045, 2046, 1847). */                                                   \
  X(MIME_MALFORMED, "mime.malformed", ERROR,                                                     \
    "The MIME parser rejects the body (or a decrypted entity), so its parts were not checked.")  \
  X(MIME_UNQUOTED_PARAMETER, "mime.unquoted-parameter", WARNING,                                 \
    "A Content-Type parameter holding '/' (such as protocol=application/pkcs7-signature) is not quoted as RFC 2045 5.1 requires.") \
  X(MIME_LF_LINE_ENDS, "mime.lf-line-ends", WARNING,                                             \
    "MIME delimiter or part header lines end with a bare LF where RFC 2046 5.1.1 requires CRLF.") \
  X(MIME_NON_UTF8, "mime.non-utf8", WARNING,                                                     \
    "A MIME part header value holds bytes that are not well-formed UTF-8 (Latin-1, say), which RFC 6532 3.2 does not allow.") \
  X(MIME_SIGNATURE_LABEL, "mime.signature-label", WARNING,                                       \
    "The signature part's type is not the multipart/signed protocol parameter (the draft's clients label it application/pkcs7-mime; RFC 1847 2.1).") \
  X(MIME_BAD_ENCODING, "mime.bad-encoding", ERROR,                                               \
    "A part's body is not valid in its Content-Transfer-Encoding (base64 or quoted-printable) and cannot be decoded.") \
  X(MIME_UNKNOWN_ENCODING, "mime.unknown-encoding", ERROR,                                       \
    "An S/MIME part has a Content-Transfer-Encoding that is none of 7bit, 8bit, binary, base64, quoted-printable.") \
  /* CMS (RFC 5652) and S/MIME (RFC 8551, RFC 3261 23). */                                        \
  X(CMS_MALFORMED, "cms.malformed", ERROR,                                                       \
    "The S/MIME part is not a well-formed CMS message (the project's parser or OpenSSL rejects it).") \
  X(SMIME_WRONG_CMS_TYPE, "smime.wrong-cms-type", ERROR,                                         \
    "The CMS content is not the type its place calls for: a detached SignedData in a multipart/signed, SignedData or EnvelopedData in application/pkcs7-mime.") \
  X(SMIME_SMIME_TYPE_MISMATCH, "smime.smime-type-mismatch", WARNING,                             \
    "The smime-type parameter names another CMS type than the part holds (RFC 8551 3.2.2).")     \
  X(SMIME_UNSUPPORTED_PROTOCOL, "smime.unsupported-protocol", WARNING,                           \
    "The multipart/signed protocol is not application/pkcs7-signature, so the signature was not checked.") \
  X(SMIME_MICALG_MISMATCH, "smime.micalg-mismatch", WARNING,                                     \
    "The micalg parameter does not name the digest algorithm the signer used (RFC 8551 3.5.3.2).") \
  X(SMIME_NO_SIGNER, "smime.no-signer", ERROR,                                                   \
    "The SignedData has no SignerInfo this tool can check, so nothing vouches for the content.") \
  X(SMIME_SIGNATURE_VALID, "smime.signature-valid", INFO,                                        \
    "The signature verifies over exactly the signed bytes.")                                     \
  X(SMIME_DIGEST_MISMATCH, "smime.digest-mismatch", ERROR,                                       \
    "The signed content's digest differs from the signed messageDigest: the content changed after signing.") \
  X(SMIME_BAD_SIGNATURE, "smime.bad-signature", ERROR,                                           \
    "The signature value does not verify with the signer certificate's public key.")            \
  X(SMIME_UNKNOWN_ALGORITHM, "smime.unknown-algorithm", ERROR,                                   \
    "The signature names a digest or signature algorithm OpenSSL does not know, so it cannot be checked.") \
  X(SMIME_NO_SIGNER_CERT, "smime.no-signer-cert", ERROR,                                         \
    "The signer's certificate is not in the message, so neither the signature nor the sender can be checked.") \
  X(SMIME_CANONICALISED, "smime.canonicalised", WARNING,                                         \
    "The signature verifies only once the signed part's bare LF line ends are made CRLF (the canonical form of RFC 8551 3.1.1).") \
  X(SMIME_CERT_VALID, "smime.cert-valid", INFO,                                                  \
    "The signer certificate chains to a --ca certificate and every certificate of the chain is valid at the verification time.") \
  X(SMIME_CERT_EXPIRED, "smime.cert-expired", ERROR,                                             \
    "A certificate of the signer's chain had expired at the verification time (--at, default now).") \
  X(SMIME_CERT_NOT_YET_VALID, "smime.cert-not-yet-valid", ERROR,                                 \
    "A certificate of the signer's chain was not yet valid at the verification time (--at, default now).") \
  X(SMIME_CERT_UNTRUSTED, "smime.cert-untrusted", ERROR,                                         \
    "The signer certificate does not chain to a --ca certificate, or a certificate of the chain fails a check.") \
  X(SMIME_NO_TRUST_ANCHOR, "smime.no-trust-anchor", WARNING,                                     \
    "No --ca was given: the signer certificate's dates were checked but not whom it chains to.") \
  X(SMIME_SAN_MATCH, "smime.san-match", INFO,                                                    \
    "A subjectAltName URI of the signer certificate equals the From URI (RFC 3261 19.1.4, 23.3).") \
  X(SMIME_SAN_MISMATCH, "smime.san-mismatch", ERROR,                                             \
    "No subjectAltName URI of the signer certificate equals the From URI, so the signer is not the sender (RFC 3261 23.3).") \
  X(SMIME_NO_SAN_URI, "smime.no-san-uri", ERROR,                                                 \
    "The signer certificate has no sip or sips subjectAltName URI to compare with the From URI (RFC 3261 23.3).") \
  X(SMIME_NOT_DECRYPTED, "smime.not-decrypted", WARNING,                                         \
    "An encrypted part was not decrypted because no --key and --cert were given, so its content was not checked.") \
  X(SMIME_DECRYPTED, "smime.decrypted", INFO,                                                    \
    "The encrypted part decrypts with --key; its content is checked as the entity below it.")    \
  X(SMIME_DECRYPT_FAILED, "smime.decrypt-failed", ERROR,                                         \
    "The encrypted part does not decrypt with --key and --cert (not a recipient, wrong key, or unknown cipher).") \
  X(SMIME_TOO_DEEP, "smime.too-deep", ERROR,                                                     \
    "S/MIME content nests deeper than sipsec-check follows (SF_CHECK_MAX_NESTING), so the inner content was not checked.")
/* clang-format on */

enum sf_check_finding_id {
#define SF_X(name, id, severity, sentence) SF_CHECK_F_##name,
  SF_CHECK_FINDING_LIST(SF_X)
#undef SF_X
  SF_CHECK_FINDING_COUNT
};

/* sf_check_finding_key returns the stable identifier of |id| ("smime.cert-expired"). */
const char *sf_check_finding_key(int id);
/* sf_check_finding_severity returns enum sf_check_severity of |id|. */
int sf_check_finding_severity(int id);
/* sf_check_finding_sentence returns the one-sentence explanation of |id|. */
const char *sf_check_finding_sentence(int id);
/* sf_check_severity_name returns "error", "warning" or "info". */
const char *sf_check_severity_name(int severity);

#endif /* SF_CHECK_FINDINGS_H */

/* signed.c: signatures. A multipart/signed (RFC 1847 2.1, RFC 8551 3.5.3)
 * is verified over exactly the bytes the MIME parser delimits as its first
 * part; an application/pkcs7-mime signed-data (RFC 8551 3.5.2) over its own
 * content. Both end in sf_check_report_signature, which turns the OpenSSL
 * layer's verdict into findings. */
#include <openssl/obj_mac.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "sf/cms.h"

sf_cms *sf_check_parse_cms(sf_check_report *r, int e, size_t part, const uint8_t *decoded,
                           const uint8_t *der, size_t len) {
  sf_cms *cms = malloc(sizeof *cms);
  if (cms == NULL) return NULL;
  sf_error err;
  /* BER is what RFC 8551 2.x has receivers accept; DER is not required. */
  int rc = sf_cms_parse(der, len, SF_CMS_ALLOW_BER, cms, &err);
  if (rc == SF_CMS_OK) return cms;
  sf_check_loc at = sf_check_loc_decoded(r, e, part, decoded, der + err.offset);
  sf_check_add(r, SF_CHECK_F_CMS_MALFORMED, &at, "%s at CMS offset %zu: %s",
               sf_cms_status_name(rc), err.offset, err.reason);
  free(cms);
  return NULL;
}

/* micalg_names lists the micalg values that name a digest (RFC 8551
 * 3.5.3.2; RFC 3851 and the draft's clients wrote "sha1", RFC 8551
 * "sha-1"). */
static const struct {
  int nid;
  const char *names[2];
} micalg_names[] = {
    {NID_md5, {"md5", "md5"}},
    {NID_sha1, {"sha-1", "sha1"}},
    {NID_sha224, {"sha-224", "sha224"}},
    {NID_sha256, {"sha-256", "sha256"}},
    {NID_sha384, {"sha-384", "sha384"}},
    {NID_sha512, {"sha-512", "sha512"}},
};

/* micalg_has says whether the comma-separated micalg text lists a name of
 * digest |nid|. */
static int micalg_has(const uint8_t *text, size_t len, int nid) {
  for (size_t i = 0; i < sizeof micalg_names / sizeof micalg_names[0]; i++) {
    if (micalg_names[i].nid != nid) continue;
    size_t start = 0;
    for (size_t k = 0; k <= len; k++) {
      if (k < len && text[k] != ',') continue;
      size_t a = start, b = k;
      while (a < b && (text[a] == ' ' || text[a] == '\t')) a++;
      while (b > a && (text[b - 1] == ' ' || text[b - 1] == '\t')) b--;
      sf_slice item = sf_slice_make(text + a, b - a);
      if (sf_slice_eq_nocase_lit(item, micalg_names[i].names[0]) ||
          sf_slice_eq_nocase_lit(item, micalg_names[i].names[1])) {
        return 1;
      }
      start = k + 1;
    }
  }
  return 0;
}

/* check_micalg compares the micalg parameter with each signer's digest. */
static void check_micalg(sf_check_report *r, int e, size_t part, const sf_smime_verdict *v) {
  const sf_mime_part *p = &r->entities[e].tree->parts[part];
  uint8_t text[256];
  size_t len = 0;
  if (!sf_slice_is_present(p->micalg) || p->micalg.len > sizeof text ||
      sf_content_unquote(p->micalg, text, sizeof text, &len) != SF_CONTENT_OK) {
    return;
  }
  for (size_t i = 0; i < v->signer_count; i++) {
    if (micalg_has(text, len, v->signers[i].digest_nid)) continue;
    sf_check_loc at = sf_check_loc_in(r, e, part, p->micalg.ptr);
    sf_check_add(r, SF_CHECK_F_SMIME_MICALG_MISMATCH, &at, "micalg=%.*s; signer %zu used %s",
                 (int)len, (const char *)text, i + 1, v->signers[i].digest);
  }
}

/* signer_cert_of finds the certificate of |s| among the parsed ones. */
static const sf_cms_cert *signer_cert_of(const sf_cms *cms, const sf_cms_signer *s) {
  const sf_cms_certs *certs = &cms->signed_data.certs;
  for (size_t i = 0; i < certs->count; i++) {
    const sf_cms_cert *c = &certs->items[i];
    if (s->sid.kind == SF_CMS_SID_ISSUER_SERIAL ? sf_slice_eq(c->issuer, s->sid.issuer) &&
                                                      sf_slice_eq(c->serial, s->sid.serial)
                                                : sf_slice_eq(c->key_id, s->sid.key_id)) {
      return c;
    }
  }
  return NULL;
}

/* report_status turns a verdict that checked no signer into a finding. */
static void report_status(sf_check_report *r, const sf_smime_verdict *v, const sf_check_loc *at,
                          int cms_reported) {
  switch (v->status) {
    case SF_SMIME_MALFORMED:
    case SF_SMIME_CONTENT_TOO_LARGE:
      if (!cms_reported) {
        sf_check_add(r, SF_CHECK_F_CMS_MALFORMED, at, "OpenSSL: %s (%s)", v->detail,
                     sf_smime_status_name(v->status));
      }
      break;
    case SF_SMIME_NO_SIGNERS:
    case SF_SMIME_TOO_MANY_SIGNERS:
      sf_check_add(r, SF_CHECK_F_SMIME_NO_SIGNER, at, "%s", sf_smime_status_reason(v->status));
      break;
    default:
      sf_check_add(r, SF_CHECK_F_SMIME_WRONG_CMS_TYPE, at, "%s",
                   sf_smime_status_reason(v->status));
      break;
  }
}

/* report_cert turns signer |i|'s certificate check into findings. */
static void report_cert(sf_check_report *r, const sf_smime_verdict *v, size_t i,
                        const sf_check_loc *at) {
  const sf_smime_signer *s = &v->signers[i];
  char at_text[SF_SMIME_TIME_LEN], nb[SF_SMIME_TIME_LEN], na[SF_SMIME_TIME_LEN];
  sf_smime_format_time(v->at, at_text);
  sf_smime_format_time(s->not_before, nb);
  sf_smime_format_time(s->not_after, na);
  static const int ids[SF_SMIME_CERT_COUNT] = {SF_CHECK_F_SMIME_CERT_EXPIRED,
                                               SF_CHECK_F_SMIME_CERT_NOT_YET_VALID,
                                               SF_CHECK_F_SMIME_CERT_UNTRUSTED};
  for (int b = 0; b < SF_SMIME_CERT_COUNT; b++) {
    if (!(s->cert_problems & (1u << b))) continue;
    sf_check_add(r, ids[b], at, "signer %zu (%s), valid %s to %s, checked at %s: %s (first at chain depth %d)",
                 i + 1, s->subject, nb, na, at_text, s->cert_detail, s->cert_error_depth);
  }
  if (!v->trust_checked) {
    sf_check_add(r, SF_CHECK_F_SMIME_NO_TRUST_ANCHOR, at, "signer %zu (%s), issued by %s", i + 1,
                 s->subject, s->issuer);
  } else if (s->cert_problems == 0) {
    sf_check_add(r, SF_CHECK_F_SMIME_CERT_VALID, at, "signer %zu (%s), valid %s to %s, checked at %s",
                 i + 1, s->subject, nb, na, at_text);
  }
}

/* has_bare_lf says whether |p| holds an LF not preceded by CR. */
static int has_bare_lf(const uint8_t *p, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (p[i] == '\n' && (i == 0 || p[i - 1] != '\r')) return 1;
  }
  return 0;
}

/* verify_canonical verifies again over the CRLF form of the signed bytes
 * (RFC 8551 3.1.1: a signer converts line ends to CRLF before signing, so a
 * message whose line ends were changed to LF in transit may verify there). */
static int verify_canonical(const sf_check_report *r, const uint8_t *der, size_t der_len,
                            const uint8_t *content, size_t len, sf_smime_verdict *v) {
  uint8_t *crlf = malloc(2 * len + 1);
  if (crlf == NULL) return 0;
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (content[i] == '\n' && (i == 0 || content[i - 1] != '\r')) crlf[n++] = '\r';
    crlf[n++] = content[i];
  }
  int ok = sf_smime_verify(r->config.smime, der, der_len, crlf, n, v, NULL, NULL) == SF_SMIME_OK &&
           sf_smime_verdict_valid(v);
  free(crlf);
  return ok;
}

int sf_check_report_signature(sf_check_report *r, int e, size_t part, int opaque,
                              const uint8_t *der, size_t der_len, const uint8_t *decoded,
                              const uint8_t *content, size_t content_len, uint8_t **out_content,
                              size_t *out_content_len) {
  const sf_mime_tree *t = r->entities[e].tree;
  size_t sig_part = opaque ? part : t->parts[part].signature_part;
  sf_check_loc sig_at = sf_check_loc_decoded(r, e, sig_part, decoded, der);
  sf_cms *cms = sf_check_parse_cms(r, e, sig_part, decoded, der, der_len);
  if (r->signature_count == SF_CHECK_MAX_SIGNATURES) {
    free(cms);
    return 0;
  }
  sf_check_signature *rec = &r->signatures[r->signature_count];
  memset(rec, 0, sizeof *rec);
  rec->verdict = malloc(sizeof *rec->verdict);
  if (rec->verdict == NULL) {
    free(cms);
    return 0;
  }
  r->signature_count++;
  rec->entity = e;
  rec->part = part;
  rec->opaque = opaque;
  for (size_t i = 0; i < SF_SMIME_MAX_SIGNERS; i++) rec->from_match[i] = -1;
  sf_smime_verdict *v = rec->verdict;
  sf_smime_verify(r->config.smime, der, der_len, content, content_len, v, out_content,
                  out_content_len);
  if (content != NULL && v->status == SF_SMIME_OK && !sf_smime_verdict_valid(v) &&
      has_bare_lf(content, content_len)) {
    sf_smime_verdict *again = malloc(sizeof *again);
    if (again != NULL && verify_canonical(r, der, der_len, content, content_len, again)) {
      memcpy(v, again, sizeof *v);
      rec->canonicalised = 1;
      sf_check_loc at = sf_check_loc_in(r, e, t->parts[part].signed_part, content);
      sf_check_add(r, SF_CHECK_F_SMIME_CANONICALISED, &at,
                   "the signed part as received has bare LF line ends");
    }
    free(again);
  }
  if (v->status != SF_SMIME_OK) {
    report_status(r, v, &sig_at, cms == NULL);
    free(cms);
    return 0;
  }
  if (!opaque) check_micalg(r, e, part, v);
  for (size_t i = 0; i < v->signer_count; i++) {
    const sf_smime_signer *s = &v->signers[i];
    const sf_cms_signer *ps = cms != NULL && i < cms->signed_data.signer_count
                                  ? &cms->signed_data.signers[i] : NULL;
    const sf_cms_cert *pc = ps != NULL ? signer_cert_of(cms, ps) : NULL;
    sf_check_loc value_at = ps != NULL ? sf_check_loc_decoded(r, e, sig_part, decoded, ps->signature.ptr) : sig_at;
    sf_check_loc cert_at = pc != NULL ? sf_check_loc_decoded(r, e, sig_part, decoded, pc->whole.ptr) : sig_at;
    sf_check_loc content_at = opaque || content == NULL
                                  ? sig_at
                                  : sf_check_loc_in(r, e, t->parts[part].signed_part, content);
    switch (s->signature) {
      case SF_SMIME_SIG_VALID:
        sf_check_add(r, SF_CHECK_F_SMIME_SIGNATURE_VALID, &value_at, "signer %zu, %s%s", i + 1,
                     s->digest, rec->canonicalised ? ", over the CRLF form" : "");
        break;
      case SF_SMIME_SIG_DIGEST_MISMATCH:
        sf_check_add(r, SF_CHECK_F_SMIME_DIGEST_MISMATCH, &content_at, "signer %zu, %s: %s", i + 1,
                     s->digest, s->signature_detail);
        break;
      case SF_SMIME_SIG_BAD_SIGNATURE:
        sf_check_add(r, SF_CHECK_F_SMIME_BAD_SIGNATURE, &value_at, "signer %zu: %s", i + 1,
                     s->signature_detail);
        break;
      case SF_SMIME_SIG_UNKNOWN_ALGORITHM:
        sf_check_add(r, SF_CHECK_F_SMIME_UNKNOWN_ALGORITHM, &value_at, "signer %zu, digest %s: %s",
                     i + 1, s->digest[0] ? s->digest : "?", s->signature_detail);
        break;
      default:
        sf_check_add(r, SF_CHECK_F_SMIME_NO_SIGNER_CERT, &value_at, "signer %zu: %s", i + 1,
                     s->signature_detail);
        break;
    }
    if (!s->has_cert) continue;
    report_cert(r, v, i, &cert_at);
    sf_check_identity(r, r->signature_count - 1, i, &cert_at);
  }
  free(cms);
  return out_content != NULL && *out_content != NULL;
}

/* is_pkcs7_signature says whether the protocol parameter names the CMS
 * detached signature (RFC 8551 3.5.3; the x- form of older agents). */
static int is_pkcs7_signature(const uint8_t *p, size_t n) {
  sf_slice s = sf_slice_make(p, n);
  return sf_slice_eq_nocase_lit(s, "application/pkcs7-signature") ||
         sf_slice_eq_nocase_lit(s, "application/x-pkcs7-signature");
}

void sf_check_signed_part(sf_check_report *r, int e, size_t part) {
  const sf_mime_part *p = &r->entities[e].tree->parts[part];
  uint8_t protocol[256];
  size_t plen = 0;
  if (p->protocol.len > sizeof protocol ||
      sf_content_unquote(p->protocol, protocol, sizeof protocol, &plen) != SF_CONTENT_OK ||
      !is_pkcs7_signature(protocol, plen)) {
    sf_check_loc at = sf_check_loc_in(r, e, part, p->protocol.ptr);
    sf_check_add(r, SF_CHECK_F_SMIME_UNSUPPORTED_PROTOCOL, &at, "protocol=%.*s",
                 (int)p->protocol.len, (const char *)p->protocol.ptr);
    return;
  }
  size_t der_len = 0;
  uint8_t *owned = NULL;
  const uint8_t *der = sf_check_decode_part(r, e, p->signature_part, &der_len, &owned);
  if (der == NULL) return;
  sf_check_report_signature(r, e, part, 0, der, der_len, der, p->signed_content.ptr,
                            p->signed_content.len, NULL, NULL);
  free(owned);
}

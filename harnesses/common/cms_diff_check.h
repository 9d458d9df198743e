/* cms_diff_check.h: the comparison behind the cms_diff target: our CMS
 * parser against OpenSSL's d2i_CMS_ContentInfo on the same bytes.
 *
 * Our side parses with BER and detached encryptedContent allowed, which is
 * what OpenSSL's decoder accepts too. Both sides must agree on accept or
 * reject; when both accept they must agree on the content type, the number
 * of signers and recipients, each signer's and recipient's identifier
 * (issuer and serial, or key identifier), each signer's digest algorithm,
 * whether eContent is present, and each embedded certificate's serial and
 * subjectAltName list. Any other outcome is a failure whose message names
 * the field and both values, unless a row of the table of justified
 * differences below covers it (README.md and docs/cms.md carry the same
 * table).
 *
 * The decision is made here, not in the harness, so that it can be tested:
 * sf_cms_diff_run() runs one input through both sides and says what it
 * found (the row that justified a difference, or the failure message)
 * without aborting; harnesses/cms_diff.c aborts on a failure, and
 * tests/test_cms_diff.c feeds sf_cms_diff_decide() and
 * sf_cms_diff_compare() constructed disagreements, and sf_cms_diff_run()
 * an input for every row. Nothing here aborts or keeps state between
 * inputs. */
#ifndef SF_HARNESS_CMS_DIFF_CHECK_H
#define SF_HARNESS_CMS_DIFF_CHECK_H

#include <openssl/asn1.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "der_check.h"
#include "sf/cms.h"

#define SF_CMS_DIFF_FLAGS (SF_CMS_ALLOW_BER | SF_CMS_ALLOW_DETACHED_ENCRYPTED)

/* What one run saw on each side, and what was decided. */
typedef struct sf_cms_diff {
  const uint8_t *data;
  size_t size;
  int ours;               /* our status */
  sf_error err;           /* our error */
  const sf_cms *m;        /* our result */
  int theirs;             /* 1 if d2i_CMS_ContentInfo accepted */
  size_t consumed;        /* bytes d2i read */
  char ossl_errors[1024]; /* OpenSSL's error queue: reasons and "Type=..." data */
  const char *rejected_on_use; /* what OpenSSL rejects once asked to decode it, or NULL */
  int ext_trailing;            /* a decoded extension value has bytes after it */
  /* The outcome. */
  const char *justified_by; /* the row that covers an accept/reject difference, or NULL */
  char failure[512];        /* "" if both sides agree (or a row covers it); else why not */
} sf_cms_diff;

/* Who rejects, in an accept/reject difference. */
enum { SF_CMS_DIFF_WE_REJECT = 1, SF_CMS_DIFF_OPENSSL_REJECTS = 2 };

/* ---- The table of justified differences -------------------------------- */

static inline int diff_code_in(int code, const int *codes) {
  for (; *codes >= 0; codes++)
    if (*codes == code) return 1;
  return 0;
}

static inline int diff_after_outer_object(const sf_cms_diff *d) {
  return d->ours == SF_CMS_TRAILING_DATA && d->err.offset == d->consumed && d->consumed < d->size;
}

static inline int diff_rfc5652_rule(const sf_cms_diff *d) {
  static const int codes[] = {SF_CMS_BAD_VERSION,         SF_CMS_UNKNOWN_DIGEST_ALG,
                              SF_CMS_MISSING_SIGNED_ATTRS, SF_CMS_MISSING_CONTENT_TYPE_ATTR,
                              SF_CMS_MISSING_MESSAGE_DIGEST,
                              SF_CMS_BAD_CONTENT_TYPE_ATTR, SF_CMS_BAD_MESSAGE_DIGEST,
                              SF_CMS_MESSAGE_DIGEST_LENGTH, SF_CMS_BAD_SIGNING_TIME,
                              SF_CMS_BAD_SMIME_CAPABILITIES, SF_CMS_DUPLICATE_ATTRIBUTE,
                              SF_CMS_EMPTY_ATTRIBUTES,     SF_CMS_EMPTY_SIGNATURE,
                              SF_CMS_SIGNATURE_TOO_LONG,   SF_CMS_BAD_IV,
                              SF_CMS_BAD_RECIPIENT_INFO,   -1};
  return diff_code_in(d->ours, codes);
}

static inline int diff_our_limit(const sf_cms_diff *d) {
  static const int codes[] = {
      SF_CMS_TOO_MANY_DIGEST_ALGS, SF_CMS_TOO_MANY_CERTS,     SF_CMS_TOO_MANY_CRLS,
      SF_CMS_TOO_MANY_SIGNERS,     SF_CMS_TOO_MANY_RECIPIENTS, SF_CMS_TOO_MANY_ATTRS,
      SF_CMS_TOO_MANY_ATTR_VALUES, SF_CMS_TOO_MANY_SMIME_CAPS, SF_CMS_TOO_MANY_EXTENSIONS,
      SF_CMS_TOO_MANY_SAN,         SF_CMS_TOO_MANY_EKU,       SF_CMS_TOO_DEEP_NESTING,
      SF_CMS_TOO_DEEP,             SF_CMS_TAG_TOO_LONG,       SF_CMS_LENGTH_TOO_LONG,
      SF_CMS_OID_ARC_TOO_LARGE,    SF_CMS_TOO_MANY_OID_ARCS,  -1};
  return diff_code_in(d->ours, codes);
}

static inline int diff_inside_nested_content(const sf_cms_diff *d) { return d->m->nesting >= 2; }

static inline int diff_certificate_detail(const sf_cms_diff *d) {
  static const int codes[] = {SF_CMS_BAD_VALIDITY,          SF_CMS_BAD_TIME,
                              SF_CMS_BAD_EXTENSION,         SF_CMS_DUPLICATE_EXTENSION,
                              SF_CMS_BAD_SUBJECT_ALT_NAME,  SF_CMS_BAD_BASIC_CONSTRAINTS,
                              SF_CMS_BAD_KEY_IDENTIFIER,    SF_CMS_BAD_EXT_KEY_USAGE,
                              SF_CMS_NEGATIVE_INTEGER,      SF_CMS_INTEGER_TOO_LARGE,
                              SF_CMS_BAD_NAME,              -1};
  return diff_code_in(d->ours, codes);
}

static inline int diff_x690_rule(const sf_cms_diff *d) {
  static const int codes[] = {SF_CMS_NONMINIMAL_TAG, SF_CMS_BAD_STRING_SEGMENT, SF_CMS_BAD_FORM,
                              SF_CMS_BAD_EOC, SF_CMS_BAD_INTEGER, SF_CMS_BAD_BIT_STRING,
                              SF_CMS_CONSTRUCTED_STRING, SF_CMS_BAD_STRING, -1};
  return diff_code_in(d->ours, codes);
}

/* diff_raw_not_a_tree: we accepted, so every part we parse is valid BER; if
 * the whole input still does not walk as a BER tree, the fault is inside
 * content we keep raw (an unknown or unassigned type's contents, an ANY
 * value), and OpenSSL, which reads some of those (it collects any
 * constructed universal element of an unassigned type as a string), saw
 * it. */
static inline int diff_raw_not_a_tree(const sf_cms_diff *d) {
  sf_der_state st;
  sf_der all;
  sf_der_init(&all, &st, d->data, d->size, SF_DER_BER);
  return d->ours == SF_CMS_OK && sf_walk_tree(&all, NULL) != SF_DER_OK;
}

static inline int diff_openssl_decodes_what_we_keep_raw(const sf_cms_diff *d) {
  static const char *const types[] = {
      "Type=X509_CRL",  "Type=X509_REVOKED", "Type=CMS_KeyAgreeRecipientInfo",
      "Type=CMS_KEKRecipientInfo", "Type=CMS_PasswordRecipientInfo",
      "Type=CMS_OtherRecipientInfo", "Type=CMS_OriginatorIdentifierOrKey",
      "Type=CMS_OriginatorPublicKey", "Type=CMS_RecipientEncryptedKey",
      "Type=CMS_KeyAgreeRecipientIdentifier", "Type=CMS_RecipientKeyIdentifier",
      "Type=CMS_OtherKeyAttribute", "Type=CMS_KEKIdentifier", "Type=CMS_DigestedData",
      "Type=CMS_EncryptedData", "Type=CMS_AuthenticatedData", "Type=CMS_CompressedData",
      "Type=CMS_AuthEnvelopedData", "Type=CMS_OtherRevocationInfoFormat", NULL};
  for (size_t i = 0; types[i] != NULL; i++)
    if (strstr(d->ossl_errors, types[i]) != NULL) return 1;
  return 0;
}

/* diff_rejected_on_use: OpenSSL decodes signed attributes, certificate
 * extensions and times only when they are used (CMS_verify,
 * X509_get_ext_d2i, X509_cmp_time). When it accepted a message we reject,
 * diff_use_parts() asks it to decode those parts as that code would; if it
 * rejects one, both sides agree that the message is bad. */
static inline int diff_rejected_on_use(const sf_cms_diff *d) { return d->rejected_on_use != NULL; }

static inline int diff_after_extension_value(const sf_cms_diff *d) {
  return d->ours == SF_CMS_TRAILING_DATA && d->ext_trailing;
}

static inline int diff_eoc_as_value(const sf_cms_diff *d) {
  return d->ours == SF_CMS_MISSING_ELEMENT && d->err.offset + 2 <= d->size &&
         d->data[d->err.offset] == 0 && d->data[d->err.offset + 1] == 0;
}

static inline int diff_openssl_empty_bit_string(const sf_cms_diff *d) {
  return strstr(d->ossl_errors, "string too short") != NULL;
}

static inline int diff_openssl_name_value_types(const sf_cms_diff *d) {
  return strstr(d->ossl_errors, "mstring wrong tag") != NULL &&
         strstr(d->ossl_errors, "Type=X509_NAME_ENTRY") != NULL;
}

/* The rows, checked in this order; the first that applies justifies the
 * difference. Each applies() looks only at what sf_cms_diff holds. */
static const struct {
  const char *name;
  int direction;
  int (*applies)(const sf_cms_diff *);
  const char *why;
} sf_cms_diff_rows[] = {
    {"decoded-on-use", SF_CMS_DIFF_WE_REJECT, diff_rejected_on_use,
     "OpenSSL decodes signed attributes, certificate extensions and validity times when it "
     "uses them, and rejects this message's then (the harness asks it to); we decode them "
     "while parsing"},
    {"trailing-bytes", SF_CMS_DIFF_WE_REJECT, diff_after_outer_object,
     "OpenSSL's d2i reads one object and ignores what follows; a CMS body is exactly one "
     "ContentInfo, so we reject bytes after it (SF_CMS_TRAILING_DATA)"},
    {"extension-trailing-bytes", SF_CMS_DIFF_WE_REJECT, diff_after_extension_value,
     "X509V3_EXT_d2i decodes an extension value and ignores bytes after it; an extnValue "
     "OCTET STRING holds exactly one value (RFC 5280 4.1), so we reject them"},
    {"rfc5652-rules", SF_CMS_DIFF_WE_REJECT, diff_rfc5652_rule,
     "RFC 5652 rules OpenSSL checks only in CMS_verify/CMS_decrypt or not at all: versions "
     "(and a certificate's version against its fields, RFC 5280 4.1.2.1), "
     "known digest, signedAttrs for content other than id-data, contentType/messageDigest/"
     "signingTime attributes, SIZE (1..MAX) sets, "
     "signature length, CBC IV length"},
    {"limits", SF_CMS_DIFF_WE_REJECT, diff_our_limit,
     "our named limits (SF_CMS_MAX_*, SF_DER_MAX_*) are tighter than OpenSSL's"},
    {"nested-content", SF_CMS_DIFF_WE_REJECT, diff_inside_nested_content,
     "we parse CMS content nested in eContent (signedData, envelopedData, id-ct-contentInfo); "
     "OpenSSL leaves eContent opaque"},
    {"certificate-details", SF_CMS_DIFF_WE_REJECT, diff_certificate_detail,
     "we decode validity times, four extensions and Name structure; OpenSSL's d2i keeps "
     "times as strings and extension values undecoded until used"},
    {"x690-rules", SF_CMS_DIFF_WE_REJECT, diff_x690_rule,
     "X.690 rules OpenSSL's decoder skips: low tag numbers in high-tag form (8.1.2.3), "
     "a primitive SET OF (8.12.1), a string segment tagged [UNIVERSAL 0] with a length "
     "(OpenSSL checks only a segment's class; 8.1.5 makes 00 00 the only end-of-contents), "
     "an INTEGER with no contents octets (8.3.1; OpenSSL's INT32 versions read it as 0), "
     "an empty BIT STRING claiming unused bits (8.6.2.3), "
     "segments of a constructed string of another type (8.7.3.2), constructed encodings "
     "where we require DER primitive values (signature, keys, messageDigest), string contents"},
    {"name-value-types", SF_CMS_DIFF_OPENSSL_REJECTS, diff_openssl_name_value_types,
     "a Name attribute value is ANY (X.501); OpenSSL takes only the universal types of its "
     "B_ASN1_PRINTABLE mask (no VisibleString, OCTET STRING, INTEGER, times...)"},
    {"eoc-as-value", SF_CMS_DIFF_WE_REJECT, diff_eoc_as_value,
     "inside an indefinite-length explicit tag, OpenSSL reads 00 00 as an ANY value (of "
     "type EOC) and then the closing 00 00; for us 00 00 only ends contents, so the value "
     "is missing (SF_CMS_MISSING_ELEMENT)"},
    {"empty-constructed-bit-string", SF_CMS_DIFF_OPENSSL_REJECTS, diff_openssl_empty_bit_string,
     "a constructed BIT STRING of zero segments is an empty bit string (X.690 8.6.4); "
     "OpenSSL joins the segments and then finds no unused-bits octet (string too short); "
     "a primitive 03 00 we reject too"},
    {"raw-not-ber", SF_CMS_DIFF_OPENSSL_REJECTS, diff_raw_not_a_tree,
     "the fault lies inside content we keep raw as one element (the input is not a BER "
     "tree there); OpenSSL reads into it, e.g. collecting a constructed element of an "
     "unassigned universal type as if it were a string"},
    {"kept-raw", SF_CMS_DIFF_OPENSSL_REJECTS, diff_openssl_decodes_what_we_keep_raw,
     "OpenSSL decodes parts we recognize and keep raw: CRLs, RecipientInfo choices other than "
     "ktri, digested/encrypted/authenticated/compressed content"},
};
#define SF_CMS_DIFF_ROWS (sizeof sf_cms_diff_rows / sizeof sf_cms_diff_rows[0])

/* sf_cms_diff_justify returns the name of the first row of the table for
 * |direction| (SF_CMS_DIFF_*) that covers |d|, or NULL if none does. */
static inline const char *sf_cms_diff_justify(const sf_cms_diff *d, int direction) {
  for (size_t i = 0; i < SF_CMS_DIFF_ROWS; i++) {
    if (sf_cms_diff_rows[i].direction == direction && sf_cms_diff_rows[i].applies(d)) {
      return sf_cms_diff_rows[i].name;
    }
  }
  return NULL;
}

/* ---- Comparing fields ----------------------------------------------------- */

/* diff_fail records the first failure of a run; later ones are not looked
 * for (a count that differs makes every later comparison meaningless). */
static inline int diff_fail(sf_cms_diff *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline int diff_fail(sf_cms_diff *d, const char *fmt, ...) {
  if (d->failure[0] == '\0') {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->failure, sizeof d->failure, fmt, ap);
    va_end(ap);
  }
  return 0;
}

static inline void diff_hex(char *out, size_t cap, const uint8_t *p, size_t n) {
  size_t k = 0;
  if (p == NULL) {
    snprintf(out, cap, "(absent)");
    return;
  }
  for (size_t i = 0; i < n && k + 3 < cap; i++) {
    k += (size_t)snprintf(out + k, cap - k, "%02x", p[i]);
  }
  if (k == 0) snprintf(out, cap, "(empty)");
}

/* sf_cms_diff_same_bytes and sf_cms_diff_same_int return 1 if our value of
 * |field| equals OpenSSL's; otherwise they record
 * "cms_diff: FIELD differs: ours=... openssl=..." and return 0. */
static inline int sf_cms_diff_same_bytes(sf_cms_diff *d, const char *field, sf_slice ours,
                                         const uint8_t *theirs, size_t n) {
  if ((ours.ptr == NULL) == (theirs == NULL) && ours.len == n &&
      (n == 0 || memcmp(ours.ptr, theirs, n) == 0)) {
    return 1;
  }
  char a[200], b[200];
  diff_hex(a, sizeof a, ours.ptr, ours.len);
  diff_hex(b, sizeof b, theirs, n);
  return diff_fail(d, "cms_diff: %s differs: ours=%s openssl=%s", field, a, b);
}

static inline int sf_cms_diff_same_int(sf_cms_diff *d, const char *field, long ours, long theirs) {
  if (ours == theirs) return 1;
  return diff_fail(d, "cms_diff: %s differs: ours=%ld openssl=%ld", field, ours, theirs);
}

static inline int diff_same_oid(sf_cms_diff *d, const char *field, sf_slice ours,
                                const ASN1_OBJECT *o) {
  return sf_cms_diff_same_bytes(d, field, ours, o ? OBJ_get0_data(o) : NULL,
                                o ? (size_t)OBJ_length(o) : 0);
}

/* diff_same_integer compares INTEGER contents octets with an ASN1_INTEGER. */
static inline int diff_same_integer(sf_cms_diff *d, const char *field, sf_slice ours,
                                    const ASN1_INTEGER *i) {
  unsigned char *der = NULL;
  int n = i ? i2d_ASN1_INTEGER(i, &der) : 0;
  int same;
  if (n >= 2) {
    const unsigned char *p = der;
    long len = 0;
    int tag = 0, cls = 0;
    ASN1_get_object(&p, &len, &tag, &cls, n);
    same = sf_cms_diff_same_bytes(d, field, ours, p, (size_t)len);
  } else {
    same = sf_cms_diff_same_bytes(d, field, ours, NULL, 0);
  }
  OPENSSL_free(der);
  return same;
}

static inline int diff_same_name(sf_cms_diff *d, const char *field, sf_slice ours,
                                 const X509_NAME *name) {
  unsigned char *der = NULL;
  int n = name ? i2d_X509_NAME(name, &der) : 0;
  int same = sf_cms_diff_same_bytes(d, field, ours, n > 0 ? der : NULL, n > 0 ? (size_t)n : 0);
  OPENSSL_free(der);
  return same;
}

static inline int diff_same_sid(sf_cms_diff *d, const char *what, const sf_cms_sid *ours,
                                ASN1_OCTET_STRING *keyid, X509_NAME *issuer,
                                ASN1_INTEGER *serial) {
  char field[64];
  snprintf(field, sizeof field, "%s identifier kind", what);
  int kind = keyid ? SF_CMS_SID_KEY_ID : SF_CMS_SID_ISSUER_SERIAL;
  if (!sf_cms_diff_same_int(d, field, ours->kind, kind)) return 0;
  if (keyid) {
    snprintf(field, sizeof field, "%s subjectKeyIdentifier", what);
    return sf_cms_diff_same_bytes(d, field, ours->key_id, ASN1_STRING_get0_data(keyid),
                                  (size_t)ASN1_STRING_length(keyid));
  }
  snprintf(field, sizeof field, "%s issuer", what);
  if (!diff_same_name(d, field, ours->issuer, issuer)) return 0;
  snprintf(field, sizeof field, "%s serial", what);
  return diff_same_integer(d, field, ours->serial, serial);
}

static inline int diff_same_sans(sf_cms_diff *d, size_t i, const sf_cms_cert *c, X509 *x) {
  char field[64];
  int crit = 0;
  GENERAL_NAMES *gens = X509_get_ext_d2i(x, NID_subject_alt_name, &crit, NULL);
  snprintf(field, sizeof field, "certificate %zu subjectAltName count", i);
  int same =
      sf_cms_diff_same_int(d, field, (long)c->san_count, gens ? sk_GENERAL_NAME_num(gens) : 0);
  for (size_t k = 0; same && k < c->san_count; k++) {
    const GENERAL_NAME *g = sk_GENERAL_NAME_value(gens, (int)k);
    int type = 0;
    void *value = GENERAL_NAME_get0_value(g, &type);
    snprintf(field, sizeof field, "certificate %zu subjectAltName %zu type", i, k);
    same = sf_cms_diff_same_int(d, field, c->san[k].type, type);
    snprintf(field, sizeof field, "certificate %zu subjectAltName %zu", i, k);
    if (same && (type == GEN_EMAIL || type == GEN_DNS || type == GEN_URI || type == GEN_IPADD)) {
      const ASN1_STRING *s = value;
      same = sf_cms_diff_same_bytes(d, field, c->san[k].value, ASN1_STRING_get0_data(s),
                                    (size_t)ASN1_STRING_length(s));
    } else if (same && type == GEN_RID) {
      same = diff_same_oid(d, field, c->san[k].value, value);
    }
  }
  GENERAL_NAMES_free(gens);
  return same;
}

static inline int diff_same_certs(sf_cms_diff *d, const sf_cms_certs *ours, CMS_ContentInfo *cms) {
  STACK_OF(X509) *certs = CMS_get1_certs(cms);
  int same = sf_cms_diff_same_int(d, "certificate count", (long)ours->count,
                                  certs ? sk_X509_num(certs) : 0);
  for (size_t i = 0; same && i < ours->count; i++) {
    X509 *x = sk_X509_value(certs, (int)i);
    char field[64];
    snprintf(field, sizeof field, "certificate %zu serial", i);
    same = diff_same_integer(d, field, ours->items[i].serial, X509_get0_serialNumber(x)) &&
           diff_same_sans(d, i, &ours->items[i], x);
  }
  sk_X509_pop_free(certs, X509_free);
  return same;
}

static inline int diff_compare_signed(sf_cms_diff *d, const sf_cms_signed_data *sd,
                                      CMS_ContentInfo *cms) {
  STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(cms);
  if (!sf_cms_diff_same_int(d, "signer count", (long)sd->signer_count,
                            sis ? sk_CMS_SignerInfo_num(sis) : 0)) {
    return 0;
  }
  for (size_t i = 0; i < sd->signer_count; i++) {
    CMS_SignerInfo *si = sk_CMS_SignerInfo_value(sis, (int)i);
    ASN1_OCTET_STRING *keyid = NULL;
    X509_NAME *issuer = NULL;
    ASN1_INTEGER *serial = NULL;
    char what[32];
    snprintf(what, sizeof what, "signer %zu", i);
    CMS_SignerInfo_get0_signer_id(si, &keyid, &issuer, &serial);
    if (!diff_same_sid(d, what, &sd->signers[i].sid, keyid, issuer, serial)) return 0;
    X509_ALGOR *dig = NULL;
    const ASN1_OBJECT *obj = NULL;
    CMS_SignerInfo_get0_algs(si, NULL, NULL, &dig, NULL);
    X509_ALGOR_get0(&obj, NULL, NULL, dig);
    char field[48];
    snprintf(field, sizeof field, "signer %zu digest algorithm", i);
    if (!diff_same_oid(d, field, sd->signers[i].digest_alg.oid, obj)) return 0;
  }
  ASN1_OCTET_STRING **pos = CMS_get0_content(cms);
  int theirs_econtent = pos != NULL && *pos != NULL;
  return sf_cms_diff_same_int(d, "eContent present", sd->has_econtent, theirs_econtent) &&
         diff_same_certs(d, &sd->certs, cms);
}

static inline int diff_compare_enveloped(sf_cms_diff *d, const sf_cms_enveloped_data *ed,
                                         CMS_ContentInfo *cms) {
  STACK_OF(CMS_RecipientInfo) *ris = CMS_get0_RecipientInfos(cms);
  if (!sf_cms_diff_same_int(d, "recipient count", (long)ed->recipient_count,
                            ris ? sk_CMS_RecipientInfo_num(ris) : 0)) {
    return 0;
  }
  for (size_t i = 0; i < ed->recipient_count; i++) {
    CMS_RecipientInfo *ri = sk_CMS_RecipientInfo_value(ris, (int)i);
    char what[32];
    snprintf(what, sizeof what, "recipient %zu type", i);
    if (!sf_cms_diff_same_int(d, what, ed->recipients[i].kind - 1, CMS_RecipientInfo_type(ri))) {
      return 0;
    }
    if (ed->recipients[i].kind != SF_CMS_RI_KTRI) continue;
    ASN1_OCTET_STRING *keyid = NULL;
    X509_NAME *issuer = NULL;
    ASN1_INTEGER *serial = NULL;
    CMS_RecipientInfo_ktri_get0_signer_id(ri, &keyid, &issuer, &serial);
    snprintf(what, sizeof what, "recipient %zu", i);
    if (!diff_same_sid(d, what, &ed->recipients[i].rid, keyid, issuer, serial)) return 0;
  }
  return diff_same_certs(d, &ed->originator_certs, cms);
}

/* sf_cms_diff_compare compares, field by field, our result |m| for d->data
 * with what OpenSSL decoded into |cms| (both accepted). It returns 1 if they
 * agree; otherwise it records the first field that differs, with both
 * values, in d->failure and returns 0. */
static inline int sf_cms_diff_compare(sf_cms_diff *d, const sf_cms *m, CMS_ContentInfo *cms) {
  if (!sf_cms_diff_same_int(d, "bytes read", (long)d->size, (long)d->consumed) ||
      !diff_same_oid(d, "content type", m->content_type, CMS_get0_type(cms))) {
    return 0;
  }
  if (m->type == SF_CMS_TYPE_SIGNED) return diff_compare_signed(d, &m->signed_data, cms);
  if (m->type == SF_CMS_TYPE_ENVELOPED) return diff_compare_enveloped(d, &m->enveloped_data, cms);
  return 1;
}

/* ---- Asking OpenSSL to use what it decoded -------------------------------- */

/* diff_attr_value returns the single value of attribute |nid| of |si|, or
 * sets *why when the attribute is there but not one value of type |type|. */
static inline const ASN1_TYPE *diff_attr_value(CMS_SignerInfo *si, int nid, int type,
                                               const char **why, const char *what) {
  int at = CMS_signed_get_attr_by_NID(si, nid, -1);
  if (at < 0) return NULL;
  X509_ATTRIBUTE *a = CMS_signed_get_attr(si, at);
  const ASN1_TYPE *v = X509_ATTRIBUTE_count(a) == 1 ? X509_ATTRIBUTE_get0_type(a, 0) : NULL;
  if (v == NULL || (type >= 0 && v->type != type) || CMS_signed_get_attr_by_NID(si, nid, at) >= 0) {
    *why = what;
    return NULL;
  }
  return v;
}

static inline int diff_time_ok(const ASN1_TYPE *v) {
  return v->type == V_ASN1_UTCTIME ? ASN1_TIME_check(v->value.utctime)
         : v->type == V_ASN1_GENERALIZEDTIME ? ASN1_TIME_check(v->value.generalizedtime)
                                            : 0;
}

static inline const char *diff_use_signer(CMS_SignerInfo *si) {
  const char *why = NULL;
  diff_attr_value(si, NID_pkcs9_contentType, V_ASN1_OBJECT, &why, "contentType attribute");
  diff_attr_value(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, &why,
                  "messageDigest attribute");
  const ASN1_TYPE *t =
      diff_attr_value(si, NID_pkcs9_signingTime, -1, &why, "signingTime attribute");
  if (t != NULL && !diff_time_ok(t)) why = "signingTime attribute";
  const ASN1_TYPE *caps = diff_attr_value(si, NID_SMIMECapabilities, V_ASN1_SEQUENCE, &why,
                                          "smimeCapabilities attribute");
  if (caps != NULL) {
    const unsigned char *p = ASN1_STRING_get0_data(caps->value.sequence);
    long n = ASN1_STRING_length(caps->value.sequence);
    X509_ALGORS *algs = d2i_X509_ALGORS(NULL, &p, n);
    if (algs == NULL || p != ASN1_STRING_get0_data(caps->value.sequence) + n) {
      why = "smimeCapabilities attribute";
    }
    sk_X509_ALGOR_pop_free(algs, X509_ALGOR_free);
  }
  return why;
}

static inline const char *diff_use_cert(X509 *x, int *ext_trailing) {
  static const int nids[] = {NID_subject_alt_name, NID_basic_constraints,
                             NID_subject_key_identifier, NID_ext_key_usage};
  if (!ASN1_TIME_check(X509_get0_notBefore(x)) || !ASN1_TIME_check(X509_get0_notAfter(x))) {
    return "certificate validity";
  }
  for (size_t i = 0; i < sizeof nids / sizeof nids[0]; i++) {
    int crit = 0;
    void *ext = X509_get_ext_d2i(x, nids[i], &crit, NULL);
    const X509V3_EXT_METHOD *m = X509V3_EXT_get_nid(nids[i]);
    if (ext != NULL) {
      ASN1_item_free(ext, ASN1_ITEM_ptr(m->it));
      /* X509V3_EXT_d2i does not look past the value: do it here. */
      const ASN1_OCTET_STRING *v =
          X509_EXTENSION_get_data(X509_get_ext(x, X509_get_ext_by_NID(x, nids[i], -1)));
      const unsigned char *p = ASN1_STRING_get0_data(v);
      ASN1_VALUE *again = ASN1_item_d2i(NULL, &p, ASN1_STRING_length(v), ASN1_ITEM_ptr(m->it));
      if (again != NULL && p != ASN1_STRING_get0_data(v) + ASN1_STRING_length(v)) *ext_trailing = 1;
      ASN1_item_free(again, ASN1_ITEM_ptr(m->it));
    } else if (crit != -1) {
      return crit == -2 ? "duplicate certificate extension" : "certificate extension value";
    }
  }
  return NULL;
}

/* diff_use_parts returns the first part OpenSSL rejects when asked to use it. */
static inline const char *diff_use_parts(CMS_ContentInfo *cms, int *ext_trailing) {
  const char *why = NULL;
  int nid = OBJ_obj2nid(CMS_get0_type(cms));
  if (nid == NID_pkcs7_signed) {
    STACK_OF(CMS_SignerInfo) *sis = CMS_get0_SignerInfos(cms);
    for (int i = 0; why == NULL && i < sk_CMS_SignerInfo_num(sis); i++) {
      why = diff_use_signer(sk_CMS_SignerInfo_value(sis, i));
    }
  }
  if (nid == NID_pkcs7_signed || nid == NID_pkcs7_enveloped) {
    STACK_OF(X509) *certs = CMS_get1_certs(cms);
    for (int i = 0; why == NULL && i < sk_X509_num(certs); i++) {
      why = diff_use_cert(sk_X509_value(certs, i), ext_trailing);
    }
    sk_X509_pop_free(certs, X509_free);
  }
  ERR_clear_error();
  return why;
}

static inline void diff_collect_errors(sf_cms_diff *d) {
  size_t k = 0;
  const char *data = NULL;
  int flags = 0;
  unsigned long e;
  d->ossl_errors[0] = '\0';
  while ((e = ERR_get_error_all(NULL, NULL, NULL, &data, &flags)) != 0) {
    const char *reason = ERR_reason_error_string(e);
    int n = snprintf(d->ossl_errors + k, sizeof d->ossl_errors - k, "%s%s%s%s;",
                     reason ? reason : "?", (flags & ERR_TXT_STRING) ? " (" : "",
                     (flags & ERR_TXT_STRING) ? data : "", (flags & ERR_TXT_STRING) ? ")" : "");
    if (n < 0 || (size_t)n >= sizeof d->ossl_errors - k) break;
    k += (size_t)n;
  }
}

/* ---- One input ------------------------------------------------------------- */

/* sf_cms_diff_decide decides on what both sides saw (d->ours, d->err,
 * d->theirs, d->consumed, d->ossl_errors, d->rejected_on_use,
 * d->ext_trailing; |cms| is OpenSSL's result when it accepted). On an
 * accept/reject difference it looks for a row: d->justified_by names it,
 * or d->failure says "accept/reject differs" with both verdicts. When both
 * accept it compares the fields (sf_cms_diff_compare). Returns 1 if the
 * two sides agree or a row covers the difference, 0 if d->failure is set. */
static inline int sf_cms_diff_decide(sf_cms_diff *d, CMS_ContentInfo *cms) {
  int ours_ok = d->ours == SF_CMS_OK;
  if (ours_ok != d->theirs) {
    d->justified_by =
        sf_cms_diff_justify(d, ours_ok ? SF_CMS_DIFF_OPENSSL_REJECTS : SF_CMS_DIFF_WE_REJECT);
    if (d->justified_by != NULL) return 1;
    return diff_fail(d,
                     "cms_diff: accept/reject differs: ours=%s (%s at offset %zu), openssl=%s [%s]",
                     sf_cms_status_name(d->ours), d->err.reason, d->err.offset,
                     d->theirs ? "accepted, and every part it decodes on use" : "rejected",
                     d->ossl_errors);
  }
  return ours_ok ? sf_cms_diff_compare(d, d->m, cms) : 1;
}

/* sf_cms_diff_run puts [data, data+size) through our parser (into |ours|)
 * and OpenSSL's decoder, fills |d| and decides (sf_cms_diff_decide). It
 * returns 1 if both sides agree or a row of the table covers the
 * difference, 0 with d->failure set otherwise. OpenSSL's error queue is
 * left empty. */
static inline int sf_cms_diff_run(sf_cms_diff *d, const uint8_t *data, size_t size, sf_cms *ours) {
  memset(d, 0, sizeof *d);
  d->data = data;
  d->size = size;
  d->m = ours;
  d->ours = sf_cms_parse(data, size, SF_CMS_DIFF_FLAGS, ours, &d->err);

  const unsigned char *p = data;
  CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)size);
  d->theirs = cms != NULL;
  d->consumed = cms != NULL ? (size_t)(p - data) : 0;
  diff_collect_errors(d);
  if (d->ours != SF_CMS_OK && d->theirs) d->rejected_on_use = diff_use_parts(cms, &d->ext_trailing);
  int agreed = sf_cms_diff_decide(d, cms);
  CMS_ContentInfo_free(cms);
  ERR_clear_error();
  return agreed;
}

#endif /* SF_HARNESS_CMS_DIFF_CHECK_H */

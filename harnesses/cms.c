/* cms.c: fuzz target for the CMS parser (sf/cms.h).
 *
 * Each input is parsed strictly (DER) and leniently (BER, detached
 * encryptedContent). Promises checked:
 *   - the error code is recorded once, its offset lies in the input, its
 *     reason comes from the table;
 *   - strict acceptance implies lenient acceptance of the same structure,
 *     and strict parsing never reports a leniency;
 *   - on success: every slice lies inside the input, every count is within
 *     its limit, every OID prints and re-encodes to the same bytes, decoded
 *     attributes obey RFC 5652 (contentType equals eContentType,
 *     messageDigest as long as the digest), signatures are 1 to
 *     SF_CMS_MAX_SIGNATURE_LEN octets, each certificate parses alone to the
 *     same serial and names;
 *   - BER converted to DER parses to the same structure. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "der_check.h"
#include "sf/cms.h"

#define LENIENT (SF_CMS_ALLOW_BER | SF_CMS_ALLOW_DETACHED_ENCRYPTED)

static const uint8_t *g_in;
static size_t g_len;
static sf_cms g_strict, g_lenient, g_converted;

#define WITHIN(s, what) SF_CHECK_WITHIN((s), g_in, g_len, (what))
#define OID(s, what) sf_check_oid((s), g_in, g_len, (what))

static void check_time(const sf_der_time *t, const char *what) {
  SF_CHECK(t->month >= 1 && t->month <= 12 && t->day >= 1 && t->day <= 31 && t->hour < 24 &&
               t->minute < 60 && t->second < 60,
           "%s: fields out of range", what);
  SF_CHECK(t->generalized || (t->year >= 1950 && t->year <= 2049), "%s: UTCTime year %d", what,
           t->year);
  WITHIN(t->raw, what);
}

static void check_alg(const sf_cms_alg *a, const char *what) {
  OID(a->oid, what);
  WITHIN(a->params, what);
}

static void check_sid(const sf_cms_sid *sid) {
  SF_CHECK(sid->kind == SF_CMS_SID_ISSUER_SERIAL || sid->kind == SF_CMS_SID_KEY_ID,
           "sid kind %d", sid->kind);
  WITHIN(sid->issuer, "sid issuer");
  WITHIN(sid->serial, "sid serial");
  WITHIN(sid->key_id, "sid key id");
  if (sid->kind == SF_CMS_SID_ISSUER_SERIAL) {
    SF_CHECK(sid->serial.len > 0 && sid->issuer.len > 0, "issuerAndSerialNumber parts empty");
  }
}

static void check_attrs(const sf_cms_attrs *a, const char *what) {
  SF_CHECK(a->count <= SF_CMS_MAX_ATTRS, "%s: %zu attributes", what, a->count);
  WITHIN(a->whole, what);
  SF_CHECK(!sf_slice_is_present(a->whole) || a->count > 0, "%s: present but empty", what);
  for (size_t i = 0; i < a->count; i++) {
    OID(a->items[i].type, what);
    WITHIN(a->items[i].values, what);
    SF_CHECK(a->items[i].value_count <= SF_CMS_MAX_ATTR_VALUES, "%s: too many values", what);
  }
}

static void check_cert(const sf_cms_cert *c, unsigned flags) {
  WITHIN(c->whole, "certificate");
  WITHIN(c->tbs, "tbsCertificate");
  SF_CHECK(c->tbs.ptr > c->whole.ptr && c->tbs.ptr + c->tbs.len < c->whole.ptr + c->whole.len,
           "tbsCertificate outside its certificate");
  SF_CHECK(c->version <= 2, "certificate version %llu", (unsigned long long)c->version);
  SF_CHECK(c->serial.len > 0, "empty serial");
  WITHIN(c->serial, "serial");
  WITHIN(c->issuer, "issuer");
  WITHIN(c->subject, "subject");
  WITHIN(c->public_key, "public key");
  check_alg(&c->signature_alg, "certificate signature algorithm");
  check_alg(&c->key_alg, "public key algorithm");
  check_time(&c->not_before, "notBefore");
  check_time(&c->not_after, "notAfter");
  SF_CHECK(c->extension_count <= SF_CMS_MAX_EXTENSIONS, "too many extensions");
  SF_CHECK(c->san_count <= SF_CMS_MAX_SAN && (c->has_san ? c->san_count > 0 : c->san_count == 0),
           "subjectAltName count %zu (present %d)", c->san_count, c->has_san);
  for (size_t i = 0; i < c->san_count; i++) {
    SF_CHECK(c->san[i].type >= 0 && c->san[i].type <= 8, "GeneralName type %d", c->san[i].type);
    WITHIN(c->san[i].value, "GeneralName");
    if (c->san[i].type == SF_CMS_GN_REGISTERED_ID) OID(c->san[i].value, "registeredID");
  }
  SF_CHECK(c->eku_count <= SF_CMS_MAX_EKU && (c->has_eku ? c->eku_count > 0 : c->eku_count == 0),
           "extendedKeyUsage count");
  for (size_t i = 0; i < c->eku_count; i++) OID(c->eku[i], "KeyPurposeId");
  WITHIN(c->key_id, "subjectKeyIdentifier");
  SF_CHECK(c->has_basic_constraints || (!c->is_ca && !c->has_path_len),
           "basicConstraints fields without the extension");
  /* The same bytes through the certificate entry point give the same parse. */
  sf_cms_cert alone;
  sf_error err;
  int rc = sf_cms_parse_certificate(c->whole.ptr, c->whole.len, flags, &alone, &err);
  SF_CHECK(rc == SF_CMS_OK, "an embedded certificate does not parse alone: %s",
           sf_cms_status_name(rc));
  SF_CHECK(sf_slice_eq(alone.serial, c->serial) && sf_slice_eq(alone.subject, c->subject) &&
               alone.san_count == c->san_count && alone.extension_count == c->extension_count,
           "an embedded certificate parses differently alone");
}

static void check_certs(const sf_cms_certs *cs, unsigned flags) {
  SF_CHECK(cs->count + cs->other_count <= SF_CMS_MAX_CERTS, "too many certificates");
  WITHIN(cs->whole, "certificates");
  for (size_t i = 0; i < cs->count; i++) check_cert(&cs->items[i], flags);
  for (size_t i = 0; i < cs->other_count; i++) WITHIN(cs->other[i], "other certificate");
}

static void check_signed(const sf_cms_signed_data *sd, unsigned flags) {
  SF_CHECK(sd->version == 1 || (sd->version >= 3 && sd->version <= 5), "SignedData version");
  SF_CHECK(sd->digest_alg_count <= SF_CMS_MAX_DIGEST_ALGS, "too many digest algorithms");
  for (size_t i = 0; i < sd->digest_alg_count; i++) check_alg(&sd->digest_algs[i], "digestAlgorithms");
  OID(sd->econtent_type, "eContentType");
  if (sd->has_econtent) {
    WITHIN(sd->econtent.element, "eContent");
    WITHIN(sd->econtent.contents, "eContent");
    SF_CHECK(sd->econtent.length <= g_len, "eContent longer than the input");
  }
  check_certs(&sd->certs, flags);
  WITHIN(sd->crls, "crls");
  SF_CHECK(sd->crl_count <= SF_CMS_MAX_CRLS, "too many crls");
  SF_CHECK(sd->signer_count <= SF_CMS_MAX_SIGNERS, "too many signers");
  for (size_t i = 0; i < sd->signer_count; i++) {
    const sf_cms_signer *s = &sd->signers[i];
    SF_CHECK(s->version == (s->sid.kind == SF_CMS_SID_KEY_ID ? 3u : 1u), "signer version");
    check_sid(&s->sid);
    check_alg(&s->digest_alg, "signer digest algorithm");
    size_t dlen = sf_cms_digest_len(s->digest_alg.oid);
    SF_CHECK(dlen > 0, "a signer with an unknown digest was accepted");
    check_attrs(&s->signed_attrs, "signedAttrs");
    check_attrs(&s->unsigned_attrs, "unsignedAttrs");
    if (sf_slice_is_present(s->signed_attrs.whole)) {
      SF_CHECK(sf_slice_eq(s->content_type, sd->econtent_type), "contentType != eContentType");
      SF_CHECK(s->message_digest.len == dlen, "messageDigest of %zu octets for a %zu-octet digest",
               s->message_digest.len, dlen);
      WITHIN(s->message_digest, "messageDigest");
    } else {
      SF_CHECK(!sf_slice_is_present(s->message_digest) && !s->has_signing_time,
               "decoded attributes without signedAttrs");
      SF_CHECK(sf_cms_type_of(sd->econtent_type) == SF_CMS_TYPE_DATA,
               "no signedAttrs with an eContentType other than id-data");
    }
    if (s->has_signing_time) check_time(&s->signing_time, "signingTime");
    SF_CHECK(s->smime_cap_count <= SF_CMS_MAX_SMIME_CAPS, "too many capabilities");
    for (size_t k = 0; k < s->smime_cap_count; k++) check_alg(&s->smime_caps[k], "smimeCapability");
    check_alg(&s->signature_alg, "signatureAlgorithm");
    SF_CHECK(s->signature.len >= 1 && s->signature.len <= SF_CMS_MAX_SIGNATURE_LEN,
             "signature of %zu octets", s->signature.len);
    WITHIN(s->signature, "signature");
  }
}

static void check_enveloped(const sf_cms_enveloped_data *ed, unsigned flags) {
  WITHIN(ed->originator_info, "originatorInfo");
  check_certs(&ed->originator_certs, flags);
  SF_CHECK(ed->recipient_count >= 1 && ed->recipient_count <= SF_CMS_MAX_RECIPIENTS,
           "%zu recipients", ed->recipient_count);
  for (size_t i = 0; i < ed->recipient_count; i++) {
    const sf_cms_recipient *r = &ed->recipients[i];
    WITHIN(r->whole, "RecipientInfo");
    SF_CHECK(r->kind >= SF_CMS_RI_KTRI && r->kind <= SF_CMS_RI_ORI, "recipient kind %d", r->kind);
    if (r->kind == SF_CMS_RI_KTRI) {
      check_sid(&r->rid);
      check_alg(&r->key_enc_alg, "keyEncryptionAlgorithm");
      SF_CHECK(r->encrypted_key.len >= 1 && r->encrypted_key.len <= SF_CMS_MAX_SIGNATURE_LEN,
               "encryptedKey of %zu octets", r->encrypted_key.len);
      WITHIN(r->encrypted_key, "encryptedKey");
    }
  }
  OID(ed->content_type, "EncryptedContentInfo contentType");
  check_alg(&ed->content_enc_alg, "contentEncryptionAlgorithm");
  WITHIN(ed->iv, "IV");
  SF_CHECK(!sf_slice_is_present(ed->iv) || ed->iv.len == 8 || ed->iv.len == 16, "IV length");
  if (ed->has_encrypted_content) WITHIN(ed->encrypted_content.element, "encryptedContent");
  check_attrs(&ed->unprotected_attrs, "unprotectedAttrs");
}

static void check_result(const sf_cms *m, unsigned flags) {
  OID(m->content_type, "contentType");
  SF_CHECK(m->type == sf_cms_type_of(m->content_type), "type does not match the OID");
  SF_CHECK(m->nesting >= 1 && m->nesting <= SF_CMS_MAX_NESTING, "nesting %zu", m->nesting);
  WITHIN(m->content, "content");
  if (m->type == SF_CMS_TYPE_DATA) WITHIN(m->data.element, "data");
  if (m->type == SF_CMS_TYPE_SIGNED) check_signed(&m->signed_data, flags);
  if (m->type == SF_CMS_TYPE_ENVELOPED) check_enveloped(&m->enveloped_data, flags);
}

static void check_error(int rc, const sf_error *err) {
  SF_CHECK(err->code == rc, "returned %s, recorded %s", sf_cms_status_name(rc),
           sf_cms_status_name(err->code));
  SF_CHECK(err->offset <= g_len, "error offset %zu past the input (%zu)", err->offset, g_len);
  SF_CHECK(err->reason == sf_cms_status_reason(rc), "reason not from the table");
}

/* same_shape compares what a BER message and its DER conversion must share. */
static void same_shape(const sf_cms *a, const sf_cms *b) {
  SF_CHECK(a->type == b->type && sf_slice_eq(a->content_type, b->content_type) &&
               a->nesting == b->nesting,
           "conversion changed the content type");
  if (a->type == SF_CMS_TYPE_SIGNED) {
    const sf_cms_signed_data *x = &a->signed_data, *y = &b->signed_data;
    SF_CHECK(x->signer_count == y->signer_count && x->certs.count == y->certs.count &&
                 x->has_econtent == y->has_econtent && x->digest_alg_count == y->digest_alg_count,
             "conversion changed the SignedData counts");
    for (size_t i = 0; i < x->signer_count; i++) {
      SF_CHECK(sf_slice_eq(x->signers[i].sid.serial, y->signers[i].sid.serial) &&
                   sf_slice_eq(x->signers[i].signature, y->signers[i].signature),
               "conversion changed signer %zu", i);
    }
    for (size_t i = 0; i < x->certs.count; i++) {
      SF_CHECK(sf_slice_eq(x->certs.items[i].serial, y->certs.items[i].serial) &&
                   x->certs.items[i].san_count == y->certs.items[i].san_count,
               "conversion changed certificate %zu", i);
    }
    if (x->has_econtent) SF_CHECK(x->econtent.length == y->econtent.length, "eContent length");
  }
  if (a->type == SF_CMS_TYPE_ENVELOPED) {
    const sf_cms_enveloped_data *x = &a->enveloped_data, *y = &b->enveloped_data;
    SF_CHECK(x->recipient_count == y->recipient_count &&
                 x->has_encrypted_content == y->has_encrypted_content &&
                 (!x->has_encrypted_content ||
                  x->encrypted_content.length == y->encrypted_content.length),
             "conversion changed the EnvelopedData");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sf_error err_strict, err_lenient;
  g_in = data;
  g_len = size;
  int strict = sf_cms_parse(data, size, 0, &g_strict, &err_strict);
  check_error(strict, &err_strict);
  int lenient = sf_cms_parse(data, size, LENIENT, &g_lenient, &err_lenient);
  check_error(lenient, &err_lenient);
  if (strict == SF_CMS_OK) {
    SF_CHECK(g_strict.warnings == 0, "strict parse reported warnings %x", g_strict.warnings);
    SF_CHECK(lenient == SF_CMS_OK, "strict accepts, lenient rejects: %s",
             sf_cms_status_name(lenient));
    check_result(&g_strict, 0);
    same_shape(&g_strict, &g_lenient);
  }
  if (lenient != SF_CMS_OK) return 0;
  check_result(&g_lenient, LENIENT);

  /* A streamed eContent holding CMS content is not followed (it is not
   * contiguous); once converted it would be, so such inputs stop here. */
  if (g_lenient.type == SF_CMS_TYPE_SIGNED && g_lenient.signed_data.has_econtent &&
      g_lenient.signed_data.econtent.constructed) {
    return 0;
  }
  size_t need = 0, got = 0;
  sf_error err;
  int rc = sf_der_ber_to_der(data, size, SF_DER_BER, NULL, 0, &need, &err);
  if (rc != SF_DER_BUFFER_TOO_SMALL) {
    /* Content kept raw (an unknown content type, an attribute value, an
     * algorithm's parameters) is one element whose inside is not read, as
     * in OpenSSL; the conversion reads every element and may find a fault
     * there. Only a fault inside such raw content is allowed. */
    SF_CHECK(err.code == rc && err.offset <= size && rc < SF_DER_STATUS_COUNT,
             "conversion failed without a proper error: %d", rc);
    return 0;
  }
  uint8_t *der = malloc(need);
  rc = sf_der_ber_to_der(data, size, SF_DER_BER, der, need, &got, &err);
  SF_CHECK(rc == SF_DER_OK && got == need, "converting an accepted message failed");
  /* Strict parsing reads what it parses as DER, and raw content only as one
   * element: the input is DER throughout only if the whole tree walks so. */
  sf_der_state st;
  sf_der whole;
  sf_der_init(&whole, &st, data, size, 0);
  if (strict == SF_CMS_OK && sf_walk_tree(&whole, NULL) == SF_DER_OK) {
    SF_CHECK(got == size && memcmp(der, data, size) == 0, "BER to DER changed a DER message");
  }
  g_in = der;
  g_len = got;
  rc = sf_cms_parse(der, got, LENIENT, &g_converted, &err);
  SF_CHECK(rc == SF_CMS_OK, "the DER form of an accepted BER message is rejected: %s at %zu",
           sf_cms_status_name(rc), err.offset);
  check_result(&g_converted, LENIENT);
  same_shape(&g_lenient, &g_converted);
  free(der);
  return 0;
}

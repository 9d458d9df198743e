/* enveloped_data.c: EnvelopedData (RFC 5652 6.1, 6.2).
 *
 *   EnvelopedData ::= SEQUENCE { version CMSVersion,
 *       originatorInfo [0] IMPLICIT OriginatorInfo OPTIONAL,
 *       recipientInfos SET SIZE (1..MAX) OF RecipientInfo,
 *       encryptedContentInfo EncryptedContentInfo,
 *       unprotectedAttrs [1] IMPLICIT UnprotectedAttributes OPTIONAL }
 *   OriginatorInfo ::= SEQUENCE { certs [0] IMPLICIT CertificateSet OPTIONAL,
 *       crls [1] IMPLICIT RevocationInfoChoices OPTIONAL }
 *   EncryptedContentInfo ::= SEQUENCE { contentType ContentType,
 *       contentEncryptionAlgorithm ContentEncryptionAlgorithmIdentifier,
 *       encryptedContent [0] IMPLICIT OCTET STRING OPTIONAL } */
#include <string.h>

#include "cms_internal.h"

/* KeyTransRecipientInfo ::= SEQUENCE { version CMSVersion (0 or 2),
 *     rid RecipientIdentifier, keyEncryptionAlgorithm, encryptedKey OCTET STRING } */
static int get_ktri(sf_der *set, sf_cms_recipient *out) {
  sf_der k;
  size_t at = set->pos;
  int rc = sf_der_get(set, SF_DER_SEQUENCE, &k);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&k, SF_DER_INTEGER, SF_CMS_BAD_VERSION);
  if (rc == SF_CMS_OK) rc = sf_der_get_u64(&k, &out->version);
  if (rc == SF_CMS_OK) rc = sf_cms__get_sid(&k, &out->rid);
  /* 6.2.1: 0 with issuerAndSerialNumber, 2 with subjectKeyIdentifier. */
  if (rc == SF_CMS_OK && out->version != (out->rid.kind == SF_CMS_SID_KEY_ID ? 2u : 0u)) {
    rc = sf_cms__fail(set, SF_CMS_BAD_VERSION, at);
  }
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&k, &out->key_enc_alg);
  size_t key_at = k.pos;
  if (rc == SF_CMS_OK) rc = sf_cms__need(&k, SF_DER_OCTET_STRING, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get_octets(&k, &out->encrypted_key);
  if (rc == SF_CMS_OK && out->encrypted_key.len == 0) rc = sf_cms__fail(set, SF_CMS_EMPTY_SIGNATURE, key_at);
  if (rc == SF_CMS_OK && out->encrypted_key.len > SF_CMS_MAX_SIGNATURE_LEN) {
    rc = sf_cms__fail(set, SF_CMS_SIGNATURE_TOO_LONG, key_at);
  }
  if (rc == SF_CMS_OK) rc = sf_der_finish(&k);
  return rc;
}

/* RecipientInfo ::= CHOICE { ktri KeyTransRecipientInfo,
 *     kari [1] KeyAgreeRecipientInfo, kekri [2] KEKRecipientInfo,
 *     pwri [3] PasswordRecipientinfo, ori [4] OtherRecipientInfo } */
static int get_recipient(sf_der *set, sf_cms_recipient *out) {
  sf_der_tag tag = 0;
  memset(out, 0, sizeof *out);
  size_t at = set->pos;
  if (sf_der_is_next(set, SF_DER_SEQUENCE)) {
    out->kind = SF_CMS_RI_KTRI;
    int rc = get_ktri(set, out);
    if (rc == SF_CMS_OK) out->whole = sf_slice_make(set->st->base + at, set->pos - at);
    return rc;
  }
  if (!sf_der_peek_tag(set, &tag) || tag < SF_DER_CONTEXT_CONS(1) || tag > SF_DER_CONTEXT_CONS(4)) {
    return sf_cms__need(set, SF_DER_SEQUENCE, SF_CMS_BAD_RECIPIENT_INFO);
  }
  /* The other choices are recognized and kept raw: SIP S/MIME uses ktri. */
  sf_der_elem e;
  int rc = sf_der_get_any(set, &e);
  if (rc == SF_CMS_OK) {
    out->kind = (int)(tag & SF_DER_NUMBER_MASK) + 1;
    out->whole = e.whole;
  }
  return rc;
}

static int get_originator_info(sf_der *ed, sf_cms_enveloped_data *out) {
  sf_der oi;
  sf_der_elem e;
  sf_slice crls;
  size_t crl_count = 0;
  int present = 0;
  int rc = sf_cms__optional(ed, SF_DER_CONTEXT_CONS(0), &present);
  if (rc != SF_CMS_OK || !present) return rc;
  rc = sf_der_get_elem(ed, SF_DER_CONTEXT_CONS(0), &e);
  if (rc == SF_CMS_OK) rc = sf_der_open(ed, &e, &oi);
  if (rc == SF_CMS_OK) rc = sf_cms__get_certs(&oi, SF_DER_CONTEXT_CONS(0), &out->originator_certs);
  if (rc == SF_CMS_OK) rc = sf_cms__get_crls(&oi, SF_DER_CONTEXT_CONS(1), &crls, &crl_count);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&oi);
  if (rc == SF_CMS_OK) out->originator_info = e.whole;
  return rc;
}

static int get_encrypted_content_info(sf_der *ed, sf_cms_enveloped_data *out) {
  sf_der eci;
  int rc = sf_cms__need(ed, SF_DER_SEQUENCE, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get(ed, SF_DER_SEQUENCE, &eci);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&eci, SF_DER_OID, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get_oid(&eci, &out->content_type);
  size_t alg_at = eci.pos;
  if (rc == SF_CMS_OK) rc = sf_cms__get_alg(&eci, &out->content_enc_alg);
  size_t iv_len = rc == SF_CMS_OK ? sf_cms__cbc_iv_len(out->content_enc_alg.oid) : 0;
  if (iv_len != 0) {
    /* RFC 3370 5.1, RFC 3565 4.1: CBC parameters are the IV, one block. */
    sf_slice p = out->content_enc_alg.params;
    if (p.len != iv_len + 2 || p.ptr[0] != SF_DER_OCTET_STRING || p.ptr[1] != iv_len) {
      rc = sf_cms__fail(ed, SF_CMS_BAD_IV, alg_at);
    } else {
      out->iv = sf_slice_make(p.ptr + 2, iv_len);
    }
  }
  if (rc == SF_CMS_OK && (sf_der_is_next(&eci, SF_DER_CONTEXT(0)) ||
                          sf_der_is_next(&eci, SF_DER_CONTEXT_CONS(0)))) {
    rc = sf_der_get_implicit_string(&eci, SF_DER_CONTEXT(0), SF_DER_OCTET_STRING,
                                    &out->encrypted_content);
    out->has_encrypted_content = rc == SF_CMS_OK;
  } else if (rc == SF_CMS_OK) {
    if (!(ed->st->flags & SF_CMS_ALLOW_DETACHED_ENCRYPTED)) {
      rc = sf_cms__fail(ed, SF_CMS_MISSING_ENCRYPTED_CONTENT, eci.pos);
    } else {
      ed->st->warnings |= SF_CMS_W_DETACHED_ENCRYPTED;
    }
  }
  if (rc == SF_CMS_OK) rc = sf_der_finish(&eci);
  return rc;
}

int sf_cms__get_enveloped_data(sf_der *d, sf_cms_enveloped_data *out) {
  sf_der ed, set;
  memset(out, 0, sizeof *out);
  int rc = sf_cms__need(d, SF_DER_SEQUENCE, SF_CMS_UNEXPECTED_TAG);
  if (rc == SF_CMS_OK) rc = sf_der_get(d, SF_DER_SEQUENCE, &ed);
  if (rc != SF_CMS_OK) return rc;
  size_t at = ed.pos;
  rc = sf_cms__need(&ed, SF_DER_INTEGER, SF_CMS_BAD_VERSION);
  if (rc == SF_CMS_OK) rc = sf_der_get_u64(&ed, &out->version);
  /* 6.1: 0, 2, 3 or 4 (which one depends on the contents). */
  if (rc == SF_CMS_OK && out->version != 0 && out->version != 2 && out->version != 3 &&
      out->version != 4) {
    rc = sf_cms__fail(&ed, SF_CMS_BAD_VERSION, at);
  }
  if (rc == SF_CMS_OK) rc = get_originator_info(&ed, out);
  if (rc == SF_CMS_OK) rc = sf_cms__need(&ed, SF_DER_SET, SF_CMS_BAD_RECIPIENT_INFO);
  if (rc == SF_CMS_OK) rc = sf_der_get(&ed, SF_DER_SET, &set);
  if (rc == SF_CMS_OK && sf_der_at_end(&set)) rc = sf_cms__fail(&ed, SF_CMS_BAD_RECIPIENT_INFO, set.pos);
  while (rc == SF_CMS_OK && !sf_der_at_end(&set)) {
    if (out->recipient_count == SF_CMS_MAX_RECIPIENTS) {
      return sf_cms__fail(&ed, SF_CMS_TOO_MANY_RECIPIENTS, set.pos);
    }
    rc = get_recipient(&set, &out->recipients[out->recipient_count]);
    if (rc == SF_CMS_OK) out->recipient_count++;
  }
  if (rc == SF_CMS_OK) rc = get_encrypted_content_info(&ed, out);
  if (rc == SF_CMS_OK) rc = sf_cms__get_attrs(&ed, SF_DER_CONTEXT_CONS(1), &out->unprotected_attrs);
  if (rc == SF_CMS_OK) rc = sf_der_finish(&ed);
  return rc;
}

/* decrypt.c: EnvelopedData (RFC 5652 6) and AuthEnvelopedData (RFC 5083)
 * decrypted with the recipient's key, through CMS_decrypt. (OpenSSL has no
 * public accessor for the content-encryption algorithm; callers name it
 * from the project's own CMS parse.) */
#include <openssl/bio.h>
#include <openssl/err.h>
#include <stdlib.h>
#include <string.h>

#include "smime_internal.h"

/* finish records |status| with OpenSSL's reason and returns it. */
static int finish(sf_smime_decryption *res, int status) {
  sf_smimei_errors e;
  sf_smimei_drain(&e, res->detail, sizeof res->detail, sf_smime_status_reason(status));
  if (status == SF_SMIME_DECRYPT_FAILED && e.no_matching_recipient) {
    status = SF_SMIME_NO_MATCHING_RECIPIENT;
  } else if (status == SF_SMIME_DECRYPT_FAILED && e.unknown_algorithm) {
    status = SF_SMIME_UNKNOWN_CIPHER;
  }
  if (status == SF_SMIME_OK) res->detail[0] = '\0';
  res->status = status;
  return status;
}

/* names_recipient says whether a RecipientInfo of |cms| may be for the
 * recipient certificate: a key transport one that names it, or any of the
 * other kinds (CMS_decrypt finds out). OpenSSL 3.0's CMS_decrypt returns 0
 * with an empty error queue when no key transport RecipientInfo names the
 * certificate, so this is asked first. */
static int names_recipient(CMS_ContentInfo *cms, X509 *cert) {
  STACK_OF(CMS_RecipientInfo) *ris = CMS_get0_RecipientInfos(cms);
  for (int i = 0; i < sk_CMS_RecipientInfo_num(ris); i++) {
    CMS_RecipientInfo *ri = sk_CMS_RecipientInfo_value(ris, i);
    if (CMS_RecipientInfo_type(ri) != CMS_RECIPINFO_TRANS ||
        CMS_RecipientInfo_ktri_cert_cmp(ri, cert) == 0) {
      return 1;
    }
  }
  ERR_raise(ERR_LIB_CMS, CMS_R_NO_MATCHING_RECIPIENT);
  return 0;
}

/* take_output moves what |b| holds into a heap buffer of its own. */
static int take_output(BIO *b, uint8_t **out, size_t *out_len) {
  char *p = NULL;
  long n = BIO_get_mem_data(b, &p);
  size_t len = n > 0 ? (size_t)n : 0;
  if (len > SF_SMIME_MAX_CONTENT) return SF_SMIME_CONTENT_TOO_LARGE;
  *out = malloc(len > 0 ? len : 1);
  if (*out == NULL) return SF_SMIME_CONTENT_TOO_LARGE;
  if (len > 0) memcpy(*out, p, len);
  *out_len = len;
  return SF_SMIME_OK;
}

int sf_smime_decrypt(const sf_smime *s, const uint8_t *der, size_t der_len, uint8_t **out,
                     size_t *out_len, sf_smime_decryption *res) {
  memset(res, 0, sizeof *res);
  *out = NULL;
  *out_len = 0;
  ERR_clear_error();
  if (der_len > SF_SMIME_MAX_CONTENT) return finish(res, SF_SMIME_CONTENT_TOO_LARGE);
  const unsigned char *p = der;
  CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, (long)der_len);
  if (cms == NULL) return finish(res, SF_SMIME_MALFORMED);
  int nid = OBJ_obj2nid(CMS_get0_type(cms));
  res->authenticated = nid == NID_id_smime_ct_authEnvelopedData;
  int status = SF_SMIME_OK;
  BIO *plain = NULL;
  if (nid != NID_pkcs7_enveloped && !res->authenticated) {
    status = SF_SMIME_NOT_ENVELOPED_DATA;
  } else if (!sf_smime_has_recipient(s)) {
    status = SF_SMIME_NO_RECIPIENT_KEY;
  } else if (!names_recipient(cms, s->cert)) {
    status = SF_SMIME_NO_MATCHING_RECIPIENT;
  } else if ((plain = BIO_new(BIO_s_mem())) == NULL ||
             CMS_decrypt(cms, s->key, s->cert, NULL, plain, CMS_BINARY) != 1) {
    status = SF_SMIME_DECRYPT_FAILED;
  } else {
    status = take_output(plain, out, out_len);
  }
  BIO_free(plain);
  CMS_ContentInfo_free(cms);
  return finish(res, status);
}

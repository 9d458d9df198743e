/* oids.c: the status table and the OBJECT IDENTIFIERs CMS parsing needs
 * (RFC 5652 14, RFC 5911, RFC 8551, NIST CSOR, RFC 5280 4.2.1). */
#include <string.h>

#include "cms_internal.h"

/* The CMS list starts with the DER list, so the numbers agree. */
_Static_assert((int)SF_CMS_BUFFER_TOO_SMALL == (int)SF_DER_BUFFER_TOO_SMALL,
               "the CMS status list must start with the DER status list");

static const char *const status_names[] = {
#define SF_X(name, reason) "SF_CMS_" #name,
    SF_CMS_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const status_reasons[] = {
#define SF_X(name, reason) reason,
    SF_CMS_STATUS_LIST(SF_X)
#undef SF_X
};

const char *sf_cms_status_name(int code) {
  return (code >= 0 && code < SF_CMS_STATUS_COUNT) ? status_names[code] : "?";
}

const char *sf_cms_status_reason(int code) {
  return (code >= 0 && code < SF_CMS_STATUS_COUNT) ? status_reasons[code] : "unknown status";
}

const uint8_t sf_cms__oid_content_type[9] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x03};
const uint8_t sf_cms__oid_message_digest[9] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x04};
const uint8_t sf_cms__oid_signing_time[9] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x05};
const uint8_t sf_cms__oid_smime_caps[9] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x0F};
const uint8_t sf_cms__oid_san[3] = {0x55, 0x1D, 0x11};
const uint8_t sf_cms__oid_basic_constraints[3] = {0x55, 0x1D, 0x13};
const uint8_t sf_cms__oid_ski[3] = {0x55, 0x1D, 0x0E};
const uint8_t sf_cms__oid_eku[3] = {0x55, 0x1D, 0x25};

/* has_prefix returns 1 if |oid| is |prefix| followed by exactly one octet,
 * stored in *last. */
static int has_prefix(sf_slice oid, const uint8_t *prefix, size_t n, uint8_t *last) {
  if (oid.ptr == NULL || oid.len != n + 1 || memcmp(oid.ptr, prefix, n) != 0) return 0;
  *last = oid.ptr[n];
  return 1;
}

static const uint8_t pkcs7[8] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07};
static const uint8_t smime_ct[10] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x01};
static const uint8_t nist_hash[8] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02};
static const uint8_t nist_aes[8] = {0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x01};
static const uint8_t rsadsi_digest[7] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x02};
static const uint8_t rsadsi_cipher[7] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x03};
static const uint8_t oiw_alg[4] = {0x2B, 0x0E, 0x03, 0x02};

sf_cms_type sf_cms_type_of(sf_slice oid) {
  uint8_t last = 0;
  if (has_prefix(oid, pkcs7, sizeof pkcs7, &last)) {
    switch (last) {
      case 1: return SF_CMS_TYPE_DATA;
      case 2: return SF_CMS_TYPE_SIGNED;
      case 3: return SF_CMS_TYPE_ENVELOPED;
      case 4: return SF_CMS_TYPE_SIGNED_AND_ENVELOPED;
      case 5: return SF_CMS_TYPE_DIGESTED;
      case 6: return SF_CMS_TYPE_ENCRYPTED;
      default: return SF_CMS_TYPE_OTHER;
    }
  }
  if (has_prefix(oid, smime_ct, sizeof smime_ct, &last)) {
    switch (last) {
      case 2: return SF_CMS_TYPE_AUTHENTICATED;
      case 6: return SF_CMS_TYPE_CONTENT_INFO;
      case 9: return SF_CMS_TYPE_COMPRESSED;
      case 23: return SF_CMS_TYPE_AUTH_ENVELOPED;
      default: return SF_CMS_TYPE_OTHER;
    }
  }
  return SF_CMS_TYPE_OTHER;
}

size_t sf_cms_digest_len(sf_slice oid) {
  uint8_t last = 0;
  if (has_prefix(oid, nist_hash, sizeof nist_hash, &last)) {
    /* 1 sha256, 2 sha384, 3 sha512, 4 sha224, 5 sha512-224, 6 sha512-256,
     * 7-10 sha3-224..512, 11 shake128, 12 shake256 (RFC 8702: 32, 64). */
    static const size_t len[13] = {0, 32, 48, 64, 28, 28, 32, 28, 32, 48, 64, 32, 64};
    return last < 13 ? len[last] : 0;
  }
  if (has_prefix(oid, rsadsi_digest, sizeof rsadsi_digest, &last) && last == 5) return 16; /* md5 */
  if (has_prefix(oid, oiw_alg, sizeof oiw_alg, &last) && last == 26) return 20;           /* sha1 */
  return 0;
}

size_t sf_cms__cbc_iv_len(sf_slice oid) {
  uint8_t last = 0;
  if (has_prefix(oid, nist_aes, sizeof nist_aes, &last) && (last == 2 || last == 22 || last == 42)) {
    return 16; /* aes128/192/256-CBC, RFC 3565 */
  }
  if (has_prefix(oid, rsadsi_cipher, sizeof rsadsi_cipher, &last) && last == 7) return 8; /* des-ede3-cbc */
  if (has_prefix(oid, oiw_alg, sizeof oiw_alg, &last) && last == 7) return 8;            /* des-cbc */
  return 0;
}

const sf_cms_attr *sf_cms_find_attr(const sf_cms_attrs *attrs, const uint8_t *oid, size_t oid_len) {
  for (size_t i = 0; i < attrs->count; i++) {
    if (sf_der_oid_eq(attrs->items[i].type, oid, oid_len)) return &attrs->items[i];
  }
  return NULL;
}

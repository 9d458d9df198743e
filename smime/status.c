/* status.c: names and reasons of the three lists of sf/smime.h, and how an
 * OpenSSL error queue becomes one sentence. */
#include <openssl/err.h>
#include <string.h>

#include "smime_internal.h"

#define STATUS_NAME(name, reason) "SF_SMIME_" #name,
#define SIG_NAME(name, reason) "SF_SMIME_SIG_" #name,
#define CERT_NAME(name, reason) "SF_SMIME_CERT_" #name,
#define REASON(name, reason) reason,

static const char *const status_names[] = {SF_SMIME_STATUS_LIST(STATUS_NAME)};
static const char *const status_reasons[] = {SF_SMIME_STATUS_LIST(REASON)};
static const char *const sig_names[] = {SF_SMIME_SIG_LIST(SIG_NAME)};
static const char *const sig_reasons[] = {SF_SMIME_SIG_LIST(REASON)};
static const char *const cert_names[] = {SF_SMIME_CERT_LIST(CERT_NAME)};
static const char *const cert_reasons[] = {SF_SMIME_CERT_LIST(REASON)};

static const char *pick(const char *const *table, int count, int code) {
  return code >= 0 && code < count ? table[code] : "?";
}

const char *sf_smime_status_name(int code) {
  return pick(status_names, SF_SMIME_STATUS_COUNT, code);
}
const char *sf_smime_status_reason(int code) {
  return pick(status_reasons, SF_SMIME_STATUS_COUNT, code);
}
const char *sf_smime_sig_name(int code) { return pick(sig_names, SF_SMIME_SIG_COUNT, code); }
const char *sf_smime_sig_reason(int code) { return pick(sig_reasons, SF_SMIME_SIG_COUNT, code); }
const char *sf_smime_cert_name(int bit) { return pick(cert_names, SF_SMIME_CERT_COUNT, bit); }
const char *sf_smime_cert_reason(int bit) { return pick(cert_reasons, SF_SMIME_CERT_COUNT, bit); }

int sf_smime_verdict_valid(const sf_smime_verdict *v) {
  if (v->status != SF_SMIME_OK || v->signer_count == 0) return 0;
  for (size_t i = 0; i < v->signer_count; i++) {
    if (v->signers[i].signature != SF_SMIME_SIG_VALID) return 0;
  }
  return 1;
}

void sf_smimei_copy(char *out, size_t cap, const char *s) {
  if (out == NULL || cap == 0) return;
  size_t n = s == NULL ? 0 : strlen(s);
  if (n >= cap) n = cap - 1;
  if (n > 0) memcpy(out, s, n);
  out[n] = '\0';
}

/* is_unknown_algorithm says whether error |e| means OpenSSL does not know
 * (or cannot fetch) an algorithm the message names. */
static int is_unknown_algorithm(unsigned long e) {
  int lib = ERR_GET_LIB(e), reason = ERR_GET_REASON(e);
  if (reason == ERR_R_UNSUPPORTED || reason == ERR_R_FETCH_FAILED) return 1;
  if (lib == ERR_LIB_CMS) {
    return reason == CMS_R_UNKNOWN_DIGEST_ALGORITHM ||
           reason == CMS_R_UNSUPPORTED_SIGNATURE_ALGORITHM || reason == CMS_R_UNKNOWN_CIPHER ||
           reason == CMS_R_UNSUPPORTED_CONTENT_ENCRYPTION_ALGORITHM ||
           reason == CMS_R_UNSUPPORTED_KEY_ENCRYPTION_ALGORITHM;
  }
  if (lib == ERR_LIB_EVP) {
    return reason == EVP_R_UNKNOWN_DIGEST || reason == EVP_R_UNSUPPORTED_ALGORITHM;
  }
  return 0;
}

void sf_smimei_drain(sf_smimei_errors *e, char *text, size_t cap, const char *fallback) {
  memset(e, 0, sizeof *e);
  unsigned long first = 0, err;
  while ((err = ERR_get_error()) != 0) {
    if (first == 0) first = err;
    e->any = 1;
    if (is_unknown_algorithm(err)) e->unknown_algorithm = 1;
    if (ERR_GET_LIB(err) == ERR_LIB_CMS && ERR_GET_REASON(err) == CMS_R_NO_MATCHING_RECIPIENT) {
      e->no_matching_recipient = 1;
    }
  }
  const char *reason = first != 0 ? ERR_reason_error_string(first) : NULL;
  sf_smimei_copy(text, cap, reason != NULL ? reason : fallback);
}

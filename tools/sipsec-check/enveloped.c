/* enveloped.c: application/pkcs7-mime parts (RFC 8551 3.2-3.4): an
 * EnvelopedData is decrypted with --key/--cert and its content checked as
 * a MIME entity of its own; a SignedData carrying its content (opaque
 * signing) is verified and its content checked the same way. The same code
 * runs on entities found inside, so a signature over an encrypted part
 * (RFC 6216 5.3) is both verified and decrypted. */
#include <openssl/obj_mac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* The smime-type values of RFC 8551 3.2.2 this tool acts on. */
static const struct {
  const char *name;
  sf_cms_type type;
} smime_types[] = {
    {"enveloped-data", SF_CMS_TYPE_ENVELOPED},
    {"authEnveloped-data", SF_CMS_TYPE_AUTH_ENVELOPED},
    {"signed-data", SF_CMS_TYPE_SIGNED},
    {"compressed-data", SF_CMS_TYPE_COMPRESSED},
};

/* smime_type_param reads the smime-type parameter of part |part| into
 * |text| (at most |cap| bytes); returns its length, or 0 when there is none. */
static size_t smime_type_param(const sf_check_report *r, int e, size_t part, uint8_t *text,
                               size_t cap, const uint8_t **at) {
  const sf_mime_part *p = &r->entities[e].tree->parts[part];
  sf_content_type ct;
  sf_error err;
  size_t len = 0;
  if (sf_content_parse_type(r->entities[e].data, p->content_type,
                            SF_CONTENT_ALLOW_UNQUOTED_SLASH, &ct, &err) != SF_CONTENT_OK) {
    return 0;
  }
  const sf_content_param *param = sf_content_find_param(&ct.params, "smime-type");
  if (param == NULL || param->value.len > cap ||
      sf_content_unquote(param->value, text, cap, &len) != SF_CONTENT_OK) {
    return 0;
  }
  *at = param->value.ptr;
  return len;
}

/* type_named returns the CMS type an smime-type value names. */
static sf_cms_type type_named(const uint8_t *text, size_t len) {
  sf_slice value = sf_slice_make(text, len);
  for (size_t i = 0; i < sizeof smime_types / sizeof smime_types[0]; i++) {
    if (sf_slice_eq_nocase_lit(value, smime_types[i].name)) return smime_types[i].type;
  }
  return SF_CMS_TYPE_OTHER;
}

static const char *type_text(sf_cms_type t) {
  switch (t) {
    case SF_CMS_TYPE_SIGNED: return "SignedData";
    case SF_CMS_TYPE_ENVELOPED: return "EnvelopedData";
    case SF_CMS_TYPE_AUTH_ENVELOPED: return "AuthEnvelopedData";
    case SF_CMS_TYPE_COMPRESSED: return "CompressedData";
    case SF_CMS_TYPE_DATA: return "Data";
    default: return "another type";
  }
}

/* cipher_name names the content-encryption algorithm from the parse. */
static void cipher_name(const sf_cms *cms, char *out, size_t cap) {
  static const struct {
    const char *oid; /* contents octets */
    size_t len;
    const char *name;
  } ciphers[] = {
      {"\x2a\x86\x48\x86\xf7\x0d\x03\x07", 8, "DES-EDE3-CBC"},
      {"\x60\x86\x48\x01\x65\x03\x04\x01\x02", 9, "AES-128-CBC"},
      {"\x60\x86\x48\x01\x65\x03\x04\x01\x16", 9, "AES-192-CBC"},
      {"\x60\x86\x48\x01\x65\x03\x04\x01\x2a", 9, "AES-256-CBC"},
      {"\x60\x86\x48\x01\x65\x03\x04\x01\x06", 9, "AES-128-GCM"},
      {"\x60\x86\x48\x01\x65\x03\x04\x01\x2e", 9, "AES-256-GCM"},
  };
  sf_slice oid = cms->enveloped_data.content_enc_alg.oid;
  for (size_t i = 0; i < sizeof ciphers / sizeof ciphers[0]; i++) {
    if (oid.len == ciphers[i].len && memcmp(oid.ptr, ciphers[i].oid, oid.len) == 0) {
      snprintf(out, cap, "%s", ciphers[i].name);
      return;
    }
  }
  snprintf(out, cap, "%s", oid.len > 0 ? "unknown" : "");
}

/* walk_inner adds the content found in part |part| as an entity and walks it. */
static int walk_inner(sf_check_report *r, int kind, int e, size_t part, uint8_t *content,
                      size_t len) {
  int inner = sf_check_new_entity(r, kind, e, part, content, len);
  if (inner >= 0) sf_check_walk_entity(r, inner);
  return inner;
}

/* decrypt decrypts an EnvelopedData part and walks its content. */
static void decrypt(sf_check_report *r, int e, size_t part, const sf_cms *cms, const uint8_t *der,
                    size_t len, const uint8_t *decoded) {
  sf_check_loc at = sf_check_loc_decoded(r, e, part, decoded, der);
  if (!sf_smime_has_recipient(r->config.smime)) {
    sf_check_add(r, SF_CHECK_F_SMIME_NOT_DECRYPTED, &at, "give --key and --cert of a recipient");
    return;
  }
  if (r->decryption_count == SF_CHECK_MAX_DECRYPTIONS ||
      !sf_check_can_nest(r, SF_CHECK_ENTITY_DECRYPTED, e, part)) {
    return;
  }
  sf_check_decryption *d = &r->decryptions[r->decryption_count++];
  memset(d, 0, sizeof *d);
  d->entity = e;
  d->part = part;
  d->inner = -1;
  if (cms != NULL) cipher_name(cms, d->cipher, sizeof d->cipher);
  uint8_t *plain = NULL;
  size_t plain_len = 0;
  if (sf_smime_decrypt(r->config.smime, der, len, &plain, &plain_len, &d->result) != SF_SMIME_OK) {
    sf_check_add(r, SF_CHECK_F_SMIME_DECRYPT_FAILED, &at, "%s: %s",
                 sf_smime_status_name(d->result.status), d->result.detail);
    return;
  }
  sf_check_add(r, SF_CHECK_F_SMIME_DECRYPTED, &at, "%zu bytes of content%s%s", plain_len,
               d->cipher[0] ? ", " : "", d->cipher);
  d->inner = walk_inner(r, SF_CHECK_ENTITY_DECRYPTED, e, part, plain, plain_len);
}

void sf_check_pkcs7_part(sf_check_report *r, int e, size_t part) {
  size_t len = 0;
  uint8_t *owned = NULL;
  const uint8_t *der = sf_check_decode_part(r, e, part, &len, &owned);
  if (der == NULL) return;
  uint8_t text[64];
  const uint8_t *param_at = NULL;
  size_t text_len = smime_type_param(r, e, part, text, sizeof text, &param_at);
  sf_cms_type named = text_len > 0 ? type_named(text, text_len) : SF_CMS_TYPE_OTHER;
  sf_cms *cms = sf_check_parse_cms(r, e, part, der, der, len);
  /* Without our parse (it said why), the smime-type parameter decides what
   * OpenSSL is asked to do. */
  sf_cms_type type = cms != NULL ? cms->type : named;
  if (cms != NULL && text_len > 0 && named != type) {
    sf_check_loc at = sf_check_loc_in(r, e, part, param_at);
    sf_check_add(r, SF_CHECK_F_SMIME_SMIME_TYPE_MISMATCH, &at,
                 "smime-type=%.*s but the CMS content is %s", (int)text_len, (const char *)text,
                 type_text(type));
  }
  if (type == SF_CMS_TYPE_ENVELOPED || type == SF_CMS_TYPE_AUTH_ENVELOPED) {
    decrypt(r, e, part, cms, der, len, der);
  } else if (type == SF_CMS_TYPE_SIGNED) {
    uint8_t *content = NULL;
    size_t content_len = 0;
    if (sf_check_report_signature(r, e, part, 1, der, len, der, NULL, 0, &content, &content_len)) {
      walk_inner(r, SF_CHECK_ENTITY_ENCAPSULATED, e, part, content, content_len);
    }
  } else if (cms != NULL) {
    sf_check_loc at = sf_check_loc_decoded(r, e, part, der, der);
    sf_check_add(r, SF_CHECK_F_SMIME_WRONG_CMS_TYPE, &at,
                 "application/pkcs7-mime holds %s, neither EnvelopedData nor SignedData",
                 type_text(type));
  }
  free(cms);
  free(owned);
}

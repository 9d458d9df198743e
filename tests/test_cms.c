/* test_cms.c: the CMS parser on the draft's four blobs (known answers from
 * draft-jennings-sip-sec-flows-02 and its ASN.1 dumps), on the table of
 * malformed inputs in tests/data/cms-bad/INDEX.tsv, on every truncated
 * prefix of each blob, on every SF_CMS_MAX_* count at its limit and one past
 * it (messages built by cms_build.c), and on the optional parts the draft's
 * blobs leave out. Inputs go through sf_guard. */
#include <stdlib.h>

#include "cms_build.h"
#include "sf/cms.h"
#include "testlib.h"

static sf_cms result; /* large: keep it off the stack */

static int parse_file(const char *rel, unsigned flags, sf_error *err) {
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path(rel), &len);
  if (raw == NULL) return -1;
  const uint8_t *in = sf_guard(raw, len);
  free(raw);
  return sf_cms_parse(in, len, flags, &result, err);
}

static void check_hex(sf_slice s, const char *hex) {
  uint8_t want[256];
  size_t n = 0;
  for (; hex[0] && hex[1] && n < sizeof want; hex += 2) {
    unsigned v = 0;
    sscanf(hex, "%2x", &v);
    want[n++] = (uint8_t)v;
  }
  CHECK_BYTES(s, want, n);
}

static const uint8_t oid_data[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x07, 0x01};
static const uint8_t oid_sha1[] = {0x2B, 0x0E, 0x03, 0x02, 0x1A};
static const uint8_t oid_rsa[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01};
static const uint8_t oid_des3[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x03, 0x07};

/* 2005-02-03 18:49:34 UTC and three years later. */
#define NOT_BEFORE 1107456574
#define NOT_AFTER 1202064574

static void check_signed_blob(const char *rel, int64_t signing_time, const char *digest) {
  sf_error err;
  CHECK_INT(parse_file(rel, 0, &err), SF_CMS_OK);
  CHECK_INT(err.code, SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_SIGNED);
  CHECK_INT(result.warnings, 0);
  CHECK_INT(result.nesting, 1);
  const sf_cms_signed_data *sd = &result.signed_data;
  CHECK_INT(sd->version, 1);
  CHECK_INT(sd->digest_alg_count, 1);
  CHECK_BYTES(sd->digest_algs[0].oid, oid_sha1, sizeof oid_sha1);
  CHECK_BYTES(sd->econtent_type, oid_data, sizeof oid_data);
  CHECK_INT(sd->has_econtent, 0); /* detached */
  CHECK_INT(sd->crl_count, 0);
  CHECK_INT(sd->certs.count, 1);
  CHECK_INT(sd->certs.other_count, 0);
  const sf_cms_cert *c = &sd->certs.items[0];
  CHECK_INT(c->version, 2);
  check_hex(c->serial, "0195007102330058");
  CHECK_INT(sf_der_time_to_unix(&c->not_before), NOT_BEFORE);
  CHECK_INT(sf_der_time_to_unix(&c->not_after), NOT_AFTER);
  CHECK_INT(c->not_before.generalized, 0);
  CHECK_BYTES(c->key_alg.oid, oid_rsa, sizeof oid_rsa);
  CHECK_INT(c->public_key.len, 141);
  CHECK_INT(c->has_san, 1);
  CHECK_INT(c->san_count, 3);
  CHECK_INT(c->san[0].type, SF_CMS_GN_URI);
  CHECK_SLICE(c->san[0].value, "sip:fluffy@example.com");
  CHECK_INT(c->san[1].type, SF_CMS_GN_URI);
  CHECK_SLICE(c->san[1].value, "im:fluffy@example.com");
  CHECK_INT(c->san[2].type, SF_CMS_GN_URI);
  CHECK_SLICE(c->san[2].value, "pres:fluffy@example.com");
  CHECK_INT(c->has_basic_constraints, 1);
  CHECK_INT(c->is_ca, 0);
  CHECK_INT(c->has_path_len, 0);
  check_hex(c->key_id, "ECDA985EE9F7F7D7EC2B294BDA25EEC7C77E9570");
  CHECK_INT(c->has_eku, 0);
  CHECK_INT(c->extension_count, 3);
  /* The subject's last RDN is CN=fluffy@example.com, a T61String. */
  CHECK(c->subject.len == 100);
  CHECK_SLICE(sf_slice_make(c->subject.ptr + c->subject.len - 18, 18), "fluffy@example.com");

  CHECK_INT(sd->signer_count, 1);
  const sf_cms_signer *s = &sd->signers[0];
  CHECK_INT(s->version, 1);
  CHECK_INT(s->sid.kind, SF_CMS_SID_ISSUER_SERIAL);
  check_hex(s->sid.serial, "0195007102330058");
  CHECK(sf_slice_eq(s->sid.issuer, c->issuer));
  CHECK_BYTES(s->digest_alg.oid, oid_sha1, sizeof oid_sha1);
  CHECK_INT(s->signed_attrs.count, 4);
  CHECK_BYTES(s->content_type, oid_data, sizeof oid_data);
  CHECK_INT(s->has_signing_time, 1);
  CHECK_INT(sf_der_time_to_unix(&s->signing_time), signing_time);
  check_hex(s->message_digest, digest);
  CHECK_INT(s->has_smime_caps, 1);
  CHECK_INT(s->smime_cap_count, 5);
  CHECK_BYTES(s->smime_caps[0].oid, oid_des3, sizeof oid_des3);
  CHECK_INT(s->smime_caps[0].params.len, 0);
  CHECK_INT(s->smime_caps[1].params.len, 4); /* rc2-cbc, INTEGER 128 */
  CHECK_BYTES(s->signature_alg.oid, oid_rsa, sizeof oid_rsa);
  CHECK_INT(s->signature.len, 128);
  CHECK_INT(s->unsigned_attrs.count, 0);
  CHECK(!sf_slice_is_present(s->unsigned_attrs.whole));
}

static void test_blob1(void) {
  /* signingTime 050204201712Z */
  check_signed_blob("tests/data/draft/cms/blob1-signed.der", 1107548232,
                    "da23800f1eb9e195cc7e553d49aec17ad599da2b");
}

static void test_blob4(void) {
  check_signed_blob("tests/data/draft/cms/blob4-signed.der", 1107547634,
                    "58ed12dd68189996f94c814ca651bd84a8baf36a");
}

static void check_enveloped_blob(const char *rel) {
  sf_error err;
  CHECK_INT(parse_file(rel, 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_ENVELOPED);
  const sf_cms_enveloped_data *ed = &result.enveloped_data;
  CHECK_INT(ed->version, 0);
  CHECK(!sf_slice_is_present(ed->originator_info));
  CHECK_INT(ed->recipient_count, 1);
  const sf_cms_recipient *r = &ed->recipients[0];
  CHECK_INT(r->kind, SF_CMS_RI_KTRI);
  CHECK_INT(r->version, 0);
  CHECK_INT(r->rid.kind, SF_CMS_SID_ISSUER_SERIAL);
  check_hex(r->rid.serial, "0195007102330057");
  CHECK_BYTES(r->key_enc_alg.oid, oid_rsa, sizeof oid_rsa);
  CHECK_INT(r->encrypted_key.len, 128);
  CHECK_BYTES(ed->content_type, oid_data, sizeof oid_data);
  CHECK_BYTES(ed->content_enc_alg.oid, oid_des3, sizeof oid_des3);
  CHECK_INT(ed->has_encrypted_content, 1);
  CHECK_INT(ed->encrypted_content.constructed, 0);
  CHECK_INT(ed->encrypted_content.length, 72);
  CHECK_INT(ed->unprotected_attrs.count, 0);
}

static void test_blob2(void) {
  check_enveloped_blob("tests/data/draft/cms/blob2-enveloped.der");
  check_hex(result.enveloped_data.iv, "058BC4DC505ED709");
}

static void test_blob3(void) {
  check_enveloped_blob("tests/data/draft/cms/blob3-enveloped.der");
  CHECK_INT(result.enveloped_data.iv.len, 8);
}

static void test_certificate_alone(void) {
  /* The certificate inside blob 1, through the certificate entry point. */
  sf_error err;
  size_t len = 0;
  uint8_t *raw = sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed.der"), &len);
  if (raw == NULL) return;
  sf_cms_cert cert;
  const uint8_t *in = sf_guard(raw + 56, 722); /* offset 56, 4 + 718 bytes */
  free(raw);
  CHECK_INT(sf_cms_parse_certificate(in, 722, 0, &cert, &err), SF_CMS_OK);
  CHECK_INT(cert.san_count, 3);
  CHECK_INT(sf_cms_parse_certificate(in, 721, 0, &cert, &err), SF_CMS_TRUNCATED);
  CHECK_INT(err.offset, 721);
}

static unsigned flags_named(const char *s) {
  if (strcmp(s, "SF_CMS_ALLOW_BER") == 0) return SF_CMS_ALLOW_BER;
  if (strcmp(s, "SF_CMS_ALLOW_DETACHED_ENCRYPTED") == 0) return SF_CMS_ALLOW_DETACHED_ENCRYPTED;
  return 0;
}

static void test_bad_inputs(void) {
  /* Every row of INDEX.tsv: file, expected status, flags, description. */
  FILE *f = fopen(sf_source_path("tests/data/cms-bad/INDEX.tsv"), "r");
  CHECK(f != NULL);
  if (f == NULL) return;
  char line[512];
  int rows = 0;
  while (fgets(line, sizeof line, f)) {
    char *file = strtok(line, "\t\n");
    char *status = strtok(NULL, "\t\n");
    char *rest = strtok(NULL, "\n");
    if (file == NULL || status == NULL || strcmp(file, "file") == 0) continue;
    char flags_name[64] = "";
    if (rest != NULL && rest[0] != '\t') sscanf(rest, "%63[^\t]", flags_name);
    char rel[256];
    snprintf(rel, sizeof rel, "tests/data/cms-bad/%s", file);
    sf_error err;
    int rc = parse_file(rel, flags_named(flags_name), &err);
    sf_test_checks++;
    if (strcmp(sf_cms_status_name(rc), status) != 0) {
      sf_test_failures++;
      fprintf(stderr, "[bad_inputs] %s: got %s at offset %zu (%s), want %s\n", file,
              sf_cms_status_name(rc), err.offset, err.reason, status);
    }
    CHECK_INT(err.code, rc);
    rows++;
  }
  fclose(f);
  CHECK(rows >= 20);
}

static void test_warnings(void) {
  sf_error err;
  CHECK_INT(parse_file("tests/data/cms-bad/nonminimal-length-ber.der", SF_CMS_ALLOW_BER, &err),
            SF_CMS_OK);
  CHECK_INT(result.warnings, SF_DER_W_NONMINIMAL_LENGTH);
  CHECK_INT(parse_file("tests/data/cms-bad/enveloped-no-encrypted-content.der",
                       SF_CMS_ALLOW_DETACHED_ENCRYPTED, &err),
            SF_CMS_OK);
  CHECK_INT(result.warnings, SF_CMS_W_DETACHED_ENCRYPTED);
  CHECK_INT(result.enveloped_data.has_encrypted_content, 0);
  CHECK_INT(parse_file("tests/data/cms-bad/nesting-at-limit.der", 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_CONTENT_INFO);
  CHECK_INT(result.nesting, SF_CMS_MAX_NESTING);
  /* Error positions: the two bytes after the outer object, the tag octet. */
  CHECK_INT(parse_file("tests/data/cms-bad/trailing-bytes.der", 0, &err), SF_CMS_TRAILING_DATA);
  CHECK_INT(err.offset, 1252);
  CHECK_INT(parse_file("tests/data/cms-bad/high-tag-low-number.der", 0, &err),
            SF_CMS_NONMINIMAL_TAG);
  CHECK_INT(err.offset, 4);
}

static void test_every_prefix(void) {
  /* A truncated message must fail, never crash or read past its end. */
  static const char *const blobs[] = {
      "tests/data/draft/cms/blob1-signed.der", "tests/data/draft/cms/blob2-enveloped.der",
      "tests/data/draft/cms/blob3-enveloped.der", "tests/data/draft/cms/blob4-signed.der"};
  for (size_t b = 0; b < sizeof blobs / sizeof blobs[0]; b++) {
    size_t len = 0;
    uint8_t *raw = sf_read_file(sf_source_path(blobs[b]), &len);
    if (raw == NULL) continue;
    int bad = 0;
    for (size_t n = 0; n < len; n++) {
      sf_error err;
      const uint8_t *in = sf_guard(raw, n);
      int rc = sf_cms_parse(in, n, SF_CMS_ALLOW_BER, &result, &err);
      if (rc == SF_CMS_OK || err.offset > n) bad++;
    }
    CHECK_INT(bad, 0);
    free(raw);
  }
}

/* The seeds scripts/gen-cms-seeds made with openssl cms (corpus/cms-seeds.tsv
 * says which command made which file). */
#define SEED(sha1) "corpus/cms/" sha1

static void test_openssl_made_messages(void) {
  sf_error err;
  /* -stream -nodetach: indefinite lengths and a constructed eContent that
   * joins to the content that was signed. */
  CHECK_INT(parse_file(SEED("0ffa774307fc6da5e551512e5f2247bf383e22a6"), 0, &err),
            SF_CMS_INDEFINITE_LENGTH);
  CHECK_INT(err.offset, 1);
  CHECK_INT(parse_file(SEED("0ffa774307fc6da5e551512e5f2247bf383e22a6"), SF_CMS_ALLOW_BER, &err),
            SF_CMS_OK);
  CHECK(result.warnings & SF_DER_W_INDEFINITE);
  const sf_cms_signed_data *sd = &result.signed_data;
  CHECK_INT(sd->has_econtent, 1);
  size_t want_len = 0, got_len = 0;
  uint8_t *want = sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed-content.bin"),
                               &want_len);
  uint8_t got[256];
  CHECK_INT(sf_der_string_copy(&sd->econtent, got, sizeof got, &got_len), SF_DER_OK);
  if (want) CHECK_BYTES(sf_slice_make(got, got_len), want, want_len);
  free(want);
  CHECK_INT(sd->signers[0].message_digest.len, 32); /* SHA-256 */

  /* -keyid: signer and recipient named by subjectKeyIdentifier. */
  CHECK_INT(parse_file(SEED("3b8966d4dd7d4cdd163117e0ffe73036fda5d53e"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.signed_data.signers[0].version, 3);
  CHECK_INT(result.signed_data.signers[0].sid.kind, SF_CMS_SID_KEY_ID);
  check_hex(result.signed_data.signers[0].sid.key_id, "ECDA985EE9F7F7D7EC2B294BDA25EEC7C77E9570");
  CHECK_INT(parse_file(SEED("a3dc6e29408bc47320551c027a36807f9aa8c39e"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipients[0].version, 2);
  CHECK_INT(result.enveloped_data.recipients[0].rid.kind, SF_CMS_SID_KEY_ID);
  CHECK_INT(result.enveloped_data.iv.len, 16); /* AES-256-CBC */

  /* Two signers; two recipients; password and KEK recipients kept raw. */
  CHECK_INT(parse_file(SEED("8285d5036856af7245e7889f35225910e190df17"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.signed_data.signer_count, 2);
  CHECK_INT(result.signed_data.certs.count, 2);
  CHECK_INT(parse_file(SEED("4a1a38415752865e27a1d51a093b59a9392c277a"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipient_count, 2);
  CHECK_INT(parse_file(SEED("cf0976bb0905726e57e5160799d82ced3ca586f5"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipients[0].kind, SF_CMS_RI_PWRI);
  CHECK_INT(parse_file(SEED("a5a8c0aca427ce8fd649341c2c127f3aefea130d"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.enveloped_data.recipients[0].kind, SF_CMS_RI_KEKRI);

  /* No signed attributes: nothing decoded, still one signer. */
  CHECK_INT(parse_file(SEED("72cd47d6c5a9f9f91b8bac2bb72df7a3de8f55a0"), 0, &err), SF_CMS_OK);
  CHECK(!sf_slice_is_present(result.signed_data.signers[0].signed_attrs.whole));
  CHECK(!sf_slice_is_present(result.signed_data.signers[0].message_digest));

  /* An EnvelopedData ContentInfo signed as id-ct-contentInfo: two levels. */
  CHECK_INT(parse_file(SEED("8f2f0c5ad8b81786506a4a92f1daa2209aab9d09"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.nesting, 2);

  /* Other content types recognized by OID and kept raw. */
  CHECK_INT(parse_file(SEED("6ade7f76db9791131e3f2bb79536abed79574a8d"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_DIGESTED);
  CHECK_INT(parse_file(SEED("b439a1c12badb9b39aa19495c8e3c1dd71efe242"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_ENCRYPTED);
  CHECK_INT(parse_file(SEED("271c2f92b0cbef0b8fc2f7db5d3f07e21937577b"), 0, &err), SF_CMS_OK);
  CHECK_INT(result.type, SF_CMS_TYPE_DATA);
  CHECK_INT(result.data.length, 68);

  /* A certificate with extendedKeyUsage (emailProtection, clientAuth). */
  CHECK_INT(parse_file(SEED("7a8d91a3cc4736f936b113c28884e67a18366083"), 0, &err), SF_CMS_OK);
  const sf_cms_cert *c = &result.signed_data.certs.items[0];
  CHECK_INT(c->has_eku, 1);
  CHECK_INT(c->eku_count, 2);
  static const uint8_t email_protection[] = {0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x04};
  CHECK_BYTES(c->eku[0], email_protection, sizeof email_protection);
  CHECK_INT(c->san_count, 3);
  CHECK_INT(c->san[1].type, SF_CMS_GN_EMAIL);
  CHECK_SLICE(c->san[1].value, "fluffy@example.com");
  CHECK_INT(c->san[2].type, SF_CMS_GN_DNS);
}

/* parse_built parses what |w| holds (strict DER: every shape is DER). */
static int parse_built(const sf_dw *w, sf_error *err) {
  return sf_cms_parse(sf_guard(w->buf, w->len), w->len, 0, &result, err);
}

/* The count of list |l| in the last result. */
static size_t count_in_result(sf_cms_list l) {
  const sf_cms_signed_data *sd = &result.signed_data;
  const sf_cms_enveloped_data *ed = &result.enveloped_data;
  switch (l) {
    case SF_LIST_DIGEST_ALGS: return sd->digest_alg_count;
    case SF_LIST_CERTS: return sd->certs.count;
    case SF_LIST_CRLS: return sd->crl_count;
    case SF_LIST_SIGNERS: return sd->signer_count;
    case SF_LIST_SIGNED_ATTRS: return sd->signers[0].signed_attrs.count;
    case SF_LIST_UNSIGNED_ATTRS: return sd->signers[0].unsigned_attrs.count;
    case SF_LIST_ATTR_VALUES: return sd->signers[0].unsigned_attrs.items[0].value_count;
    case SF_LIST_SMIME_CAPS: return sd->signers[0].smime_cap_count;
    case SF_LIST_EXTENSIONS: return sd->certs.items[0].extension_count;
    case SF_LIST_SAN: return sd->certs.items[0].san_count;
    case SF_LIST_EKU: return sd->certs.items[0].eku_count;
    case SF_LIST_RECIPIENTS: return ed->recipient_count;
    case SF_LIST_ORIGINATOR_CERTS: return ed->originator_certs.count;
    case SF_LIST_UNPROTECTED_ATTRS: return ed->unprotected_attrs.count;
    default: return (size_t)-1; /* not reported by the parser (originator CRLs) */
  }
}

static void test_count_limits(void) {
  /* Every named count: exactly the limit is accepted (and counted); one more
   * is rejected with the limit's own code at the first byte of the element
   * past the limit, a position the builder marked while writing. */
  static const struct {
    const char *what;
    sf_cms_list list;
    size_t limit;
    int code;
  } rows[] = {
      {"digestAlgorithms", SF_LIST_DIGEST_ALGS, SF_CMS_MAX_DIGEST_ALGS, SF_CMS_TOO_MANY_DIGEST_ALGS},
      {"certificates", SF_LIST_CERTS, SF_CMS_MAX_CERTS, SF_CMS_TOO_MANY_CERTS},
      {"originatorInfo certificates", SF_LIST_ORIGINATOR_CERTS, SF_CMS_MAX_CERTS,
       SF_CMS_TOO_MANY_CERTS},
      {"crls", SF_LIST_CRLS, SF_CMS_MAX_CRLS, SF_CMS_TOO_MANY_CRLS},
      {"originatorInfo crls", SF_LIST_ORIGINATOR_CRLS, SF_CMS_MAX_CRLS, SF_CMS_TOO_MANY_CRLS},
      {"signerInfos", SF_LIST_SIGNERS, SF_CMS_MAX_SIGNERS, SF_CMS_TOO_MANY_SIGNERS},
      {"recipientInfos", SF_LIST_RECIPIENTS, SF_CMS_MAX_RECIPIENTS, SF_CMS_TOO_MANY_RECIPIENTS},
      {"signedAttrs", SF_LIST_SIGNED_ATTRS, SF_CMS_MAX_ATTRS, SF_CMS_TOO_MANY_ATTRS},
      {"unsignedAttrs", SF_LIST_UNSIGNED_ATTRS, SF_CMS_MAX_ATTRS, SF_CMS_TOO_MANY_ATTRS},
      {"unprotectedAttrs", SF_LIST_UNPROTECTED_ATTRS, SF_CMS_MAX_ATTRS, SF_CMS_TOO_MANY_ATTRS},
      {"attribute values", SF_LIST_ATTR_VALUES, SF_CMS_MAX_ATTR_VALUES, SF_CMS_TOO_MANY_ATTR_VALUES},
      {"smimeCapabilities", SF_LIST_SMIME_CAPS, SF_CMS_MAX_SMIME_CAPS, SF_CMS_TOO_MANY_SMIME_CAPS},
      {"certificate extensions", SF_LIST_EXTENSIONS, SF_CMS_MAX_EXTENSIONS,
       SF_CMS_TOO_MANY_EXTENSIONS},
      {"subjectAltName entries", SF_LIST_SAN, SF_CMS_MAX_SAN, SF_CMS_TOO_MANY_SAN},
      {"extendedKeyUsage purposes", SF_LIST_EKU, SF_CMS_MAX_EKU, SF_CMS_TOO_MANY_EKU},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    for (size_t count = rows[i].limit; count <= rows[i].limit + 1; count++) {
      sf_dw w;
      sf_error err;
      sf_dw_init(&w);
      unsigned mark = sf_cms_build_with(&w, rows[i].list, count, rows[i].limit);
      int want = count > rows[i].limit ? rows[i].code : SF_CMS_OK;
      size_t want_offset = want == SF_CMS_OK ? 0 : sf_dw_mark_at(&w, mark);
      int rc = parse_built(&w, &err);
      size_t n = rc == SF_CMS_OK ? count_in_result(rows[i].list) : 0;
      sf_test_checks++;
      if (rc != want || err.code != rc || err.offset != want_offset ||
          strcmp(err.reason, sf_cms_status_reason(want)) != 0 ||
          (rc == SF_CMS_OK && n != (size_t)-1 && n != count)) {
        sf_test_failures++;
        fprintf(stderr, "[count_limits] %zu %s: got %s at %zu (count %zu), want %s at %zu\n",
                count, rows[i].what, sf_cms_status_name(rc), err.offset, n,
                sf_cms_status_name(want), want_offset);
      }
      sf_dw_free(&w);
    }
  }
}

static void test_status_table(void) {
  CHECK(strcmp(sf_cms_status_name(SF_CMS_TRUNCATED), "SF_CMS_TRUNCATED") == 0);
  CHECK(strcmp(sf_cms_status_reason(SF_CMS_TRUNCATED), sf_der_status_reason(SF_DER_TRUNCATED)) == 0);
  CHECK(strcmp(sf_cms_status_name(SF_CMS_STATUS_COUNT), "?") == 0);
  CHECK_INT(SF_CMS_NONMINIMAL_LENGTH, SF_DER_NONMINIMAL_LENGTH);
}

int main(void) {
  RUN(test_blob1);
  RUN(test_blob2);
  RUN(test_blob3);
  RUN(test_blob4);
  RUN(test_certificate_alone);
  RUN(test_bad_inputs);
  RUN(test_warnings);
  RUN(test_every_prefix);
  RUN(test_openssl_made_messages);
  RUN(test_count_limits);
  RUN(test_status_table);
  return sf_test_finish();
}

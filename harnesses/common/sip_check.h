/* sip_check.h: what the SIP harnesses assert about parsed URIs and
 * messages, shared by sip_message.c and sip_uri.c (static functions only,
 * so each harness stays one translation unit). */
#ifndef SF_HARNESS_SIP_CHECK_H
#define SF_HARNESS_SIP_CHECK_H

#include <string.h>

#include "check.h"
#include "sf/sip.h"

/* The entry point each harness defines (declared for -Wmissing-prototypes). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* sf_same_bytes: equal content (positions may differ). */
static inline int sf_same_bytes(sf_slice a, sf_slice b) {
  if (a.len != b.len || (a.ptr == NULL) != (b.ptr == NULL)) return 0;
  return a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0;
}

/* sf_check_params_within: every parameter slice lies in the input. */
static inline void sf_check_params_within(const sf_sip_param *p, size_t n, size_t limit,
                                          const uint8_t *data, size_t len, const char *what) {
  SF_CHECK(n <= limit, "%s: %zu parameters, limit %zu", what, n, limit);
  for (size_t i = 0; i < n; i++) {
    SF_CHECK_WITHIN(p[i].name, data, len, what);
    SF_CHECK_WITHIN(p[i].value, data, len, what);
    SF_CHECK(p[i].name.len > 0, "%s: parameter %zu has an empty name", what, i);
  }
}

/* sf_check_uri_within: a parsed URI only points into the input and its
 * fields agree with its scheme. */
static inline void sf_check_uri_within(const sf_sip_uri *u, const uint8_t *data, size_t len) {
  SF_CHECK_WITHIN(u->scheme_text, data, len, "URI scheme");
  SF_CHECK_WITHIN(u->user, data, len, "URI user");
  SF_CHECK_WITHIN(u->password, data, len, "URI password");
  SF_CHECK_WITHIN(u->host, data, len, "URI host");
  SF_CHECK_WITHIN(u->opaque, data, len, "URI opaque part");
  sf_check_params_within(u->params, u->param_count, SF_SIP_MAX_PARAMS, data, len, "URI param");
  sf_check_params_within(u->headers, u->header_count, SF_SIP_MAX_URI_HEADERS, data, len,
                         "URI header");
  if (u->scheme == SF_SIP_SCHEME_OTHER) {
    SF_CHECK(u->opaque.ptr != NULL && u->opaque.len > 0, "non-SIP URI without opaque part");
    SF_CHECK(u->host.ptr == NULL && u->param_count == 0, "non-SIP URI with SIP parts");
  } else {
    SF_CHECK(u->host.len > 0 && u->host_kind != SF_SIP_HOST_NONE, "SIP URI without host");
    SF_CHECK(u->password.ptr == NULL || u->user.ptr != NULL, "URI password without user");
    SF_CHECK(u->host_kind != SF_SIP_HOST_IPV6 ||
                 (u->host.ptr[0] == '[' && u->host.ptr[u->host.len - 1] == ']'),
             "IPv6 host without its brackets");
  }
}

static inline int sf_same_params(const sf_sip_param *a, size_t na, const sf_sip_param *b,
                                 size_t nb) {
  if (na != nb) return 0;
  for (size_t i = 0; i < na; i++) {
    if (!sf_same_bytes(a[i].name, b[i].name) || !sf_same_bytes(a[i].value, b[i].value)) return 0;
  }
  return 1;
}

/* sf_check_same_uri: the round trip kept every part (the scheme is
 * printed in lower case, so it is compared case-insensitively). */
static inline void sf_check_same_uri(const sf_sip_uri *a, const sf_sip_uri *b) {
  SF_CHECK(a->scheme == b->scheme && sf_slice_eq_nocase(a->scheme_text, b->scheme_text),
           "URI round trip changed the scheme");
  SF_CHECK(sf_same_bytes(a->user, b->user), "URI round trip changed the user");
  SF_CHECK(sf_same_bytes(a->password, b->password), "URI round trip changed the password");
  SF_CHECK(sf_same_bytes(a->host, b->host) && a->host_kind == b->host_kind,
           "URI round trip changed the host");
  SF_CHECK(a->has_port == b->has_port && a->port == b->port, "URI round trip changed the port");
  SF_CHECK(sf_same_params(a->params, a->param_count, b->params, b->param_count),
           "URI round trip changed the parameters");
  SF_CHECK(sf_same_params(a->headers, a->header_count, b->headers, b->header_count),
           "URI round trip changed the headers");
  SF_CHECK(sf_same_bytes(a->opaque, b->opaque), "URI round trip changed the opaque part");
}

/* sf_check_error: a failure names a real code, its own reason, and an
 * offset inside (or just at the end of) the input. */
static inline void sf_check_sip_error(int rc, const sf_error *e, size_t len) {
  SF_CHECK(rc > 0 && rc < SF_SIP_STATUS_COUNT, "status %d is not in the status list", rc);
  SF_CHECK(e->code == rc, "error code %d differs from the status returned %d", e->code, rc);
  SF_CHECK(e->reason == sf_sip_status_reason(rc), "error reason is not the table's");
  SF_CHECK(e->offset <= len, "error offset %zu beyond the input (%zu bytes)", e->offset, len);
}

#endif /* SF_HARNESS_SIP_CHECK_H */

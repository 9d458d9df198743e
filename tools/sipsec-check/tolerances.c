/* tolerances.c: the interop quirks the parsers accepted, reported as
 * warnings at the byte where each was needed.
 *
 * The parsers say which tolerances a message needed (warning bits), not
 * where. Each tolerance that has a flag is found by parsing again without
 * that one flag: the parsers promise that a warning is reported exactly
 * when the strict parse would have failed because of it, so the strict
 * parse stops at the first byte that needed it. */
#include <stdlib.h>

#include "report.h"

typedef struct flagged {
  unsigned warning; /* the warning bit */
  unsigned flag;    /* the flag that allows it */
  int finding;
} flagged;

static const flagged sip_flagged[] = {
    {SF_SIP_W(LF_LINE_ENDS), SF_SIP_ALLOW_LF, SF_CHECK_F_SIP_LF_LINE_ENDS},
    {SF_SIP_W(UNQUOTED_IDENTITY), SF_SIP_ALLOW_UNQUOTED_IDENTITY, SF_CHECK_F_SIP_UNQUOTED_IDENTITY},
    {SF_SIP_W(UNQUOTED_SLASH), SF_SIP_ALLOW_UNQUOTED_SLASH, SF_CHECK_F_MIME_UNQUOTED_PARAMETER},
    {SF_SIP_W(NON_UTF8), SF_SIP_ALLOW_NON_UTF8, SF_CHECK_F_SIP_NON_UTF8},
};

static const flagged mime_flagged[] = {
    {SF_MIME_W(LF_LINE_ENDS), SF_MIME_ALLOW_LF, SF_CHECK_F_MIME_LF_LINE_ENDS},
    {SF_MIME_W(NON_UTF8), SF_MIME_ALLOW_NON_UTF8, SF_CHECK_F_MIME_NON_UTF8},
    {SF_MIME_W(UNQUOTED_SLASH), SF_MIME_ALLOW_UNQUOTED_SLASH, SF_CHECK_F_MIME_UNQUOTED_PARAMETER},
    {SF_MIME_W(SIGNATURE_TYPE_MISMATCH), SF_MIME_ALLOW_SIGNATURE_TYPE_MISMATCH,
     SF_CHECK_F_MIME_SIGNATURE_LABEL},
};

/* is_address_header says whether values of |id| are name-addr/addr-spec. */
static int is_address_header(int id) {
  switch (id) {
    case SF_SIP_H_FROM: case SF_SIP_H_TO: case SF_SIP_H_CONTACT: case SF_SIP_H_REPLY_TO:
    case SF_SIP_H_REFER_TO: case SF_SIP_H_REFERRED_BY: case SF_SIP_H_ROUTE:
    case SF_SIP_H_RECORD_ROUTE:
      return 1;
    default:
      return 0;
  }
}

/* display_name_offset finds the address whose token display name runs
 * into '<' (a warning without a flag: every parse accepts it). */
static size_t display_name_offset(const sf_check_report *r) {
  static const size_t none = (size_t)-1;
  for (size_t i = 0; i < r->msg.header_count; i++) {
    const sf_sip_header *h = &r->msg.headers[i];
    if (!is_address_header(h->id)) continue;
    sf_slice items[SF_SIP_MAX_VALUES];
    size_t n = 0;
    sf_error err;
    if (sf_sip_split(r->data, h->value, items, SF_SIP_MAX_VALUES, &n, &err) != SF_SIP_OK) continue;
    for (size_t k = 0; k < n; k++) {
      sf_sip_addr addr;
      if (sf_sip_parse_addr(r->data, items[k], &addr, &err) == SF_SIP_OK &&
          (addr.warnings & SF_SIP_W(TOKEN_DISPLAY_NAME_NO_LWS))) {
        return (size_t)(items[k].ptr - r->data);
      }
    }
  }
  return none;
}

void sf_check_sip_tolerances(sf_check_report *r) {
  unsigned w = r->msg.warnings;
  for (size_t i = 0; i < sizeof sip_flagged / sizeof sip_flagged[0]; i++) {
    if (!(w & sip_flagged[i].warning)) continue;
    sf_error err;
    int rc = sf_sip_parse(r->data, r->len, r->config.sip_flags & ~sip_flagged[i].flag,
                          &r->scratch_msg, &err);
    sf_check_loc at = sf_check_loc_sip(rc != SF_SIP_OK ? err.offset : r->msg.start_offset);
    sf_check_add(r, sip_flagged[i].finding, &at, "the strict SIP parse stops here: %s",
                 rc != SF_SIP_OK ? sf_sip_status_name(rc) : "(it does not)");
  }
  if (w & SF_SIP_W(TOKEN_DISPLAY_NAME_NO_LWS)) {
    size_t off = display_name_offset(r);
    sf_check_loc at = sf_check_loc_sip(off != (size_t)-1 ? off : r->msg.start_offset);
    sf_check_add(r, SF_CHECK_F_SIP_DISPLAY_NAME_NO_SPACE, &at, "accepted as RFC 4475 3.1.1.6 asks");
  }
  if (w & SF_SIP_W(TRAILING_BYTES)) {
    sf_check_loc at = sf_check_loc_sip((size_t)(r->msg.trailing.ptr - r->data));
    sf_check_add(r, SF_CHECK_F_SIP_TRAILING_BYTES, &at, "%zu bytes after the body",
                 r->msg.trailing.len);
  }
  if (w & SF_SIP_W(NO_CONTENT_LENGTH)) {
    sf_check_loc at = sf_check_loc_sip(r->msg.body_offset);
    sf_check_add(r, SF_CHECK_F_SIP_NO_CONTENT_LENGTH, &at, "a body of %zu bytes", r->msg.body.len);
  }
}

void sf_check_mime_tolerances(sf_check_report *r, int e) {
  const sf_check_entity *en = &r->entities[e];
  unsigned w = en->tree->warnings;
  for (size_t i = 0; i < sizeof mime_flagged / sizeof mime_flagged[0]; i++) {
    if (!(w & mime_flagged[i].warning)) continue;
    if (r->scratch_tree == NULL && (r->scratch_tree = malloc(sizeof *r->scratch_tree)) == NULL) {
      return;
    }
    sf_error err;
    int rc = sf_check_parse_entity(r, e, r->config.mime_flags & ~mime_flagged[i].flag,
                                   r->scratch_tree, &err);
    sf_check_loc at = sf_check_loc_in(r, e, SF_MIME_NONE, en->data + (rc != SF_MIME_OK ? err.offset : 0));
    sf_check_add(r, mime_flagged[i].finding, &at, "the strict MIME parse stops here: %s",
                 rc != SF_MIME_OK ? sf_mime_status_name(rc) : "(it does not)");
  }
}

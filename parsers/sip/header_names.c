/* header_names.c: header field names, full and compact (RFC 3261 7.3.3 and
 * the IANA "Header Fields" registry), through one table generated from
 * SF_SIP_HEADER_LIST. Names are tokens compared ASCII case-insensitively
 * (RFC 3261 7.3.1). */
#include "sf/sip.h"

typedef struct {
  const char *name;
  size_t len;
  char compact; /* lower case, or 0 */
} header_entry;

static const header_entry table[SF_SIP_H_COUNT] = {
#define SF_X(id, name, compact) {name, sizeof(name) - 1, compact},
    SF_SIP_HEADER_LIST(SF_X)
#undef SF_X
};

static uint8_t lower(uint8_t c) { return (c >= 'A' && c <= 'Z') ? (uint8_t)(c + 32) : c; }

int sf_sip_header_id_of(sf_slice name) {
  if (name.ptr == NULL || name.len == 0) return SF_SIP_H_OTHER;
  if (name.len == 1) {
    uint8_t c = lower(name.ptr[0]);
    for (int id = 1; id < SF_SIP_H_COUNT; id++) {
      if (table[id].compact != 0 && (uint8_t)table[id].compact == c) return id;
    }
    return SF_SIP_H_OTHER;
  }
  /* A few dozen entries, most rejected on length alone: constant work per
   * name, so parsing stays linear in the message. */
  for (int id = 1; id < SF_SIP_H_COUNT; id++) {
    if (table[id].len == name.len && sf_slice_eq_nocase_lit(name, table[id].name)) return id;
  }
  return SF_SIP_H_OTHER;
}

const char *sf_sip_header_name(int id) {
  return (id >= 0 && id < SF_SIP_H_COUNT) ? table[id].name : "";
}

int sf_sip_header_is_list(int id) {
  switch (id) {
    /* RFC 3261 20: the fields whose grammar is element *(COMMA element). */
    case SF_SIP_H_ACCEPT:
    case SF_SIP_H_ACCEPT_CONTACT:
    case SF_SIP_H_ALLOW:
    case SF_SIP_H_ALLOW_EVENTS:
    case SF_SIP_H_CONTACT:
    case SF_SIP_H_CONTENT_ENCODING:
    case SF_SIP_H_PROXY_REQUIRE:
    case SF_SIP_H_RECORD_ROUTE:
    case SF_SIP_H_REJECT_CONTACT:
    case SF_SIP_H_REQUEST_DISPOSITION:
    case SF_SIP_H_REQUIRE:
    case SF_SIP_H_ROUTE:
    case SF_SIP_H_SUPPORTED:
    case SF_SIP_H_UNSUPPORTED:
    case SF_SIP_H_VIA:
      return 1;
    default:
      return 0;
  }
}

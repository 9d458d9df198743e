/* status.c: the MIME status, warning and header-name tables, all generated
 * from the lists in sf/mime.h so a code, its name and its reason cannot
 * drift apart; and the one place that fills an sf_error. */
#include "mime_internal.h"

static const char *const status_names[] = {
#define SF_X(name, reason) "SF_MIME_" #name,
    SF_MIME_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const status_reasons[] = {
#define SF_X(name, reason) reason,
    SF_MIME_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const warning_names[] = {
#define SF_X(name, reason) "SF_MIME_W_" #name,
    SF_MIME_WARNING_LIST(SF_X)
#undef SF_X
};
static const char *const warning_reasons[] = {
#define SF_X(name, reason) reason,
    SF_MIME_WARNING_LIST(SF_X)
#undef SF_X
};
static const char *const header_names[] = {
#define SF_X(id, name) name,
    SF_MIME_HEADER_LIST(SF_X)
#undef SF_X
};

const char *sf_mime_status_name(int code) {
  return (code >= 0 && code < SF_MIME_STATUS_COUNT) ? status_names[code] : "?";
}

const char *sf_mime_status_reason(int code) {
  return (code >= 0 && code < SF_MIME_STATUS_COUNT) ? status_reasons[code] : "unknown status";
}

const char *sf_mime_warning_name(int bit) {
  return (bit >= 0 && bit < SF_MIME_WARNING_COUNT) ? warning_names[bit] : "?";
}

const char *sf_mime_warning_reason(int bit) {
  return (bit >= 0 && bit < SF_MIME_WARNING_COUNT) ? warning_reasons[bit] : "unknown warning";
}

int sf_mime_header_id_of(sf_slice name) {
  for (int id = SF_MIME_H_OTHER + 1; id < SF_MIME_H_COUNT; id++) {
    if (sf_slice_eq_nocase_lit(name, header_names[id])) return id;
  }
  return SF_MIME_H_OTHER;
}

int sf_mimei_fail(sf_mimei_ctx *c, int code, size_t offset) {
  if (c->err != NULL) {
    c->err->code = code;
    c->err->offset = offset;
    c->err->reason = sf_mime_status_reason(code);
  }
  return code;
}

int sf_mimei_bare_lf(sf_mimei_ctx *c, size_t offset) {
  if (!(c->flags & SF_MIME_ALLOW_LF)) return sf_mimei_fail(c, SF_MIME_BARE_LF, offset);
  c->out->warnings |= SF_MIME_W(LF_LINE_ENDS);
  return SF_MIME_OK;
}

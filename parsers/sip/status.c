/* status.c: names and reasons of the SIP status codes and warning bits, all
 * generated from the lists in sf/sip.h so code, name and text cannot drift. */
#include "sf/sip.h"

static const char *const status_names[] = {
#define SF_X(name, reason) "SF_SIP_" #name,
    SF_SIP_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const status_reasons[] = {
#define SF_X(name, reason) reason,
    SF_SIP_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const warning_names[] = {
#define SF_X(name, reason) "SF_SIP_W_" #name,
    SF_SIP_WARNING_LIST(SF_X)
#undef SF_X
};
static const char *const warning_reasons[] = {
#define SF_X(name, reason) reason,
    SF_SIP_WARNING_LIST(SF_X)
#undef SF_X
};

const char *sf_sip_status_name(int code) {
  return (code >= 0 && code < SF_SIP_STATUS_COUNT) ? status_names[code] : "?";
}

const char *sf_sip_status_reason(int code) {
  return (code >= 0 && code < SF_SIP_STATUS_COUNT) ? status_reasons[code] : "unknown status";
}

const char *sf_sip_warning_name(int bit) {
  return (bit >= 0 && bit < SF_SIP_WARNING_COUNT) ? warning_names[bit] : "?";
}

const char *sf_sip_warning_reason(int bit) {
  return (bit >= 0 && bit < SF_SIP_WARNING_COUNT) ? warning_reasons[bit] : "unknown warning";
}

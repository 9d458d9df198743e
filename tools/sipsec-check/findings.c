/* findings.c: the accessors of the table in findings.h. */
#include "findings.h"

#include <stddef.h>

#define KEY(name, id, severity, sentence) id,
#define SEVERITY(name, id, severity, sentence) SF_CHECK_##severity,
#define SENTENCE(name, id, severity, sentence) sentence,

static const char *const keys[] = {SF_CHECK_FINDING_LIST(KEY)};
static const int severities[] = {SF_CHECK_FINDING_LIST(SEVERITY)};
static const char *const sentences[] = {SF_CHECK_FINDING_LIST(SENTENCE)};

const char *sf_check_finding_key(int id) {
  return id >= 0 && id < SF_CHECK_FINDING_COUNT ? keys[id] : "?";
}

int sf_check_finding_severity(int id) {
  return id >= 0 && id < SF_CHECK_FINDING_COUNT ? severities[id] : SF_CHECK_ERROR;
}

const char *sf_check_finding_sentence(int id) {
  return id >= 0 && id < SF_CHECK_FINDING_COUNT ? sentences[id] : "?";
}

const char *sf_check_severity_name(int severity) {
  static const char *const names[] = {"info", "warning", "error"};
  return severity >= SF_CHECK_INFO && severity <= SF_CHECK_ERROR ? names[severity] : "?";
}

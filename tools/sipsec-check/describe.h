/* describe.h: a report, described through emit.h. */
#ifndef SF_CHECK_DESCRIBE_H
#define SF_CHECK_DESCRIBE_H

#include "emit.h"
#include "report.h"

/* sf_check_describe writes everything known about the message |name| as
 * one object: file, size, sip, entities, signatures, decryptions, findings
 * and summary (with |exit_status|, this file's contribution to the exit
 * status). With |quiet|, only file, findings and summary. */
void sf_check_describe(sf_check_emit *e, const sf_check_report *r, const char *name,
                       int exit_status, int quiet);

#endif /* SF_CHECK_DESCRIBE_H */

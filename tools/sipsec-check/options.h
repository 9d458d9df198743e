/* options.h: sipsec-check's command line. */
#ifndef SF_CHECK_OPTIONS_H
#define SF_CHECK_OPTIONS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define SF_CHECK_MAX_CA_FILES 16
#define SF_CHECK_MAX_FILES 256

typedef struct sf_check_options {
  const char *ca[SF_CHECK_MAX_CA_FILES];
  int ca_count;
  int has_at;
  int64_t at;
  const char *key;
  const char *cert;
  int json;
  int quiet;    /* findings and summary only */
  int help;
  int version;
  const char *files[SF_CHECK_MAX_FILES];
  int file_count;
} sf_check_options;

/* sf_check_parse_options reads argv into |o|. Returns 0, or -1 after
 * writing a one-line reason to |why| (usage error, exit status 2). */
int sf_check_parse_options(int argc, char **argv, sf_check_options *o, char *why, size_t cap);

/* sf_check_usage writes the --help text. */
void sf_check_usage(FILE *out);

#endif /* SF_CHECK_OPTIONS_H */

/* options.c: the command line of sipsec-check and its --help. */
#include <stdio.h>
#include <string.h>

#include "options.h"
#include "sf/smime.h"

void sf_check_usage(FILE *out) {
  fputs(
      "usage: sipsec-check [options] FILE...\n"
      "\n"
      "Checks SIP messages with S/MIME bodies (RFC 3261 23, RFC 8551) for what interop\n"
      "events found wrong: signatures that do not verify, certificates that expired or\n"
      "are not trusted, signers that are not the From address, and the quirks parsers\n"
      "have to tolerate; binary and base64 parts are decoded alike, so no verdict\n"
      "depends on the transfer encoding. Prints the parsed message (start line, header\n"
      "fields, MIME parts with types, encodings, sizes and byte ranges), each signature\n"
      "and decryption, and every finding with its identifier, severity and byte offset.\n"
      "FILE '-' reads standard input.\n"
      "\n"
      "options:\n"
      "  --ca FILE     PEM file of trust anchors for signer certificates; may be given\n"
      "                several times, and a file may hold several certificates.\n"
      "                Without --ca, certificate dates are still checked, trust is not.\n"
      "                  sipsec-check --ca certs/ca-cert.pem msg.sip\n"
      "  --at TIME     verify as of TIME: RFC 3339 or seconds since the epoch\n"
      "                (default: now). Expired or not-yet-valid is always a finding.\n"
      "                  sipsec-check --ca ca.pem --at 2005-02-04T20:20:00Z msg.sip\n"
      "                  sipsec-check --ca ca.pem --at 1107548400 msg.sip\n"
      "  --key FILE    PEM private key (unencrypted) of a recipient, to decrypt\n"
      "                application/pkcs7-mime enveloped-data; needs --cert.\n"
      "  --cert FILE   PEM certificate that goes with --key.\n"
      "                  sipsec-check --key kumiko-key.pem --cert kumiko-cert.pem msg.sip\n"
      "  --json        print one JSON document (the same content as the text form).\n"
      "                  sipsec-check --json --ca ca.pem msg.sip | python3 -m json.tool\n"
      "  -q, --quiet   print only the findings and the summary of each FILE.\n"
      "                  sipsec-check -q --ca ca.pem *.sip\n"
      "  -h, --help    print this help and exit.\n"
      "  --version     print the version and exit.\n"
      "  --            end of options (for a FILE named like an option).\n"
      "\n"
      "exit status: 0 no error-level finding in any FILE, 1 at least one,\n"
      "2 usage or I/O error (a FILE that cannot be read, a bad --ca/--key/--cert).\n"
      "Finding identifiers and what each means: docs/sipsec-check.md.\n",
      out);
}

/* value takes the argument of option |name| from "--name=value" or the
 * next argv element. */
static const char *value(int argc, char **argv, int *i, const char *name, char *why, size_t cap) {
  const char *arg = argv[*i];
  size_t n = strlen(name);
  if (strncmp(arg, name, n) == 0 && arg[n] == '=') return arg + n + 1;
  if (*i + 1 >= argc) {
    snprintf(why, cap, "%s needs a value (see --help)", name);
    return NULL;
  }
  return argv[++*i];
}

/* is_option says whether |arg| is option |name|, alone or as "name=...". */
static int is_option(const char *arg, const char *name) {
  size_t n = strlen(name);
  return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

int sf_check_parse_options(int argc, char **argv, sf_check_options *o, char *why, size_t cap) {
  memset(o, 0, sizeof *o);
  int files_only = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = NULL;
    if (files_only || a[0] != '-' || strcmp(a, "-") == 0) {
      if (o->file_count == SF_CHECK_MAX_FILES) {
        snprintf(why, cap, "more than %d files", SF_CHECK_MAX_FILES);
        return -1;
      }
      o->files[o->file_count++] = a;
    } else if (strcmp(a, "--") == 0) {
      files_only = 1;
    } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      o->help = 1;
    } else if (strcmp(a, "--version") == 0) {
      o->version = 1;
    } else if (strcmp(a, "--json") == 0) {
      o->json = 1;
    } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
      o->quiet = 1;
    } else if (is_option(a, "--ca")) {
      if ((v = value(argc, argv, &i, "--ca", why, cap)) == NULL) return -1;
      if (o->ca_count == SF_CHECK_MAX_CA_FILES) {
        snprintf(why, cap, "more than %d --ca files", SF_CHECK_MAX_CA_FILES);
        return -1;
      }
      o->ca[o->ca_count++] = v;
    } else if (is_option(a, "--at")) {
      if ((v = value(argc, argv, &i, "--at", why, cap)) == NULL) return -1;
      if (sf_smime_parse_time(v, &o->at) != 0) {
        snprintf(why, cap,
                 "--at %s: not RFC 3339 (2005-02-04T20:20:00Z) nor seconds since the epoch", v);
        return -1;
      }
      o->has_at = 1;
    } else if (is_option(a, "--key")) {
      if ((o->key = value(argc, argv, &i, "--key", why, cap)) == NULL) return -1;
    } else if (is_option(a, "--cert")) {
      if ((o->cert = value(argc, argv, &i, "--cert", why, cap)) == NULL) return -1;
    } else {
      snprintf(why, cap, "unknown option %s (see --help)", a);
      return -1;
    }
  }
  if (o->help || o->version) return 0;
  if ((o->key == NULL) != (o->cert == NULL)) {
    snprintf(why, cap, "--key and --cert go together");
    return -1;
  }
  if (o->file_count == 0) {
    snprintf(why, cap, "no FILE given (see --help)");
    return -1;
  }
  return 0;
}

/* regie-validate.h — checks and normal forms for what a casemanager types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define REGIE_VALIDATE_ERROR (regie_validate_error_quark ())

/* The messages are translated and meant to be shown as they are, next to the field. */
typedef enum
{
  REGIE_VALIDATE_ERROR_BSN_FORMAT,           /* not 9 digits */
  REGIE_VALIDATE_ERROR_BSN_CHECKSUM,         /* fails the elfproef */
  REGIE_VALIDATE_ERROR_POSTCODE_FORMAT,      /* not 1234 AB */
  REGIE_VALIDATE_ERROR_POSTCODE_NONEXISTENT, /* starts with 0, or SA/SD/SS */
  REGIE_VALIDATE_ERROR_DATE_FORMAT,
  REGIE_VALIDATE_ERROR_DATE_IMPOSSIBLE,      /* 31-2-1980 */
  REGIE_VALIDATE_ERROR_DATE_FUTURE,
  REGIE_VALIDATE_ERROR_DATE_TOO_OLD,         /* birth date before 1900 */
  REGIE_VALIDATE_ERROR_EMAIL,
  REGIE_VALIDATE_ERROR_PHONE,
  REGIE_VALIDATE_ERROR_NAME_MISSING,         /* a person needs some name */
  REGIE_VALIDATE_ERROR_OUTCOME_REQUIRED,     /* closing a dossier needs an outcome */
  REGIE_VALIDATE_ERROR_SATISFACTION,         /* not 1–5 */
  REGIE_VALIDATE_ERROR_TASK_EMPTY,           /* a task needs a description */
} RegieValidateError;

GQuark    regie_validate_error_quark (void);

/* All regie_validate_* functions take what was typed and return TRUE with its normal form
 * in *out (NULL when the input is empty or blank: every such field is optional), or FALSE
 * with a REGIE_VALIDATE_ERROR. out may be NULL. Dates are ISO "YYYY-MM-DD"; today is an ISO
 * date too, NULL meaning the local date now (tests pass a fixed one). */
gboolean  regie_bsn_is_valid           (const char  *bsn);
gboolean  regie_validate_bsn           (const char  *input,
                                        char       **out,
                                        GError     **error);
gboolean  regie_validate_postcode      (const char  *input,
                                        char       **out,
                                        GError     **error);
gboolean  regie_validate_date          (const char  *input,
                                        char       **out,
                                        GError     **error);
gboolean  regie_validate_birth_date    (const char  *input,
                                        const char  *today,
                                        char       **out,
                                        GError     **error);
gboolean  regie_validate_email         (const char  *input,
                                        char       **out,
                                        GError     **error);
gboolean  regie_validate_phone         (const char  *input,
                                        char       **out,
                                        GError     **error);

gboolean  regie_iso_date_is_valid      (const char  *iso_date);
char     *regie_date_format            (const char  *iso_date);
int       regie_age_on                 (const char  *iso_birth_date,
                                        const char  *today);
char     *regie_today                  (void);

G_END_DECLS

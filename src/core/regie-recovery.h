/* regie-recovery.h — the store key as a recovery key a person can write down and type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_RECOVERY_ERROR (regie_recovery_error_quark ())

typedef enum
{
  REGIE_RECOVERY_ERROR_INVALID, /* not 56 characters of the alphabet, or the check group fails */
} RegieRecoveryError;

/* 8 groups of 7 characters, separated by a dash */
#define REGIE_RECOVERY_KEY_GROUPS      8
#define REGIE_RECOVERY_KEY_GROUP_CHARS 7

GQuark    regie_recovery_error_quark (void);
char     *regie_recovery_key_format  (const guint8  *key);
gboolean  regie_recovery_key_parse   (const char    *text,
                                      guint8        *key_out,
                                      GError       **error);
void      regie_recovery_key_free    (char          *recovery_key);

/* Whether the user has confirmed keeping the recovery key of this store (a store_info row). */
gboolean  regie_recovery_key_was_shown  (RegieStore  *store);
gboolean  regie_recovery_key_mark_shown (RegieStore  *store,
                                         GError     **error);

G_END_DECLS

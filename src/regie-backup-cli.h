/* regie-backup-cli.h — regie --backup FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Handles --backup when given, returning the exit status; -1 when it was not given. */
int  regie_backup_cli_run (GVariantDict *options,
                           gboolean      demo);

G_END_DECLS

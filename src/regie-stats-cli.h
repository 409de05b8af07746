/* regie-stats-cli.h — regie --export-statistics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Handles --export-statistics when given, returning the exit status; -1 when it was not
 * given, so that the application goes on as usual. */
int  regie_stats_cli_run (GVariantDict *options,
                          gboolean      demo);

G_END_DECLS

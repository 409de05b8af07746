/* regie-network-cli.h — regie --import-network and --export-network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Handles the network options when given, returning the exit status; -1 when there
 * were none, so that the application starts as usual. */
int  regie_network_cli_run (GVariantDict *options,
                            gboolean      demo);

G_END_DECLS

/* regie-test-util.h — shared helpers for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *regie_test_make_data_home (void);
void      regie_test_remove_tree    (const char *path);
char     *regie_test_checksum_file  (const char *path);
gboolean  regie_test_file_contains  (const char *path,
                                     const char *needle);

G_END_DECLS

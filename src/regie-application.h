/* regie-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "regie-store.h"

G_BEGIN_DECLS

#define REGIE_TYPE_APPLICATION (regie_application_get_type ())

G_DECLARE_FINAL_TYPE (RegieApplication, regie_application, REGIE, APPLICATION, AdwApplication)

RegieApplication *regie_application_new            (const char         *application_id,
                                                    GApplicationFlags   flags);
gboolean          regie_application_get_demo       (RegieApplication   *self);
void              regie_application_set_demo       (RegieApplication   *self,
                                                    gboolean            demo);
RegieStore       *regie_application_new_demo_store (GError            **error);

G_END_DECLS

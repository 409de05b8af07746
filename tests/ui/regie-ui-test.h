/* regie-ui-test.h — what every UI test needs: Dutch, the real application, waiting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "regie-window-private.h"

G_BEGIN_DECLS

/* Opening a store asks the keyring and derives nothing, but a loaded CI machine is slow. */
#define DEADLINE_SECONDS 30

typedef void (*WindowTestFunc) (RegieWindow *window);

/* Iterates the main context until COND holds; a test that waits forever fails instead. */
#define wait_for(cond, what)                                                         \
  G_STMT_START {                                                                     \
    gint64 deadline_ = g_get_monotonic_time () + DEADLINE_SECONDS * G_USEC_PER_SEC; \
    while (!(cond))                                                                  \
      {                                                                              \
        if (g_get_monotonic_time () > deadline_)                                     \
          g_error ("Waited %d s for %s; it did not happen", DEADLINE_SECONDS, what); \
        if (!regie_test_dispatch_some ())                                            \
          g_usleep (5000);                                                           \
      }                                                                              \
  } G_STMT_END

gboolean   regie_test_dispatch_some         (void);
void       regie_test_settle                (void);
GtkWidget *regie_test_find_label            (GtkWidget       *widget,
                                             const char      *text);
GtkWidget *regie_test_find_widget_of_type   (GtkWidget       *widget,
                                             GType            type);
GtkWidget *regie_test_find_button_for_action (GtkWidget      *widget,
                                             const char      *action_name);
gboolean   regie_test_press_shortcut        (GtkWidget       *widget,
                                             guint            keyval,
                                             GdkModifierType  mods);
gboolean   regie_test_window_reached_main   (RegieWindow     *window);
void       regie_test_run_app               (gboolean         demo,
                                             WindowTestFunc   func,
                                             void           (*after_run) (void));
void       regie_test_use_dutch             (void);
void       regie_test_init                  (int             *argc,
                                             char          ***argv);

G_END_DECLS

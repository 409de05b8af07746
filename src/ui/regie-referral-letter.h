/* regie-referral-letter.h — print or save the handover letter of a referral
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "regie-referral.h"

G_BEGIN_DECLS

/* Both show what went wrong (or that it was saved) through show_message, which may be
 * NULL; the letter holds the referral's handover text, the consented data only. */
typedef void (*RegieLetterMessageFunc) (gpointer    user_data,
                                        const char *message);

void regie_referral_letter_print (GtkWindow             *parent,
                                  RegieReferral         *referral,
                                  RegieLetterMessageFunc show_message,
                                  gpointer               user_data);
void regie_referral_letter_save  (GtkWindow             *parent,
                                  RegieReferral         *referral,
                                  RegieLetterMessageFunc show_message,
                                  gpointer               user_data);

G_END_DECLS

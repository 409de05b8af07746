/* regie-holidays.h — Dutch public holidays, on which professional lines are closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Easter Sunday of a Gregorian year (1583 on), by the anonymous Gregorian algorithm. */
void         regie_holidays_easter   (int  year,
                                      int *month,
                                      int *day);

/* The translated name of the public holiday on that date, or NULL for an ordinary day.
 * The days the national offices close: Nieuwjaarsdag, Eerste en Tweede Paasdag,
 * Koningsdag (27 April, the 26th when the 27th is a Sunday), Bevrijdingsdag (5 May,
 * every year), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
 * Goede Vrijdag is not a general day off and is left out. */
const char  *regie_holidays_get_name (int  year,
                                      int  month,
                                      int  day);
gboolean     regie_holidays_is_holiday (GDateTime *date);

G_END_DECLS

/* regie-holidays.c — Dutch public holidays, on which professional lines are closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "regie-holidays.h"

void
regie_holidays_easter (int  year,
                       int *month,
                       int *day)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;

  g_return_if_fail (year >= 1583);

  *month = (h + l - 7 * m + 114) / 31;
  *day = (h + l - 7 * m + 114) % 31 + 1;
}

/* Days from Easter Sunday, to compare a date with the feasts that move with it. */
static int
days_after_easter (int year,
                   int month,
                   int day)
{
  int em, ed;
  GDate easter, date;

  regie_holidays_easter (year, &em, &ed);
  g_date_clear (&easter, 1);
  g_date_clear (&date, 1);
  g_date_set_dmy (&easter, ed, em, year);
  g_date_set_dmy (&date, day, month, year);

  return g_date_days_between (&easter, &date);
}

const char *
regie_holidays_get_name (int year,
                         int month,
                         int day)
{
  if (year < 1583 || !g_date_valid_dmy (day, month, year))
    return NULL;

  if (month == 1 && day == 1)
    return _("New Year’s Day");
  if (month == 12 && day == 25)
    return _("Christmas Day");
  if (month == 12 && day == 26)
    return _("Boxing Day");
  /* Bevrijdingsdag is only a day off for everyone once every five years by collective
   * agreement, but the national executive organisations close their lines every year. */
  if (month == 5 && day == 5)
    return _("Liberation Day");

  /* Koningsdag moves to Saturday the 26th when the 27th is a Sunday. */
  if (month == 4 && (day == 26 || day == 27))
    {
      GDate date;
      GDateWeekday weekday;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 27, G_DATE_APRIL, year);
      weekday = g_date_get_weekday (&date);
      if ((day == 27 && weekday != G_DATE_SUNDAY) || (day == 26 && weekday == G_DATE_SUNDAY))
        return _("King’s Day");
    }

  if (month >= 3 && month <= 6)
    {
      switch (days_after_easter (year, month, day))
        {
        case 0:
          return _("Easter Sunday");
        case 1:
          return _("Easter Monday");
        case 39:
          return _("Ascension Day");
        case 49:
          return _("Whit Sunday");
        case 50:
          return _("Whit Monday");
        default:
          break;
        }
    }

  return NULL;
}

gboolean
regie_holidays_is_holiday (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return regie_holidays_get_name (g_date_time_get_year (date),
                                  g_date_time_get_month (date),
                                  g_date_time_get_day_of_month (date)) != NULL;
}

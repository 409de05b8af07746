/* regie-professional-line.h — a direct line for professionals, with weekly availability
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-store.h"

G_BEGIN_DECLS

/* One stretch of availability in a week: weekday 1 (Monday) … 7 (Sunday), minutes since
 * midnight in Europe/Amsterdam, start < end <= 24 * 60. A day may have several. */
typedef struct
{
  guint8  weekday;
  guint16 start_minute;
  guint16 end_minute;
} RegieSlot;

#define REGIE_TYPE_PROFESSIONAL_LINE (regie_professional_line_get_type ())

G_DECLARE_FINAL_TYPE (RegieProfessionalLine, regie_professional_line, REGIE, PROFESSIONAL_LINE, GObject)

RegieProfessionalLine *regie_professional_line_new (void);

gint64       regie_professional_line_get_id              (RegieProfessionalLine *self);
gint64       regie_professional_line_get_organisation_id (RegieProfessionalLine *self);
void         regie_professional_line_set_organisation_id (RegieProfessionalLine *self,
                                                          gint64      organisation_id);
const char  *regie_professional_line_get_label           (RegieProfessionalLine *self);
void         regie_professional_line_set_label           (RegieProfessionalLine *self,
                                                          const char *label);
const char  *regie_professional_line_get_phone           (RegieProfessionalLine *self);
void         regie_professional_line_set_phone           (RegieProfessionalLine *self,
                                                          const char *phone);
/* Who may use it ("alleen loketmedewerkers", "professionals met een cliënt erbij" …). */
const char  *regie_professional_line_get_audience        (RegieProfessionalLine *self);
void         regie_professional_line_set_audience        (RegieProfessionalLine *self,
                                                          const char *audience);
const char  *regie_professional_line_get_notes           (RegieProfessionalLine *self);
void         regie_professional_line_set_notes           (RegieProfessionalLine *self,
                                                          const char *notes);
gboolean     regie_professional_line_get_open_on_holidays (RegieProfessionalLine *self);
void         regie_professional_line_set_open_on_holidays (RegieProfessionalLine *self,
                                                          gboolean    open);
const char  *regie_professional_line_get_checked_at      (RegieProfessionalLine *self);
void         regie_professional_line_set_checked_at      (RegieProfessionalLine *self,
                                                          const char *iso_date);

const RegieSlot *regie_professional_line_get_slots       (RegieProfessionalLine *self,
                                                          guint      *n_slots);
void         regie_professional_line_set_slots           (RegieProfessionalLine *self,
                                                          const RegieSlot *slots,
                                                          guint       n_slots);
gboolean     regie_professional_line_add_slot            (RegieProfessionalLine *self,
                                                          guint       weekday,
                                                          guint       start_minute,
                                                          guint       end_minute);

/* Availability as text: "ma-vr 9:00-12:00, 13:00-17:00; za 10:00-12:00". Dutch and English
 * day names, "t/m", en dashes and 9.00 are all understood. Canonical text (localized FALSE)
 * is what the vCard export writes: "mo-fr 09:00-12:00,13:00-17:00; sa 10:00-12:00". */
gboolean     regie_availability_parse                    (const char *text,
                                                          GArray    **slots,
                                                          GError    **error);
char        *regie_professional_line_format_availability (RegieProfessionalLine *self,
                                                          gboolean    localized);
gboolean     regie_professional_line_set_availability    (RegieProfessionalLine *self,
                                                          const char *text,
                                                          GError    **error);

/* now: any time zone, NULL for the clock. Computed in Europe/Amsterdam, closed on Dutch
 * public holidays unless the line is open on holidays. */
gboolean     regie_professional_line_is_reachable        (RegieProfessionalLine *self,
                                                          GDateTime  *now);
GDateTime   *regie_professional_line_next_opening        (RegieProfessionalLine *self,
                                                          GDateTime  *now);
/* "Reachable now", "Reachable from Tuesday 9:00", "No hours known" … translated. */
char        *regie_professional_line_describe            (RegieProfessionalLine *self,
                                                          GDateTime  *now);

GDateTime   *regie_network_now                           (void);
GTimeZone   *regie_network_time_zone                     (void);

gboolean     regie_professional_line_save                (RegieStore *store,
                                                          RegieProfessionalLine *self,
                                                          const char *actor,
                                                          GError    **error);
gboolean     regie_professional_line_delete              (RegieStore *store,
                                                          gint64      id,
                                                          const char *actor,
                                                          GError    **error);

G_END_DECLS

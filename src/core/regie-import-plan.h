/* regie-import-plan.h — what importing a vCard or CSV file into the network would do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "regie-parse-problem.h"
#include "regie-store.h"

G_BEGIN_DECLS

typedef enum
{
  REGIE_IMPORT_FORMAT_AUTO,   /* by the file's name, else by its first bytes */
  REGIE_IMPORT_FORMAT_VCARD,
  REGIE_IMPORT_FORMAT_CSV,
} RegieImportFormat;

typedef enum
{
  REGIE_IMPORT_ACTION_ADD,
  REGIE_IMPORT_ACTION_UPDATE,
  REGIE_IMPORT_ACTION_UNCHANGED,
} RegieImportAction;

/* One entry of the preview. */
typedef struct
{
  RegieImportAction  action;
  gboolean           is_contact;
  const char        *name;
  const char        *organisation_name;  /* of a contact; "" when none */
  guint              line;
} RegieImportItem;

#define REGIE_TYPE_IMPORT_PLAN (regie_import_plan_get_type ())

/* Built by reading the file and comparing it with the store, writing nothing. Duplicates
 * are found by UID, then by name (organisations) or by name and organisation (contacts);
 * a duplicate updates what is stored with what the file adds or changes. A contact whose
 * ORG matches an organisation joins it; an unknown ORG becomes a new organisation. */
G_DECLARE_FINAL_TYPE (RegieImportPlan, regie_import_plan, REGIE, IMPORT_PLAN, GObject)

RegieImportPlan *regie_import_plan_new       (RegieStore        *store,
                                              const char        *data,
                                              gsize              length,
                                              RegieImportFormat  format,
                                              GError           **error);
RegieImportPlan *regie_import_plan_new_for_file (RegieStore     *store,
                                              GFile             *file,
                                              GError           **error);

guint        regie_import_plan_get_n_added   (RegieImportPlan *self);
guint        regie_import_plan_get_n_updated (RegieImportPlan *self);
guint        regie_import_plan_get_n_unchanged (RegieImportPlan *self);
/* Malformed cards and rows, each with its line in problems. */
guint        regie_import_plan_get_n_skipped (RegieImportPlan *self);
GPtrArray   *regie_import_plan_get_problems  (RegieImportPlan *self);
guint        regie_import_plan_get_n_items   (RegieImportPlan *self);
const RegieImportItem *regie_import_plan_get_item (RegieImportPlan *self,
                                              guint              index);

/* The same, read and compared in a thread of its own on a second connection, so that a big
 * file never freezes the window. Cancelling drops the result. The plan returned applies on
 * store, the first connection. */
void         regie_import_plan_new_for_file_async (RegieStore   *store,
                                              GFile             *file,
                                              GCancellable      *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer           user_data);
RegieImportPlan *regie_import_plan_new_for_file_finish (GAsyncResult *result,
                                              GError           **error);

/* Writes everything added and updated in one transaction: all or nothing. Once. */
gboolean     regie_import_plan_apply         (RegieImportPlan *self,
                                              const char        *actor,
                                              GError           **error);

/* vCard 4.0 of the organisations (ids, or NULL for all) with their lines, and their
 * contacts (all contacts when ids is NULL). Imports back into Regie unchanged. */
char        *regie_network_export_vcard      (RegieStore        *store,
                                              GArray            *organisation_ids,
                                              GError           **error);

/* The ids of the organisations called names (case and accents aside), in that order, for
 * exporting a selection. A name that matches none is an error naming it. */
GArray      *regie_network_find_organisations (RegieStore       *store,
                                              const char * const *names,
                                              GError           **error);

G_END_DECLS

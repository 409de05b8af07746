/* regie-parse-problem.h — a line of an imported file that could not be read, and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Caps on what an import reads, so that a wrong or hostile file gives a clear error
 * instead of exhausting memory. A sociale kaart has hundreds of entries, not millions. */
#define REGIE_IMPORT_MAX_BYTES      (16 * 1024 * 1024)
#define REGIE_IMPORT_MAX_LINE       (64 * 1024)
#define REGIE_IMPORT_MAX_ENTRIES    20000
#define REGIE_IMPORT_MAX_PROPERTIES 500

typedef struct
{
  guint  line;     /* 1-based line in the file */
  char  *message;  /* translated; never quotes personal data */
} RegieParseProblem;

static inline void
regie_parse_problem_free (RegieParseProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static inline void
regie_parse_problem_add (GPtrArray  *problems,
                         guint       line,
                         const char *message)
{
  RegieParseProblem *problem = g_new0 (RegieParseProblem, 1);

  problem->line = line;
  problem->message = g_strdup (message);
  g_ptr_array_add (problems, problem);
}

G_END_DECLS

/* Financing needs out to the provincial financing credit platform (江西省融资信用服务平台,
 * issue 19), once for both faces: the open needs in the platform's columns by the map
 * a site keeps (data/export/financing_platform.tsv), as CSV or xlsx. */
#ifndef QIFU_APP_FIN_EXPORT_H
#define QIFU_APP_FIN_EXPORT_H
#include <stdint.h>

#include "app/app.h"
#include "model/fin_platform.h"

/* the map a site keeps of the platform's import template, under data/ */
#define FIN_PF_MAP_FILE "export/financing_platform.tsv"

/* the site's column map FIN_PF_MAP_FILE; -1 with file:line in err */
int app_fin_pf_map_load(fin_pf_map *m, strbuf *err);

/* a need that goes out with fields the platform collects still blank: its number, its
 * enterprise and which fields (bits 1 << fin_pf_field) */
typedef void (*fin_pf_gap_fn)(void *arg, int64_t id, const char *enterprise,
                              unsigned missing);

/* Write the open needs (awaiting a match, being matched, matched), oldest first, of
 * the area (NULL all; an area officer's own area only) in m's columns to path (.csv or
 * .xlsx; NULL: CSV on standard output). The contact and phone go out masked for those
 * who may not see them; in full, the export is recorded as an access event before the
 * file takes its place. Each need lacking a mapped field goes to gap (NULL: not told).
 * *rows gets the count, *gaps the needs with a gap. APP_OK; APP_NO when the actor
 * may not export the area's enterprises; APP_BAD for a bad path or a failure; the
 * reason in err, path left as it was. */
app_status app_fin_platform_export(app_ctx *ctx, const fin_pf_map *m, const char *area,
                                   const char *path, fin_pf_gap_fn gap, void *arg,
                                   long *rows, long *gaps, strbuf *err);

#endif

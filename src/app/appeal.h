/* What both faces need to act on appeals for the session's staff member: who they are
 * to the rules (ticket and ladder), the filter a list starts from (today's lights,
 * the officer's area), whether an appeal is suggested for escalation, the light and
 * due wording, and the list of units typed as "甲，乙、丙". */
#ifndef QIFU_APP_APPEAL_H
#define QIFU_APP_APPEAL_H
#include "app/app.h"
#include "model/escalation.h"
#include "model/ticket.h"
#include "store/appeal_store.h"

/* the name of the centre (区企服中心) in the unit table */
const char *app_appeal_centre(app_ctx *ctx);
/* the acting staff member as the appeal rules see them */
ticket_actor app_ticket_actor(app_ctx *ctx);
/* the acting staff member as the ladder rules see them */
escalation_actor app_esc_actor(app_ctx *ctx);
/* the appeals newly given to the actor's units (unit staff, leaders of some units)
 * by the events after *after (appeal_store_news; *after < 0: the first look, which
 * only remembers the newest event); 0 for those who see every unit or an area.
 * The count, or -1 with the reason in err */
int app_appeal_news(app_ctx *ctx, int64_t *after, appeal_news *out, int cap, bool *more,
		strbuf *err);
/* a filter of everything the actor may see, with today's light boundaries */
void app_appeal_filter(app_ctx *ctx, appeal_filter *f);
/* whether the acting staff member sees appeal a (DOMAIN: unit staff the appeals their
 * unit takes part in, leaders those of the units they oversee, area officers their
 * area's); an appeal they do not see is as good as absent to them */
bool app_appeal_visible(app_ctx *ctx, const appeal_record *a);
/* hide the caller's name and phone of appeal a, loaded to be shown or exported, from
 * an acting staff member who does not need them (perm_sees_personal: the front desk
 * and the centre see them on the appeal they work on; mask_personal); the fields
 * (access_field bits) left in full that hold something, 0 when masked. Shown to a
 * person: app_appeal_shown (app/personal.h), which records the access. */
unsigned app_appeal_mask(app_ctx *ctx, appeal_record *a);
/* the same masking for a caller's name and phone held elsewhere (a work order's) */
void app_mask_caller(app_ctx *ctx, char **name, char **phone);
/* whether an appeal at level with its handling deadline due is suggested (建议升级) */
bool app_appeal_suggested(app_ctx *ctx, qdate handle_due, int level);
/* "黄灯 剩余 2 个工作日" / "超期 3 个工作日": a running deadline's light and days, the
 * one wording of the lists, the details and the commands (compact: it fits the list's
 * deadline column at 80 columns) */
void app_light_text(ticket_light_t l, int workdays, strbuf *out);
/* the lead unit a dispatch starts from: the unit that just gave the appeal back
 * (returned) is not offered again; otherwise the enterprise's routed lead unit. NULL
 * when there is none to suggest (the person picks). Pure */
const char *app_appeal_lead_pick(const char *enterprise_lead, const char *returned_by);
/* the lead unit that gave appeal a back, from its events (a return clears the lead
 * unit; the dispatch's event keeps it as lead=…); NULL when it was not given back
 * since its last dispatch. Pure over a's events; allocated */
char *app_appeal_returned_by(const appeal_record *a);
/* the same for appeal a, reading its enterprise; NULL when there is none or on error */
char *app_appeal_lead_default(app_ctx *ctx, const appeal_record *a);
/* who is recorded as the caller of a new appeal: what was typed, and where a name or
 * phone was left empty, the enterprise's contact — the phone only when the name is
 * the contact's (or was left empty too), so a stranger never gets the contact's
 * number. Pure; the results point into the arguments */
void app_appeal_caller(const char *typed_name, const char *typed_phone,
		const char *contact, const char *contact_phone, const char **name,
		const char **phone);
/* whom to call about appeal a: "张三（财务经理） 13800000000", or "not recorded" */
char *app_appeal_caller_text(const appeal_record *a);
/* the report to the enterprise in one line: "2026-03-05 by phone, 张三: what was
 * said", or NULL before it was made; how and by whom "not recorded" for appeals
 * answered before the report step existed */
char *app_appeal_report_text(const appeal_record *a);
/* the enterprise's appeals whose titles are like title (重复诉求): open ones registered
 * in the last similar_days, closed ones closed in the last similar_closed_days (the
 * settings), most alike first, at most max into rows (appeal_row_clear each); APP_OK or
 * APP_BAD with the reason */
enum { APP_SIMILAR_MAX = 5 };
app_status app_appeal_similar(app_ctx *ctx, const char *uscc, const char *title,
		appeal_row *rows, int max, int *n, strbuf *err);
/* the warning about them, one paragraph: "该企业有 2 件标题相似的诉求（未办结的近 30 天，已销号
 * 的近 90 天）： 2026-000123 …（待分办，相似度 80%）；…" */
void app_appeal_similar_text(app_ctx *ctx, const appeal_row *rows, int n, strbuf *out);
/* the leader the 调度 board starts filtered on: a level-2 leader opens on the units
 * they oversee (their login), everyone else on every unit (NULL). Pure */
const char *app_board_start_leader(const struct staff *me);
/* the items of a list typed with , ， or 、 between them, trimmed, empties dropped;
 * a NULL-terminated array of *n strings, freed with app_split_list_free */
char **app_split_list(const char *s, int *n);
void app_split_list_free(char ***v);
/* the other way: n items as "甲、乙、丙" (the sheets, the command's tables); fresh */
char *app_join_list(char *const *v, int n);

#endif

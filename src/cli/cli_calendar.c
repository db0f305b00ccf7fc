/* The warning every command gives when a date it uses lies in a year counted
 * provisionally or by weekends alone (DOMAIN §3); the words are app_calendar_caveat's. */
#include "cli/cli.h"

void cli_warn_missing_year(app_ctx *ctx, qdate from, qdate to)
{
	cli_need(ctx, APP_NEED_CALENDAR);
	strbuf s = STRBUF_INIT;
	if (app_calendar_caveat(ctx, from, to, &s))
		say_warn("%s", sb_str(&s));
	sb_free(&s);
}

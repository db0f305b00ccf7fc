/* qifu setup-server, run as root once after meson install: the system group, the
 * protected database directory (2770 root:GROUP), the binary setgid to the group,
 * the database's files 0660 in the group, and with --admin the zone's database and
 * its first administrator. Staff are never members of the group: they reach the
 * data only through the binary. Each step says what it did; running it again
 * repairs what is off and changes nothing else. */
#include "cli/cli.h"
#include "cli/cli_args.h"

#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/i18n.h"
#include "config/settings.h"
#include "core/privilege.h"
#include "core/xalloc.h"

int cmd_setup_server(app_ctx *ctx, int argc, char **argv);

extern char **environ;

/* groupadd --system name; 0 when it ran and succeeded */
static int add_group(const char *name)
{
	char *args[] = { (char *)"groupadd", (char *)"--system", (char *)name, NULL };
	pid_t pid;
	if (posix_spawnp(&pid, "groupadd", NULL, NULL, args, environ) != 0)
		return -1;
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* owner root, group gid, exactly mode; prints the path when something changed */
static int own(const char *path, gid_t gid, mode_t mode)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		say_error(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	if (st.st_uid == 0 && st.st_gid == gid && (st.st_mode & 07777) == mode)
		return 0;
	/* chown first: it clears the setgid bit that chmod then sets */
	if (chown(path, 0, gid) != 0 || chmod(path, mode) != 0) {
		say_error(_("%s: %s"), path, strerror(errno));
		return -1;
	}
	printf(_("%s: now %04o root:%s\n"), path, (unsigned)mode, getgrgid(gid)->gr_name);
	return 0;
}

/* mkdir -p the directories above dir, 0755 root's */
static int make_parents(const char *dir)
{
	char *p = xstrdup(dir);
	int rc = 0;
	for (char *s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			say_error(_("%s: cannot create directory: %s"), p, strerror(errno));
			rc = -1;
		}
		*s = '/';
		if (rc < 0)
			break;
	}
	free(p);
	return rc;
}

static void usage(FILE *fp)
{
	fprintf(fp, _("usage: qifu setup-server [--group NAME] [--binary PATH] "
	              "[--admin LOGIN [--unit UNIT] [--name NAME]]\n"
	              "Run as root once after meson install: create the system group (default "
	              "qifu), the database directory %s (2770 root:GROUP), make the binary "
	              "setgid to the group and the database's files 0660 in it; with --admin "
	              "create the zone's database there with LOGIN its first administrator. "
	              "Staff must not be members of the group.\n"),
	        priv_dir() ? priv_dir() : "-");
}

int cmd_setup_server(app_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "group", required_argument, NULL, 'g' },
		{ "binary", required_argument, NULL, 'b' },
		{ "admin", required_argument, NULL, 'a' },
		{ "unit", required_argument, NULL, 'u' },
		{ "name", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *group = "qifu", *binary = NULL, *admin = NULL, *unit = NULL, *name = NULL;
	int c;
	optind = 0;
	while ((c = cli_getopt(argc, argv, opts, NULL)) != -1) {
		switch (c) {
		case 'g': group = optarg; break;
		case 'b': binary = optarg; break;
		case 'a': admin = optarg; break;
		case 'u': unit = optarg; break;
		case 'n': name = optarg; break;
		case 'h': usage(stdout); return EXIT_OK;
		default: return EXIT_USAGE;
		}
	}
	if (cli_operands(argc, argv, 0, NULL))
		return EXIT_USAGE;
	if (getuid() != 0) {
		say_error(_("setup-server: run it as root (sudo qifu setup-server)"));
		return EXIT_NO;
	}
	if ((unit || name) && !admin) {
		say_error(_("setup-server: --unit and --name describe the --admin login"));
		return EXIT_USAGE;
	}
	if (admin && !getpwnam(admin)) {
		say_error(_("setup-server: --admin %s: no such login on this machine"), admin);
		return EXIT_USAGE;
	}
	const char *dir = priv_dir();
	struct group *gr = getgrnam(group);
	if (!gr) {
		if (add_group(group) < 0 || !(gr = getgrnam(group))) {
			say_error(_("setup-server: cannot create the system group %s (groupadd)"),
			          group);
			return EXIT_NO;
		}
		printf(_("group %s: created\n"), group);
	}
	gid_t gid = gr->gr_gid;
	if (gr->gr_mem && gr->gr_mem[0])
		say_warn(_("group %s has members (%s …): they can read the database "
		           "directly; staff need not and should not be members"),
		         group, gr->gr_mem[0]);
	char *exe = binary ? realpath(binary, NULL) : realpath("/proc/self/exe", NULL);
	if (!exe) {
		say_error(_("setup-server: %s: %s"), binary ? binary : "/proc/self/exe",
		          strerror(errno));
		return EXIT_USAGE;
	}
	/* the installation's database, whatever --db says */
	char *db_file = settings_server_db_path(ctx->cfg);
	int rc = EXIT_NO;
	if (make_parents(dir) < 0)
		goto out;
	if (mkdir(dir, 02770) == 0)
		printf(_("%s: created\n"), dir);
	else if (errno != EEXIST) {
		say_error(_("%s: cannot create directory: %s"), dir, strerror(errno));
		goto out;
	}
	if (own(dir, gid, 02770) < 0 || own(exe, gid, 02755) < 0)
		goto out;
	if (admin) {
		struct stat st;
		if (stat(db_file, &st) == 0) {
			say_error(_("setup-server: --admin: %s exists already; add staff with qifu "
			            "staff add"), db_file);
			goto out;
		}
		if (cli_db_create(ctx, db_file, admin, name, unit) != EXIT_OK)
			goto out;
	}
	/* the database and what SQLite keeps beside it, whoever made them */
	static const char *const sfx[] = { "", "-journal", "-wal", "-shm" };
	for (size_t k = 0; k < sizeof sfx / sizeof *sfx; k++) {
		char *f = xasprintf("%s%s", db_file, sfx[k]);
		struct stat st;
		int bad = stat(f, &st) == 0 && own(f, gid, 0660) < 0;
		free(f);
		if (bad)
			goto out;
	}
	printf(_("%s is setgid %s; the database is %s\n"), exe, group, db_file);
	rc = EXIT_OK;
out:
	free(db_file);
	free(exe);
	return rc;
}

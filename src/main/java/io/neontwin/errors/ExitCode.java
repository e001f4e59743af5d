package io.neontwin.errors;

/**
 * Process exit codes. Each user-fixable cause has its own code so that scripts and CI can branch on it;
 * docs/exit-codes.md lists them and is kept equal to this enum by a test.
 */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "unexpected internal error (a bug: rerun with --debug and report it)"),
    USAGE(2, "unknown command or option"),
    INVALID_INPUT(3, "an input is missing or malformed (URL, option value, direction), or the JVM's heap is too small for a row"),
    CONNECTION(4, "a server could not be reached (unknown host, refused port, timeout)"),
    AUTHENTICATION(5, "a server rejected the user or password"),
    DATABASE_NOT_FOUND(6, "the production database does not exist"),
    PRIVILEGE(7, "the role lacks a privilege the run needs"),
    CLIENT_VERSION(8, "no pg_dump/pg_restore fits the server versions, or a version is unsupported"),
    SAFETY(9, "refused to write: the target is production, or not a twin of this production"),
    BUSY(10, "another run holds the twin's lock, or production's migration lock"),
    COPY_FAILED(11, "the copy failed mid-way (connection lost, disk full, server error); the previous twin is kept"),
    VERIFY_FAILED(12, "verification found a difference; the previous twin is kept"),
    NOTIFY_FAILED(13, "a required notification could not be delivered"),
    MIGRATION_FAILED(14, "a migration failed in its rehearsal on the twin or on production"),
    MIGRATIONS_INVALID(15, "the migrations folder is unreadable or disagrees with production's history"),
    WOULD_OVERWRITE(16, "neon-twin init would replace a workflow file that differs from the one it writes"),
    NEON_API(17, "the Neon API refused a request or kept failing (API key, project, branch)"),
    PRIVACY_RULES(18, "the rules file is invalid, or a personal column of a copied table is not covered by it (strict mode)");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}

package io.neontwin.reversetwin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration file into the statements the server receives one by one, as psql would: semicolons inside
 * quotes, quoted identifiers, dollar-quoted bodies, comments, parentheses (CREATE RULE ... DO (a; b)) and
 * SQL-standard function bodies (BEGIN ATOMIC ... END) do not end a statement.
 */
public final class SqlSplitter {
    private SqlSplitter() {
    }

    /** @throws SqlSyntaxError naming the line, for an unterminated quote or comment, or a psql meta-command */
    public static List<SqlStatement> split(String text) {
        List<SqlStatement> statements = new ArrayList<>();
        StatementEnd end = new StatementEnd();
        List<SqlToken> current = new ArrayList<>();
        for (SqlToken token : SqlLexer.tokens(text)) {
            if (token.isSymbol(';') && end.atTopLevel()) {
                addStatement(text, current, statements);
                current.clear();
                end = new StatementEnd();
            } else if (!token.isComment() || !current.isEmpty()) {
                // comments before a statement's first token belong to no statement: the statement starts at its SQL
                current.add(token);
                end.see(token);
            }
        }
        addStatement(text, current, statements);
        return List.copyOf(statements);
    }

    /**
     * The 1-based line of the file that a server error position points at.
     *
     * @param position the server's position (pgjdbc ServerErrorMessage.getPosition()): 1-based, in characters (code
     *                 points) of the statement's text as sent; 0 or out of range gives the statement's first line
     */
    public static int lineOf(String fileText, SqlStatement statement, int position) {
        if (position <= 0 || position > statement.sql().codePointCount(0, statement.sql().length())) {
            return statement.firstLine();
        }
        int index = statement.sql().offsetByCodePoints(0, position - 1);
        return new LineIndex(fileText).lineAt(statement.offset() + index);
    }

    /** Trailing comments before the semicolon are dropped with it; a statement of comments alone is no statement. */
    private static void addStatement(String text, List<SqlToken> tokens, List<SqlStatement> statements) {
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isComment()) {
            last--;
        }
        if (last < 0) {
            return;
        }
        SqlToken first = tokens.getFirst();
        statements.add(new SqlStatement(text.substring(first.start(), tokens.get(last).end()), first.line(), first.start()));
    }

    /**
     * Whether a semicolon ends the statement: not inside parentheses, and not inside the BEGIN ... END of a
     * CREATE [OR REPLACE] FUNCTION/PROCEDURE (PostgreSQL 14+ SQL-standard bodies). Same heuristic as psql: in such a
     * statement, outside parentheses, BEGIN opens a block, CASE opens one inside a block, END closes one.
     */
    private static final class StatementEnd {
        private final List<String> leadingWords = new ArrayList<>();
        private int parenthesisDepth;
        private int blockDepth;

        boolean atTopLevel() {
            return parenthesisDepth == 0 && blockDepth == 0;
        }

        void see(SqlToken token) {
            if (token.isSymbol('(')) {
                parenthesisDepth++;
            } else if (token.isSymbol(')') && parenthesisDepth > 0) {
                parenthesisDepth--;
            } else if (token.type() == SqlToken.Type.WORD) {
                if (leadingWords.size() < 4) {
                    leadingWords.add(token.text().toUpperCase(Locale.ROOT));
                }
                if (parenthesisDepth == 0 && definesRoutine()) {
                    countBlock(token);
                }
            }
        }

        private void countBlock(SqlToken word) {
            if (word.isWord("BEGIN")) {
                blockDepth++;
            } else if (word.isWord("CASE") && blockDepth > 0) {
                blockDepth++;
            } else if (word.isWord("END") && blockDepth > 0) {
                blockDepth--;
            }
        }

        private boolean definesRoutine() {
            List<String> words = leadingWords;
            if (words.size() < 2 || !words.getFirst().equals("CREATE")) {
                return false;
            }
            if (isRoutine(words.get(1))) {
                return true;
            }
            return words.size() >= 4 && words.get(1).equals("OR") && words.get(2).equals("REPLACE")
                    && isRoutine(words.get(3));
        }

        private static boolean isRoutine(String word) {
            return word.equals("FUNCTION") || word.equals("PROCEDURE");
        }
    }
}

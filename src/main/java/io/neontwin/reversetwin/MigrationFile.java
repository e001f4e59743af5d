package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Reads one migration file: its bytes' checksum, its UTF-8 text and its statements. */
final class MigrationFile {
    private MigrationFile() {
    }

    /**
     * @param file      the path relative to the migrations folder, for the migration and error sentences
     * @param inputName how the user named the folder, for error sentences
     */
    static Migration read(Path path, String file, MigrationFileName name, String inputName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, inputName + ": '" + file + "' cannot be read ("
                    + e.getMessage() + "); make it readable by the user neon-twin runs as.", e);
        }
        String text = decode(bytes, file, inputName);
        List<SqlStatement> statements;
        try {
            statements = SqlSplitter.split(text);
            if (name.numbered()) {
                statements = DbmateSections.upSection(text, statements);
            }
            statements = TransactionRules.withoutWrappingTransaction(statements);
        } catch (SqlSyntaxError e) {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, inputName + ": '" + file + "' line " + e.line() + ": "
                    + e.problem() + ".", e);
        }
        boolean transactional = statements.stream().noneMatch(TransactionRules::needsAutocommit);
        // A password a migration sets is a secret from now on: a server message, a log line or a report may quote it.
        statements.forEach(statement -> StatementExcerpt.passwordLiterals(statement.sql()).forEach(Secrets::register));
        return new Migration(name.version(), name.description(), file, text, sha256(bytes), statements, transactional);
    }

    /** Strict UTF-8: a file saved in another encoding would otherwise reach production with its characters mangled. */
    private static String decode(byte[] bytes, String file, String inputName) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, inputName + ": '" + file + "' is not valid UTF-8 (line "
                    + lineOfByte(bytes, in.position()) + "); save it as UTF-8.");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        // a byte order mark is no SQL: editors on Windows add it, the server would reject it
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOfByte(byte[] bytes, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

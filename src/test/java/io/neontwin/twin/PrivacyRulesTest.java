package io.neontwin.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules file's form, its documentation, the COPY text row and the name dictionary, without a server. */
class PrivacyRulesTest {
    @TempDir
    Path folder;

    @Test
    void theJsonSchemaNamesExactlyTheTransformers() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("docs/privacy-rules.schema.json").toFile());
        List<String> named = new ArrayList<>();
        schema.at("/$defs/column/oneOf/1/properties/mask/enum").forEach(n -> named.add(n.asText()));
        assertEquals(Arrays.stream(Transformer.values()).map(Transformer::ruleName).toList(), named);
    }

    @Test
    void everyTransformerHasARowInPrivacyMdAndItsExampleParses() throws IOException {
        String doc = Files.readString(Path.of("docs/privacy.md"));
        for (Transformer transformer : Transformer.values()) {
            assertTrue(doc.contains("| `" + transformer.ruleName() + "` |"), transformer.ruleName());
        }
        Matcher example = Pattern.compile("```yaml\n(strict: true.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(example.find());
        PrivacyRules rules = PrivacyRules.read(Files.writeString(folder.resolve("doc.yaml"), example.group(1)));
        assertEquals(Transformer.NULL, rules.tables().get("public.staff").columns().get("password").transformer());
        assertEquals(PrivacyRules.ColumnRule.KEEP, rules.tables().get("public.customer").columns().get("activebool"));
        assertEquals(false, rules.tables().get("public.audit_log").data());
        assertEquals("store_id = 1", rules.tables().get("public.customer").where());
    }

    @Test
    void anUnknownTransformerIsRefusedListingTheRealOnes() throws IOException {
        Path file = Files.writeString(folder.resolve("bad.yaml"), "tables:\n  t:\n    columns:\n      c: {mask: scramble}\n");
        UserError error = assertThrows(UserError.class, () -> PrivacyRules.read(file));
        assertEquals(ExitCode.PRIVACY_RULES, error.exitCode());
        assertTrue(error.getMessage().contains("scramble") && error.getMessage().contains(Transformer.names()), error.getMessage());
    }

    @Test
    void aTextRowSplitsAtTabsAndMaskedFieldsAreUnescapedAndEscapedAgain() {
        byte[] row = "1\tTab\\tName\\\\x\t\\N\tline\\none\n".getBytes(StandardCharsets.UTF_8);
        String[] fields = CopyTextRow.fields(row);
        assertEquals(4, fields.length);
        assertEquals("Tab\tName\\x", CopyTextRow.unescape(fields[1]));
        assertEquals(null, CopyTextRow.unescape(fields[2]));
        assertEquals("line\none", CopyTextRow.unescape(fields[3]));
        assertEquals("aA\u0001", CopyTextRow.unescape("\\a\\x41\\001"), "other letters stand for themselves; hex and octal escapes");
        assertEquals(fields[1], CopyTextRow.escape(CopyTextRow.unescape(fields[1])));
        assertArrayEquals(row, CopyTextRow.join(fields));
    }

    @Test
    void personalNamesAreFoundInSeveralLanguagesAndOrdinaryOnesAreNot() {
        Map<String, Transformer> personal = Map.of("email", Transformer.EMAIL, "customerEmail", Transformer.EMAIL,
                "first_name", Transformer.PERSON_FIRST_NAME, "Nachname", Transformer.PERSON_LAST_NAME, "telefono", Transformer.PHONE,
                "adresse", Transformer.HASH, "password_hash", Transformer.NULL, "ip_address", Transformer.HASH, "iban", Transformer.HASH);
        personal.forEach((name, transformer) -> assertEquals(Optional.of(transformer), PersonalColumns.suggestion(name), name));
        for (String name : List.of("id", "store_id", "created_at", "amount", "activebool", "description", "rental_rate")) {
            assertEquals(Optional.empty(), PersonalColumns.suggestion(name), name);
        }
    }

    @Test
    void keyedTransformersAreDeterministicPerKey() {
        MaskingKey key = MaskingKey.of("k1");
        MaskingKey other = MaskingKey.of("k2");
        for (Transformer transformer : List.of(Transformer.HASH, Transformer.EMAIL, Transformer.PHONE)) {
            String value = transformer == Transformer.PHONE ? "+44 20 7946 0018" : "jane@corp.test";
            assertEquals(transformer.apply(value, key, Map.of()), transformer.apply(value, MaskingKey.of("k1"), Map.of()));
            assertTrue(!transformer.apply(value, key, Map.of()).equals(transformer.apply(value, other, Map.of())), transformer.ruleName());
        }
        assertEquals("corp.test", Transformer.EMAIL.apply("jane@corp.test", key, Map.of("keep_domain", "true")).split("@")[1]);
        assertTrue(!MaskingKey.of("k1").toString().contains("k1"));
    }
}

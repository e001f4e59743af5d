package io.neontwin.twin;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column names mark a column as personal, in English, German, French, Spanish, Italian and Dutch, and the
 * transformer that would cover each. Only names are read: no value of production is looked at for this.
 */
final class PersonalColumns {
    /** Words of a column name (split at '_', '-', digits and camelCase) that mark it personal, with a fitting transformer. */
    private static final Map<String, Transformer> WORDS = Map.ofEntries(
            Map.entry("email", Transformer.EMAIL), Map.entry("mail", Transformer.EMAIL), Map.entry("courriel", Transformer.EMAIL),
            Map.entry("correo", Transformer.EMAIL),
            Map.entry("firstname", Transformer.PERSON_FIRST_NAME), Map.entry("givenname", Transformer.PERSON_FIRST_NAME),
            Map.entry("vorname", Transformer.PERSON_FIRST_NAME), Map.entry("prenom", Transformer.PERSON_FIRST_NAME),
            Map.entry("nombre", Transformer.PERSON_FIRST_NAME), Map.entry("voornaam", Transformer.PERSON_FIRST_NAME),
            Map.entry("lastname", Transformer.PERSON_LAST_NAME), Map.entry("surname", Transformer.PERSON_LAST_NAME),
            Map.entry("familyname", Transformer.PERSON_LAST_NAME), Map.entry("nachname", Transformer.PERSON_LAST_NAME),
            Map.entry("apellido", Transformer.PERSON_LAST_NAME), Map.entry("cognome", Transformer.PERSON_LAST_NAME),
            Map.entry("achternaam", Transformer.PERSON_LAST_NAME),
            Map.entry("name", Transformer.HASH), Map.entry("fullname", Transformer.HASH), Map.entry("username", Transformer.HASH),
            Map.entry("login", Transformer.HASH),
            Map.entry("phone", Transformer.PHONE), Map.entry("mobile", Transformer.PHONE), Map.entry("telephone", Transformer.PHONE),
            Map.entry("tel", Transformer.PHONE), Map.entry("fax", Transformer.PHONE), Map.entry("telefon", Transformer.PHONE),
            Map.entry("telefono", Transformer.PHONE), Map.entry("telefoon", Transformer.PHONE), Map.entry("handy", Transformer.PHONE),
            Map.entry("address", Transformer.HASH), Map.entry("street", Transformer.HASH), Map.entry("adresse", Transformer.HASH),
            Map.entry("direccion", Transformer.HASH), Map.entry("indirizzo", Transformer.HASH), Map.entry("strasse", Transformer.HASH),
            Map.entry("adres", Transformer.HASH), Map.entry("postcode", Transformer.HASH), Map.entry("zip", Transformer.HASH),
            Map.entry("password", Transformer.NULL), Map.entry("passwd", Transformer.NULL), Map.entry("pwd", Transformer.NULL),
            Map.entry("passwort", Transformer.NULL), Map.entry("motdepasse", Transformer.NULL), Map.entry("contrasena", Transformer.NULL),
            Map.entry("ssn", Transformer.HASH), Map.entry("nationalid", Transformer.HASH), Map.entry("passport", Transformer.HASH),
            Map.entry("steuernummer", Transformer.HASH), Map.entry("dni", Transformer.HASH), Map.entry("nif", Transformer.HASH),
            Map.entry("iban", Transformer.HASH), Map.entry("bic", Transformer.HASH), Map.entry("card", Transformer.HASH),
            Map.entry("creditcard", Transformer.HASH), Map.entry("ccnumber", Transformer.HASH), Map.entry("cvv", Transformer.NULL),
            Map.entry("ip", Transformer.HASH), Map.entry("ipaddress", Transformer.HASH),
            Map.entry("birthdate", Transformer.NULL), Map.entry("dob", Transformer.NULL), Map.entry("birthday", Transformer.NULL),
            Map.entry("geburtsdatum", Transformer.NULL),
            Map.entry("token", Transformer.NULL), Map.entry("secret", Transformer.NULL), Map.entry("apikey", Transformer.NULL));

    private PersonalColumns() {
    }

    /** The transformer a rule for this column would use, if its name marks it as personal. */
    static Optional<Transformer> suggestion(String columnName) {
        String[] words = columnName.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).split("[^a-z]+");
        // Two neighbouring words read as one too: first_name is "firstname", ip_address "ipaddress".
        for (int i = 0; i < words.length - 1; i++) {
            Transformer joined = WORDS.get(words[i] + words[i + 1]);
            if (joined != null) {
                return Optional.of(joined);
            }
        }
        for (String word : words) {
            Transformer single = WORDS.get(word);
            if (single != null) {
                return Optional.of(single);
            }
        }
        return Optional.empty();
    }
}

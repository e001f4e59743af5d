package io.neontwin.diff;

import io.neontwin.catalog.CatalogObject;
import io.neontwin.catalog.ConstraintShape;
import io.neontwin.catalog.DomainShape;
import io.neontwin.catalog.EnumShape;
import io.neontwin.catalog.ExtensionShape;
import io.neontwin.catalog.FunctionShape;
import io.neontwin.catalog.SequenceShape;
import io.neontwin.catalog.TableShape;
import io.neontwin.catalog.TriggerShape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes an object that exists on both sides in place where PostgreSQL can; empty where it must be dropped and
 * created again (a view, an index, a constraint whose definition changed, a function whose result type changed).
 */
final class ObjectAlterations {
    private ObjectAlterations() {
    }

    static Optional<Alteration> of(CatalogObject from, CatalogObject to) {
        return switch (to.kind()) {
            case TABLE -> Optional.of(TableAlterations.of((TableShape) from.shape(), (TableShape) to.shape()));
            case EXTENSION -> Optional.of(extension((ExtensionShape) from.shape(), (ExtensionShape) to.shape()));
            case TYPE -> type(from, to);
            case SEQUENCE -> Optional.of(Alteration.inPlace(List.of(Step.of("ALTER SEQUENCE "
                    + ((SequenceShape) to.shape()).name() + " " + ((SequenceShape) to.shape()).options()))));
            case FUNCTION -> ((FunctionShape) from.shape()).equals(to.shape())
                    ? Optional.of(Alteration.inPlace(steps(to.create()))) : Optional.empty();
            // OWNED BY and COMMENT ON replace what was there
            case SEQUENCE_OWNERSHIP, COMMENT -> Optional.of(Alteration.inPlace(steps(to.create())));
            case PRIVILEGE -> Optional.of(Alteration.inPlace(steps(List.of(from.drop()), to.create())));
            case CONSTRAINT -> onlyValidated((ConstraintShape) from.shape(), (ConstraintShape) to.shape());
            case TRIGGER -> onlyState((TriggerShape) from.shape(), (TriggerShape) to.shape());
            default -> Optional.empty();
        };
    }

    @SafeVarargs
    static List<Step> steps(List<String>... statements) {
        List<Step> steps = new ArrayList<>();
        for (List<String> list : statements) {
            list.forEach(sql -> steps.add(Step.of(sql)));
        }
        return steps;
    }

    private static Alteration extension(ExtensionShape from, ExtensionShape to) {
        List<Step> steps = new ArrayList<>();
        if (!from.schema().equals(to.schema())) {
            steps.add(Step.of("ALTER EXTENSION " + to.name() + " SET SCHEMA " + to.schema()));
        }
        if (!from.version().equals(to.version())) {
            steps.add(Step.of("ALTER EXTENSION " + to.name() + " UPDATE TO " + to.version()));
        }
        return Alteration.inPlace(steps);
    }

    private static Optional<Alteration> type(CatalogObject from, CatalogObject to) {
        if (from.shape() instanceof EnumShape before && to.shape() instanceof EnumShape after) {
            return enumValuesAdded(before, after);
        }
        if (from.shape() instanceof DomainShape before && to.shape() instanceof DomainShape after
                && before.baseType().equals(after.baseType())) {
            return Optional.of(domain(before, after));
        }
        return Optional.empty();
    }

    /**
     * New values with ALTER TYPE ... ADD VALUE, each placed where it sits in the new order. The statement is run
     * outside a transaction: a value added in a transaction cannot be used before it commits. Values removed or
     * reordered need the type recreated.
     */
    private static Optional<Alteration> enumValuesAdded(EnumShape from, EnumShape to) {
        List<String> kept = to.labels().stream().filter(from.labels()::contains).toList();
        if (!kept.equals(from.labels())) {
            return Optional.empty();
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < to.labels().size(); i++) {
            String label = to.labels().get(i);
            if (from.labels().contains(label)) {
                continue;
            }
            String place = i > 0 ? " AFTER " + to.labels().get(i - 1) : " BEFORE " + to.labels().get(i + 1);
            steps.add(Step.alone("ALTER TYPE " + to.name() + " ADD VALUE " + label + (from.labels().isEmpty() ? "" : place)));
        }
        return Optional.of(Alteration.inPlace(steps));
    }

    private static Alteration domain(DomainShape from, DomainShape to) {
        String alter = "ALTER DOMAIN " + to.name() + " ";
        List<Step> steps = new ArrayList<>();
        if (!Objects.equals(from.defaultSql(), to.defaultSql())) {
            steps.add(Step.of(alter + (to.defaultSql() == null ? "DROP DEFAULT" : "SET DEFAULT " + to.defaultSql())));
        }
        if (from.notNull() != to.notNull()) {
            steps.add(Step.of(alter + (to.notNull() ? "SET NOT NULL" : "DROP NOT NULL")));
        }
        for (Map.Entry<String, String> check : from.constraints().entrySet()) {
            if (!check.getValue().equals(to.constraints().get(check.getKey()))) {
                steps.add(Step.of(alter + "DROP CONSTRAINT " + check.getKey()));
            }
        }
        for (Map.Entry<String, String> check : to.constraints().entrySet()) {
            if (!check.getValue().equals(from.constraints().get(check.getKey()))) {
                steps.addAll(Constraints.addNotValidThenValidate(alter, check.getKey(), check.getValue()));
            }
        }
        return Alteration.inPlace(steps);
    }

    /** A trigger only enabled or disabled is not recreated. */
    private static Optional<Alteration> onlyState(TriggerShape from, TriggerShape to) {
        if (from.definition().equals(to.definition())) {
            return Optional.of(Alteration.inPlace(List.of(Step.of(to.stateSql()))));
        }
        return Optional.empty();
    }

    /** A constraint left NOT VALID that is now validated needs only VALIDATE CONSTRAINT. */
    private static Optional<Alteration> onlyValidated(ConstraintShape from, ConstraintShape to) {
        if (!from.validated() && to.validated()
                && from.definition().replace(" NOT VALID", "").equals(to.definition())) {
            return Optional.of(Alteration.inPlace(List.of(Step.of("ALTER TABLE " + to.table() + " VALIDATE CONSTRAINT " + to.name()))));
        }
        return Optional.empty();
    }
}

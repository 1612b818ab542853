#include "rules/Condition.h"

#include "base/JsonReader.h"
#include "domain/Channel.h"
#include "rules/TimeLimits.h"

#include <algorithm>

namespace casedesk {

namespace {

const QString factKey = QStringLiteral("fact");
const QString isKey = QStringLiteral("is");
const QString inKey = QStringLiteral("in");
const QString atLeastKey = QStringLiteral("at_least");
const QString atMostKey = QStringLiteral("at_most");
const QString allKey = QStringLiteral("all");
const QString anyKey = QStringLiteral("any");
const QString notKey = QStringLiteral("not");

FactType typeFor(Condition::Operator op)
{
    switch (op) {
    case Condition::Operator::Is:
        return FactType::Bool;
    case Condition::Operator::In:
        return FactType::String;
    default:
        break;
    }
    return FactType::Number;
}

QString operatorFor(FactType type)
{
    switch (type) {
    case FactType::Bool:
        return isKey;
    case FactType::String:
        return inKey;
    case FactType::Number:
        break;
    }
    return atLeastKey + QStringLiteral(" / ") + atMostKey;
}

// The codes a string fact may be compared with when they are fixed enums; taxonomy codes are checked
// when the rule pack is assembled (RulePack), as rules are shared between profiles.
QStringList fixedCodes(FactValues values)
{
    switch (values) {
    case FactValues::Channel:
        return allCodes<Channel>();
    case FactValues::Complexity:
        return allCodes<Complexity>();
    default:
        break;
    }
    return {};
}

QStringList factNames()
{
    QStringList names;
    for (const FactDefinition &fact : CaseFacts::definitions())
        names.append(fact.name);
    return names;
}

} // namespace

Condition Condition::read(JsonReader &reader)
{
    Condition condition;
    condition.m_path = reader.fieldPath(QString());
    // An operator without "fact" is a test missing its fact, not an unknown combination.
    if (reader.has(factKey) || reader.has(isKey) || reader.has(inKey) || reader.has(atLeastKey)
        || reader.has(atMostKey))
        condition.readTest(reader);
    else
        condition.readCombination(reader);
    return condition;
}

void Condition::readTest(JsonReader &reader)
{
    reader.rejectUnknown({factKey, isKey, inKey, atLeastKey, atMostKey});
    m_fact = reader.string(factKey, true).trimmed();
    if (!reader.ok())
        return;
    const FactDefinition *fact = CaseFacts::definition(m_fact);
    if (!fact) {
        reader.invalid(factKey,
            tr("“%1” is not a known fact; facts are: %2.").arg(m_fact, factNames().join(QStringLiteral(", "))),
            {{QStringLiteral("value"), m_fact}, {QStringLiteral("allowed"), QJsonArray::fromStringList(factNames())}});
        return;
    }
    const std::pair<QString, Operator> operators[] = {
        {isKey, Operator::Is}, {inKey, Operator::In}, {atLeastKey, Operator::AtLeast}, {atMostKey, Operator::AtMost}};
    QString key;
    for (const auto &[name, op] : operators) {
        if (!reader.has(name))
            continue;
        if (!key.isEmpty()) {
            reader.invalid(
                name, tr("A condition tests one fact with one operator; “%1” and “%2” are both given.").arg(key, name));
            return;
        }
        key = name;
        m_op = op;
    }
    if (key.isEmpty()) {
        reader.invalid(
            QString(), tr("The condition on “%1” needs an operator: %2.").arg(m_fact, operatorFor(fact->type)));
        return;
    }
    if (typeFor(m_op) != fact->type) {
        reader.invalid(key,
            tr("“%1” does not fit fact “%2”, which is a %3; use “%4”.")
                .arg(key, m_fact, CaseFacts::typeName(fact->type), operatorFor(fact->type)),
            {{QStringLiteral("fact"), m_fact}, {QStringLiteral("fact_type"), CaseFacts::typeName(fact->type)}});
        return;
    }
    switch (m_op) {
    case Operator::Is: {
        const auto value = reader.optionalBoolean(key);
        m_expected = value.value_or(false);
        break;
    }
    case Operator::In: {
        const QStringList values = reader.stringList(key, true);
        for (const QString &value : values) {
            m_values.append(value.trimmed());
            if (reader.ok() && m_values.constLast().isEmpty())
                reader.invalid(key, tr("Values must not be empty."));
        }
        if (reader.ok() && m_values.isEmpty())
            reader.invalid(key, tr("The list of values must not be empty."));
        const QStringList allowed = fixedCodes(fact->values);
        for (const QString &value : std::as_const(m_values)) {
            if (reader.ok() && !allowed.isEmpty() && !allowed.contains(value)) {
                reader.invalid(key,
                    tr("“%1” is not a value of fact “%2”; values are: %3.")
                        .arg(value, m_fact, allowed.join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), value},
                        {QStringLiteral("allowed"), QJsonArray::fromStringList(allowed)}});
            }
        }
        break;
    }
    default:
        m_threshold = reader.number(key, 0, true);
        break;
    }
}

void Condition::readCombination(JsonReader &reader)
{
    reader.rejectUnknown({allKey, anyKey, notKey});
    if (!reader.ok())
        return;
    const int given = int(reader.has(allKey)) + int(reader.has(anyKey)) + int(reader.has(notKey));
    if (given != 1) {
        reader.invalid(
            QString(), tr("A condition needs either “fact” with an operator or exactly one of “all”, “any”, “not”."));
        return;
    }
    if (reader.has(notKey)) {
        m_op = Operator::Not;
        JsonReader inner = reader.child(notKey, true);
        if (reader.ok())
            m_children.append(read(inner));
        return;
    }
    const QString key = reader.has(allKey) ? allKey : anyKey;
    m_op = reader.has(allKey) ? Operator::All : Operator::Any;
    const QJsonArray items = reader.array(key, true);
    if (reader.ok() && items.isEmpty())
        reader.invalid(key, tr("The list of conditions must not be empty."));
    for (int i = 0; i < items.size() && reader.ok(); ++i) {
        JsonReader inner = reader.element(items, i, key);
        if (reader.ok())
            m_children.append(read(inner));
    }
}

bool Condition::matches(const CaseFacts &facts) const
{
    switch (m_op) {
    case Operator::Is:
        return facts.boolean(m_fact) == m_expected;
    case Operator::In:
        return m_values.contains(facts.string(m_fact));
    case Operator::AtLeast: {
        const auto value = facts.number(m_fact);
        return value && *value >= m_threshold;
    }
    case Operator::AtMost: {
        const auto value = facts.number(m_fact);
        return value && *value <= m_threshold;
    }
    case Operator::All:
        return std::all_of(
            m_children.cbegin(), m_children.cend(), [&](const Condition &c) { return c.matches(facts); });
    case Operator::Any:
        return std::any_of(
            m_children.cbegin(), m_children.cend(), [&](const Condition &c) { return c.matches(facts); });
    case Operator::Not:
        return !m_children.isEmpty() && !m_children.constFirst().matches(facts);
    }
    return false;
}

QList<const Condition *> Condition::tests() const
{
    QList<const Condition *> found;
    collectTests(found);
    return found;
}

void Condition::collectTests(QList<const Condition *> &tests) const
{
    if (!m_fact.isEmpty()) {
        tests.append(this);
        return;
    }
    for (const Condition &child : m_children)
        child.collectTests(tests);
}

} // namespace casedesk

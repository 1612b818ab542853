#include "rules/RoutingRules.h"

#include "rules/LocalizedTextField.h"
#include "rules/RuleFileReader.h"
#include "rules/Taxonomy.h"

#include <QSet>

namespace casedesk {

using Presence = RuleFileReader::Presence;

Result<RoutingRules> RoutingRules::fromJson(const QJsonObject &json, const QString &fileName)
{
    RoutingRules result;
    RuleFileReader file(json, fileName);
    JsonReader &root = file.root();
    root.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("default_reason"),
        QStringLiteral("rules")});
    file.readHeader();
    result.m_defaultReason = LocalizedTextField::read(root, QStringLiteral("default_reason"));
    QSet<QString> ids;
    file.readList(root, QStringLiteral("rules"), QStringLiteral("id"), Presence::Required, [&](JsonReader &entry, int) {
        entry.rejectUnknown({QStringLiteral("id"), QStringLiteral("when"), QStringLiteral("unit"),
            QStringLiteral("notify"), QStringLiteral("reason"), QStringLiteral("source")});
        RoutingRule rule;
        rule.id = entry.string(QStringLiteral("id"), true).trimmed();
        file.checkUnique(entry, QStringLiteral("id"), rule.id, ids);
        JsonReader when = entry.child(QStringLiteral("when"), true);
        if (file.ok())
            rule.when = Condition::read(when);
        // Units are checked against the profile's taxonomy when the rule pack is assembled.
        rule.unit = entry.string(QStringLiteral("unit"), true).trimmed();
        for (const QString &code : entry.stringList(QStringLiteral("notify"))) {
            const auto role = fromCode<Role>(code.trimmed());
            if (!role && file.ok()) {
                entry.invalid(QStringLiteral("notify"),
                    tr("“%1” is not a role; roles are: %2.").arg(code, allCodes<Role>().join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), code},
                        {QStringLiteral("allowed"), QJsonArray::fromStringList(allCodes<Role>())}});
            }
            if (role && !rule.notify.contains(*role))
                rule.notify.append(*role);
        }
        rule.reason = LocalizedTextField::read(entry, QStringLiteral("reason"));
        entry.string(QStringLiteral("source"));
        result.m_rules.append(rule);
    });
    if (!file.ok())
        return file.error();
    return result;
}

RoutingDecision RoutingRules::route(const CaseFacts &facts, const Taxonomy &taxonomy) const
{
    for (const RoutingRule &rule : m_rules) {
        if (rule.when.matches(facts))
            return {rule.unit, rule.id, rule.reason, rule.notify};
    }
    // An unknown category leaves the unit empty: the supervisor routes it by hand at review.
    const Category *category = taxonomy.category(facts.string(QStringLiteral("category")));
    return {category ? category->defaultUnit : QString(), QString(), m_defaultReason, {}};
}

} // namespace casedesk

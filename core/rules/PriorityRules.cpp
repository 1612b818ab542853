#include "rules/PriorityRules.h"

#include "rules/LocalizedTextField.h"
#include "rules/RuleFileReader.h"

#include <QSet>

#include <algorithm>

namespace casedesk {

using Presence = RuleFileReader::Presence;

Result<PriorityRules> PriorityRules::fromJson(const QJsonObject &json, const QString &fileName)
{
    PriorityRules result;
    RuleFileReader file(json, fileName);
    JsonReader &root = file.root();
    root.rejectUnknown({QStringLiteral("version"), QStringLiteral("source"), QStringLiteral("rules")});
    file.readHeader();
    QSet<QString> ids;
    file.readList(root, QStringLiteral("rules"), QStringLiteral("id"), Presence::Required, [&](JsonReader &entry, int) {
        entry.rejectUnknown({QStringLiteral("id"), QStringLiteral("priority"), QStringLiteral("when"),
            QStringLiteral("reason"), QStringLiteral("source")});
        PriorityRule rule;
        rule.id = entry.string(QStringLiteral("id"), true).trimmed();
        file.checkUnique(entry, QStringLiteral("id"), rule.id, ids);
        const QString priority = entry.string(QStringLiteral("priority"), true).trimmed();
        if (file.ok()) {
            if (const auto parsed = fromCode<Priority>(priority)) {
                rule.priority = *parsed;
            } else {
                entry.invalid(QStringLiteral("priority"),
                    tr("“%1” is not a priority; priorities are: %2.")
                        .arg(priority, allCodes<Priority>().join(QStringLiteral(", "))),
                    {{QStringLiteral("value"), priority},
                        {QStringLiteral("allowed"), QJsonArray::fromStringList(allCodes<Priority>())}});
            }
        }
        JsonReader when = entry.child(QStringLiteral("when"), true);
        if (file.ok())
            rule.when = Condition::read(when);
        rule.reason = LocalizedTextField::read(entry, QStringLiteral("reason"));
        entry.string(QStringLiteral("source"));
        result.m_rules.append(rule);
    });
    if (!file.ok())
        return file.error();
    return result;
}

PriorityDecision PriorityRules::evaluate(const CaseFacts &facts) const
{
    PriorityDecision decision;
    for (const PriorityRule &rule : m_rules) {
        if (!rule.when.matches(facts))
            continue;
        decision.reasons.append({rule.id, rule.priority, rule.reason});
        if (rank(rule.priority) > rank(decision.priority))
            decision.priority = rule.priority;
    }
    // Most urgent first; rules of equal priority keep their order in the file.
    std::stable_sort(decision.reasons.begin(), decision.reasons.end(),
        [](const PriorityReason &a, const PriorityReason &b) { return rank(a.priority) > rank(b.priority); });
    return decision;
}

} // namespace casedesk

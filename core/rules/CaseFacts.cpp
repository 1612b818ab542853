#include "rules/CaseFacts.h"

#include "rules/Taxonomy.h"

#include <QLoggingCategory>

namespace casedesk {

Q_LOGGING_CATEGORY(lcCaseFacts, "casedesk.rules.facts")

const QList<FactDefinition> &CaseFacts::definitions()
{
    static const QList<FactDefinition> facts = {
        {QStringLiteral("channel"), FactType::String, FactValues::Channel},
        {QStringLiteral("category"), FactType::String, FactValues::Category},
        {QStringLiteral("complexity"), FactType::String, FactValues::Complexity},
        {QStringLiteral("business_category"), FactType::String, FactValues::BusinessCategory},
        {QStringLiteral("funds_safety"), FactType::Bool, FactValues::Any},
        {QStringLiteral("threatens_escalation"), FactType::Bool, FactValues::Any},
        {QStringLiteral("group_size"), FactType::Number, FactValues::Any},
        {QStringLiteral("is_repeat"), FactType::Bool, FactValues::Any},
        {QStringLiteral("repeat_of_escalated"), FactType::Bool, FactValues::Any},
        {QStringLiteral("conduct_issue"), FactType::Bool, FactValues::Any},
        {QStringLiteral("legal_dispute"), FactType::Bool, FactValues::Any},
        {QStringLiteral("anonymous"), FactType::Bool, FactValues::Any},
        {QStringLiteral("amount"), FactType::Number, FactValues::Any},
        {QStringLiteral("escalated"), FactType::Bool, FactValues::Any},
    };
    return facts;
}

const FactDefinition *CaseFacts::definition(const QString &name)
{
    for (const FactDefinition &fact : definitions()) {
        if (fact.name == name)
            return &fact;
    }
    return nullptr;
}

QString CaseFacts::typeName(FactType type)
{
    switch (type) {
    case FactType::String:
        return QStringLiteral("string");
    case FactType::Bool:
        return QStringLiteral("bool");
    case FactType::Number:
        break;
    }
    return QStringLiteral("number");
}

CaseFacts CaseFacts::fromCase(const Case &complaint, const Taxonomy &taxonomy, bool isRepeat, bool repeatOfEscalated)
{
    CaseFacts facts;
    facts.setString(QStringLiteral("channel"), toCode(complaint.channel));
    facts.setString(QStringLiteral("category"), complaint.category);
    if (const Category *category = taxonomy.category(complaint.category))
        facts.setString(QStringLiteral("complexity"), toCode(category->complexity));
    facts.setString(QStringLiteral("business_category"), complaint.businessCategory);
    facts.setBool(QStringLiteral("funds_safety"), complaint.fundsSafety);
    facts.setBool(QStringLiteral("threatens_escalation"), complaint.threatensEscalation);
    facts.setNumber(QStringLiteral("group_size"), complaint.groupSize);
    facts.setBool(QStringLiteral("is_repeat"), isRepeat || !complaint.repeatOf.isEmpty());
    facts.setBool(QStringLiteral("repeat_of_escalated"), repeatOfEscalated);
    facts.setBool(QStringLiteral("conduct_issue"), complaint.conductIssue);
    facts.setBool(QStringLiteral("legal_dispute"), complaint.legalDispute);
    facts.setBool(QStringLiteral("anonymous"), complaint.complainant.anonymous);
    if (complaint.amount)
        facts.setNumber(QStringLiteral("amount"), double(complaint.amount->fen()) / 100.0);
    facts.setBool(QStringLiteral("escalated"), complaint.escalated);
    return facts;
}

bool CaseFacts::accepts(const QString &name, FactType type)
{
    const FactDefinition *fact = definition(name);
    if (fact && fact->type == type)
        return true;
    qCWarning(lcCaseFacts) << "not a" << typeName(type) << "fact:" << name;
    return false;
}

void CaseFacts::setString(const QString &name, const QString &value)
{
    if (accepts(name, FactType::String))
        m_strings.insert(name, value);
}

void CaseFacts::setBool(const QString &name, bool value)
{
    if (accepts(name, FactType::Bool))
        m_bools.insert(name, value);
}

void CaseFacts::setNumber(const QString &name, double value)
{
    if (accepts(name, FactType::Number))
        m_numbers.insert(name, value);
}

std::optional<double> CaseFacts::number(const QString &name) const
{
    const auto it = m_numbers.constFind(name);
    if (it == m_numbers.cend())
        return std::nullopt;
    return *it;
}

} // namespace casedesk

#pragma once

#include "base/Clock.h"
#include "domain/Branch.h"
#include "domain/Case.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace casedesk {

class CaseRules;
class CaseStore;

// Writes cases the way one reader gets them (DESIGN §5): masked unless revealed, priority reasons in
// the reader's language, times in the receiving branch's zone, and `overdue`/`due_soon` judged now by
// the core's deadline rules. Branches are looked up once per renderer (one per request).
class CaseRenderer
{
public:
    CaseRenderer(CaseStore &store, const CaseRules &rules, const Clock &clock, QString language);

    QJsonObject render(const Case &c, bool revealPersonalData);

private:
    std::optional<Branch> branch(const QString &id);

    CaseStore &m_store;
    const CaseRules &m_rules;
    const Clock &m_clock;
    QString m_language;
    QHash<QString, std::optional<Branch>> m_branches;
};

} // namespace casedesk

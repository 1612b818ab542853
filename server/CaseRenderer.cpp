#include "CaseRenderer.h"

#include "casework/CaseJson.h"
#include "casework/CaseRules.h"
#include "storage/CaseStore.h"

#include <QTimeZone>

namespace casedesk {

CaseRenderer::CaseRenderer(CaseStore &store, const CaseRules &rules, const Clock &clock, QString language)
    : m_store(store)
    , m_rules(rules)
    , m_clock(clock)
    , m_language(std::move(language))
{ }

std::optional<Branch> CaseRenderer::branch(const QString &id)
{
    if (auto it = m_branches.constFind(id); it != m_branches.constEnd())
        return *it;
    auto found = m_store.findBranch(id);
    std::optional<Branch> b = found ? *found : std::nullopt;
    m_branches.insert(id, b);
    return b;
}

QJsonObject CaseRenderer::render(const Case &c, bool revealPersonalData)
{
    const Branch b = branch(c.branchId).value_or(Branch {});
    CaseJson::Options options;
    options.revealPersonalData = revealPersonalData;
    options.language = m_language;
    options.due = m_rules.deadlines().dueState(c, b, m_clock.now());
    const QTimeZone zone(b.timeZone.toLatin1());
    options.zone = zone.isValid() ? zone : QTimeZone::utc();
    return CaseJson::toJson(c, options);
}

} // namespace casedesk

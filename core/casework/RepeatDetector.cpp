#include "casework/RepeatDetector.h"

#include "rules/TimeLimits.h"
#include "storage/CaseStore.h"

namespace casedesk {

RepeatDetector::RepeatDetector(CaseStore &store, const TimeLimits &limits)
    : m_store(store)
    , m_limits(limits)
{ }

Result<std::optional<Case>> RepeatDetector::findEarlier(const Case &c) const
{
    if (c.complainant.anonymous || (c.phoneHash.isEmpty() && c.idNumberHash.isEmpty()))
        return std::optional<Case>();
    const QDateTime since = c.receivedAt.addDays(-m_limits.repeatWindowDays());
    auto earlier = m_store.findByContact(c.phoneHash, c.idNumberHash, c.category, since, c.id);
    if (!earlier)
        return earlier.error();
    for (const Case &candidate : earlier.value()) {
        // Only cases received before this one: a case is not a repeat of a later complaint.
        if (candidate.receivedAt <= c.receivedAt)
            return std::optional<Case>(candidate);
    }
    return std::optional<Case>();
}

} // namespace casedesk

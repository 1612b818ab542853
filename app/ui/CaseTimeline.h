#pragma once

#include "base/Result.h"
#include "domain/Case.h"
#include "sync/SyncOp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace casedesk {

class CaseLabels;
class Workspace;

// The history of one case as the detail view shows it (issue 4 §5): the audit trail as the server
// recorded it, the records appended to the case (contacts, investigation, visits …), and what this
// computer did that the server has not confirmed yet (outbox ops, DESIGN §6) or refused.
class CaseTimeline
{
    Q_DECLARE_TR_FUNCTIONS(CaseTimeline)

public:
    struct Entry
    {
        enum class Source { Audit, Record, Pending, Refused };

        QDateTime at;
        QString actor;
        QString title;
        QString detail;
        Source source = Source::Audit;
        QString recordId;
        QString recordKind;
        bool notYetSent = false; // a record written here whose op is still in the outbox
    };

    explicit CaseTimeline(Workspace &workspace);

    // Oldest first.
    Result<QList<Entry>> build(const Case &c) const;
    // A queued op in words ("Moved to Resolved: …"), for the timeline and the refused-ops list.
    static QString describe(const SyncOp &op, const CaseLabels &labels);

private:
    Workspace &m_workspace;
};

} // namespace casedesk

#pragma once

#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "casework/CaseJson.h"

#include <QJsonObject>
#include <QList>

namespace casedesk {

class CaseStore;

// One committed change as pull delivers it: the entity's latest state and its revision.
struct Change
{
    qint64 revision = 0;
    QString kind; // "case", "record", "audit", "corrective_action"
    QString id;
    QJsonObject data;

    QJsonObject toJson() const;
    static Change fromJson(const QJsonObject &json);
};

struct ChangePage
{
    QList<Change> changes;
    qint64 next = 0; // the cursor for the next pull
    bool hasMore = false;
};

// The server side of pull (DESIGN §6): every change in the user's scope after a revision, in
// revision order, paged. Writers commit in revision order (CaseStore::nextRevision serialises them),
// so a cursor never passes a change that is still to commit. Personal data is always masked here.
class ChangeFeed
{
public:
    ChangeFeed(CaseStore &store, CaseJson::Options json);
    Result<ChangePage> since(qint64 revision, const AccessPolicy &access, int limit) const;

private:
    CaseStore &m_store;
    CaseJson::Options m_json;
};

} // namespace casedesk

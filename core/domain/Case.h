#pragma once

#include "domain/CaseDeadlines.h"
#include "domain/CaseStatus.h"
#include "domain/Channel.h"
#include "domain/Complainant.h"
#include "domain/Forwarding.h"
#include "domain/Money.h"
#include "domain/Party.h"
#include "domain/Priority.h"
#include "domain/PriorityReason.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace casedesk {

// One complaint case: the facts recorded at intake (BRIEF §2), its classification on our own
// categories and the regulator's three axes (§3, §9), the computed priority and deadlines, and
// where it is in the life cycle (§6). Records attached to it (contacts, visits …) live apart.
struct Case
{
    QString id; // UUID, generated where the case is first written (also offline at a counter)
    QString number; // <branch code>-<yyyymmdd>-<device code><4-digit sequence>
    QString branchId;
    QString handlingUnit; // code of the unit that must handle it (被投诉单位 / routing result)
    Channel channel = Channel::WalkIn;
    QString category;
    QString businessCategory; // regulator axis B
    QString channelAxis; // regulator axis A
    QString cause; // regulator axis C, confirmed at closure
    QString product;
    QString subjectStaff; // who or what is complained about; the handler must not be this person
    Priority priority = Priority::Normal;
    QList<PriorityReason> priorityReasons;
    CaseStatus status = CaseStatus::Received;
    QDateTime receivedAt;
    QString receivedBy; // user id of the first receiver (首问负责)
    Complainant complainant;
    // Keyed hashes of the normalised phone and ID number (DESIGN §7): repeat lookups without clear text.
    QString phoneHash;
    QString idNumberHash;
    QList<Party> parties;
    int groupSize = 0; // number of joint complainants for a group complaint, 0 otherwise
    QString summary;
    QString demand;
    std::optional<Money> amount;
    QString assigneeId;
    QString repeatOf; // id of the earlier case when this is a repeat complaint
    Forwarding forwarding;
    QString mediaOutlet;
    QString recordingReference; // audio/video recording of walk-in handling
    bool fundsSafety = false; // funds safety or trading risk involved
    bool threatensEscalation = false; // complainant threatens to go to media or regulator
    bool escalated = false;
    bool conductIssue = false; // e.g. a withdrawal obtained under pressure
    bool malicious = false; // anonymous complaint recorded as malicious
    bool legalDispute = false; // economic dispute needing legal process (routing to legal, 004 art.17)
    bool resolveExtended = false;
    QString extensionReason;
    int statutoryExtensions = 0; // 0, 1 (to 30 days) or 2 (to 60 days)
    QDateTime registeredAt;
    QDateTime dispatchedAt;
    QDateTime firstContactAt; // first contact with the complainant after dispatch (contact-by is met)
    QDateTime resolvedAt;
    QDateTime visitedAt;
    QDateTime closedAt; // archived or withdrawn
    int reopenCount = 0;
    CaseDeadlines deadlines;
    qint64 revision = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace casedesk

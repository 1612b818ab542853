#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace casedesk {

// A record appended to a case (BRIEF §7): contact, investigation, reply, mediation, compensation,
// supervision reply, follow-up visit or note. The kinds and their fields are data
// (resources/rules/case-records.json, checked by RecordSchema); appended records never conflict
// in sync because nobody edits them afterwards.
struct CaseRecord
{
    QString id; // UUID
    QString caseId;
    QString kind;
    QJsonObject data;
    QDateTime createdAt;
    QString createdBy; // user id
    qint64 revision = 0;

    friend bool operator==(const CaseRecord &, const CaseRecord &) = default;
};

} // namespace casedesk

#pragma once

#include <QString>
#include <QTime>

namespace casedesk {

// A node of the organisation tree (head office → branches → sub-branches, BRIEF §1). Its time
// zone and cut-off decide the effective receipt date of complaints received there (DESIGN §5).
struct Branch
{
    QString id; // UUID
    QString code; // e.g. SH01; first part of case numbers
    QString name;
    QString parentId; // empty for head office
    QString timeZone = QStringLiteral("Asia/Shanghai");
    QTime cutoff = QTime(17, 0);
    bool active = true;
    qint64 revision = 0;

    friend bool operator==(const Branch &, const Branch &) = default;
};

} // namespace casedesk
